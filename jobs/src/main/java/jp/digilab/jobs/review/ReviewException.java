package jp.digilab.jobs.review;

import java.util.List;

/**
 * A review action that cannot be done: unknown record, not waiting for review, bad field.
 * The message is one English line for logs and the API; {@link #problem()} and
 * {@link #arguments()} let the console say it in the user's language.
 */
public class ReviewException extends RuntimeException {

	/** What went wrong, for the console's message bundles. */
	public enum Problem {

		/** No such record, or no such field. */
		UNKNOWN,
		/** Already approved or rejected. Arguments: status. */
		NOT_WAITING,
		/**
		 * A doubtful field is invalid and was not corrected. Arguments: field, reasons.
		 */
		UNCORRECTED,
		/** A typed value is invalid. Arguments: field label, reasons. */
		INVALID,
		/** Double entry: a doubtful field was not typed. Arguments: field label. */
		NOT_ENTERED,
		/** Double entry: this reviewer has entered the record already. */
		ALREADY_ENTERED,
		/** Double entry: someone else saved the same round a moment before. */
		TAKEN,
		/** An entry for a job that is not reviewed by double entry. */
		NOT_DOUBLE_ENTRY

	}

	private final Problem problem;

	private final List<String> arguments;

	public ReviewException(String message) {
		this(Problem.UNKNOWN, message);
	}

	public ReviewException(Problem problem, String message, String... arguments) {
		super(message);
		this.problem = problem;
		this.arguments = List.of(arguments);
	}

	public Problem problem() {
		return this.problem;
	}

	public List<String> arguments() {
		return this.arguments;
	}

}
