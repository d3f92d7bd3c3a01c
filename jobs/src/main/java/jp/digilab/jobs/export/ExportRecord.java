package jp.digilab.jobs.export;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One recognised document, ready to be written.
 *
 * @param key identifies the record in the run (shown in outputs and problems)
 * @param sourceFile the scanned file the record came from
 * @param pages the pages of that file (1-based)
 * @param status approved, needs review or invalid
 * @param values normalised values by field name: ISO 8601 dates,
 * {@code true}/{@code false} for checkboxes, plain digits for numbers
 * @param confidences OCR confidence (0..1) by field name
 * @param reasons review notes by field name
 */
public record ExportRecord(String key, String sourceFile, List<Integer> pages, RecordStatus status,
		Map<String, String> values, Map<String, Double> confidences, Map<String, List<String>> reasons) {

	public ExportRecord {
		Objects.requireNonNull(key, "key == null");
		pages = (pages != null) ? pages : List.of();
		values = (values != null) ? values : Map.of();
		confidences = (confidences != null) ? confidences : Map.of();
		reasons = (reasons != null) ? reasons : Map.of();
	}

	String value(String field) {
		return this.values.get(field);
	}

	/** The pages as shown in outputs: {@code 1}, {@code 1,2}. */
	String pagesText() {
		if (this.pages.size() == 1) {
			return String.valueOf(this.pages.get(0));
		}
		StringBuilder text = new StringBuilder();
		for (Integer page : this.pages) {
			if (!text.isEmpty()) {
				text.append(',');
			}
			text.append(page);
		}
		return text.toString();
	}

}
