package jp.digilab.robots;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happened to one record. Messages and values never contain a secret.
 *
 * @param key the key of the record
 * @param status entered, skipped, or failed after all tries
 * @param message why it was skipped or failed (empty when OK)
 * @param values the values captured by {@code read} steps, in order
 * @param duration the time spent on the record, retries included
 */
public record RecordOutcome(String key, Status status, String message, Map<String, String> values, Duration duration) {

	/** The status of a record. */
	public enum Status {

		OK, FAILED, SKIPPED

	}

	public RecordOutcome {
		message = (message != null) ? message : "";
		values = Collections.unmodifiableMap(new LinkedHashMap<>((values != null) ? values : Map.of()));
	}

	public boolean ok() {
		return this.status == Status.OK;
	}

}
