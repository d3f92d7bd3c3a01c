package jp.digilab.robots.step;

import java.util.List;

/**
 * The condition of {@code skipIf} and {@code onlyIf}: {@code exists: SELECTOR},
 * {@code text: TEXT} (on the page), {@code value: {of: TEXT, equals: TEXT}}, or
 * {@code not: CONDITION}. Conditions look at the page as it is, without waiting.
 */
public sealed interface Condition
		permits Condition.Exists, Condition.TextPresent, Condition.ValueEquals, Condition.Not {

	boolean test(StepContext ctx);

	String describe();

	default List<String> selectors() {
		return List.of();
	}

	default List<String> texts() {
		return List.of();
	}

	/** An element matching the selector is in the page. */
	record Exists(String selector) implements Condition {

		@Override
		public boolean test(StepContext ctx) {
			return !ctx.findNow(this.selector).isEmpty();
		}

		@Override
		public String describe() {
			return "exists " + this.selector;
		}

		@Override
		public List<String> selectors() {
			return List.of(this.selector);
		}

	}

	/** The text is on the page (in the current frame). */
	record TextPresent(String text) implements Condition {

		@Override
		public boolean test(StepContext ctx) {
			return PageText.contains(ctx.driver(), ctx.resolve(this.text));
		}

		@Override
		public String describe() {
			return "text '" + this.text + "'";
		}

		@Override
		public List<String> texts() {
			return List.of(this.text);
		}

	}

	/** Two resolved texts are equal (after trimming). */
	record ValueEquals(String of, String equals) implements Condition {

		@Override
		public boolean test(StepContext ctx) {
			return ctx.resolve(this.of).trim().equals(ctx.resolve(this.equals).trim());
		}

		@Override
		public String describe() {
			return "value " + this.of + " equals '" + this.equals + "'";
		}

		@Override
		public List<String> texts() {
			return List.of(this.of, this.equals);
		}

	}

	/** The negation of a condition. */
	record Not(Condition condition) implements Condition {

		@Override
		public boolean test(StepContext ctx) {
			return !this.condition.test(ctx);
		}

		@Override
		public String describe() {
			return "not " + this.condition.describe();
		}

		@Override
		public List<String> selectors() {
			return this.condition.selectors();
		}

		@Override
		public List<String> texts() {
			return this.condition.texts();
		}

	}

}
