package jp.digilab.jobs.review;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jp.digilab.ocr.FieldResult;
import jp.digilab.ocr.template.FieldSpec;

/**
 * A record waiting for a person: its scan and every field, with the doubtful ones named.
 *
 * @param scan where the scanned file is now ({@code done/…}, or {@code work/…} while the
 * run is still going), for showing crops beside values
 * @param doubtfulFields fields below their confidence threshold, invalid, or required and
 * empty
 * @param specs the template's description of each field (label, type, box), empty when
 * the template is no longer in the home folder
 */
public record ReviewItem(String recordKey, String runId, String jobId, String department, String sourceFile, Path scan,
		List<Integer> pages, String templateId, Map<String, FieldResult> fields, List<String> doubtfulFields,
		Map<String, FieldSpec> specs) {

	/** The field's printed label, or its name. */
	public String label(String field) {
		FieldSpec spec = this.specs.get(field);
		return (spec != null && spec.label() != null) ? spec.label() : field;
	}

	/**
	 * The field's type ({@code text}, {@code mynumber}, …), {@code text} when unknown.
	 */
	public String type(String field) {
		FieldSpec spec = this.specs.get(field);
		return (spec != null && spec.type() != null) ? spec.type() : "text";
	}

}
