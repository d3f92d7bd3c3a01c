package jp.digilab.robots;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two browsers entering records at once, and a legacy system that is down.
 */
class PoolAndOutageTests {

	private static final Path ENTRY = Path.of("src/test/resources/robots/entry.yml");

	@TempDir
	Path evidence;

	private RobotSettings settings(String url, int pool) {
		return new RobotSettings(Map.of("LEGACY_URL", url),
				SecretStore.of(Map.of("LEGACY_USER", LegacySystem.USER, "LEGACY_PASSWORD", LegacySystem.PASSWORD)),
				this.evidence, pool, Duration.ofSeconds(5));
	}

	@Test
	void twoBrowsersEachLogInOnceAndShareTheRecords() throws Exception {
		try (LegacySystem legacy = new LegacySystem();
				RobotRunner runner = new RobotRunner(RobotScript.load(ENTRY), settings(legacy.url(), 2))) {
			ExecutorService threads = Executors.newFixedThreadPool(2);
			List<Future<RecordOutcome>> futures = new ArrayList<>();
			for (int i = 1; i <= 4; i++) {
				String no = "P-" + i;
				futures
					.add(threads.submit(() -> runner.enter(no, EntryRobotTests.record(no, "並行 " + no, "就職", false))));
			}
			List<RecordOutcome> outcomes = new ArrayList<>();
			for (Future<RecordOutcome> f : futures) {
				outcomes.add(f.get());
			}
			threads.shutdown();

			assertThat(outcomes)
				.allSatisfy((o) -> assertThat(o.status()).as(o.message()).isEqualTo(RecordOutcome.Status.OK));
			assertThat(outcomes).extracting((o) -> o.values().get("receipt_no")).doesNotHaveDuplicates();
			assertThat(runner.poolSize()).isEqualTo(2);
			assertThat(runner.sessions()).hasSizeLessThanOrEqualTo(2);
			assertThat(legacy.logins()).isEqualTo(runner.sessions().size());
			assertThat(legacy.entries()).hasSize(4);
		}
	}

	@Test
	void legacySystemThatIsDownFailsTheRecordAfterTheRetriesWithAClearReason() throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		try (RobotRunner runner = new RobotRunner(RobotScript.load(ENTRY), settings("http://127.0.0.1:" + port, 1))) {
			RecordOutcome outcome = runner.enter("D-1", EntryRobotTests.record("D-1", "停止 中", "就職", false));

			assertThat(outcome.status()).isEqualTo(RecordOutcome.Status.FAILED);
			assertThat(outcome.message()).startsWith("login failed: entry.yml:6 open ${vars.base}/login")
				.contains("ERR_CONNECTION_REFUSED");
			assertThat(Files.readString(this.evidence.resolve("D-1").resolve("step.txt"))).contains("Line: 6");
		}
	}

}
