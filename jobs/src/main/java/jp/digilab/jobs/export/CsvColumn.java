package jp.digilab.jobs.export;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One column of the CSV, resolved from its {@link CsvColumnSpec} against the template:
 * where its value comes from and how it is formatted.
 */
final class CsvColumn {

	static final String STATUS = "_status";

	static final String SOURCE_FILE = "_source_file";

	static final String PAGES = "_pages";

	static final String KEY = "_key";

	private static final Map<String, String> PSEUDO_HEADERS = Map.of(STATUS, "状態", SOURCE_FILE, "ファイル", PAGES, "ページ",
			KEY, "キー");

	private final int position;

	private final CsvColumnSpec spec;

	private final ExportColumn field;

	private final FieldType type;

	private final String header;

	private final boolean mask;

	private DateTimeFormatter dateFormat;

	private DecimalFormat numberFormat;

	private String[] checkboxText;

	/** The last cell was formatted from a well-formed typed value (or is fixed). */
	private boolean trusted;

	private CsvColumn(int position, CsvColumnSpec spec, ExportColumn field, String header, boolean mask) {
		this.position = position;
		this.spec = spec;
		this.field = field;
		this.type = (field != null) ? FieldType.of(field.type()) : FieldType.TEXT;
		this.header = header;
		this.mask = mask;
	}

	static CsvColumn resolve(int position, CsvColumnSpec spec, Map<String, ExportColumn> fields,
			List<ExportColumn> template, boolean allowMyNumber) {
		String where = "outputs.csv.columns[" + position + "]";
		if (spec.field() != null && spec.value() != null) {
			throw new ExportException(where + ": give either field or value, not both");
		}
		if (spec.field() == null && spec.value() == null) {
			throw new ExportException(where + ": give a field (or a fixed value)");
		}
		if (spec.value() != null) {
			String header = (spec.header() != null) ? spec.header() : "";
			return new CsvColumn(position, spec, null, header, false);
		}
		if (PSEUDO_HEADERS.containsKey(spec.field())) {
			String header = (spec.header() != null) ? spec.header() : PSEUDO_HEADERS.get(spec.field());
			if (spec.format() != null) {
				throw new ExportException(where + ": " + spec.field() + " takes no format");
			}
			return new CsvColumn(position, spec, null, header, false);
		}
		ExportColumn field = fields.get(spec.field());
		if (field == null) {
			throw new ExportException(where + ": field '" + spec.field() + "' is not in the template (fields: "
					+ template.stream().map(ExportColumn::name).collect(Collectors.joining(", ")) + "; or "
					+ String.join(", ", PSEUDO_HEADERS.keySet().stream().sorted().toList()) + ")");
		}
		String header = (spec.header() != null) ? spec.header() : field.label();
		boolean mask = FieldType.of(field.type()) == FieldType.MYNUMBER && !allowMyNumber;
		CsvColumn column = new CsvColumn(position, spec, field, header, mask);
		if (spec.format() != null) {
			column.parseFormat(where, spec.format());
		}
		return column;
	}

	private void parseFormat(String where, String format) {
		try {
			switch (this.type.kind()) {
				case DATE -> {
					DateTimeFormatter formatter = DateTimeFormatter.ofPattern(format, Locale.JAPAN);
					if (format.indexOf('G') >= 0) {
						formatter = formatter.withChronology(JapaneseChronology.INSTANCE);
					}
					formatter.format(LocalDate.of(2019, 5, 1));
					this.dateFormat = formatter;
				}
				case NUMBER ->
					this.numberFormat = new DecimalFormat(format, DecimalFormatSymbols.getInstance(Locale.JAPAN));
				case BOOLEAN -> {
					String[] parts = format.split("/", -1);
					if (parts.length != 2) {
						throw new IllegalArgumentException("write it as TRUE/FALSE text, e.g. 1/0 or ○/");
					}
					this.checkboxText = parts;
				}
				default -> throw new IllegalArgumentException(
						"formats apply to date, integer, money and checkbox fields, not " + this.field.type());
			}
		}
		catch (IllegalArgumentException | DateTimeException ex) {
			throw new ExportException(
					where + " (" + this.field.name() + "): bad format '" + format + "': " + ex.getMessage(), ex);
		}
	}

