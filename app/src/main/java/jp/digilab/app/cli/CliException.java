package jp.digilab.app.cli;

/**
 * A problem the user can fix, shown as one line without a stack trace. Carries the
 * BRIEF.md exit code: 1 failed, 2 bad usage or missing prerequisite.
 */
public class CliException extends RuntimeException {

	private final int exitCode;

	public CliException(int exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	public int exitCode() {
		return this.exitCode;
	}

}
