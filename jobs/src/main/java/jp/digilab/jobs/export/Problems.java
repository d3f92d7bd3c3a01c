package jp.digilab.jobs.export;

import java.util.ArrayList;
import java.util.List;

/** Collects the per-record problems of one export. */
final class Problems {

	private final List<RecordProblem> list = new ArrayList<>();

	void written(ExportRecord record, String format, String reason) {
		this.list.add(new RecordProblem(record.key(), format, reason, false));
	}

	void skipped(ExportRecord record, String format, String reason) {
		this.list.add(new RecordProblem(record.key(), format, reason, true));
	}

	List<RecordProblem> list() {
		return List.copyOf(this.list);
	}

	/** {@code birth_date (生年月日)}. */
	static String field(ExportColumn column) {
		return column.label().equals(column.name()) ? column.name() : column.name() + " (" + column.label() + ")";
	}

	/** A value as quoted in a reason: cut, on one line. */
	static String quote(String value) {
		String shown = (value.length() > 40) ? value.substring(0, 40) + "…" : value;
		return "'" + shown.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t") + "'";
	}

}
