package jp.digilab.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.digilab.app.demo.DemoHomes;
import jp.digilab.jobs.pipeline.PipelineService;
import jp.digilab.jobs.pipeline.RunSummary;
import jp.digilab.jobs.review.ReviewService;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Formula injection end to end: a scan is read by the pipeline, a reviewer corrects two
 * of its fields to values that a spreadsheet would run as formulas ({@code =…},
 * {@code @…}), and the run's follow-up xlsx and csv carry them as text.
 */
@SpringBootTest(properties = { "spring.quartz.auto-startup=false", "digilab.inbox.enabled=false" })
class FormulaInjectionFunctionalTests {

	static final Path home = homeWithAnExportJob();

	static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/\",\"詳細\")";

	static final String AT_SUM = "@SUM(1+1)*cmd|' /C calc'!A0";

	@Autowired
	PipelineService pipeline;

	@Autowired
	ReviewService review;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		registry.add("digilab.home", home::toString);
	}

	static Path homeWithAnExportJob() {
		try {
			Path home = DemoHomes.freshCopy();
			Files.writeString(home.resolve("jobs/formula.yml"), """
					id: formula
					title: formula injection
					department: 戸畑区 市民課
					templates: [juminhyo-request]
					outputs: { xlsx: true, csv: true }
					hoursSaved: { manualMinutesPerItem: 5 }
					""");
			return home;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void valuesStartingWithFormulaCharactersAreTextInTheXlsxAndTheCsv() throws Exception {
		RunSummary run = this.pipeline.run("formula", List.of(home.resolve("inbox/juminhyo/scan-001.png")));
		assertThat(run.records()).isEqualTo(1);
		String key = this.jdbc.sql("select record_key from dl_record where run_id = ?")
			.param(run.runId())
			.query(String.class)
			.single();
		// the OCR doubted the record; a reviewer types values that start like formulas
		this.jdbc.sql("update dl_record set status = 'NEEDS_REVIEW' where record_key = ?").param(key).update();
		this.review.approve(key, Map.of("name", HYPERLINK, "address", AT_SUM), 20, "reviewer");
		RunSummary followUp = this.pipeline.finishReviewed(run.runId()).orElseThrow();

		Path csv = output(followUp, ".csv");
		String text = Files.readString(csv, StandardCharsets.UTF_8);
		assertThat(text).contains("'=HYPERLINK(").contains("'@SUM(1+1)");
		assertThat(text.lines().flatMap((l) -> List.of(l.split(",")).stream()))
			.noneMatch((cell) -> cell.replace("\"", "").startsWith("=") || cell.replace("\"", "").startsWith("@"));

		List<String> formulas = new ArrayList<>();
		List<String> quoted = new ArrayList<>();
		try (InputStream in = Files.newInputStream(output(followUp, ".xlsx")); var workbook = new XSSFWorkbook(in)) {
			for (Row row : workbook.getSheetAt(0)) {
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.FORMULA) {
						formulas.add(cell.getAddress().toString());
					}
					else if (cell.getCellType() == CellType.STRING && (cell.getStringCellValue().startsWith("=")
							|| cell.getStringCellValue().startsWith("@"))) {
						// kept as typed, but marked as text so Excel never evaluates it
						assertThat(cell.getCellStyle().getQuotePrefixed()).as(cell.getAddress().toString()).isTrue();
						quoted.add(cell.getStringCellValue());
					}
				}
			}
		}
		assertThat(formulas).as("formula cells").isEmpty();
		assertThat(quoted).contains(HYPERLINK, AT_SUM);
	}

	private static Path output(RunSummary summary, String extension) {
		return summary.outputs()
			.stream()
			.filter((o) -> o.endsWith(extension))
			.map(Path::of)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + extension + " in " + summary.outputs()));
	}

}
