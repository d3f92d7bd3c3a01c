package jp.digilab.schedules.definition;

import java.util.Arrays;
import java.util.Optional;

/**
 * What happens to a fire time that was missed (server down, or the job's previous run
 * still busy).
 */
public enum Misfire {

	/** Run once as soon as possible, however many fire times were missed. */
	RUN_ONCE("run-once"),

	/** Forget the missed fire times and wait for the next one. */
	SKIP("skip");

	private final String value;

	Misfire(String value) {
		this.value = value;
	}

	/** The spelling used in schedule files. */
	public String value() {
		return this.value;
	}

	public static Optional<Misfire> of(String value) {
		return Arrays.stream(values()).filter((misfire) -> misfire.value.equals(value)).findFirst();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
