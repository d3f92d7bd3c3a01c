package jp.digilab.robots.step;

import java.util.List;

/**
 * {@code onlyIf: {CONDITION, then: [STEPS]}}: run the nested steps only when the
 * condition holds.
 */
public record OnlyIf(int line, Condition condition, List<Step> then) implements Step {

	public OnlyIf {
		then = List.copyOf(then);
	}

	@Override
	public String name() {
		return "onlyIf";
	}

	@Override
	public String describe() {
		return "onlyIf " + this.condition.describe();
	}

	@Override
	public void run(StepContext ctx) {
		if (this.condition.test(ctx)) {
			ctx.run(this.then);
		}
	}

	@Override
	public List<String> selectors() {
		return this.condition.selectors();
	}

	@Override
	public List<String> texts() {
		return this.condition.texts();
	}

	@Override
	public List<Step> children() {
		return this.then;
	}

}
