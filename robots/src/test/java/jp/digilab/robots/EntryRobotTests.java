package jp.digilab.robots;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entry robot against the test legacy system, in one real headless Chromium shared by
 * the tests: login once per session, typing, select, check, a pop-up lookup, a confirm()
 * dialog, reading the receipt number, skipIf, evidence of a failed record, session
 * expiry, and a browser killed behind the runner's back.
 */
class EntryRobotTests {

	static LegacySystem legacy;

	static RobotRunner runner;

	@TempDir
	static Path evidence;

	@BeforeAll
	static void start() throws Exception {
		legacy = new LegacySystem();
		RobotScript script = RobotScript.load(Path.of("src/test/resources/robots/entry.yml"));
		RobotSettings settings = new RobotSettings(Map.of("LEGACY_URL", legacy.url()),
				SecretStore.of(Map.of("LEGACY_USER", LegacySystem.USER, "LEGACY_PASSWORD", LegacySystem.PASSWORD)),
				evidence, 1, Duration.ofSeconds(5));
		runner = new RobotRunner(script, settings);
	}

	@AfterAll
	static void stop() {
		runner.close();
		legacy.close();
	}

	static Map<String, String> record(String no, String name, String purpose, boolean honseki) {
		return Map.of("application_no", no, "name", name, "purpose", purpose, "honseki", String.valueOf(honseki),
				"office", "小倉北区役所");
	}

	@Test
	void entersRecordsAndLogsInOncePerSession() {
		int loginsBefore = legacy.logins();
		RecordOutcome first = runner.enter("A-1", record("A-1", "北九州 太郎", "就職", true));
		RecordOutcome second = runner.enter("A-2", record("A-2", "小倉 花子", "02", false));
		RecordOutcome third = runner.enter("A-3", record("A-3", "門司 一郎", "その他", false));

		assertThat(first.status()).as(first.message()).isEqualTo(RecordOutcome.Status.OK);
		assertThat(second.status()).as(second.message()).isEqualTo(RecordOutcome.Status.OK);
		assertThat(third.status()).as(third.message()).isEqualTo(RecordOutcome.Status.OK);
		assertThat(first.values().get("receipt_no")).startsWith("R-");
		assertThat(legacy.logins() - loginsBefore).isLessThanOrEqualTo(1);
		Map<String, String> entered = legacy.entries()
			.stream()
			.filter((e) -> "A-1".equals(e.get("application_no")))
			.findFirst()
			.orElseThrow();
		assertThat(entered).containsEntry("shimei", "北九州 太郎")
			.containsEntry("purpose", "01")
			.containsEntry("honseki", "1")
			.containsEntry("office", "K01");
		Map<String, String> second2 = legacy.entries()
			.stream()
			.filter((e) -> "A-2".equals(e.get("application_no")))
			.findFirst()
			.orElseThrow();
		assertThat(second2).containsEntry("purpose", "02").doesNotContainKey("honseki");
	}

	@Test
	void skipsARecordAlreadyInTheList() {
		runner.enter("S-1", record("S-1", "戸畑 次郎", "年金", false));
		int entries = legacy.entries().size();

		RecordOutcome again = runner.enter("S-1", record("S-1", "戸畑 次郎", "年金", false));

		assertThat(again.status()).isEqualTo(RecordOutcome.Status.SKIPPED);
		assertThat(again.message()).isEqualTo("already entered");
		assertThat(legacy.entries()).hasSize(entries);
	}

	@Test
	void failedRecordLeavesEvidenceWithoutSecretsAndTheNextOneSucceeds() throws Exception {
		RecordOutcome failed = runner.enter("F/1", record("F-1", "若松 三郎", "存在しない目的", false));
		RecordOutcome next = runner.enter("F-2", record("F-2", "若松 四郎", "就職", false));

		assertThat(failed.status()).isEqualTo(RecordOutcome.Status.FAILED);
		assertThat(failed.message()).contains("entry.yml:18 select").contains("no option '存在しない目的'");
		assertThat(next.status()).as(next.message()).isEqualTo(RecordOutcome.Status.OK);
		Path dir = evidence.resolve("F_1");
		assertThat(dir.resolve("screenshot.png")).isNotEmptyFile();
		assertThat(dir.resolve("page.html")).isNotEmptyFile();
		String step = Files.readString(dir.resolve("step.txt"));
		assertThat(step).contains("Line: 18").contains("Step: select ${record.purpose} in #purpose");
		String page = Files.readString(dir.resolve("page.html"), StandardCharsets.UTF_8);
		assertThat(page).contains("ログイン中: ***");
		for (String text : new String[] { step, page, failed.message() }) {
			assertThat(text).doesNotContain(LegacySystem.USER).doesNotContain(LegacySystem.PASSWORD);
		}
	}

	@Test
	void logsInAgainWhenTheLegacySessionExpired() {
		runner.enter("E-0", record("E-0", "八幡 五郎", "就職", false));
		int loginsBefore = legacy.logins();
		legacy.expireSessions();

		RecordOutcome outcome = runner.enter("E-1", record("E-1", "八幡 六郎", "就職", false));

		assertThat(outcome.status()).as(outcome.message()).isEqualTo(RecordOutcome.Status.OK);
		assertThat(legacy.logins()).isEqualTo(loginsBefore + 1);
	}

	@Test
	void recoversFromABrowserThatWasKilled() {
		runner.enter("K-0", record("K-0", "戸畑 七子", "就職", false));
		int loginsBefore = legacy.logins();
		runner.sessions().forEach((s) -> s.driver().quit());

		RecordOutcome outcome = runner.enter("K-1", record("K-1", "戸畑 八子", "年金", false));

		assertThat(outcome.status()).as(outcome.message()).isEqualTo(RecordOutcome.Status.OK);
		assertThat(legacy.logins()).isEqualTo(loginsBefore + 1);
		assertThat(runner.sessions()).hasSize(1);
	}

}
