package jp.digilab.robots.step;

/**
 * A step could not do its work for a reason that retrying will not fix (an element that
 * is not there, a text that does not match, an alert that says something unexpected).
 */
public class StepException extends RuntimeException {

	public StepException(String message) {
		super(message);
	}

}