	/**
	 * The first year of an era is written 元年 in Japanese documents (令和元年5月1日), not 1年;
	 * java.time has no such style, so the era's first-year number is replaced after
	 * formatting.
	 */
	static String gannen(DateTimeFormatter formatter, LocalDate date, String text) {
		if (formatter.getChronology() != JapaneseChronology.INSTANCE) {
			return text;
		}
		JapaneseDate japanese = JapaneseDate.from(date);
		if (japanese.get(ChronoField.YEAR_OF_ERA) != 1) {
			return text;
		}
		String era = japanese.getEra().getDisplayName(TextStyle.FULL, Locale.JAPAN);
		return text.replaceFirst(java.util.regex.Pattern.quote(era) + "0*1年", era + "元年");
	}

	CsvColumnSpec spec() {
		return this.spec;
	}

	String header() {
		return this.header;
	}

	/** {@code column 3 (birth_date)}, for reasons. */
	String describe() {
		String name = (this.spec.field() != null) ? this.spec.field() : "value";
		return "column " + this.position + " (" + name + ")";
	}

	/**
	 * The cell text before encoding checks; empty when there is no value. Notes about
	 * values written as they were go to {@code notes}.
	 */
	String cell(ExportRecord record, List<String> notes) {
		this.trusted = true;
		if (this.spec.value() != null) {
			return this.spec.value();
		}
		if (this.field == null) {
			return pseudo(record);
		}
		String value = record.value(this.field.name());
		if (value == null || value.isEmpty()) {
			return "";
		}
		if (this.mask) {
			return FieldType.maskMyNumber(value);
		}
		if (this.dateFormat != null) {
			LocalDate date = XlsxExporter.parseIsoDate(value);
			if (date != null) {
				try {
					return gannen(this.dateFormat, date, this.dateFormat.format(date));
				}
				catch (DateTimeException ex) {
					notes.add(describe() + ": " + value + " cannot be shown as '" + this.spec.format()
							+ "'; written as is");
				}
			}
			else {
				notes.add(describe() + ": " + Problems.quote(value) + " is not a date; written as is");
			}
		}
		else if (this.numberFormat != null) {
			if (XlsxExporter.isPlainNumber(value)) {
				return this.numberFormat.format(new BigDecimal(value.replace(",", "")));
			}
			notes.add(describe() + ": " + Problems.quote(value) + " is not a number; written as is");
		}
		else if (this.checkboxText != null) {
			if (value.equals("true") || value.equals("false")) {
				return value.equals("true") ? this.checkboxText[0] : this.checkboxText[1];
			}
			notes.add(describe() + ": " + Problems.quote(value) + " is not true or false; written as is");
		}
		this.trusted = false;
		return value;
	}

	private String pseudo(ExportRecord record) {
		switch (this.spec.field()) {
			case STATUS:
				return (record.status() != null) ? record.status().label() : "";
			case PAGES:
				return record.pagesText();
			case SOURCE_FILE:
				this.trusted = false;
				return (record.sourceFile() != null) ? record.sourceFile() : "";
			default:
				this.trusted = false;
				return record.key();
		}
	}

	/** Whether the cell (as written) must be neutralised against formula injection. */
	boolean guarded(String cell) {
		return !this.trusted && FormulaGuard.needsGuard(this.type, cell);
	}

	/** Why the cell does not fit the column's length limits; null when it fits. */
	String overflow(String cell, CharsetPolicy charset) {
		Integer maxLength = this.spec.maxLength();
		if (maxLength != null && cell.codePointCount(0, cell.length()) > maxLength) {
			return Problems.quote(cell) + " has " + cell.codePointCount(0, cell.length())
					+ " characters, more than maxLength " + maxLength;
		}
		Integer maxBytes = this.spec.maxBytes();
		if (maxBytes != null) {
			int bytes = cell.getBytes(charset.charset()).length;
			if (bytes > maxBytes) {
				return Problems.quote(cell) + " is " + bytes + " bytes in " + charset.charset().name()
						+ ", more than maxBytes " + maxBytes;
			}
		}
		return null;
	}

}
