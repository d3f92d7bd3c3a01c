package jp.digilab.ocr;

import java.util.List;
import java.util.Map;

/**
 * One form found in a file.
 *
 * @param pages 1-based page numbers the form occupies
 * @param template the template id
 * @param needsReview whether a person must check it (a field below its minConfidence,
 * invalid, or required and empty)
 * @param fields the fields, in the template's order
 */
public record DocumentResult(List<Integer> pages, String template, boolean needsReview,
		Map<String, FieldResult> fields) {

	public DocumentResult {
		pages = List.copyOf(pages);
		fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
	}

}
