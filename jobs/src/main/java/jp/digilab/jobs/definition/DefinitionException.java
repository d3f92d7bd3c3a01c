package jp.digilab.jobs.definition;

/**
 * A job definition file that cannot be used; the message names the file and the problem.
 */
public class DefinitionException extends RuntimeException {

	public DefinitionException(String message) {
		super(message);
	}

	public DefinitionException(String message, Throwable cause) {
		super(message, cause);
	}

}
