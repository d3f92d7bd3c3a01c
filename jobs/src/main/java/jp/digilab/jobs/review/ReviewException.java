package jp.digilab.jobs.review;

/**
 * A review action that cannot be done: unknown record, not waiting for review, bad field.
 */
public class ReviewException extends RuntimeException {

	public ReviewException(String message) {
		super(message);
	}

}
