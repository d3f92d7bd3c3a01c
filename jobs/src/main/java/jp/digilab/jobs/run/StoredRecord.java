package jp.digilab.jobs.run;

import java.util.List;
import java.util.Map;

import jp.digilab.ocr.FieldResult;

/**
 * One recognised document (a form on one or more pages) and what happened to it
 * afterwards.
 */
public record StoredRecord(String key, String runId, int fileSeq, int docIndex, String sourceFile, List<Integer> pages,
		String templateId, RecordState status, Map<String, FieldResult> fields, int reviewSeconds,
		EntryStatus entryStatus, String entryMessage, Map<String, String> entryValues) {

	/** Where a record stands after recognition and the review gate. */
	public enum RecordState {

		/** Every field was sure and valid: goes on to export and entry. */
		APPROVED,
		/** At least one field needs a person's look; waits at the review gate. */
		NEEDS_REVIEW,
		/** Rejected by a reviewer. */
		REJECTED

	}

	/** The outcome of robot entry into the legacy system. */
	public enum EntryStatus {

		/**
		 * The robot started typing the record and has not recorded how it ended (set, and
		 * committed, before the first keystroke): after a crash, the record may be in the
		 * legacy system already.
		 */
		STARTED,

		OK, SKIPPED, FAILED

	}

	public Map<String, String> values() {
		Map<String, String> values = new java.util.LinkedHashMap<>();
		this.fields.forEach((name, field) -> values.put(name, (field.value() != null) ? field.value() : ""));
		return values;
	}

}
