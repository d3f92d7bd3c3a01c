package jp.digilab.robots.step;

import java.util.List;

import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * {@code read: {from: SELECTOR, as: NAME}}: capture a value into the record's result (a
 * field's value, a drop-down's chosen text, or an element's text; {@code attribute: X}
 * reads an attribute instead).
 */
public record Read(int line, String from, String as, String attribute) implements Step {

	@Override
	public String name() {
		return "read";
	}

	@Override
	public String describe() {
		return "read " + this.from + " as " + this.as;
	}

	@Override
	public void run(StepContext ctx) {
		WebElement element = ctx.element(this.from, false);
		String value = (this.attribute != null) ? element.getDomAttribute(ctx.resolve(this.attribute))
				: valueOf(element);
		ctx.put(this.as, (value != null) ? value.strip() : "");
	}

	static String valueOf(WebElement element) {
		String tag = element.getTagName().toLowerCase();
		if (tag.equals("select")) {
			return new Select(element).getAllSelectedOptions().stream().map(WebElement::getText).findFirst().orElse("");
		}
		if (tag.equals("input") || tag.equals("textarea")) {
			return element.getDomProperty("value");
		}
		String text = element.getText();
		return (text == null || text.isEmpty()) ? element.getDomProperty("textContent") : text;
	}

	@Override
	public List<String> selectors() {
		return List.of(this.from);
	}

}
