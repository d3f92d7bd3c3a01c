package jp.digilab.jobs.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import jp.digilab.jobs.JobReasons;

/**
 * Writes records to an Excel workbook, streaming (SXSSF): sheet {@value #DATA_SHEET} has
 * one row per record with the template's fields in order (typed cells) then status, file,
 * pages and key; sheet {@value #CONFIDENCE_SHEET} has, row for row, each field's OCR
 * confidence and the review notes.
 */
final class XlsxExporter {

	static final String DATA_SHEET = "データ";

	static final String CONFIDENCE_SHEET = "信頼度";

	static final List<String> TRAILING_HEADERS = List.of("状態", "ファイル", "ページ", "キー");

	static final String NOTES_HEADER = "備考";

	static final int MAX_RECORDS = SpreadsheetVersion.EXCEL2007.getLastRowIndex();

	private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

	private static final int MAX_WIDTH = 60;

	private final List<ExportColumn> columns;

	private final FieldType[] types;

	private final boolean allowMyNumber;

	private CellStyles styles;

	private int[] widths;

	private final List<String> notes = new ArrayList<>();

	/**
	 * Reasons in Japanese, like the rest of the workbook (they are stored in English);
	 * remembered, since the same few reasons come back on many rows.
	 */
	private final Map<String, String> japanese = new HashMap<>();

	XlsxExporter(List<ExportColumn> columns, boolean allowMyNumber) {
		this.columns = List.copyOf(columns);
		this.types = columns.stream().map((column) -> FieldType.of(column.type())).toArray(FieldType[]::new);
		this.allowMyNumber = allowMyNumber;
	}

