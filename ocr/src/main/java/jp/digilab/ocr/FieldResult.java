package jp.digilab.ocr;

import java.util.List;

/**
 * What was read for one field.
 *
 * @param value the normalised value ("" when empty)
 * @param raw the text as OCR returned it (for ink fields: the ink measured)
 * @param confidence 0–1
 * @param valid whether the value passed validation (type, pattern, required)
 * @param reasons why the field is invalid or doubtful (empty when neither)
 * @param page 1-based page number in the file
 * @param box the field's box as in the template
 */
public record FieldResult(String value, String raw, double confidence, boolean valid, List<String> reasons, int page,
		double[] box) {

	public FieldResult {
		reasons = List.copyOf(reasons);
	}

}
