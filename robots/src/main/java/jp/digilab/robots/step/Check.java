package jp.digilab.robots.step;

import java.util.List;

/**
 * {@code check: SELECTOR} / {@code uncheck: SELECTOR}: set a check box or radio button,
 * clicking only if its state differs.
 */
public record Check(int line, String selector, boolean checked) implements Step {

	@Override
	public String name() {
		return this.checked ? "check" : "uncheck";
	}

	@Override
	public String describe() {
		return name() + " " + this.selector;
	}

	@Override
	public void run(StepContext ctx) {
		ctx.act(this.selector, (e) -> {
			if (e.isSelected() != this.checked) {
				e.click();
			}
			if (e.isSelected() != this.checked) {
				throw new StepException("the box did not become " + (this.checked ? "checked" : "unchecked"));
			}
		});
	}

	@Override
	public List<String> selectors() {
		return List.of(this.selector);
	}

}
