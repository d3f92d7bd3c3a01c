package jp.digilab.robots.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the records a robot enters from a CSV file (UTF-8 with or without BOM, or
 * Shift_JIS/windows-31j) or the first sheet of an xlsx file; the first row names the
 * fields. Blank rows are skipped.
 */
public final class RecordFiles {

	private RecordFiles() {
	}

	/**
	 * Read records.
	 * @param file a {@code .csv} or {@code .xlsx} file
	 * @return the rows, each field name to text, in column order
	 * @throws IOException if the file cannot be read
	 * @throws IllegalArgumentException if the file type is not supported
	 */
	public static List<Map<String, String>> read(Path file) throws IOException {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".csv")) {
			return readCsv(Files.readAllBytes(file));
		}
		if (name.endsWith(".xlsx")) {
			try (InputStream in = Files.newInputStream(file)) {
				return readXlsx(in);
			}
		}
		throw new IllegalArgumentException(file + ": records must be a .csv or .xlsx file");
	}

	static List<Map<String, String>> readCsv(byte[] bytes) throws IOException {
		String text = decode(bytes);
		List<Map<String, String>> rows = new ArrayList<>();
		CSVFormat format = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
		try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
			List<String> headers = parser.getHeaderNames();
			for (CSVRecord record : parser) {
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < headers.size(); i++) {
					row.put(headers.get(i), (i < record.size()) ? record.get(i) : "");
				}
				if (row.values().stream().anyMatch((v) -> !v.isBlank())) {
					rows.add(row);
				}
			}
		}
		return rows;
	}

	private static String decode(byte[] bytes) throws CharacterCodingException {
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
			return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			return Charset.forName("windows-31j").newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
	}

	static List<Map<String, String>> readXlsx(InputStream in) throws IOException {
		List<Map<String, String>> rows = new ArrayList<>();
		DataFormatter formatter = new DataFormatter(Locale.JAPAN);
		try (Workbook workbook = WorkbookFactory.create(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			Row header = sheet.getRow(sheet.getFirstRowNum());
			if (header == null) {
				return rows;
			}
			List<String> names = new ArrayList<>();
			for (int c = 0; c < header.getLastCellNum(); c++) {
				Cell cell = header.getCell(c);
				names.add((cell != null) ? formatter.formatCellValue(cell).trim() : "");
			}
			for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				Map<String, String> values = new LinkedHashMap<>();
				for (int c = 0; c < names.size(); c++) {
					if (!names.get(c).isEmpty()) {
						Cell cell = row.getCell(c);
						values.put(names.get(c), (cell != null) ? formatter.formatCellValue(cell).trim() : "");
					}
				}
				if (values.values().stream().anyMatch((v) -> !v.isBlank())) {
					rows.add(values);
				}
			}
		}
		return rows;
	}

}
