package jp.digilab.robots.step;

import java.util.List;

import org.openqa.selenium.WebElement;

/**
 * {@code click: SELECTOR}.
 */
public record Click(int line, String selector) implements Step {

	@Override
	public String name() {
		return "click";
	}

	@Override
	public String describe() {
		return "click " + this.selector;
	}

	@Override
	public void run(StepContext ctx) {
		ctx.act(this.selector, WebElement::click);
	}

	@Override
	public List<String> selectors() {
		return List.of(this.selector);
	}

}
