package jp.digilab.robots.step;

import java.util.List;

/**
 * {@code type: {into: SELECTOR, text: TEXT}}: replace a field's content with a text
 * ({@code append: true} keeps what is there).
 */
public record Type(int line, String into, String text, boolean append) implements Step {

	@Override
	public String name() {
		return "type";
	}

	@Override
	public String describe() {
		return "type into " + this.into;
	}

	@Override
	public void run(StepContext ctx) {
		String value = ctx.resolve(this.text);
		ctx.act(this.into, (e) -> {
			if (!this.append) {
				e.clear();
			}
			e.sendKeys(value);
		});
	}

	@Override
	public List<String> selectors() {
		return List.of(this.into);
	}

	@Override
	public List<String> texts() {
		return List.of(this.text);
	}

}
