package jp.digilab.jobs.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes records to CSV as a job's {@link CsvSpec} says: encoding, unencodable-character
 * policy, line ending, header and column mapping. A record that cannot be written as the
 * mapping demands (unencodable character under {@code normalize-then-fail}, too long,
 * required value missing) is left out and reported; the others are written.
 */
final class CsvExporter {

	private final CsvSpec spec;

	private final CharsetPolicy charset;

	private final List<CsvColumn> columns;

	private final String[] row;

	private final List<String> written = new ArrayList<>();

	/**
	 * Resolves the mapping against the template.
	 * @throws ExportException when the mapping names a field the template does not have,
	 * or a column has neither field nor value, or a format does not suit its column
	 */
	CsvExporter(CsvSpec spec, List<ExportColumn> template, boolean allowMyNumber) {
		this.spec = spec;
		this.charset = CharsetPolicy.forCharset(spec.charsetName());
		this.columns = resolve(spec, template, allowMyNumber);
		this.row = new String[this.columns.size()];
		if (spec.replaceUnmappable() && !this.charset.canEncodeAll(spec.replacement())) {
			throw new ExportException(
					"outputs.csv.replacement " + Problems.quote(spec.replacement()) + " is not in " + spec.encoding());
		}
		for (CsvColumn column : this.columns) {
			if (!this.charset.canEncodeAll(this.charset.normalize(column.header()))) {
				throw new ExportException("outputs.csv: header " + Problems.quote(column.header())
						+ " has characters that " + spec.encoding() + " cannot hold");
			}
		}
	}

	/** Writes the CSV and returns the number of records written (header not counted). */
	long write(Iterator<ExportRecord> records, OutputStream out, Problems problems) throws IOException {
		// every value was checked: an unmappable character here is a bug, not data
		CodingErrorAction malformed = this.charset.isUnicode() ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
		Writer writer = new BufferedWriter(new OutputStreamWriter(out,
				this.charset.charset()
					.newEncoder()
					.onMalformedInput(malformed)
					.onUnmappableCharacter(CodingErrorAction.REPORT)),
				1 << 16);
		if (this.spec.bom()) {
			writer.write('\uFEFF');
		}
		CSVFormat format = CSVFormat.EXCEL.builder().setRecordSeparator(this.spec.recordSeparator()).get();
		CSVPrinter printer = new CSVPrinter(writer, format);
		if (this.spec.header()) {
			for (int i = 0; i < this.row.length; i++) {
				this.row[i] = this.charset.normalize(this.columns.get(i).header());
			}
			printer.printRecord((Object[]) this.row);
		}
		long count = 0;
		while (records.hasNext()) {
			ExportRecord record = records.next();
			if (fill(record, problems)) {
				printer.printRecord((Object[]) this.row);
				count++;
			}
		}
		printer.flush();
		return count;
	}

	/** Fills {@link #row} with the record's cells; false when the record is left out. */
	private boolean fill(ExportRecord record, Problems problems) {
		this.written.clear();
		for (int i = 0; i < this.row.length; i++) {
			CsvColumn column = this.columns.get(i);
			String cell = column.cell(record, this.written);
			if (cell.isEmpty()) {
				if (column.spec().required()) {
					problems.skipped(record, "csv", column.describe() + ": required value is missing; record left out");
					return false;
				}
				this.row[i] = cell;
				continue;
			}
			// one scan in the common case: nothing to normalise, nothing unencodable
			if (!this.charset.isPlain(cell)) {
				cell = this.charset.normalize(cell);
				List<Integer> bad = this.charset.unencodable(cell);
				if (!bad.isEmpty()) {
					String chars = bad.stream()
						.distinct()
						.map(CharsetPolicy::describe)
						.collect(Collectors.joining(", "));
					if (!this.spec.replaceUnmappable()) {
						problems.skipped(record, "csv", column.describe() + ": " + this.spec.encoding()
								+ " cannot hold " + chars + " in " + Problems.quote(cell) + "; record left out");
						return false;
					}
					cell = this.charset.replace(cell, this.spec.replacement());
					this.written.add(column.describe() + ": " + chars + " replaced with " + this.spec.replacement());
				}
			}
			if (column.guarded(cell)) {
				cell = FormulaGuard.neutralize(cell);
			}
			String tooLong = column.overflow(cell, this.charset);
			if (tooLong != null) {
				problems.skipped(record, "csv", column.describe() + ": " + tooLong + "; record left out");
				return false;
			}
			this.row[i] = cell;
		}
		for (String note : this.written) {
			problems.written(record, "csv", note);
		}
		return true;
	}

	private static List<CsvColumn> resolve(CsvSpec spec, List<ExportColumn> template, boolean allowMyNumber) {
		Map<String, ExportColumn> fields = new HashMap<>();
		template.forEach((column) -> fields.put(column.name(), column));
		List<CsvColumnSpec> mapping = spec.columns();
		if (mapping == null) {
			mapping = new ArrayList<>();
			for (ExportColumn column : template) {
				mapping.add(CsvColumnSpec.field(column.name()));
			}
			mapping.add(CsvColumnSpec.field(CsvColumn.STATUS, "状態"));
			mapping.add(CsvColumnSpec.field(CsvColumn.SOURCE_FILE, "ファイル"));
			mapping.add(CsvColumnSpec.field(CsvColumn.PAGES, "ページ"));
			mapping.add(CsvColumnSpec.field(CsvColumn.KEY, "キー"));
		}
		if (mapping.isEmpty()) {
			throw new ExportException("outputs.csv.columns is empty: list at least one column, or leave it out");
		}
		List<CsvColumn> resolved = new ArrayList<>();
		for (int i = 0; i < mapping.size(); i++) {
			CsvColumnSpec column = mapping.get(i);
			if (column == null) {
				throw new ExportException("outputs.csv.columns[" + (i + 1) + "] is empty: give a field or a value");
			}
			resolved.add(CsvColumn.resolve(i + 1, column, fields, template, allowMyNumber));
		}
		return resolved;
	}

}
