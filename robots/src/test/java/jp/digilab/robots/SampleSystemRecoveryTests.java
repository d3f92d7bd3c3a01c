package jp.digilab.robots;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntPredicate;

import jp.digilab.robots.step.StepContext;
import jp.digilab.samples.legacy.LegacySystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static jp.digilab.robots.SampleSystemRobotTests.DEMO_ROBOT;
import static jp.digilab.robots.SampleSystemRobotTests.PASSWORD;
import static jp.digilab.robots.SampleSystemRobotTests.TOUR;
import static jp.digilab.robots.SampleSystemRobotTests.USER;
import static jp.digilab.robots.SampleSystemRobotTests.applicant;
import static jp.digilab.robots.SampleSystemRobotTests.settings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes wrong in real runs, against the real sample legacy system in real headless
 * Chromium: a browser killed while a record is being saved, a whole run that crashes and
 * is run again, a session that expires while the robot waits, a slow save, and a legacy
 * system that is down.
 */
class SampleSystemRecoveryTests {

	@TempDir
	Path tmp;

	private LegacySystem.Builder legacy() {
		return LegacySystem.builder().dataDir(this.tmp.resolve("legacy")).user(USER).password(PASSWORD);
	}

	/**
	 * Runs {@code action} once, as soon as the legacy system holds {@code entries}
	 * entries.
	 */
	private static CompletableFuture<Void> when(LegacySystem legacy, IntPredicate entries, Runnable action) {
		return CompletableFuture.runAsync(() -> {
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (!entries.test(legacy.entries().size())) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("the legacy system never got there");
				}
				StepContext.sleep(Duration.ofMillis(10));
			}
			action.run();
		});
	}

	/**
	 * Kill the Chromium processes this test JVM started (through chromedriver), as a
	 * crash or an operator's kill would; chromedriver itself lives on and reports it.
	 */
	static void killBrowsers() {
		ProcessHandle.current()
			.descendants()
			.filter((p) -> p.info().command().orElse("").contains("chromium"))
			.filter((p) -> !p.info().arguments().map(List::of).orElse(List.of()).toString().contains("--type="))
			.forEach(ProcessHandle::destroyForcibly);
	}

	@Test
	void browserKilledWhileARecordIsSavedIsReplacedAndTheRecordIsNotEnteredTwice() throws Exception {
		// given a save that answers late, and a browser killed once the entry is stored
		try (LegacySystem legacy = legacy().slowMillis(1500).start();
				RobotRunner runner = new RobotRunner(RobotScript.load(DEMO_ROBOT),
						settings(legacy, this.tmp.resolve("evidence"), 5))) {
			CompletableFuture<Void> kill = when(legacy, (n) -> n == 1, SampleSystemRecoveryTests::killBrowsers);

			// when two records never tried before are entered (no duplicate check at
			// first)
			RecordOutcome killed = runner.enter("K-1", applicant("戸畑七子", "", "804-8510", "1番", false), false);
			kill.get();
			RecordOutcome next = runner.enter("K-2", applicant("戸畑八子", "", "804-8510", "2番", false), false);

			// then the killed record's retry (retried: the check runs) found it in 登録一覧,
			// and the run went on
			assertThat(killed.status()).as(killed.message()).isEqualTo(RecordOutcome.Status.SKIPPED);
			assertThat(killed.message()).isEqualTo("already in 登録一覧");
			assertThat(next.status()).as(next.message()).isEqualTo(RecordOutcome.Status.OK);
			assertThat(legacy.entries()).extracting((e) -> e.get("name")).containsExactly("戸畑七子", "戸畑八子");
			assertThat(legacy.logins()).isEqualTo(2);
			assertThat(runner.sessions()).hasSize(1);
		}
	}

	@Test
	void reRunAfterACrashEntersNothingTwice() throws Exception {
		List<Map<String, String>> records = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			records.add(applicant("再実行" + "一二三四五".charAt(i - 1) + "郎", "", "803-8501", i + "番", i % 2 == 0));
		}
		try (LegacySystem legacy = legacy().slowMillis(300).start()) {
			// given a run that dies while the third record is being saved (its outcome is
			// never recorded)
			List<RecordOutcome> firstRun = new ArrayList<>();
			RobotRunner crashing = new RobotRunner(RobotScript.load(DEMO_ROBOT),
					settings(legacy, this.tmp.resolve("evidence-1"), 5));
			CompletableFuture<Void> crash = when(legacy, (n) -> n == 3, () -> {
				killBrowsers();
				crashing.close();
			});
			try {
				for (int i = 0; i < records.size(); i++) {
					RecordOutcome outcome = crashing.enter("C-" + (i + 1), records.get(i));
					if (outcome.status() == RecordOutcome.Status.FAILED) {
						break;
					}
					firstRun.add(outcome);
				}
			}
			catch (IllegalStateException ex) {
				assertThat(ex).hasMessage("the robot runner is closed");
			}
			crash.get();
			assertThat(firstRun).hasSize(2);
			assertThat(legacy.entries()).hasSize(3);

			// when a fresh runner enters all of them again
			List<RecordOutcome> reRun = new ArrayList<>();
			try (RobotRunner fresh = new RobotRunner(RobotScript.load(DEMO_ROBOT),
					settings(legacy, this.tmp.resolve("evidence-2"), 5))) {
				for (int i = 0; i < records.size(); i++) {
					reRun.add(fresh.enter("C-" + (i + 1), records.get(i)));
				}
			}

			// then the legacy system holds each record exactly once
			assertThat(reRun).extracting(RecordOutcome::status)
				.containsExactly(RecordOutcome.Status.SKIPPED, RecordOutcome.Status.SKIPPED,
						RecordOutcome.Status.SKIPPED, RecordOutcome.Status.OK, RecordOutcome.Status.OK);
			assertThat(legacy.entries()).extracting((e) -> e.get("name"))
				.containsExactlyElementsOf(records.stream().map((r) -> r.get("name")).toList());
		}
	}

	@Test
	void expiredSessionAndSlowSaveAreWaitedOutAndLoggedInAgain() throws Exception {
		try (LegacySystem legacy = legacy().slowMillis(1200).sessionTimeout(Duration.ofMillis(2000)).start();
				RobotRunner runner = new RobotRunner(RobotScript.load(TOUR),
						settings(legacy, this.tmp.resolve("evidence"), 4))) {
			RecordOutcome first = runner.enter("E-1", applicant("八幡五郎", "黒崎", "806-8510", "1番", false));
			Thread.sleep(2300);

			RecordOutcome afterExpiry = runner.enter("E-2", applicant("八幡六郎", "黒崎", "806-8510", "2番", false));

			assertThat(first.status()).as(first.message()).isEqualTo(RecordOutcome.Status.OK);
			assertThat(first.duration()).isGreaterThan(Duration.ofMillis(1200));
			assertThat(afterExpiry.status()).as(afterExpiry.message()).isEqualTo(RecordOutcome.Status.OK);
			assertThat(legacy.logins()).isEqualTo(2);
			assertThat(legacy.entries()).extracting((e) -> e.get("name")).containsExactly("八幡五郎", "八幡六郎");
		}
	}

	@Test
	void legacySystemThatIsDownFailsEachRecordAfterTheRetriesWithAClearReason() throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		RobotSettings down = new RobotSettings(Map.of("LEGACY_URL", "http://127.0.0.1:" + port),
				SecretStore.of(Map.of("LEGACY_USER", USER, "LEGACY_PASSWORD", PASSWORD)), this.tmp.resolve("evidence"),
				1, Duration.ofSeconds(3));
		try (RobotRunner runner = new RobotRunner(RobotScript.load(TOUR), down)) {
			RecordOutcome first = runner.enter("O-1", applicant("停止一郎", "", "803-8501", "1番", false));
			RecordOutcome second = runner.enter("O-2", applicant("停止二郎", "", "803-8501", "2番", false));

			for (RecordOutcome outcome : List.of(first, second)) {
				assertThat(outcome.status()).isEqualTo(RecordOutcome.Status.FAILED);
				assertThat(outcome.message()).startsWith("login failed: sample-tour.yml:6 open ${vars.base}/login")
					.contains("ERR_CONNECTION_REFUSED");
				assertThat(Files.readString(this.tmp.resolve("evidence").resolve(outcome.key()).resolve("step.txt")))
					.contains("Line: 6", "ERR_CONNECTION_REFUSED");
			}
		}
	}

}
