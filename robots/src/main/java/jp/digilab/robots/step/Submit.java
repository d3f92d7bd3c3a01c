package jp.digilab.robots.step;

import java.util.List;

import org.openqa.selenium.WebElement;

/**
 * {@code submit: SELECTOR}: submit the form the element is in (or is).
 */
public record Submit(int line, String selector) implements Step {

	@Override
	public String name() {
		return "submit";
	}

	@Override
	public String describe() {
		return "submit " + this.selector;
	}

	@Override
	public void run(StepContext ctx) {
		ctx.act(this.selector, WebElement::submit);
	}

	@Override
	public List<String> selectors() {
		return List.of(this.selector);
	}

}
