package jp.digilab.robots;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other step kinds (frames, prompt, alert, clear, uncheck, upload, call, screenshot,
 * submit, waitFor url/gone, a Shift_JIS page) and timeouts, in one shared browser.
 */
class TourRobotTests {

	static LegacySystem legacy;

	static RobotRunner runner;

	@TempDir
	static Path evidence;

	@BeforeAll
	static void start() throws Exception {
		legacy = new LegacySystem();
		RobotScript script = RobotScript.load(Path.of("src/test/resources/robots/tour.yml"));
		runner = new RobotRunner(script,
				new RobotSettings(Map.of("LEGACY_URL", legacy.url()), null, evidence, 1, Duration.ofSeconds(2)));
	}

	@AfterAll
	static void stop() {
		runner.close();
		legacy.close();
	}

	@Test
	void runsEveryStepKind() {
		RecordOutcome outcome = runner.enter("T-1", Map.of("case", "tour", "memo", "メモ書き", "reason", "転居のため"));

		assertThat(outcome.status()).as(outcome.message()).isEqualTo(RecordOutcome.Status.OK);
		assertThat(outcome.values()).containsEntry("memo", "メモ書き!")
			.containsEntry("reason", "転居のため")
			.containsEntry("greeting", "住民票の写し 髙橋様 ～ 受付");
		assertThat(outcome.values().get("file")).endsWith("upload.txt");
		assertThat(evidence.resolve("T-1").resolve("tour-tour.png")).isNotEmptyFile();
	}

	@Test
	void pageThatNeverLoadsFailsWithinTheStepTimeout() {
		RecordOutcome outcome = runner.enter("slow-1", Map.of("case", "slow"));
		RecordOutcome after = runner.enter("T-2", Map.of("case", "tour", "memo", "x", "reason", "y"));

		assertThat(outcome.status()).isEqualTo(RecordOutcome.Status.FAILED);
		assertThat(outcome.message()).contains("tour.yml:9 open ${vars.base}/slow")
			.contains("the page did not finish loading within 2s");
		assertThat(outcome.duration()).isLessThan(Duration.ofSeconds(15));
		assertThat(evidence.resolve("slow-1").resolve("step.txt")).exists();
		assertThat(after.status()).as(after.message()).isEqualTo(RecordOutcome.Status.OK);
	}

	@Test
	void elementThatNeverAppearsFailsTheRecord() {
		RecordOutcome outcome = runner.enter("missing-1", Map.of("case", "missing"));

		assertThat(outcome.status()).isEqualTo(RecordOutcome.Status.FAILED);
		assertThat(outcome.message()).contains("tour.yml:14 waitFor element #never").contains("waited 1s");
		assertThat(evidence.resolve("missing-1").resolve("screenshot.png")).isNotEmptyFile();
	}

	@Test
	void skipIfWithNotEndsTheRecordAsSkipped() {
		RecordOutcome outcome = runner.enter("other", Map.of("case", "other"));

		assertThat(outcome.status()).isEqualTo(RecordOutcome.Status.SKIPPED);
	}

}
