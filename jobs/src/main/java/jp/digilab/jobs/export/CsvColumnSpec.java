package jp.digilab.jobs.export;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One column of a job's CSV mapping ({@code outputs.csv.columns}), in output order. See
 * {@code docs/outputs.md}.
 *
 * @param field a template field, or {@code _status}, {@code _source_file},
 * {@code _pages}, {@code _key}; null with {@link #value}
 * @param header the header text; the field's label when null
 * @param value a fixed value written in every row (instead of a field)
 * @param format a date pattern ({@code yyyy/MM/dd}, {@code GGGGy年M月d日}), a number pattern
 * ({@code #,##0}), or for checkboxes {@code TRUE/FALSE} text ({@code 1/0})
 * @param maxLength the most characters the column may hold; a longer value leaves the
 * record out
 * @param maxBytes the most bytes (in the CSV encoding) the column may hold
 * @param required a blank value leaves the record out
 */
public record CsvColumnSpec(String field, String header, String value, String format, Integer maxLength,
		Integer maxBytes, boolean required) {

	@JsonCreator
	static CsvColumnSpec fromYaml(@JsonProperty("field") String field, @JsonProperty("header") String header,
			@JsonProperty("value") String value, @JsonProperty("format") String format,
			@JsonProperty("maxLength") Integer maxLength, @JsonProperty("maxBytes") Integer maxBytes,
			@JsonProperty("required") Boolean required) {
		return new CsvColumnSpec(field, header, value, format, maxLength, maxBytes, Boolean.TRUE.equals(required));
	}

	/** {@code - birth_date} in YAML: the field under its label. */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static CsvColumnSpec field(String field) {
		return new CsvColumnSpec(field, null, null, null, null, null, false);
	}

	public static CsvColumnSpec field(String field, String header) {
		return new CsvColumnSpec(field, header, null, null, null, null, false);
	}

	public static CsvColumnSpec fixed(String header, String value) {
		return new CsvColumnSpec(null, header, value, null, null, null, false);
	}

	public CsvColumnSpec withFormat(String format) {
		return new CsvColumnSpec(this.field, this.header, this.value, format, this.maxLength, this.maxBytes,
				this.required);
	}

}
