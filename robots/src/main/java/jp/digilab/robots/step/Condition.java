package jp.digilab.robots.step;

import java.util.List;

/**
 * The condition of {@code skipIf} and {@code onlyIf}: {@code exists: SELECTOR},
 * {@code text: TEXT} (on the page), {@code value: {of: TEXT, equals: TEXT}},
 * {@code retried: true|false} (an earlier try of the record may have saved it), or
 * {@code not: CONDITION}. Conditions look at the page as it is, without waiting.
 */
public sealed interface Condition
		permits Condition.Exists, Condition.TextPresent, Condition.ValueEquals, Condition.Retried, Condition.Not {

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

	/**
	 * The record was tried before and that try may have saved it: an earlier try in this
	 * run failed part-way, or the caller knows of an earlier run that started the record
	 * without recording how it ended. A duplicate check (open a list page, look for the
	 * record) only needs to run then: a record that was never started cannot be in the
	 * legacy system by our hand, and the check costs a page load per record.
	 */
	record Retried() implements Condition {

		@Override
		public boolean test(StepContext ctx) {
			return ctx.retried();
		}

		@Override
		public String describe() {
			return "retried";
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
