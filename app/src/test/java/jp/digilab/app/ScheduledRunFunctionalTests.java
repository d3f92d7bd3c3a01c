package jp.digilab.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jp.digilab.app.demo.DemoHomes;
import jp.digilab.jobs.ledger.LedgerEntry;
import jp.digilab.jobs.ledger.LedgerRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Quartz trigger (JDBC job store in the H2 file database) firing the real pipeline: the
 * scan waiting in the inbox is read once, however often the schedule fires.
 */
@SpringBootTest(properties = { "digilab.scheduler.enabled=true", "spring.quartz.auto-startup=true",
		"digilab.inbox.enabled=false", "digilab.inbox.settle-seconds=0" })
class ScheduledRunFunctionalTests {

	static final Path home = homeWithAFrequentSchedule();

	@Autowired
	LedgerRepository ledger;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		registry.add("digilab.home", home::toString);
	}

	static Path homeWithAFrequentSchedule() {
		try {
			Path home = DemoHomes.freshCopy();
			Path inbox = home.resolve("inbox/juminhyo");
			try (var scans = Files.list(inbox)) {
				for (Path scan : scans.filter((s) -> !s.getFileName().toString().equals("scan-003.png")).toList()) {
					Files.delete(scan);
				}
			}
			Files.delete(home.resolve("schedules/nightly-juminhyo.yml"));
			// the job without its robot: no legacy system in this test
			Files.writeString(home.resolve("jobs/juminhyo.yml"),
					Files.readString(home.resolve("jobs/juminhyo.yml")).replaceAll("(?m)^robot:.*$", ""));
			Files.writeString(home.resolve("schedules/every-two-seconds.yml"), """
					id: every-two-seconds
					job: juminhyo
					cron: "0/2 * * * * ?"
					misfire: skip
					""");
			return home;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void theScheduleRunsTheJobAndTheScanIsReadOnce() {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(home.resolve("done/scan-003.png")).exists());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.ledger.findAll()).extracting(LedgerEntry::recordsTotal).contains(1));
		// later firings find the inbox empty: they neither read the scan again nor count
		// as work
		await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(this.ledger.findAll()).singleElement().satisfies((e) -> {
				assertThat(e.jobId()).isEqualTo("juminhyo");
				assertThat(e.recordsTotal()).isEqualTo(1);
			});
			assertThat(this.jdbc.sql("select count(*) from dl_run where job_id = 'juminhyo'")
				.query(Integer.class)
				.single()).isGreaterThan(1);
		});
	}

}
