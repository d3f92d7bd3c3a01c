package jp.digilab.app.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jp.digilab.samples.legacy.LegacySystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Crash safety (issue 8): the engine is killed with {@code kill -9} in the middle of a
 * run — while recognising 200 scans, and while its robot enters 100 records into the
 * sample legacy system — on H2 and on PostgreSQL, and the run is then restarted with
 * {@code run JOB --restart}. Afterwards every input file is in {@code done/} (or
 * {@code failed/}) exactly once, every record is in the CSV outputs exactly once, and in
 * the legacy system (which lives on, in this JVM) exactly once.
 *
 * <p>
 * The scans are small one-field slips ({@link TinyForms}) read by real Tesseract;
 * {@code -Ddigilab.crash.files=N} and {@code -Ddigilab.crash.records=N} change the
 * counts.
 */
class CrashFunctionalTests {

	static final int FILES = Integer.getInteger("digilab.crash.files", 200);

	static final int RECORDS = Integer.getInteger("digilab.crash.records", 100);

	static final int ENTRY_FROM = 5000;

	static final Duration LONG = Duration.ofMinutes(4);

	enum Database {

		H2, POSTGRES

	}

	@TempDir
	Path temp;

	@BeforeAll
	static void emptyDatabase() throws Exception {
		if (TestPostgres.configured()) {
			TestPostgres.emptySchema();
		}
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void killedWhileRecognisingThenRestarted(Database database) throws Exception {
		assumeDatabase(database);
		// given 200 scans in the inbox of a job without a robot
		Path home = TestHomes.create(this.temp.resolve("home"));
		TestHomes.job(home, "crash-read", false, null);
		TinyForms.write(home.resolve("inbox/crash-read"), 0, FILES);

		// when the engine is killed while it reads them
		try (EngineProcess run = engine(database, "run", home, "run", "crash-read")) {
			run.awaitProgress("Reading", FILES / 4, LONG);
			run.kill();
		}
		List<Path> leftInWork = TestHomes.files(home.resolve("work"));
		assertThat(leftInWork).as("files claimed but not settled when killed").isNotEmpty();

		// and the run is restarted
		try (EngineProcess restart = engine(database, "restart", home, "run", "crash-read", "--restart")) {
			assertThat(restart.awaitExit(LONG)).as(restart.output()).isZero();
		}

		// then every file is settled once and every record is in the CSV once
		assertEveryFileSettledOnce(home, "crash-read", 0, FILES);
		assertThat(TestHomes.csvCounts(home, "crash-read", "No")).isEqualTo(onceEach(0, FILES));
		try (var db = database(database, home)) {
			assertThat(db.jdbc()
				.sql("select count(*) from dl_record where run_id in (select run_id from dl_run where job_id = ?)")
				.param("crash-read")
				.query(Integer.class)
				.single()).isEqualTo(FILES);
			assertThat(db.jdbc()
				.sql("select status from dl_run where job_id = ?")
				.param("crash-read")
				.query(String.class)
				.list()).containsExactly("COMPLETED");
		}
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void killedWhileEnteringRecordsThenRestarted(Database database) throws Exception {
		assumeDatabase(database);
		// given the sample legacy system, answering a save 150 ms after storing it (a
		// busy
		// host), and 100 scans for a job whose robot enters them
		try (LegacySystem legacy = LegacySystem.builder()
			.dataDir(this.temp.resolve("legacy"))
			.user("digilab")
			.password("crash-test-password")
			.slowMillis(150)
			.start()) {
			Path home = TestHomes.create(this.temp.resolve("home"));
			Files.createDirectories(home.resolve("robots"));
			Files.writeString(home.resolve("robots/tiny-entry.yml"), TestHomes.ROBOT);
			Files.writeString(home.resolve("secrets.properties"),
					"LEGACY_USER=digilab\nLEGACY_PASSWORD=crash-test-password\n");
			TestHomes.job(home, "crash-entry", false, "tiny-entry");
			// numbers of their own: the same slip read by an earlier test would be a
			// duplicate
			TinyForms.write(home.resolve("inbox/crash-entry"), ENTRY_FROM, ENTRY_FROM + RECORDS);
			Map<String, String> env = Map.of("LEGACY_URL", legacy.url().toString().replaceAll("/$", ""));

			// when the engine is killed just after the legacy system stored a record,
			// while
			// the robot waits for its answer
			try (EngineProcess run = engine(database, "run", home, env, "run", "crash-entry")) {
				awaitEntries(legacy, run, RECORDS / 4);
				run.kill();
			}
			int enteredBeforeKill = legacy.entries().size();
			assertThat(enteredBeforeKill).isBetween(RECORDS / 4, RECORDS - 1);
			// entered in the legacy system, but the engine died before recording them: at
			// most the two of the round the kill cut short (the robot has two browsers)
			int cutShort;
			try (var db = database(database, home)) {
				cutShort = enteredBeforeKill - db.jdbc()
					.sql("select count(*) from dl_record where entry_status in ('OK', 'SKIPPED', 'FAILED') and run_id in "
							+ "(select run_id from dl_run where job_id = 'crash-entry')")
					.query(Integer.class)
					.single();
			}
			assertThat(cutShort).isBetween(0, 2);

			// and the run is restarted
			int listViewsBefore = legacy.listViews();
			try (EngineProcess restart = engine(database, "restart", home, env, "run", "crash-entry", "--restart")) {
				assertThat(restart.awaitExit(LONG)).as(restart.output()).isZero();
				System.out.println(database + ": killed after " + enteredBeforeKill + " entries (" + cutShort
						+ " not recorded); restart:\n" + restart.output());
			}

			// then each record is in the legacy system once, in the CSV once, and the
			// records whose saves the kill cut short (marked started, so the robot's
			// duplicate check ran for them) were found there and not entered again
			Map<String, Integer> inLegacy = legacy.entries()
				.stream()
				.collect(Collectors.toMap((e) -> e.get("name").replace("試験", ""), (e) -> 1, Integer::sum,
						java.util.TreeMap::new));
			assertThat(inLegacy).isEqualTo(onceEach(ENTRY_FROM, RECORDS));
			assertThat(TestHomes.csvCounts(home, "crash-entry", "No")).isEqualTo(onceEach(ENTRY_FROM, RECORDS));
			// the resumed step looked for every record it still had to enter in 登録一覧
			// first, not only for those marked started
			assertThat(legacy.listViews() - listViewsBefore)
				.isGreaterThanOrEqualTo(RECORDS - (enteredBeforeKill - cutShort));
			assertEveryFileSettledOnce(home, "crash-entry", ENTRY_FROM, RECORDS);
			try (var db = database(database, home)) {
				Map<String, Integer> outcomes = new LinkedHashMap<>();
				db.jdbc()
					.sql("select entry_status, count(*) from dl_record where run_id in "
							+ "(select run_id from dl_run where job_id = 'crash-entry') group by entry_status")
					.query((rs, i) -> outcomes.put(rs.getString(1), rs.getInt(2)))
					.list();
				assertThat(outcomes.getOrDefault("OK", 0) + outcomes.getOrDefault("SKIPPED", 0)).isEqualTo(RECORDS);
				assertThat(outcomes.getOrDefault("SKIPPED", 0)).as("the record cut short is found, not entered twice")
					.isEqualTo(cutShort);
			}
		}
	}

	static void assumeDatabase(Database database) {
		assumeTrue(database == Database.H2 || TestPostgres.configured(),
				"DIGILAB_TEST_PG_URL is not set (./digilab test sets it)");
	}

	EngineProcess engine(Database database, String name, Path home, String... args) throws Exception {
		return engine(database, name, home, Map.of(), args);
	}

	EngineProcess engine(Database database, String name, Path home, Map<String, String> env, String... args)
			throws Exception {
		Map<String, String> all = new LinkedHashMap<>(env);
		if (database == Database.POSTGRES) {
			all.putAll(TestPostgres.environment());
		}
		String[] command = IntStream.range(0, args.length + 2)
			.mapToObj((i) -> (i < args.length) ? args[i] : (i == args.length) ? "--home" : home.toString())
			.toArray(String[]::new);
		Files.createDirectories(this.temp.resolve("logs"));
		return EngineProcess.start(name, this.temp.resolve("logs/" + name + "-" + System.nanoTime() + ".out"), all,
				command);
	}

	/** Waits until the legacy system has stored {@code count} entries. */
	static void awaitEntries(LegacySystem legacy, EngineProcess run, int count) throws InterruptedException {
		long deadline = System.nanoTime() + LONG.toNanos();
		while (legacy.entries().size() < count) {
			if (!run.isAlive() || System.nanoTime() > deadline) {
				throw new AssertionError("entries did not reach " + count + ":\n" + run.output());
			}
			Thread.sleep(5);
		}
	}

	static void assertEveryFileSettledOnce(Path home, String job, int from, int count) throws Exception {
		List<String> expected = IntStream.range(from, from + count)
			.mapToObj((i) -> String.format("slip-%04d.png", i))
			.toList();
		assertThat(TestHomes.files(home.resolve("inbox").resolve(job))).isEmpty();
		assertThat(TestHomes.files(home.resolve("work"))).isEmpty();
		List<String> settled = new java.util.ArrayList<>(TestHomes.names(TestHomes.files(home.resolve("done"))));
		TestHomes.names(TestHomes.files(home.resolve("failed")))
			.stream()
			.filter((name) -> !name.endsWith(".error.txt"))
			.forEach(settled::add);
		assertThat(settled).containsExactlyInAnyOrderElementsOf(expected);
	}

	/** Each of {@code count} slip numbers from {@code from}, once. */
	static Map<String, Integer> onceEach(int from, int count) {
		return IntStream.range(from, from + count)
			.mapToObj(TinyForms::number)
			.collect(Collectors.toMap(Function.identity(), (n) -> 1, Integer::sum, java.util.TreeMap::new));
	}

	/** The run's database, opened after the engine has ended. */
	static Db database(Database database, Path home) throws Exception {
		Connection connection = (database == Database.POSTGRES) ? TestPostgres.connect() : DriverManager
			.getConnection("jdbc:h2:file:" + home.resolve("data/digilab") + ";AUTO_SERVER=TRUE", "sa", "");
		return new Db(connection);
	}

	record Db(Connection connection) implements AutoCloseable {

		JdbcClient jdbc() {
			return JdbcClient.create(new SingleConnectionDataSource(this.connection, true));
		}

		@Override
		public void close() throws Exception {
			this.connection.close();
		}

	}

}
