package jp.digilab.jobs.review;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jp.digilab.ocr.FieldResult;

/**
 * A record waiting for a person: its scan and every field, with the doubtful ones named.
 *
 * @param scan where the scanned file is now ({@code done/…}), for showing crops beside
 * values
 * @param doubtfulFields fields below their confidence threshold, invalid, or required and
 * empty
 */
public record ReviewItem(String recordKey, String runId, String jobId, String department, String sourceFile, Path scan,
		List<Integer> pages, String templateId, Map<String, FieldResult> fields, List<String> doubtfulFields) {
}
