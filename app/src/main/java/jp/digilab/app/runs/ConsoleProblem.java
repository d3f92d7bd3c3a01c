package jp.digilab.app.runs;

import org.springframework.http.HttpStatus;

/**
 * Why a console or API action was refused: an HTTP status and a message key of the
 * console's bundles ({@code messages*.properties}), mapped to a page message or an API
 * problem in one place each.
 */
public class ConsoleProblem extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	private final Object[] arguments;

	public ConsoleProblem(HttpStatus status, String messageKey, Object... arguments) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

	/** Ids of jobs, runs and schedules: names of files, never paths. */
	public static String checkedId(String id, String what) {
		if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}") || id.contains("..")) {
			throw new ConsoleProblem(HttpStatus.NOT_FOUND, "console.error." + what + ".unknown", String.valueOf(id));
		}
		return id;
	}

}
