package jp.digilab.app.demo;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.digilab.app.cli.DigilabCommand;
import jp.digilab.app.cli.SpringContexts;
import jp.digilab.jobs.ledger.FiscalYear;
import jp.digilab.jobs.ledger.LedgerEntry;
import jp.digilab.jobs.ledger.LedgerRepository;
import jp.digilab.jobs.pipeline.RunSummary;
import jp.digilab.jobs.run.RunRepository;
import jp.digilab.jobs.run.StoredRecord;
import jp.digilab.samples.legacy.LegacySystem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo pipeline end to end on real parts: the sample scans read by real Tesseract,
 * the xlsx and csv written, the records typed into the sample legacy system by real
 * headless Chromium, and the hours saved recorded in the H2 file database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPipelineFunctionalTests {

	static final Path SAMPLES = Path.of("..", "samples", "home");

	static final Path EXPECTED = Path.of("..", "samples", "expected", "juminhyo.json");

	@TempDir
	static Path tmp;

	Path home;

	Map<String, Map<String, String>> expected;

	LegacySystem legacy;

	ConfigurableApplicationContext context;

	RunSummary summary;

	@BeforeAll
	void runTheDemo() throws Exception {
		// given a fresh copy of the sample home and the sample legacy system
		this.home = tmp.resolve("home");
		Demo.prepareHome(SAMPLES, this.home);
		this.expected = JsonMapper.builder()
			.build()
			.readValue(EXPECTED.toFile(), new TypeReference<LinkedHashMap<String, Map<String, String>>>() {
			});
		this.legacy = Demo.startLegacySystem(this.home);
		this.context = SpringContexts.start(this.home, false, Map.of());
		// when the sample job runs
		this.summary = Demo.run(this.context, this.legacy);
	}

	@AfterAll
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		if (this.legacy != null) {
			this.legacy.close();
		}
	}

	@Test
	void runCompletesWithEveryScanRead() {
		assertThat(this.summary.status()).isEqualTo("COMPLETED");
		assertThat(this.summary.files()).isEqualTo(this.expected.size());
		assertThat(this.summary.filesFailed()).isZero();
		assertThat(this.summary.records()).isEqualTo(this.expected.size());
		assertThat(this.summary.failures()).isEmpty();
		assertThat(this.summary.exitCode()).isZero();
		try (Stream<Path> done = list(this.home.resolve("done"))) {
			assertThat(done.map((p) -> p.getFileName().toString()))
				.containsExactlyInAnyOrderElementsOf(this.expected.keySet());
		}
		assertThat(this.home.resolve("inbox/juminhyo")).isEmptyDirectory();
	}

	@Test
	void everyScanYieldsItsValues() {
		List<StoredRecord> records = this.context.getBean(RunRepository.class).records(this.summary.runId());
		Map<String, Map<String, String>> actual = new HashMap<>();
		records.forEach((r) -> actual.put(r.sourceFile(), r.values()));
		assertThat(actual).containsOnlyKeys(this.expected.keySet());
		this.expected.forEach((file, values) -> assertThat(actual.get(file)).as(file).containsAllEntriesOf(values));
		assertThat(records).allSatisfy((r) -> assertThat(r.status()).isEqualTo(StoredRecord.RecordState.APPROVED));
	}

	@Test
	void xlsxHoldsOneTypedRowPerRecord() throws Exception {
		Path xlsx = output(".xlsx");
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			Map<String, Integer> columns = new HashMap<>();
			for (Cell cell : sheet.getRow(0)) {
				columns.put(cell.getStringCellValue(), cell.getColumnIndex());
			}
			assertThat(columns).containsKeys("氏名", "生年月日", "郵便番号", "住所");
			assertThat(sheet.getLastRowNum()).isEqualTo(this.expected.size());
			List<String> names = new ArrayList<>();
			DataFormatter formatter = new DataFormatter();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				names.add(row.getCell(columns.get("氏名")).getStringCellValue());
				Cell birth = row.getCell(columns.get("生年月日"));
				assertThat(birth.getCellType()).isEqualTo(CellType.NUMERIC);
				assertThat(DateUtil.isCellDateFormatted(birth)).isTrue();
				assertThat(row.getCell(columns.get("郵便番号")).getCellType()).isEqualTo(CellType.STRING);
				String birthIso = birth.getLocalDateTimeCellValue().toLocalDate().toString();
				String name = names.get(names.size() - 1);
				assertThat(this.expected.values()).anySatisfy((v) -> {
					assertThat(v.get("name")).isEqualTo(name);
					assertThat(v.get("birth_date")).isEqualTo(birthIso);
					assertThat(v.get("postal_code"))
						.isEqualTo(formatter.formatCellValue(row.getCell(columns.get("郵便番号"))));
				});
			}
			assertThat(names).containsExactlyInAnyOrderElementsOf(
					this.expected.values().stream().map((v) -> v.get("name")).toList());
		}
	}

	@Test
	void csvHoldsOneRowPerRecordWithBom() throws Exception {
		Path csv = output(".csv");
		byte[] bytes = Files.readAllBytes(csv);
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			reader.read(); // BOM
			List<CSVRecord> rows = CSVFormat.EXCEL.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)
				.getRecords();
			assertThat(rows).hasSize(this.expected.size());
			for (CSVRecord row : rows) {
				assertThat(this.expected.values()).anySatisfy((v) -> {
					assertThat(row.get("氏名")).isEqualTo(v.get("name"));
					assertThat(row.get("住所")).isEqualTo(v.get("address"));
					assertThat(row.get("郵便番号")).isEqualTo(v.get("postal_code"));
				});
			}
		}
	}

	@Test
	void legacySystemHoldsEveryRecordOnce() {
		List<Map<String, String>> entries = this.legacy.entries();
		assertThat(entries).hasSize(this.expected.size());
		assertThat(this.summary.entered()).isEqualTo(this.expected.size());
		for (Map<String, String> values : this.expected.values()) {
			assertThat(entries).filteredOn((e) -> values.get("name").equals(e.get("name")))
				.singleElement()
				.satisfies((e) -> {
					assertThat(e.get("birth_date")).isEqualTo(values.get("birth_date"));
					assertThat(e.get("address")).isEqualTo(values.get("address"));
					assertThat(e.get("purpose")).isEqualTo(values.get("purpose"));
					assertThat(e.get("honseki")).isEqualTo(values.get("honseki"));
				});
		}
		assertThat(this.context.getBean(RunRepository.class).records(this.summary.runId()))
			.allSatisfy((r) -> assertThat(r.entryValues().get("receipt_no")).isNotBlank());
		// the demo robot has a pool of two browsers: each logged in once, and the records
		// were entered two at a time
		assertThat(this.legacy.logins()).isEqualTo(2);
	}

	@Test
	void ledgerRecordsTheHoursSaved() {
		List<LedgerEntry> ledger = this.context.getBean(LedgerRepository.class).findAll();
		assertThat(ledger).singleElement().satisfies((entry) -> {
			assertThat(entry.runId()).isEqualTo(this.summary.runId());
			assertThat(entry.department()).isEqualTo("小倉北区 市民課");
			assertThat(entry.recordsSucceeded()).isEqualTo(this.expected.size());
			// 6.5 manual minutes per form in jobs/juminhyo.yml, no review time spent
			assertThat(entry.savedMinutes())
				.isEqualByComparingTo(new BigDecimal("6.5").multiply(BigDecimal.valueOf(this.expected.size())));
		});
		assertThat(this.summary.savedMinutes())
			.isEqualByComparingTo(new BigDecimal("6.5").multiply(BigDecimal.valueOf(this.expected.size())));
	}

	@Test
	void reportTotalsTheHoursSavedThisFiscalYear() {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = DigilabCommand.execute(new PrintWriter(out), new PrintWriter(err), "report", "--home",
				this.home.toString(), "--by", "job", "--lang", "ja");
		assertThat(err.toString()).isEmpty();
		assertThat(exit).isZero();
		FiscalYear fy = FiscalYear.of(LocalDate.now());
		// 4 forms × 6.5 min = 26 min = 0.4 h
		assertThat(out.toString()).contains(fy.japaneseLabel() + " (" + fy.westernLabel() + ")")
			.contains("合計 ▲0.4 時間")
			.contains("juminhyo: 実行 1 回、処理 4 件");
	}

	@Test
	void reportWorkbookHasTwelveMonthsAndAChart() throws Exception {
		Path file = tmp.resolve("report.xlsx");
		int exit = DigilabCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
				"report", "--home", this.home.toString(), "--format", "xlsx", "--out", file.toString(), "--lang", "ja");
		assertThat(exit).isZero();
		try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			assertThat(workbook.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("小倉北区 市民課");
			assertThat(workbook.getSheetAt(0).getRow(2).getCell(5).getNumericCellValue()).isEqualTo(0.4);
			var months = workbook.getSheetAt(1);
			assertThat(months.getLastRowNum()).isEqualTo(13);
			FiscalYear fy = FiscalYear.of(LocalDate.now());
			assertThat(months.getRow(2).getCell(0).getStringCellValue())
				.isEqualTo(fy.start().toString().substring(0, 7));
			String thisMonth = LocalDate.now().toString().substring(0, 7);
			for (int r = 2; r <= 13; r++) {
				Row row = months.getRow(r);
				double expectedHours = row.getCell(0).getStringCellValue().equals(thisMonth) ? 0.4 : 0.0;
				assertThat(row.getCell(5).getNumericCellValue()).as(row.getCell(0).getStringCellValue())
					.isEqualTo(expectedHours);
			}
			assertThat(months.getDrawingPatriarch().getCharts()).hasSize(1);
		}
	}

	private Path output(String suffix) throws Exception {
		return this.summary.outputs()
			.stream()
			.map(Path::of)
			.filter((p) -> p.toString().endsWith(suffix))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + suffix + " in " + this.summary.outputs()));
	}

	private static Stream<Path> list(Path dir) {
		try {
			return Files.list(dir).filter((p) -> !p.getFileName().toString().startsWith("."));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
