package jp.digilab.jobs.export;

import java.util.Objects;

/**
 * One field of the form template, in template order: what a column of the outputs holds.
 *
 * @param name the field name ({@code birth_date})
 * @param label the Japanese label shown as the column header ({@code 生年月日}); the name
 * when blank
 * @param type the template field type ({@code text}, {@code katakana}, {@code digits},
 * {@code integer}, {@code money}, {@code date}, {@code postal}, {@code phone},
 * {@code email}, {@code checkbox}, {@code choice}, {@code mynumber}); {@code text} when
 * null
 */
public record ExportColumn(String name, String label, String type) {

	public ExportColumn {
		Objects.requireNonNull(name, "name == null");
		if (label == null || label.isBlank()) {
			label = name;
		}
		if (type == null || type.isBlank()) {
			type = "text";
		}
	}

}
