package jp.digilab.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import jp.digilab.app.demo.DemoHomes;
import jp.digilab.jobs.pipeline.PipelineService;
import jp.digilab.jobs.pipeline.RunSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The engine on PostgreSQL (profile {@code postgres}): Flyway creates our tables, Spring
 * Batch's and Quartz's; a run of the sample job lands in PostgreSQL; a second start finds
 * everything in place. Needs {@code DIGILAB_TEST_PG_URL} (set by {@code ./digilab test},
 * which installs and starts PostgreSQL on localhost); skipped without it.
 */
class PostgresFunctionalTests {

	static final String URL = System.getenv("DIGILAB_TEST_PG_URL");

	static final String USER = envOr("DIGILAB_TEST_PG_USER", "digilab");

	static final String PASSWORD = envOr("DIGILAB_TEST_PG_PASSWORD", "digilab");

	static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	static boolean configured() {
		return URL != null && !URL.isBlank();
	}

	@BeforeAll
	static void emptyDatabase() throws Exception {
		if (!configured()) {
			return;
		}
		// the test database belongs to the tests: start from an empty schema
		try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists public cascade");
			statement.execute("create schema public");
		}
	}

	static Path homeWithOneScheduleAndNoRobot() throws Exception {
		Path home = DemoHomes.freshCopy();
		Path inbox = home.resolve("inbox/juminhyo");
		try (var scans = Files.list(inbox)) {
			for (Path scan : scans.filter((s) -> !s.getFileName().toString().equals("scan-003.png")).toList()) {
				Files.delete(scan);
			}
		}
		// the job without its robot: no legacy system in this test
		Files.writeString(home.resolve("jobs/juminhyo.yml"),
				Files.readString(home.resolve("jobs/juminhyo.yml")).replaceAll("(?m)^robot:.*$", ""));
		// one schedule, stored by Quartz in PostgreSQL, that does not fire during the
		// test
		Files.delete(home.resolve("schedules/nightly-juminhyo.yml"));
		Files.writeString(home.resolve("schedules/new-year-2099.yml"), """
				id: new-year-2099
				job: juminhyo
				cron: "0 0 3 1 1 ? 2099"
				misfire: skip
				""");
		return home;
	}

	static ConfigurableApplicationContext start(Path home) {
		return new SpringApplicationBuilder(DigilabApplication.class).profiles("postgres")
			.web(WebApplicationType.NONE)
			.run("--digilab.home=" + home, "--spring.datasource.url=" + URL, "--spring.datasource.username=" + USER,
					"--spring.datasource.password=" + PASSWORD, "--digilab.scheduler.enabled=true",
					"--spring.quartz.auto-startup=true", "--digilab.inbox.enabled=false",
					"--logging.threshold.console=WARN");
	}

	@Test
	void flywayCreatesEveryTableAndARunLandsInPostgres() throws Exception {
		assumeTrue(configured(), "DIGILAB_TEST_PG_URL is not set (./digilab test sets it)");
		Path home = homeWithOneScheduleAndNoRobot();
		String runId;
		int migrations;
		try (ConfigurableApplicationContext context = start(home)) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
			assertThat(tables(jdbc))
				.contains("dl_run", "dl_file", "dl_record", "dl_ledger", "dl_output", "dl_user", "dl_user_role",
						"dl_audit")
				.contains("batch_job_instance", "batch_job_execution", "batch_job_execution_params",
						"batch_job_execution_context", "batch_step_execution", "batch_step_execution_context")
				.contains("qrtz_job_details", "qrtz_triggers", "qrtz_cron_triggers", "qrtz_simple_triggers",
						"qrtz_simprop_triggers", "qrtz_blob_triggers", "qrtz_calendars", "qrtz_paused_trigger_grps",
						"qrtz_fired_triggers", "qrtz_scheduler_state", "qrtz_locks");
			assertThat(jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
				.query(String.class)
				.list()).startsWith("0.1", "0.2", "1", "2", "3").contains("6");
			migrations = countMigrations(jdbc);
			// the schedule is stored by Quartz in PostgreSQL
			assertThat(jdbc.sql("select count(*) from qrtz_cron_triggers where cron_expression = '0 0 3 1 1 ? 2099'")
				.query(Integer.class)
				.single()).isEqualTo(1);

			RunSummary summary = context.getBean(PipelineService.class).run("juminhyo", List.of());
			assertThat(summary.status()).isEqualTo("COMPLETED");
			assertThat(summary.records()).isEqualTo(1);
			runId = summary.runId();
			assertThat(home.resolve("done/scan-003.png")).exists();
			assertThat(jdbc.sql("select records_total from dl_ledger where run_id = ?")
				.param(runId)
				.query(Integer.class)
				.single()).isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from batch_job_execution where status = 'COMPLETED'")
				.query(Integer.class)
				.single()).isGreaterThanOrEqualTo(1);
		}
		// a second start (a second node, or a restart) migrates nothing and loses nothing
		try (ConfigurableApplicationContext context = start(home)) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(countMigrations(jdbc)).isEqualTo(migrations);
			assertThat(jdbc.sql("select count(*) from dl_ledger where run_id = ?")
				.param(runId)
				.query(Integer.class)
				.single()).isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from qrtz_cron_triggers").query(Integer.class).single()).isEqualTo(1);
		}
	}

	static List<String> tables(JdbcClient jdbc) {
		return jdbc.sql("select lower(table_name) from information_schema.tables where table_schema = 'public'")
			.query(String.class)
			.list();
	}

	static int countMigrations(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from flyway_schema_history").query(Integer.class).single();
	}

}
