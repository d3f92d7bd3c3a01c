package jp.digilab.app.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two nodes (two {@code serve} JVMs on localhost) sharing one home folder and one
 * PostgreSQL database: Quartz clustered, the Spring Batch job repository shared, the
 * watched folder shared. Each schedule firing runs exactly once across both nodes; files
 * dropped into the shared inbox are each processed exactly once; a node killed with
 * {@code kill -9} in the middle of a run has the run completed by the other node. Needs
 * {@code DIGILAB_TEST_PG_URL} (set by {@code ./digilab test}); skipped without it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFunctionalTests {

	static final int FIRINGS = 100;

	static final List<String> TICK_JOBS = List.of("tick1", "tick2", "tick3", "tick4");

	static Path home;

	static JdbcClient jdbc;

	static final List<EngineProcess> nodes = new ArrayList<>();

	@BeforeAll
	static void twoNodesOnOneDatabase() throws Exception {
		assumeTrue(TestPostgres.configured(), "DIGILAB_TEST_PG_URL is not set (./digilab test sets it)");
		TestPostgres.emptySchema();
		jdbc = JdbcClient
			.create(new DriverManagerDataSource(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD));
		home = TestHomes.create(Files.createTempDirectory("digilab-cluster").resolve("home"));
		for (String tick : TICK_JOBS) {
			TestHomes.job(home, tick, false, null);
		}
		TestHomes.job(home, "drop", true, null);
		TestHomes.job(home, "slow", false, null);
		// quick reactions, so that the test stays short; the defaults are in
		// docs/operations.md
		Files.writeString(home.resolve("digilab.yml"), """
				digilab:
				  scheduler: { reload-seconds: 1 }
				  cluster: { heartbeat-seconds: 1, node-timeout-seconds: 10, recovery-seconds: 1 }
				  inbox: { poll-millis: 200, stable-millis: 500, batch-wait-millis: 300, settle-seconds: 0 }
				""");
		Files.createDirectories(home.resolve("logs"));
		for (String name : List.of("node-a", "node-b")) {
			Map<String, String> env = new TreeMap<>(TestPostgres.environment());
			env.put("LOGGING_FILE_NAME", home.resolve("logs/" + name + ".log").toString());
			nodes.add(EngineProcess.start(name, home.resolve("logs/" + name + ".out"), env, "serve", "--home",
					home.toString(), "--port", String.valueOf(freePort())));
		}
		for (EngineProcess node : nodes) {
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
				assertThat(node.isAlive()).as(node.output()).isTrue();
				return node.output().contains("Started:");
			});
		}
	}

	@AfterAll
	static void stopNodes() throws Exception {
		for (EngineProcess node : nodes) {
			node.close();
		}
	}

	@Test
	@Order(1)
	void eachFiringRunsExactlyOnceAcrossTheNodes() throws Exception {
		// given four schedules firing every second, each of its own job
		for (String tick : TICK_JOBS) {
			Files.writeString(home.resolve("schedules/" + tick + ".yml"), """
					id: %s
					job: %s
					cron: "* * * ? * *"
					timeZone: UTC
					""".formatted(tick, tick));
		}

		// when they have fired 100 times and are removed
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> tickRuns() >= FIRINGS);
		for (String tick : TICK_JOBS) {
			Files.delete(home.resolve("schedules/" + tick + ".yml"));
		}
		await().atMost(Duration.ofMinutes(1)).pollDelay(Duration.ofSeconds(3)).until(() -> {
			int before = tickRuns();
			Thread.sleep(2000);
			return tickRuns() == before
					&& jdbc.sql("select count(*) from dl_run where job_id like 'tick%' " + "and status = 'STARTED'")
						.query(Integer.class)
						.single() == 0;
		});

		// then every fire time of every schedule ran once, and nothing more ran
		List<String> firings = jdbc.sql("""
				select p.parameter_value from batch_job_execution_params p
				where p.parameter_name = 'trigger' and p.parameter_value like 'tick%'""").query(String.class).list();
		assertThat(firings).hasSizeGreaterThanOrEqualTo(FIRINGS).doesNotHaveDuplicates();
		assertThat(firings).hasSize(tickRuns());
		for (String tick : TICK_JOBS) {
			List<Instant> times = firings.stream()
				.filter((f) -> f.startsWith(tick + "@"))
				.map((f) -> Instant.parse(f.substring(f.indexOf('@') + 1)))
				.sorted()
				.toList();
			assertThat(times).as("fire times of %s", tick).isNotEmpty();
			// every second from the first to the last: none skipped, none twice
			assertThat(Duration.between(times.get(0), times.get(times.size() - 1)).toSeconds() + 1)
				.as("fire times of %s: %s", tick, times)
				.isEqualTo(times.size());
		}
		// with both nodes in the Quartz cluster all along (Quartz does not balance short
		// jobs: the node that acquires first tends to take them all, which is fine)
		assertThat(jdbc.sql("select count(*) from qrtz_scheduler_state").query(Integer.class).single()).isEqualTo(2);
		System.out.println("Firings per node: "
				+ jdbc.sql("select node_id, count(*) from dl_run where job_id like 'tick%' group by node_id")
					.query((rs, i) -> rs.getString(1) + "=" + rs.getInt(2))
					.list());
	}

	@Test
	@Order(2)
	void filesDroppedIntoTheSharedInboxAreEachProcessedOnce() throws Exception {
		// given both nodes watching inbox/drop/
		List<String> expected = names(1000, 1060);

		// when 60 scans are dropped into it
		TinyForms.write(home.resolve("inbox/drop"), 1000, 1060);

		// then each is read once: in done/ once, in the CSV outputs once
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> TestHomes.names(TestHomes.files(home.resolve("done"))).containsAll(expected)
					&& jdbc.sql("select count(*) from dl_run where job_id = 'drop' and status = 'STARTED'")
						.query(Integer.class)
						.single() == 0);
		assertThat(TestHomes.files(home.resolve("inbox/drop"))).isEmpty();
		assertThat(TestHomes.names(TestHomes.files(home.resolve("done"))))
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(TestHomes.files(home.resolve("failed"))).isEmpty();
		assertThat(TestHomes.files(home.resolve("duplicates"))).isEmpty();
		assertThat(TestHomes.csvCounts(home, "drop", "No")).isEqualTo(onceEach(1000, 1060));
		assertThat(jdbc.sql("""
				select f.name from dl_file f join dl_run r on r.run_id = f.run_id
				where r.job_id = 'drop' and f.status = 'RECOGNIZED'""").query(String.class).list())
			.containsExactlyInAnyOrderElementsOf(expected);
		System.out.println("Shared inbox: runs and files per node " + jdbc.sql("""
				select r.node_id, count(distinct r.run_id), count(f.seq) from dl_run r
				  left join dl_file f on f.run_id = r.run_id
				where r.job_id = 'drop' group by r.node_id""")
			.query((rs, i) -> rs.getString(1) + ": " + rs.getInt(2) + " runs, " + rs.getInt(3) + " files")
			.list());
	}

	@Test
	@Order(3)
	void aRunOfANodeKilledMidRunIsCompletedByTheOther() throws Exception {
		// given 150 scans waiting for the job "slow", started once by a schedule
		List<String> expected = names(2000, 2150);
		TinyForms.write(home.resolve("inbox/slow"), 2000, 2150);
		ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(4);
		Files.writeString(home.resolve("schedules/slow-once.yml"), """
				id: slow-once
				job: slow
				cron: "%d %d %d %d %d ? %d"
				timeZone: UTC
				""".formatted(at.getSecond(), at.getMinute(), at.getHour(), at.getDayOfMonth(), at.getMonthValue(),
				at.getYear()));

		// when the node running it is killed with kill -9 while it reads them
		String runId = await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> jdbc.sql("""
					select r.run_id from dl_run r where r.job_id = 'slow' and
					  (select count(*) from dl_file f where f.run_id = r.run_id and f.status = 'RECOGNIZED') >= 20""")
				.query(String.class)
				.optional()
				.orElse(null), (id) -> id != null);
		String killedNode = jdbc.sql("select node_id from dl_run where run_id = ?")
			.param(runId)
			.query(String.class)
			.single();
		long pid = jdbc.sql("select pid from dl_node where node_id = ?").param(killedNode).query(Long.class).single();
		EngineProcess victim = nodes.stream().filter((n) -> n.pid() == pid).findFirst().orElseThrow();
		victim.kill();
		int recognizedAtKill = jdbc.sql("select count(*) from dl_file where run_id = ? and status = 'RECOGNIZED'")
			.param(runId)
			.query(Integer.class)
			.single();
		assertThat(recognizedAtKill).isLessThan(expected.size());

		// then the other node takes the run over and completes it
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> "COMPLETED".equals(
					jdbc.sql("select status from dl_run where run_id = ?").param(runId).query(String.class).single()));
		String survivor = jdbc.sql("select node_id from dl_run where run_id = ?")
			.param(runId)
			.query(String.class)
			.single();
		assertThat(survivor).isNotEqualTo(killedNode);
		assertThat(jdbc.sql("""
				select e.status from batch_job_execution e join batch_job_execution_params p
				  on p.job_execution_id = e.job_execution_id and p.parameter_name = 'runId' and p.parameter_value = ?
				order by e.job_execution_id""").param(runId).query(String.class).list()).containsExactly("FAILED",
				"COMPLETED");
		assertThat(TestHomes.files(home.resolve("inbox/slow"))).isEmpty();
		assertThat(TestHomes.names(TestHomes.files(home.resolve("done")))).containsAll(expected)
			.doesNotHaveDuplicates();
		assertThat(TestHomes.csvCounts(home, "slow", "No")).isEqualTo(onceEach(2000, 2150));
		assertThat(
				jdbc.sql("select count(*) from dl_record where run_id = ?").param(runId).query(Integer.class).single())
			.isEqualTo(expected.size());
	}

	static int tickRuns() {
		return jdbc.sql("select count(*) from dl_run where job_id like 'tick%'").query(Integer.class).single();
	}

	static List<String> names(int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> String.format("slip-%04d.png", i)).toList();
	}

	static Map<String, Integer> onceEach(int from, int to) {
		return IntStream.range(from, to)
			.mapToObj(TinyForms::number)
			.collect(Collectors.toMap(Function.identity(), (n) -> 1, Integer::sum, TreeMap::new));
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
