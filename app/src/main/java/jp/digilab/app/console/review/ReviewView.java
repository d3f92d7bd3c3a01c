package jp.digilab.app.console.review;

import java.util.List;
import java.util.Map;

import jp.digilab.jobs.review.ReviewStage;

/**
 * One record under review as one reviewer may see it: the page and the API show the same.
 * In a blind entry (double-entry mode) the OCR values are left out; My Numbers are masked
 * unless the reviewer holds {@value MyNumberPolicy#REVEAL}.
 *
 * @param next the next record in this reviewer's queue, or null
 * @param entries the two disagreeing entries, shown to the third reviewer only
 */
record ReviewView(String recordKey, String runId, String jobId, String department, String sourceFile,
		List<Integer> pages, ReviewStage stage, boolean doubleEntry, List<FieldView> fields, List<EntryView> entries,
		String next) {

	/**
	 * A doubtful field.
	 *
	 * @param value the value to start from: the OCR value; empty in a blind entry; masked
	 * for a My Number the reviewer may not see
	 * @param confidence null in a blind entry
	 * @param masked the value is masked and cannot be changed by this reviewer
	 * @param crop whether a crop of the scan can be shown
	 */
	record FieldView(String name, String label, String type, String value, Double confidence, List<String> reasons,
			int page, boolean masked, boolean crop) {
	}

	/** One of the two entries a third reviewer decides between. */
	record EntryView(int round, String username, Map<String, String> values) {
	}

}
