package jp.digilab.ocr.template;

import java.util.List;

/**
 * A field of a form template.
 *
 * @param name the field's name in outputs
 * @param label the printed label (defaults to the name)
 * @param box [x, y, width, height] in template units
 * @param type one of the {@link jp.digilab.ocr.field.FieldType field types}, lower case
 * @param required whether an empty value sends the record to review
 * @param pattern a regular expression the normalised value must match, or {@code null}
 * @param options the options of a {@code choice} field (empty for other types)
 * @param whitelist the only characters OCR may return, or {@code null} for the type's
 * default
 * @param minConfidence the field's review threshold, or {@code null} for the template's
 */
public record FieldSpec(String name, String label, double[] box, String type, boolean required, String pattern,
		List<ChoiceOption> options, String whitelist, Double minConfidence) {

	public FieldSpec {
		options = (options != null) ? List.copyOf(options) : List.of();
	}

}
