package jp.digilab.robots.step;

import java.util.List;

import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.support.ui.Select;

/**
 * {@code select: {in: SELECTOR, option: TEXT}}: choose an option of a drop-down by its
 * visible text, or else by its value.
 */
public record SelectOption(int line, String in, String option) implements Step {

	@Override
	public String name() {
		return "select";
	}

	@Override
	public String describe() {
		return "select " + this.option + " in " + this.in;
	}

	@Override
	public void run(StepContext ctx) {
		String wanted = ctx.resolve(this.option);
		ctx.act(this.in, (e) -> {
			Select select = new Select(e);
			try {
				select.selectByVisibleText(wanted);
			}
			catch (NoSuchElementException byText) {
				try {
					select.selectByValue(wanted);
				}
				catch (NoSuchElementException byValue) {
					throw new StepException("no option '" + ctx.mask(wanted) + "' (by text or value)");
				}
			}
		});
	}

	@Override
	public List<String> selectors() {
		return List.of(this.in);
	}

	@Override
	public List<String> texts() {
		return List.of(this.option);
	}

}
