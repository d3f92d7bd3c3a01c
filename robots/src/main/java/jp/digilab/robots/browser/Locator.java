package jp.digilab.robots.browser;

import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Finds the elements a selector names in the current frame. {@code text=} and
 * {@code label=} are resolved by a script in the page, in one round trip, the way a
 * person reads a legacy page: a {@code <label for>}, a control inside its label, or the
 * control in the table cell next to the cell with that text.
 */
public final class Locator {

	private static final String FIND_SCRIPT = """
			const kind = arguments[0];
			const norm = s => (s || '').replace(/[\\s\\u3000]+/g, ' ').trim();
			const bare = s => norm(s).replace(/[\\s:：*＊※]+$/, '').replace(/^[*＊※]+/, '').trim();
			const want = norm(arguments[1]);
			const CONTROL = 'input:not([type=hidden]),select,textarea';
			const textOf = e => {
			  if (e.tagName === 'INPUT') return norm(e.value || e.alt || '');
			  const c = e.cloneNode(true);
			  c.querySelectorAll('select,textarea,script,style').forEach(x => x.remove());
			  return norm(c.textContent);
			};
			const innermost = (list, match) => list.filter(e => match(e)
			    && !Array.from(e.children).some(ch => match(ch)));
			if (kind === 'text') {
			  const clickable = Array.from(document.querySelectorAll(
			    'a,button,input[type=submit],input[type=button],input[type=reset],input[type=image],'
			    + '[role=button],[onclick],label,summary'));
			  let hits = clickable.filter(e => textOf(e) === want);
			  if (!hits.length) {
			    const all = Array.from(document.body ? document.body.querySelectorAll('*') : []);
			    hits = innermost(all, e => textOf(e) === want);
			    if (!hits.length) hits = innermost(all, e => textOf(e).includes(want));
			  }
			  return hits;
			}
			const out = [];
			const w = bare(want);
			for (const l of document.querySelectorAll('label')) {
			  if (bare(textOf(l)) !== w) continue;
			  let c = l.htmlFor ? document.getElementById(l.htmlFor) : null;
			  if (!c) c = l.querySelector(CONTROL);
			  if (!c) {
			    let n = l.nextElementSibling;
			    if (n && n.matches(CONTROL)) c = n;
			  }
			  if (c) out.push(c);
			}
			if (!out.length) {
			  for (const c of document.querySelectorAll(CONTROL)) {
			    if (bare(c.getAttribute('aria-label')) === w || bare(c.getAttribute('title')) === w
			        || bare(c.getAttribute('placeholder')) === w) out.push(c);
			  }
			}
			if (!out.length) {
			  for (const cell of document.querySelectorAll('td,th')) {
			    if (bare(textOf(cell)) !== w || cell.querySelector(CONTROL)) continue;
			    for (let n = cell.nextElementSibling; n; n = n.nextElementSibling) {
			      const c = n.matches(CONTROL) ? n : n.querySelector(CONTROL);
			      if (c) { out.push(c); break; }
			    }
			  }
			}
			return out;
			""";

	/**
	 * The first of some elements that is shown, in one round trip. Selenium's
	 * {@code isDisplayed} sends its whole visibility atom (some kilobytes of script) to
	 * the page for each element it asks about; the browser's own
	 * {@code Element.checkVisibility} answers the same question (no box, hidden, zero
	 * opacity) natively. An {@code <option>} is as shown as its {@code <select>}.
	 */
	private static final String SHOWN_SCRIPT = """
			for (const e of arguments[0]) {
			  const t = (e.tagName === 'OPTION' && e.closest('select')) || e;
			  if (!t.isConnected) continue;
			  const shown = t.checkVisibility
			      ? t.checkVisibility({ opacityProperty: true, visibilityProperty: true })
			      : !!(t.offsetWidth || t.offsetHeight || t.getClientRects().length);
			  if (shown) return e;
			}
			return null;
			""";

	private Locator() {
	}

	/**
	 * The first of the elements that is shown on the page.
	 * @param driver the driver
	 * @param elements elements of the current frame
	 * @return the first shown one, or {@code null}
	 * @throws org.openqa.selenium.StaleElementReferenceException if one is no longer in
	 * the page
	 */
	public static WebElement firstShown(WebDriver driver, List<WebElement> elements) {
		if (elements.isEmpty()) {
			return null;
		}
		Object shown = ((JavascriptExecutor) driver).executeScript(SHOWN_SCRIPT, elements);
		return (shown instanceof WebElement element) ? element : null;
	}

	/**
	 * All elements the selector names now (no waiting).
	 * @param driver the browser
	 * @param selector a resolved selector
	 * @return the elements, possibly none
	 */
	@SuppressWarnings("unchecked")
	public static List<WebElement> findAll(WebDriver driver, String selector) {
		Selectors.Parsed parsed = Selectors.parse(selector);
		return switch (parsed.kind()) {
			case "xpath" -> driver.findElements(By.xpath(parsed.value()));
			case "id" -> driver.findElements(By.id(parsed.value()));
			case "name" -> driver.findElements(By.name(parsed.value()));
			case "text", "label" -> {
				Object found = ((JavascriptExecutor) driver).executeScript(FIND_SCRIPT, parsed.kind(), parsed.value());
				yield (found instanceof List<?> list) ? new ArrayList<>((List<WebElement>) list) : List.of();
			}
			default -> driver.findElements(By.cssSelector(parsed.value()));
		};
	}

}