	/** Writes the workbook and returns the number of records written. */
	long write(Iterator<ExportRecord> records, OutputStream out, Problems problems) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, false, false)) {
			this.styles = new CellStyles(workbook);
			SXSSFSheet data = workbook.createSheet(DATA_SHEET);
			SXSSFSheet confidence = workbook.createSheet(CONFIDENCE_SHEET);
			int dataColumns = this.columns.size() + TRAILING_HEADERS.size();
			this.widths = new int[dataColumns];
			writeHeaders(data, confidence);
			try {
				int rows = writeRows(records, data, confidence, problems);
				finish(data, dataColumns, rows);
				finish(confidence, 4 + this.columns.size() + 1, rows);
				setConfidenceWidths(confidence);
				workbook.write(out);
				return rows;
			}
			catch (IOException | RuntimeException ex) {
				// close() would flush the rows still in memory into writers it has just
				// closed, and log a warning: flush them first
				data.flushRows();
				confidence.flushRows();
				throw ex;
			}
		}
	}

	private int writeRows(Iterator<ExportRecord> records, SXSSFSheet data, SXSSFSheet confidence, Problems problems) {
		int row = 0;
		while (records.hasNext()) {
			ExportRecord record = records.next();
			if (row == MAX_RECORDS) {
				throw new ExportException("xlsx holds at most " + MAX_RECORDS
						+ " records on a sheet; this run has more: write it as csv only");
			}
			row++;
			this.notes.clear();
			writeData(data.createRow(row), record, problems);
			writeConfidence(confidence.createRow(row), record);
		}
		return row;
	}

	private void writeHeaders(SXSSFSheet data, SXSSFSheet confidence) {
		Row header = data.createRow(0);
		int col = 0;
		for (ExportColumn column : this.columns) {
			headerCell(header, col++, column.label());
		}
		for (String trailing : TRAILING_HEADERS) {
			headerCell(header, col++, trailing);
		}
		Row confidenceHeader = confidence.createRow(0);
		col = 0;
		for (String lead : List.of("キー", "状態", "ファイル", "ページ")) {
			confidenceHeader.createCell(col++).setCellValue(lead);
		}
		for (ExportColumn column : this.columns) {
			confidenceHeader.createCell(col++).setCellValue(column.label());
		}
		confidenceHeader.createCell(col).setCellValue(NOTES_HEADER);
		for (Cell cell : confidenceHeader) {
			cell.setCellStyle(this.styles.header);
		}
	}

	private void headerCell(Row row, int col, String label) {
		Cell cell = row.createCell(col);
		cell.setCellValue(label);
		cell.setCellStyle(this.styles.header);
		this.widths[col] = displayWidth(label) + 2;
	}

	private void writeData(Row row, ExportRecord record, Problems problems) {
		int col = 0;
		for (; col < this.types.length; col++) {
			String value = record.value(this.columns.get(col).name());
			if (value == null || value.isEmpty()) {
				continue;
			}
			FieldType type = this.types[col];
			switch (type.kind()) {
				case NUMBER -> writeNumber(row, col, value, record, problems);
				case DATE -> writeDate(row, col, value, record, problems);
				case BOOLEAN -> writeBoolean(row, col, value, record, problems);
				default -> {
					if (type == FieldType.MYNUMBER && !this.allowMyNumber) {
						value = FieldType.maskMyNumber(value);
					}
					writeText(row, col, type, value, record, problems);
				}
			}
		}
		if (record.status() != null) {
			Cell status = row.createCell(col);
			status.setCellValue(record.status().label());
			status.setCellStyle(this.styles.status(record.status()));
		}
		col++;
		if (record.sourceFile() != null) {
			writeText(row, col, FieldType.TEXT, record.sourceFile(), record, problems);
		}
		col++;
		if (!record.pages().isEmpty()) {
			writeText(row, col, FieldType.DIGITS, record.pagesText(), record, problems);
		}
		col++;
		writeText(row, col, FieldType.TEXT, record.key(), record, problems);
	}

	private void writeText(Row row, int col, FieldType type, String value, ExportRecord record, Problems problems) {
		if (value.length() > MAX_TEXT) {
			problems.written(record, "xlsx", field(col) + ": " + value.length()
					+ " characters is more than an Excel cell holds; cut to " + MAX_TEXT);
			this.notes.add(label(col) + ": 長すぎるため切り詰め");
			value = value.substring(0, MAX_TEXT);
		}
		Cell cell = row.createCell(col);
		cell.setCellValue(value);
		cell.setCellStyle(FormulaGuard.needsGuard(type, value) ? this.styles.quotedText : this.styles.text);
		track(col, value);
	}

	private void writeNumber(Row row, int col, String value, ExportRecord record, Problems problems) {
		double number;
		if (!isPlainNumber(value)) {
			writeUnreadable(row, col, value, "a number", record, problems);
			return;
		}
		number = Double.parseDouble((value.indexOf(',') >= 0) ? value.replace(",", "") : value);
		Cell cell = row.createCell(col);
		cell.setCellValue(number);
		cell.setCellStyle((this.types[col] == FieldType.MONEY) ? this.styles.money : this.styles.integer);
		trackWidth(col, value.length() + value.length() / 3);
	}

	private void writeDate(Row row, int col, String value, ExportRecord record, Problems problems) {
		LocalDate date = parseIsoDate(value);
		if (date == null) {
			writeUnreadable(row, col, value, "a date", record, problems);
			return;
		}
		Cell cell = row.createCell(col);
		cell.setCellValue(date);
		cell.setCellStyle(this.styles.date);
		trackWidth(col, 10);
	}

	private void writeBoolean(Row row, int col, String value, ExportRecord record, Problems problems) {
		if (!value.equals("true") && !value.equals("false")) {
			writeUnreadable(row, col, value, "true or false", record, problems);
			return;
		}
		Cell cell = row.createCell(col);
		cell.setCellValue(value.equals("true"));
		trackWidth(col, 5);
	}

	/** A value that does not have its column's type is written as text and marked. */
	private void writeUnreadable(Row row, int col, String value, String expected, ExportRecord record,
			Problems problems) {
		problems.written(record, "xlsx",
				field(col) + ": " + Problems.quote(value) + " is not " + expected + "; written as text");
		this.notes.add(label(col) + ": 型に合わないため文字列で出力 (" + value + ")");
		Cell cell = row.createCell(col);
		cell.setCellValue((value.length() > MAX_TEXT) ? value.substring(0, MAX_TEXT) : value);
		cell.setCellStyle(
				FormulaGuard.startsDangerously(value) ? this.styles.markedQuotedText : this.styles.markedText);
		track(col, value);
	}

	private void writeConfidence(Row row, ExportRecord record) {
		row.createCell(0).setCellValue(record.key());
		if (record.status() != null) {
			Cell status = row.createCell(1);
			status.setCellValue(record.status().label());
			status.setCellStyle(this.styles.status(record.status()));
		}
		if (record.sourceFile() != null) {
			textCell(row, 2, record.sourceFile());
		}
		if (!record.pages().isEmpty()) {
			textCell(row, 3, record.pagesText());
		}
		int col = 4;
		StringBuilder notes = null;
		for (ExportColumn column : this.columns) {
			Double confidence = record.confidences().get(column.name());
			if (confidence != null) {
				Cell cell = row.createCell(col);
				cell.setCellValue(confidence);
				cell.setCellStyle(this.styles.confidence);
			}
			col++;
			List<String> reasons = record.reasons().get(column.name());
			if (reasons != null && !reasons.isEmpty()) {
				notes = appendNote(notes,
						column.label() + ": " + String.join("、", reasons.stream().map(this::japanese).toList()));
			}
		}
		for (String note : this.notes) {
			notes = appendNote(notes, note);
		}
		if (notes != null) {
			textCell(row, col, notes.toString());
		}
	}

	private String japanese(String reason) {
		String text = this.japanese.get(reason);
		if (text == null) {
			text = JobReasons.localize(reason, Locale.JAPANESE);
			if (this.japanese.size() < 10_000) {
				this.japanese.put(reason, text);
			}
		}
		return text;
	}

	private void textCell(Row row, int col, String value) {
		Cell cell = row.createCell(col);
		cell.setCellValue((value.length() > MAX_TEXT) ? value.substring(0, MAX_TEXT) : value);
		cell.setCellStyle(FormulaGuard.startsDangerously(value) ? this.styles.quotedText : this.styles.text);
	}

	private static StringBuilder appendNote(StringBuilder notes, String note) {
		if (notes == null) {
			return new StringBuilder(note);
		}
		return notes.append(" / ").append(note);
	}

	private void finish(SXSSFSheet sheet, int columnCount, int lastRow) {
		sheet.createFreezePane(0, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, columnCount - 1));
		if (sheet.getSheetName().equals(DATA_SHEET)) {
			for (int col = 0; col < columnCount; col++) {
				sheet.setColumnWidth(col, Math.min(Math.max(this.widths[col] + 1, 6), MAX_WIDTH) * 256);
			}
		}
	}

	private void setConfidenceWidths(SXSSFSheet sheet) {
		int col = 0;
		int keyWidth = this.widths[this.columns.size() + 3];
		int fileWidth = this.widths[this.columns.size() + 1];
		for (int width : new int[] { keyWidth, 8, fileWidth, 8 }) {
			sheet.setColumnWidth(col++, Math.min(Math.max(width + 1, 6), MAX_WIDTH) * 256);
		}
		for (ExportColumn column : this.columns) {
			sheet.setColumnWidth(col++, Math.min(Math.max(displayWidth(column.label()) + 3, 6), MAX_WIDTH) * 256);
		}
		sheet.setColumnWidth(col, MAX_WIDTH * 256);
	}

	private void track(int col, String value) {
		if (this.widths[col] < MAX_WIDTH) {
			trackWidth(col, displayWidth(value));
		}
	}

	private void trackWidth(int col, int width) {
		if (width > this.widths[col]) {
			this.widths[col] = width;
		}
	}

	private String field(int col) {
		return (col < this.columns.size()) ? Problems.field(this.columns.get(col))
				: TRAILING_HEADERS.get(col - this.columns.size());
	}

	private String label(int col) {
		return (col < this.columns.size()) ? this.columns.get(col).label()
				: TRAILING_HEADERS.get(col - this.columns.size());
	}

	/**
	 * Width in Excel character units: CJK and full-width characters count double, so a
	 * column of 氏名 is as wide as its text.
	 */
	static int displayWidth(String value) {
		int width = 0;
		for (int i = 0; i < value.length() && width <= MAX_WIDTH; i++) {
			char c = value.charAt(i);
			width += (c < 0x1100 || (c >= 0xFF61 && c <= 0xFFDC) || Character.isLowSurrogate(c)) ? 1 : 2;
		}
		return width;
	}

	/** {@code -1200}, {@code 1,200}, {@code 3.5}: no exponents, no words. */
	static boolean isPlainNumber(String value) {
		int i = (value.charAt(0) == '-') ? 1 : 0;
		boolean digit = false;
		boolean dot = false;
		for (; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= '0' && c <= '9') {
				digit = true;
			}
			else if (c == '.' && !dot) {
				dot = true;
			}
			else if (c != ',' || !digit || dot) {
				return false;
			}
		}
		return digit;
	}

	/** {@code 2025-04-01}; null when the value is not an ISO date. */
	static LocalDate parseIsoDate(String value) {
		if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
			return null;
		}
		int year = digits(value, 0, 4);
		int month = digits(value, 5, 7);
		int day = digits(value, 8, 10);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
			return null;
		}
		if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
			return null;
		}
		return LocalDate.of(year, month, day);
	}

	private static int digits(String value, int from, int to) {
		int n = 0;
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			n = n * 10 + (c - '0');
		}
		return n;
	}

	/** The styles of one workbook, created once (a workbook holds at most 64,000). */
	private static final class CellStyles {

		final CellStyle header;

		final CellStyle text;

		final CellStyle quotedText;

		final CellStyle markedText;

		final CellStyle markedQuotedText;

		final CellStyle date;

		final CellStyle money;

		final CellStyle integer;

		final CellStyle confidence;

		final CellStyle review;

		final CellStyle invalid;

		CellStyles(SXSSFWorkbook workbook) {
			short textFormat = workbook.createDataFormat().getFormat("@");
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
			this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.text = workbook.createCellStyle();
			this.text.setDataFormat(textFormat);
			// the value stays as it is; Excel keeps it text even when a person edits it
			this.quotedText = workbook.createCellStyle();
			this.quotedText.cloneStyleFrom(this.text);
			this.quotedText.setQuotePrefixed(true);
			this.markedText = filled(workbook, this.text, IndexedColors.ROSE);
			this.markedQuotedText = filled(workbook, this.quotedText, IndexedColors.ROSE);
			this.date = workbook.createCellStyle();
			this.date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/mm/dd"));
			this.money = workbook.createCellStyle();
			this.money.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
			this.integer = workbook.createCellStyle();
			this.integer.setDataFormat(workbook.createDataFormat().getFormat("0"));
			this.confidence = workbook.createCellStyle();
			this.confidence.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
			this.review = filled(workbook, this.text, IndexedColors.LIGHT_YELLOW);
			this.invalid = filled(workbook, this.text, IndexedColors.ROSE);
		}

		CellStyle status(RecordStatus status) {
			return switch (status) {
				case APPROVED -> this.text;
				case NEEDS_REVIEW -> this.review;
				case INVALID -> this.invalid;
			};
		}

		private static CellStyle filled(SXSSFWorkbook workbook, CellStyle base, IndexedColors color) {
			CellStyle style = workbook.createCellStyle();
			style.cloneStyleFrom(base);
			style.setFillForegroundColor(color.getIndex());
			style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			return style;
		}

	}

}
