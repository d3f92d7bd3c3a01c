package jp.digilab.robots.step;

import java.util.List;

import org.openqa.selenium.WebElement;

/**
 * {@code clear: SELECTOR}: empty a field.
 */
public record Clear(int line, String selector) implements Step {

	@Override
	public String name() {
		return "clear";
	}

	@Override
	public String describe() {
		return "clear " + this.selector;
	}

	@Override
	public void run(StepContext ctx) {
		ctx.act(this.selector, WebElement::clear);
	}

	@Override
	public List<String> selectors() {
		return List.of(this.selector);
	}

}
