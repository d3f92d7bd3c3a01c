package jp.digilab.jobs.export.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import jp.digilab.jobs.export.CsvSpec;
import jp.digilab.jobs.export.ExportColumn;
import jp.digilab.jobs.export.ExportRecord;
import jp.digilab.jobs.export.ExportResult;
import jp.digilab.jobs.export.ExportService;
import jp.digilab.jobs.export.OutputsSpec;
import jp.digilab.jobs.export.RecordStatus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes N records × 12 fields with the real exporters ({@link ExportService}: xlsx, csv
 * in UTF-8 with BOM and in windows-31j) and, side by side, with a minimal hand-written
 * SXSSF loop and a minimal Commons CSV loop that write the same cells (the floor), and
 * prints rows per second for each and the ratio. Run with {@code -Xmx256m}.
 *
 * <pre>
 * java -Xmx256m -cp ... jp.digilab.jobs.export.bench.ExportBenchmark [--records N] [--out DIR] [--keep]
 * </pre>
 */
public final class ExportBenchmark {

	static final List<ExportColumn> COLUMNS = List.of(new ExportColumn("name", "氏名", "text"),
			new ExportColumn("kana", "フリガナ", "katakana"), new ExportColumn("birth_date", "生年月日", "date"),
			new ExportColumn("postal", "郵便番号", "postal"), new ExportColumn("address", "住所", "text"),
			new ExportColumn("phone", "電話番号", "phone"), new ExportColumn("email", "メール", "email"),
			new ExportColumn("amount", "手数料", "money"), new ExportColumn("copies", "通数", "integer"),
			new ExportColumn("mynumber", "個人番号", "mynumber"), new ExportColumn("honseki", "本籍記載", "checkbox"),
			new ExportColumn("purpose", "使用目的", "choice"));

	private static final int WARM_UP = 20_000;

	private final Path out;

	private final boolean keep;

	private int run;

	private ExportBenchmark(Path out, boolean keep) {
		this.out = out;
		this.keep = keep;
	}

