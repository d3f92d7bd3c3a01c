package jp.digilab.robots;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import jp.digilab.samples.legacy.LegacySystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Robots against the real sample legacy system (samples: {@link LegacySystem}) in real
 * headless Chromium: the demo's own robot, and {@code sample-tour.yml}, which goes
 * through the frameset, the 郵便番号検索 pop-up, both dialogs and the Shift_JIS entry form with
 * every step kind the system needs. The last test reads every log line written meanwhile
 * and every evidence file, looking for the secrets.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleSystemRobotTests {

	static final Path DEMO_ROBOT = Path.of("..", "samples", "home", "robots", "juminhyo-entry.yml");

	static final Path TOUR = Path.of("src/test/resources/robots/sample-tour.yml");

	static final String USER = "kita-op-4711";

	static final String PASSWORD = "Pa55-s3cret-x9";

	static LegacySystem legacy;

	static RobotRunner tour;

	static RobotRunner demo;

	static ListAppender<ILoggingEvent> logs = new ListAppender<>();

	@TempDir
	static Path tmp;

	@BeforeAll
	static void start() throws Exception {
		logs.start();
		root().addAppender(logs);
		legacy = LegacySystem.builder().dataDir(tmp.resolve("legacy")).user(USER).password(PASSWORD).start();
		tour = new RobotRunner(RobotScript.load(TOUR), settings(legacy, tmp.resolve("evidence-tour"), 3));
		demo = new RobotRunner(RobotScript.load(DEMO_ROBOT), settings(legacy, tmp.resolve("evidence-demo"), 5));
	}

	@AfterAll
	static void stop() {
		tour.close();
		demo.close();
		legacy.close();
		root().detachAppender(logs);
	}

	static RobotSettings settings(LegacySystem system, Path evidence, int stepTimeoutSeconds) {
		return new RobotSettings(Map.of("LEGACY_URL", system.url().toString()),
				SecretStore.of(Map.of("LEGACY_USER", USER, "LEGACY_PASSWORD", PASSWORD)), evidence, 1,
				Duration.ofSeconds(stepTimeoutSeconds));
	}

	static Map<String, String> applicant(String name, String town, String postal, String house, boolean honseki) {
		Map<String, String> record = new HashMap<>();
		record.put("request_date", "2026-11-20");
		record.put("name", name);
		record.put("name_kana", "テストタロウ");
		record.put("birth_date", "1980-04-01");
		record.put("town", town);
		record.put("postal_code", postal);
		record.put("house", house);
		record.put("address", "北九州市小倉北区城内" + house);
		record.put("phone", "093-582-2102");
		record.put("purpose", "年金");
		record.put("copies", "2");
		record.put("honseki", String.valueOf(honseki));
		record.put("case", "normal");
		return record;
	}

	static Map<String, String> entry(String name) {
		return legacy.entries().stream().filter((e) -> name.equals(e.get("name"))).reduce((a, b) -> {
			throw new AssertionError("entered twice: " + name);
		}).orElseThrow(() -> new AssertionError("not entered: " + name));
	}

	@Test
	@Order(1)
	void everyStepKindThroughTheFramesetThePopUpAndTheShiftJisForm() {
		Map<String, String> record = applicant("髙橋一郎", "戸畑", "804-8510", "1番6号", false);

		RecordOutcome outcome = tour.enter("T-1", record);

		assertThat(outcome.status()).as(outcome.message()).isEqualTo(RecordOutcome.Status.OK);
		assertThat(outcome.values()).containsEntry("postal_code", "804-8510")
			.containsEntry("address", "北九州市戸畑区汐井町1番6号");
		assertThat(outcome.values().get("receipt_no")).matches("R\\d{4}-\\d{6}");
		// 髙 went through a Shift_JIS form post and came back the same character
		assertThat(entry("髙橋一郎")).containsEntry("postal_code", "804-8510")
			.containsEntry("address", "北九州市戸畑区汐井町1番6号")
			.containsEntry("phone", "")
			.containsEntry("purpose", "年金")
			.containsEntry("copies", "2")
			.containsEntry("honseki", "false")
			.containsEntry("receipt_no", outcome.values().get("receipt_no"));
		assertThat(tmp.resolve("evidence-tour/T-1/entered.png")).isNotEmptyFile();
		// dismissing the confirm() the first time saved nothing
		assertThat(legacy.entries()).hasSize(1);
	}

	@Test
	@Order(2)
	void theDemoRobotEntersThroughTheShiftJisFormAndSkipsWhatTheListHolds() {
		Map<String, String> record = applicant("門司次郎", "", "801-8510", "清滝一丁目2番5号", true);
		int loginsBefore = legacy.logins();

		RecordOutcome first = demo.enter("D-1", record);
		RecordOutcome again = demo.enter("D-1", record);

		assertThat(first.status()).as(first.message()).isEqualTo(RecordOutcome.Status.OK);
		assertThat(again.status()).isEqualTo(RecordOutcome.Status.SKIPPED);
		assertThat(again.message()).isEqualTo("already in 登録一覧");
		assertThat(entry("門司次郎")).containsEntry("honseki", "true")
			.containsEntry("address", "北九州市小倉北区城内清滝一丁目2番5号")
			.containsEntry("receipt_no", first.values().get("receipt_no"));
		assertThat(legacy.logins() - loginsBefore).isEqualTo(1);
	}

	@Test
	@Order(3)
	void aRecordNeverTriedIsTypedWithoutTheDuplicateCheckAndOneTriedBeforeIsChecked() {
		Map<String, String> record = applicant("門司三郎", "", "801-8510", "清滝一丁目3番", false);
		int listViewsBefore = legacy.listViews();

		// a record the engine never started (its ledger says so) cannot be there: no
		// 登録一覧
		RecordOutcome fresh = demo.enter("F-1", record, false);
		int listViewsAfterFresh = legacy.listViews();
		// a record an earlier run started without recording the outcome is looked up
		RecordOutcome triedBefore = demo.enter("F-1", record, true);

		assertThat(fresh.status()).as(fresh.message()).isEqualTo(RecordOutcome.Status.OK);
		assertThat(listViewsAfterFresh).isEqualTo(listViewsBefore);
		assertThat(triedBefore.status()).isEqualTo(RecordOutcome.Status.SKIPPED);
		assertThat(triedBefore.message()).isEqualTo("already in 登録一覧");
		assertThat(legacy.listViews()).isEqualTo(listViewsBefore + 1);
		assertThat(legacy.entries()).filteredOn((e) -> "門司三郎".equals(e.get("name"))).hasSize(1);
	}

	@Test
	@Order(4)
	void elementThatIsNotThereFailsThatRecordWithEvidenceWhileTheNextSucceeds() throws Exception {
		Map<String, String> missing = applicant("若松三郎", "若松", "808-8510", "1番1号", false);
		missing.put("case", "missing");

		RecordOutcome failed = tour.enter("M/1", missing);
		List<String> menuFrameAfterFailure = menuFrameText();
		RecordOutcome next = tour.enter("M-2", applicant("若松四郎", "若松", "808-8510", "1番2号", true));

		assertThat(failed.status()).isEqualTo(RecordOutcome.Status.FAILED);
		assertThat(failed.message()).contains("sample-tour.yml:33 type into label=旧姓")
			.contains("no element matches 'label=旧姓'");
		// not a transient failure: tried once
		assertThat(failed.duration()).isLessThan(Duration.ofSeconds(8));
		Path dir = tmp.resolve("evidence-tour/M_1");
		assertThat(dir.resolve("screenshot.png")).isNotEmptyFile();
		assertThat(Files.readString(dir.resolve("page.html"), StandardCharsets.UTF_8)).contains("住民票請求 入力");
		assertThat(Files.readString(dir.resolve("step.txt"))).contains("Line: 33", "Record: M/1");
		// the screenshot was taken with the user id masked in the other frame too
		assertThat(menuFrameAfterFailure).singleElement().asString().contains("ログイン中：***").doesNotContain(USER);
		assertThat(next.status()).as(next.message()).isEqualTo(RecordOutcome.Status.OK);
		assertThat(legacy.entries()).extracting((e) -> e.get("name")).doesNotContain("若松三郎").contains("若松四郎");
	}

	@Test
	@Order(5)
	void secretsAreInNoLogLineAndNoEvidence() throws IOException {
		assertThat(logs.list).isNotEmpty();
		for (ILoggingEvent event : logs.list) {
			String line = event.getFormattedMessage() + ((event.getThrowableProxy() != null)
					? ThrowableProxyUtil.asString(event.getThrowableProxy()) : "");
			assertThat(line).doesNotContain(USER).doesNotContain(PASSWORD);
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(tmp)) {
			files = walk.filter(Files::isRegularFile).filter((p) -> p.toString().contains("evidence")).toList();
		}
		assertThat(files).extracting((p) -> p.getFileName().toString()).contains("step.txt", "page.html");
		for (Path file : files) {
			String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
			String utf8 = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
			assertThat(text + utf8).as(file.toString()).doesNotContain(USER).doesNotContain(PASSWORD);
		}
	}

	private static List<String> menuFrameText() {
		return tour.sessions().stream().map((s) -> {
			WebDriver driver = s.driver();
			driver.switchTo().defaultContent();
			driver.switchTo().frame("menu");
			String text = driver.findElement(By.id("user")).getText();
			driver.switchTo().defaultContent();
			return text;
		}).toList();
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

}
