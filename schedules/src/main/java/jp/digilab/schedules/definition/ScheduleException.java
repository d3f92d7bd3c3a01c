package jp.digilab.schedules.definition;

/**
 * A schedule file that cannot be used; the message names the file and the problem on one
 * line.
 */
public class ScheduleException extends RuntimeException {

	public ScheduleException(String message) {
		super(message);
	}

	public ScheduleException(String message, Throwable cause) {
		super(message, cause);
	}

}