	public static void main(String[] args) throws IOException {
		int records = 1_000_000;
		Path out = null;
		boolean keep = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--records" -> records = Integer.parseInt(args[++i].replace("_", ""));
				case "--out" -> out = Path.of(args[++i]);
				case "--keep" -> keep = true;
				default -> {
					System.err.println("usage: ExportBenchmark [--records N] [--out DIR] [--keep]");
					System.exit(2);
				}
			}
		}
		boolean temporary = out == null;
		out = temporary ? Files.createTempDirectory("digilab-bench-") : Files.createDirectories(out);
		System.out.printf(Locale.ROOT, "Export benchmark: %,d records x %d fields, max heap %d MB, %d CPUs, %s%n",
				records, COLUMNS.size(), Runtime.getRuntime().maxMemory() >> 20,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
		ExportBenchmark benchmark = new ExportBenchmark(out, keep);
		benchmark.all(WARM_UP, false);
		benchmark.all(records, true);
		System.out.printf(Locale.ROOT, "peak heap used: %d MB%n", peakHeap() >> 20);
		if (temporary && !keep) {
			delete(out);
		}
	}

	private void all(int records, boolean print) throws IOException {
		if (print) {
			System.out.printf("%-22s %12s %12s %10s%n", "output", "floor rows/s", "real rows/s", "real/floor");
		}
		compare("xlsx", records, print, () -> floorXlsx(records),
				() -> real(records, new OutputsSpec(true, null, false)));
		CsvSpec utf8 = CsvSpec.DEFAULT;
		compare("csv utf-8-bom", records, print, () -> floorCsv(records, StandardCharsets.UTF_8, true),
				() -> real(records, new OutputsSpec(false, utf8, false)));
		CsvSpec sjis = new CsvSpec("windows-31j", null, null, true, null);
		compare("csv windows-31j", records, print, () -> floorCsv(records, Charset.forName("windows-31j"), false),
				() -> real(records, new OutputsSpec(false, sjis, false)));
	}

	/**
	 * Best of {@code rounds} runs of each, in alternating order (floor, real, real,
	 * floor, …) so that neither side gains from going second; the short CSV runs get more
	 * rounds, as a shared machine disturbs them more.
	 */
	private void compare(String name, int records, boolean print, Task floor, Task real) throws IOException {
		int rounds = !print ? 1 : name.startsWith("xlsx") ? 2 : 6;
		long floorNanos = Long.MAX_VALUE;
		long realNanos = Long.MAX_VALUE;
		for (int round = 0; round < rounds; round++) {
			if (round % 2 == 0) {
				floorNanos = Math.min(floorNanos, time(floor));
				realNanos = Math.min(realNanos, time(real));
			}
			else {
				realNanos = Math.min(realNanos, time(real));
				floorNanos = Math.min(floorNanos, time(floor));
			}
		}
		if (print) {
			System.out.printf(Locale.ROOT, "%-22s %,12.0f %,12.0f %9.2fx%n", name, rate(records, floorNanos),
					rate(records, realNanos), (double) realNanos / floorNanos);
		}
	}

	private static long time(Task task) throws IOException {
		System.gc();
		long start = System.nanoTime();
		task.run();
		return System.nanoTime() - start;
	}

	private static double rate(int records, long nanos) {
		return records / (nanos / 1e9);
	}

	private void real(int records, OutputsSpec spec) {
		String runId = "run" + (++this.run);
		ExportResult result = new ExportService().export("bench", runId, spec, COLUMNS, () -> new Records(records),
				this.out, LocalDate.of(2026, 4, 1));
		if (!result.problems().isEmpty()) {
			throw new IllegalStateException("unexpected problems: " + result.problems().get(0));
		}
		if (!this.keep) {
			result.files().forEach((file) -> deleteQuietly(file.path()));
			deleteQuietly(result.manifest());
		}
	}

	/** The same cells as the real xlsx, with none of its checks. */
	private void floorXlsx(int records) throws IOException {
		Path file = this.out.resolve("floor-" + (++this.run) + ".xlsx");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, false, false);
				OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/mm/dd"));
			CellStyle money = workbook.createCellStyle();
			money.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
			CellStyle integer = workbook.createCellStyle();
			integer.setDataFormat(workbook.createDataFormat().getFormat("0"));
			CellStyle confidenceStyle = workbook.createCellStyle();
			confidenceStyle.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
			SXSSFSheet data = workbook.createSheet("データ");
			SXSSFSheet confidence = workbook.createSheet("信頼度");
			Row header = data.createRow(0);
			int col = 0;
			for (ExportColumn column : COLUMNS) {
				header.createCell(col++).setCellValue(column.label());
			}
			for (String label : List.of("状態", "ファイル", "ページ", "キー")) {
				header.createCell(col++).setCellValue(label);
			}
			Row confidenceHeader = confidence.createRow(0);
			col = 0;
			for (String label : List.of("キー", "状態", "ファイル", "ページ")) {
				confidenceHeader.createCell(col++).setCellValue(label);
			}
			for (ExportColumn column : COLUMNS) {
				confidenceHeader.createCell(col++).setCellValue(column.label());
			}
			confidenceHeader.createCell(col).setCellValue("備考");
			Records source = new Records(records);
			int r = 0;
			while (source.hasNext()) {
				ExportRecord record = source.next();
				r++;
				Map<String, String> values = record.values();
				Row row = data.createRow(r);
				textCell(row, 0, values.get("name"), text);
				textCell(row, 1, values.get("kana"), text);
				Cell birth = row.createCell(2);
				birth.setCellValue(LocalDate.parse(values.get("birth_date")));
				birth.setCellStyle(date);
				textCell(row, 3, values.get("postal"), text);
				textCell(row, 4, values.get("address"), text);
				textCell(row, 5, values.get("phone"), text);
				textCell(row, 6, values.get("email"), text);
				Cell amount = row.createCell(7);
				amount.setCellValue(Double.parseDouble(values.get("amount")));
				amount.setCellStyle(money);
				Cell copies = row.createCell(8);
				copies.setCellValue(Double.parseDouble(values.get("copies")));
				copies.setCellStyle(integer);
				textCell(row, 9, "********" + values.get("mynumber").substring(8), text);
				row.createCell(10).setCellValue(Boolean.parseBoolean(values.get("honseki")));
				textCell(row, 11, values.get("purpose"), text);
				textCell(row, 12, record.status().label(), text);
				textCell(row, 13, record.sourceFile(), text);
				textCell(row, 14, String.valueOf(record.pages().get(0)), text);
				textCell(row, 15, record.key(), text);
				Row conf = confidence.createRow(r);
				textCell(conf, 0, record.key(), text);
				textCell(conf, 1, record.status().label(), text);
				textCell(conf, 2, record.sourceFile(), text);
				textCell(conf, 3, String.valueOf(record.pages().get(0)), text);
				col = 4;
				for (ExportColumn column : COLUMNS) {
					Cell cell = conf.createCell(col++);
					cell.setCellValue(record.confidences().get(column.name()));
					cell.setCellStyle(confidenceStyle);
				}
				List<String> reasons = record.reasons().get("name");
				if (reasons != null) {
					textCell(conf, col, "氏名: " + String.join("、", reasons), text);
				}
			}
			data.createFreezePane(0, 1);
			data.setAutoFilter(new CellRangeAddress(0, r, 0, 15));
			confidence.createFreezePane(0, 1);
			confidence.setAutoFilter(new CellRangeAddress(0, r, 0, 16));
			workbook.write(stream);
		}
		finally {
			deleteQuietly(file);
		}
	}

	private static void textCell(Row row, int col, String value, CellStyle style) {
		Cell cell = row.createCell(col);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	/** The same cells as the real CSV (default columns), with none of its checks. */
	private void floorCsv(int records, Charset charset, boolean bom) throws IOException {
		Path file = this.out.resolve("floor-" + (++this.run) + ".csv");
		try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), charset), 1 << 16);
				CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder().get())) {
			if (bom) {
				writer.write('\uFEFF');
			}
			List<String> header = new ArrayList<>();
			COLUMNS.forEach((column) -> header.add(column.label()));
			header.addAll(List.of("状態", "ファイル", "ページ", "キー"));
			printer.printRecord(header);
			String[] cells = new String[COLUMNS.size() + 4];
			Records source = new Records(records);
			while (source.hasNext()) {
				ExportRecord record = source.next();
				for (int i = 0; i < COLUMNS.size(); i++) {
					cells[i] = record.values().get(COLUMNS.get(i).name());
				}
				cells[9] = "********" + cells[9].substring(8);
				cells[12] = record.status().label();
				cells[13] = record.sourceFile();
				cells[14] = String.valueOf(record.pages().get(0));
				cells[15] = record.key();
				printer.printRecord((Object[]) cells);
			}
		}
		finally {
			deleteQuietly(file);
		}
	}

	private static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a benchmark file left in a temporary folder
		}
	}

	private static void delete(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(ExportBenchmark::deleteQuietly);
		}
	}

	@FunctionalInterface
	private interface Task {

		void run() throws IOException;

	}

	/**
	 * N synthetic records, cycling through a small pool of realistic values so that
	 * making them costs next to nothing; every tenth has a review note.
	 */
	static final class Records implements Iterator<ExportRecord> {

		private static final int POOL = 1024;

		private static final List<Map<String, String>> VALUES = new ArrayList<>();

		private static final List<Map<String, Double>> CONFIDENCES = new ArrayList<>();

		private static final Map<String, List<String>> REASONS = Map.of("name", List.of("信頼度が低い"));

		static {
			String[] family = { "北九州", "小倉", "門司", "若松", "八幡", "戸畑", "髙橋", "渡邉" };
			String[] given = { "太郎", "花子", "一郎", "さくら", "健太", "美咲" };
			String[] purposes = { "年金", "就職", "パスポート", "相続", "その他" };
			for (int i = 0; i < POOL; i++) {
				Map<String, String> values = new HashMap<>();
				values.put("name", family[i % family.length] + " " + given[i % given.length]);
				values.put("kana", "キタキュウシュウ タロウ");
				values.put("birth_date", LocalDate.of(1940, 1, 1).plusDays(i * 37L).toString());
				values.put("postal", String.format("%03d-%04d", 800 + i % 10, i));
				values.put("address", "福岡県北九州市小倉北区城内" + (1 + i % 9) + "番" + (1 + i % 30) + "号");
				values.put("phone", "093-582-" + String.format("%04d", i));
				values.put("email", "user" + i + "@example.jp");
				values.put("amount", String.valueOf(300 * (1 + i % 5)));
				values.put("copies", String.valueOf(1 + i % 5));
				values.put("mynumber", String.format("%012d", 123456789018L + i));
				values.put("honseki", String.valueOf(i % 2 == 0));
				values.put("purpose", purposes[i % purposes.length]);
				VALUES.add(values);
				Map<String, Double> confidences = new HashMap<>();
				for (ExportColumn column : COLUMNS) {
					confidences.put(column.name(), 0.70 + (i % 30) / 100.0);
				}
				CONFIDENCES.add(confidences);
			}
		}

		private final int count;

		private int next;

		Records(int count) {
			this.count = count;
		}

		@Override
		public boolean hasNext() {
			return this.next < this.count;
		}

		@Override
		public ExportRecord next() {
			if (this.next >= this.count) {
				throw new NoSuchElementException();
			}
			int i = this.next++;
			int slot = i % POOL;
			return new ExportRecord("R" + i, "scan-" + (i / 100) + ".pdf", List.of(1 + i % 2),
					(i % 10 == 0) ? RecordStatus.NEEDS_REVIEW : RecordStatus.APPROVED, VALUES.get(slot),
					CONFIDENCES.get(slot), (i % 10 == 0) ? REASONS : Map.of());
		}

	}

}
