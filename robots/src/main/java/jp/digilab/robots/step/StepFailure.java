package jp.digilab.robots.step;

import java.nio.file.Path;

/**
 * A step failed: which step, in which file, and why. The cause tells whether the failure
 * is transient.
 */
public final class StepFailure extends RuntimeException {

	private final transient Step step;

	private final Path source;

	private final String reason;

	public StepFailure(Step step, Path source, String reason, Throwable cause) {
		super(location(source, step) + " " + step.describe() + ": " + reason, cause);
		this.step = step;
		this.source = source;
		this.reason = reason;
	}

	private static String location(Path source, Step step) {
		String file = (source != null && source.getFileName() != null) ? source.getFileName().toString() : "script";
		return file + ":" + step.line();
	}

	public Step step() {
		return this.step;
	}

	public Path source() {
		return this.source;
	}

	public String reason() {
		return this.reason;
	}

}
