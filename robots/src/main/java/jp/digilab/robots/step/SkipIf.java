package jp.digilab.robots.step;

import java.util.List;

/**
 * {@code skipIf: {CONDITION, message: TEXT}}: end the record as SKIPPED when the
 * condition holds (e.g. the record is already in the legacy system's list).
 */
public record SkipIf(int line, Condition condition, String message) implements Step {

	@Override
	public String name() {
		return "skipIf";
	}

	@Override
	public String describe() {
		return "skipIf " + this.condition.describe();
	}

	@Override
	public void run(StepContext ctx) {
		if (this.condition.test(ctx)) {
			throw new RecordSkipped(ctx
				.mask((this.message != null) ? ctx.resolve(this.message) : "skipped: " + this.condition.describe()));
		}
	}

	@Override
	public List<String> selectors() {
		return this.condition.selectors();
	}

	@Override
	public List<String> texts() {
		List<String> texts = new java.util.ArrayList<>(this.condition.texts());
		if (this.message != null) {
			texts.add(this.message);
		}
		return texts;
	}

}
