package jp.digilab.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
 * The server's watched folder on the real pipeline: scans dropped into {@code inbox/JOB/}
 * are picked up once complete, read by Tesseract, exported and recorded in the ledger,
 * and a scan dropped again is set aside as a duplicate.
 */
@SpringBootTest(properties = { "digilab.scheduler.enabled=true", "spring.quartz.auto-startup=true",
		"digilab.inbox.poll-millis=200", "digilab.inbox.stable-millis=500", "digilab.inbox.batch-wait-millis=300",
		"digilab.inbox.settle-seconds=0" })
class WatchedFolderFunctionalTests {

	static final Path home = homeWithAnInboxJob();

	@Autowired
	LedgerRepository ledger;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		registry.add("digilab.home", home::toString);
	}

	static Path homeWithAnInboxJob() {
		try {
			Path home = DemoHomes.freshCopy();
			// the sample's own scans stay put: this test drops its own
			Files.move(home.resolve("inbox/juminhyo"), home.resolve("sample-scans"));
			Files.delete(home.resolve("schedules/nightly-juminhyo.yml"));
			Files.writeString(home.resolve("jobs/juminhyo-export.yml"), """
					id: juminhyo-export
					title: 住民票請求書 OCR → Excel
					department: 戸畑区 市民課
					templates: [juminhyo-request]
					inbox: true
					outputs: { xlsx: true, csv: true }
					hoursSaved: { manualMinutesPerItem: 5 }
					""");
			Files.delete(home.resolve("jobs/juminhyo.yml"));
			return home;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void droppedScansAreReadExportedAndCounted() throws Exception {
		Path inbox = Files.createDirectories(home.resolve("inbox/juminhyo-export/tobata"));
		Files.copy(home.resolve("sample-scans/scan-001.png"), inbox.resolve("scan-001.png"));
		Files.copy(home.resolve("sample-scans/scan-003.png"), inbox.resolve("scan-003.png"));

		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(
					() -> assertThat(this.ledger.findAll()).extracting(LedgerEntry::recordsTotal).containsExactly(2));
		assertThat(home.resolve("done/scan-001.png")).exists();
		assertThat(home.resolve("done/scan-003.png")).exists();
		assertThat(inbox).isEmptyDirectory();
		LedgerEntry entry = this.ledger.findAll().get(0);
		assertThat(entry.department()).isEqualTo("戸畑区 市民課");
		assertThat(entry.savedMinutes()).isEqualByComparingTo("10");

		Files.copy(home.resolve("done/scan-001.png"), inbox.resolve("again.png"));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(home.resolve("duplicates/again.png.duplicate.txt")).exists());
		// the duplicate's run read nothing: it adds nothing to the ledger
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.sql("select count(*) from dl_run where status = 'COMPLETED'")
				.query(Integer.class)
				.single()).isEqualTo(2));
		List<LedgerEntry> entries = this.ledger.findAll();
		assertThat(entries).hasSize(1);
	}

}
