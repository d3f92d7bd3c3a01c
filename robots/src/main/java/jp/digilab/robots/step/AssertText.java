package jp.digilab.robots.step;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code assertText: TEXT} (somewhere on the page) or {@code assertText: {in: SELECTOR,
 * text: TEXT}} (inside that element): fail the record unless the text is there.
 */
public record AssertText(int line, String text, String in) implements Step {

	@Override
	public String name() {
		return "assertText";
	}

	@Override
	public String describe() {
		return "assertText '" + this.text + "'" + ((this.in != null) ? " in " + this.in : "");
	}

	@Override
	public void run(StepContext ctx) {
		String wanted = PageText.normalize(ctx.resolve(this.text));
		String actual = (this.in != null) ? PageText.normalize(Read.valueOf(ctx.element(this.in, false)))
				: PageText.of(ctx.driver());
		if (!actual.contains(wanted)) {
			String shown = (actual.length() > 80) ? actual.substring(0, 80) + "…" : actual;
			throw new StepException(ctx.mask("expected '" + wanted + "'"
					+ ((this.in != null) ? " in " + this.in + ", found '" + shown + "'" : " on the page")));
		}
	}

	@Override
	public List<String> selectors() {
		return (this.in != null) ? List.of(this.in) : List.of();
	}

	@Override
	public List<String> texts() {
		return new ArrayList<>(List.of(this.text));
	}

}
