package jp.digilab.app.console.browser;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jp.digilab.app.demo.DemoHomes;
import jp.digilab.app.security.ConsoleUsers;
import jp.digilab.app.security.Role;
import jp.digilab.jobs.ledger.FiscalYear;
import jp.digilab.jobs.pipeline.PipelineService;
import jp.digilab.jobs.pipeline.RunSummary;
import jp.digilab.robots.browser.BrowserSession;
import jp.digilab.robots.browser.ChromiumLauncher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in real headless Chromium against the running application, after a real
 * demo pipeline run: three sample scans read and counted, the fourth held for review (its
 * template's review threshold raised). One browser for the class; each test logs in
 * through the real form. The job's robot is left out here (the demo pipeline test covers
 * entry), so that only export and the ledger follow an approval.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.quartz.auto-startup=false", "digilab.inbox.enabled=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTests {

	static final String JOB = "juminhyo";

	static final String HELD_SCAN = "scan-004.pdf";

	static final String DEPARTMENT = "小倉北区 市民課";

	static final String PASSWORD = "browser-test-password";

	static final Path home = homeWithoutRobot();

	@LocalServerPort
	int port;

	@Autowired
	PipelineService pipeline;

	@Autowired
	ConsoleUsers users;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	JdbcClient jdbc;

	RunSummary readRun;

	RunSummary reviewRun;

	BrowserSession session;

	WebDriver browser;

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		registry.add("digilab.home", home::toString);
	}

	@BeforeAll
	void runTheDemoPipelineAndStartABrowser() throws Exception {
		this.users.create("reviewer", this.encoder.encode(PASSWORD), null, DEPARTMENT, EnumSet.of(Role.REVIEWER));
		this.users.create("manager", this.encoder.encode(PASSWORD), null, null, EnumSet.of(Role.MANAGER));
		// three scans read and approved by the pipeline
		this.readRun = this.pipeline.run(JOB, List.of());
		assertThat(this.readRun.records()).isEqualTo(3);
		// the fourth, with every field doubtful
		Path template = home.resolve("templates/juminhyo-request.yml");
		Files.writeString(template, Files.readString(template).replace("minConfidence: 0.60", "minConfidence: 0.999"));
		Files.move(home.resolve("held").resolve(HELD_SCAN), home.resolve("inbox").resolve(JOB).resolve(HELD_SCAN));
		this.reviewRun = this.pipeline.run(JOB, List.of());
		assertThat(this.jdbc.sql("select count(*) from dl_record where run_id = ? and status = 'NEEDS_REVIEW'")
			.param(this.reviewRun.runId())
			.query(Integer.class)
			.single()).isEqualTo(1);
		this.session = new ChromiumLauncher(System.getenv(), Duration.ofSeconds(20)).start();
		this.browser = this.session.driver();
	}

	@AfterAll
	void quitTheBrowser() {
		if (this.session != null) {
			this.session.quit();
		}
	}

	@Test
	@Order(1)
	void anUnauthenticatedVisitorIsSentToTheLoginPage() {
		this.browser.manage().deleteAllCookies();
		open("/runs");
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		assertThat(this.browser.findElement(ConsolePages.PAGE_TITLE).getText()).isEqualTo("ログイン");
	}

	@Test
	@Order(2)
	void aManagerSeesTheHoursTheDemoRunSaved() {
		logIn("manager");
		assertThat(this.browser.getCurrentUrl()).endsWith("/");
		FiscalYear year = FiscalYear.of(LocalDate.now());
		assertThat(this.browser.findElement(ConsolePages.HOURS_HEADLINE).getText())
			.isEqualTo(year.japaneseLabel() + " 削減時間 ▲" + hours(savedMinutes()) + "時間");
		// three forms of 6.5 minutes each, nothing reviewed yet
		assertThat(savedMinutes()).isEqualByComparingTo("19.5");
	}

	@Test
	@Order(3)
	void aManagerIsRefusedTheReviewQueue() {
		logIn("manager");
		open("/review");
		assertThat(this.browser.findElement(ConsolePages.FORBIDDEN).getText()).isEqualTo("権限がありません");
		assertThat(this.browser.getPageSource()).doesNotContain(this.reviewRun.runId());
	}

	@Test
	@Order(4)
	void aReviewerApprovesTheHeldRecordAndItIsExportedAndCounted() throws Exception {
		Map<String, String> expected = expectedValues(HELD_SCAN);
		logIn("reviewer");
		// a reviewer starts at the review queue
		assertThat(this.browser.getCurrentUrl()).endsWith("/review");
		this.browser.findElement(ConsolePages.REVIEW_START).click();
		await(ExpectedConditions.presenceOfElementLocated(ConsolePages.REVIEW_APPROVE));
		assertThat(this.browser.findElement(ConsolePages.PAGE_TITLE).getText()).contains(this.reviewRun.runId());
		// the doubtful fields show the values read: approve them as read
		assertThat(this.browser.findElement(ConsolePages.reviewField("name")).getAttribute("value"))
			.isEqualTo(expected.get("name"));
		// the reviewer looks at the scan for a moment: the ledger counts a record as
		// reviewed by the whole seconds spent on it
		Thread.sleep(1500);
		this.browser.findElement(ConsolePages.REVIEW_APPROVE).click();
		await(ExpectedConditions.urlMatches(".*/review$"));
		assertThat(this.browser.findElement(ConsolePages.PAGE_TITLE).getText()).isEqualTo("確認待ち 0 件");
		// exported in a follow-up CSV of the run, and counted in the ledger
		Path csv = waitForCsvHolding(expected.get("name"));
		assertThat(csv.getFileName().toString()).contains(this.reviewRun.runId());
		assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains(expected.get("address"));
		Map<String, Object> ledger = waitForLedger(this.reviewRun.runId());
		assertThat(((Number) ledger.get("records_succeeded")).intValue()).isEqualTo(1);
		assertThat(((Number) ledger.get("records_reviewed")).intValue()).isEqualTo(1);
		Map<String, Object> record = this.jdbc
			.sql("select status, reviewed_by, review_seconds from dl_record where run_id = ?")
			.param(this.reviewRun.runId())
			.query()
			.singleRow();
		assertThat(record.get("status")).isEqualTo("APPROVED");
		assertThat(record.get("reviewed_by")).isEqualTo("reviewer");
		int reviewSeconds = ((Number) record.get("review_seconds")).intValue();
		assertThat(reviewSeconds).isPositive();
		assertThat(((Number) ledger.get("review_seconds")).intValue()).isEqualTo(reviewSeconds);
		// 6.5 minutes saved, less the time the reviewer spent
		assertThat((BigDecimal) ledger.get("saved_minutes")).isCloseTo(
				BigDecimal.valueOf(6.5).subtract(BigDecimal.valueOf(reviewSeconds / 60.0)),
				org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
	}

	@Test
	@Order(5)
	void theLanguageSwitchChangesThePageText() {
		logIn("manager");
		String japanese = this.browser.findElement(ConsolePages.HOURS_HEADLINE).getText();
		assertThat(japanese).contains("削減時間");
		this.browser.findElement(ConsolePages.LANGUAGE_SWITCH).click();
		await(ExpectedConditions.textToBePresentInElementLocated(ConsolePages.LANGUAGE_SWITCH, "日本語"));
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		assertThat(this.browser.findElement(ConsolePages.HOURS_HEADLINE).getText()).contains("hours saved")
			.doesNotContain("削減時間");
		// remembered on the next page, and switched back
		open("/runs");
		assertThat(this.browser.findElement(ConsolePages.PAGE_TITLE).getText()).isEqualTo("Runs");
		this.browser.findElement(ConsolePages.LANGUAGE_SWITCH).click();
		await(ExpectedConditions.textToBePresentInElementLocated(ConsolePages.LANGUAGE_SWITCH, "English"));
		assertThat(this.browser.findElement(ConsolePages.PAGE_TITLE).getText()).isEqualTo("実行");
	}

	private void logIn(String username) {
		this.browser.manage().deleteAllCookies();
		open("/login");
		this.browser.findElement(ConsolePages.LOGIN_USERNAME).sendKeys(username);
		this.browser.findElement(ConsolePages.LOGIN_PASSWORD).sendKeys(PASSWORD);
		this.browser.findElement(ConsolePages.LOGIN_SUBMIT).click();
		await(ExpectedConditions.presenceOfElementLocated(ConsolePages.CURRENT_USER));
		assertThat(this.browser.findElement(ConsolePages.CURRENT_USER).getText()).isEqualTo(username);
	}

	private void open(String path) {
		this.browser.get("http://127.0.0.1:" + this.port + path);
	}

	private <T> T await(java.util.function.Function<WebDriver, T> condition) {
		return new WebDriverWait(this.browser, Duration.ofSeconds(15)).until(condition::apply);
	}

	private BigDecimal savedMinutes() {
		return this.jdbc.sql("select coalesce(sum(saved_minutes), 0) from dl_ledger").query(BigDecimal.class).single();
	}

	/** As the dashboard writes hours: one decimal below 100. */
	private static String hours(BigDecimal minutes) {
		DecimalFormat format = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(minutes.divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP));
	}

	private Path waitForCsvHolding(String text) throws Exception {
		long deadline = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < deadline) {
			try (Stream<Path> files = Files.walk(home.resolve("out").resolve(JOB))) {
				for (Path csv : files.filter((f) -> f.toString().endsWith(".csv")).toList()) {
					if (Files.readString(csv, StandardCharsets.UTF_8).contains(text)) {
						return csv;
					}
				}
			}
			Thread.sleep(250);
		}
		throw new AssertionError("No CSV in out/" + JOB + " holds the approved record");
	}

	private Map<String, Object> waitForLedger(String runId) throws Exception {
		long deadline = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < deadline) {
			List<Map<String, Object>> rows = this.jdbc.sql(
					"select records_succeeded, records_reviewed, review_seconds, saved_minutes from dl_ledger where run_id = ?")
				.param(runId)
				.query()
				.listOfRows();
			if (!rows.isEmpty() && ((Number) rows.get(0).get("records_succeeded")).intValue() > 0) {
				return rows.get(0);
			}
			Thread.sleep(250);
		}
		throw new AssertionError("The ledger has no approved record for run " + runId);
	}

	private static Map<String, String> expectedValues(String scan) throws IOException {
		Map<String, Map<String, String>> all = JsonMapper.builder()
			.build()
			.readValue(Path.of("..", "samples", "expected", "juminhyo.json").toFile(),
					new TypeReference<Map<String, Map<String, String>>>() {
					});
		return all.get(scan);
	}

	/**
	 * The demo home without the job's robot, with one scan held back for the second run.
	 */
	private static Path homeWithoutRobot() {
		Path home = DemoHomes.freshCopy();
		try {
			Path job = home.resolve("jobs").resolve(JOB + ".yml");
			Files.writeString(job, Files.readString(job).replaceAll("(?m)^robot: .*$", ""));
			Files.createDirectories(home.resolve("held"));
			Files.move(home.resolve("inbox").resolve(JOB).resolve(HELD_SCAN), home.resolve("held").resolve(HELD_SCAN));
			return home;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
