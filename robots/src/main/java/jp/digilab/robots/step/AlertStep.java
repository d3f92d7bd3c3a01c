package jp.digilab.robots.step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.Alert;
import org.openqa.selenium.NoAlertPresentException;

/**
 * {@code acceptAlert}, {@code dismissAlert}, {@code answerPrompt}: wait for a JavaScript
 * alert, confirm or prompt and answer it. With {@code expect: TEXT}, a dialog that does
 * not contain the text is dismissed (never confirmed) and the record fails.
 */
public record AlertStep(int line, Action action, String expect, String answer, Duration timeout) implements Step {

	/** How to answer. */
	public enum Action {

		ACCEPT("acceptAlert"), DISMISS("dismissAlert"), ANSWER("answerPrompt");

		private final String stepName;

		Action(String stepName) {
			this.stepName = stepName;
		}

		public String stepName() {
			return this.stepName;
		}

	}

	@Override
	public String name() {
		return this.action.stepName();
	}

	@Override
	public String describe() {
		return name() + ((this.expect != null) ? " expecting '" + this.expect + "'" : "");
	}

	@Override
	public void run(StepContext ctx) {
		Alert alert = ctx.await(ctx.timeout(this.timeout), "an alert", () -> {
			try {
				return ctx.driver().switchTo().alert();
			}
			catch (NoAlertPresentException ex) {
				return null;
			}
		});
		String text = String.valueOf(alert.getText());
		if (this.expect != null) {
			String wanted = ctx.resolve(this.expect);
			if (!PageText.normalize(text).contains(PageText.normalize(wanted))) {
				alert.dismiss();
				throw new StepException(
						ctx.mask("the dialog says '" + text + "', expected '" + wanted + "' (dismissed it)"));
			}
		}
		switch (this.action) {
			case DISMISS -> alert.dismiss();
			case ANSWER -> {
				alert.sendKeys(ctx.resolve(this.answer));
				alert.accept();
			}
			default -> alert.accept();
		}
	}

	@Override
	public List<String> texts() {
		List<String> texts = new ArrayList<>();
		if (this.expect != null) {
			texts.add(this.expect);
		}
		if (this.answer != null) {
			texts.add(this.answer);
		}
		return texts;
	}

}
