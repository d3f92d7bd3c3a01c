package jp.digilab.robots.step;

import java.time.Duration;
import java.util.List;

import jp.digilab.robots.browser.Failures;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * {@code waitFor: {text|element|url|gone: ..., timeout: 10s}}: wait until a text is on
 * the page, an element is visible, the URL contains a text, or an element is gone.
 * {@code waitFor: SELECTOR} waits for an element.
 */
public record WaitFor(int line, Kind kind, String target, Duration timeout) implements Step {

	/** What is awaited. */
	public enum Kind {

		TEXT, ELEMENT, URL, GONE

	}

	@Override
	public String name() {
		return "waitFor";
	}

	@Override
	public String describe() {
		return "waitFor " + this.kind.name().toLowerCase() + " " + this.target;
	}

	@Override
	public void run(StepContext ctx) {
		String resolved = ctx.resolve(this.target);
		Duration limit = ctx.timeout(this.timeout);
		switch (this.kind) {
			case TEXT -> ctx.await(limit, "text '" + resolved + "'", () -> PageText.contains(ctx.driver(), resolved));
			case URL ->
				ctx.await(limit, "a URL containing '" + resolved + "'", () -> currentUrl(ctx).contains(resolved));
			case ELEMENT -> ctx.await(limit, "element '" + resolved + "'",
					() -> ctx.findNow(this.target).stream().anyMatch(WaitFor::displayed));
			case GONE -> ctx.await(limit, "element '" + resolved + "' to go",
					() -> ctx.findNow(this.target).stream().noneMatch(WaitFor::displayed));
		}
	}

	/** The URL of the current frame (the page's URL when not in a frame). */
	private static String currentUrl(StepContext ctx) {
		return String.valueOf(((JavascriptExecutor) ctx.driver()).executeScript("return document.location.href;"));
	}

	private static boolean displayed(WebElement e) {
		try {
			return e.isDisplayed();
		}
		catch (StaleElementReferenceException ex) {
			return false;
		}
		catch (RuntimeException ex) {
			if (Failures.isConnectionLost(ex)) {
				throw ex;
			}
			return false;
		}
	}

	@Override
	public List<String> selectors() {
		return (this.kind == Kind.ELEMENT || this.kind == Kind.GONE) ? List.of(this.target) : List.of();
	}

	@Override
	public List<String> texts() {
		return (this.kind == Kind.TEXT || this.kind == Kind.URL) ? List.of(this.target) : List.of();
	}

}
