package jp.digilab.jobs.review;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * One reviewer's entry of a record's doubtful fields in double-entry mode.
 *
 * @param round 1 and 2: the two blind entries; 3: the third reviewer's decision
 * @param values field name → value as typed
 */
public record ReviewEntry(String recordKey, int round, String username, Map<String, String> values, int seconds,
		LocalDateTime enteredAt) {

	public ReviewEntry {
		values = Map.copyOf(values);
	}

}
