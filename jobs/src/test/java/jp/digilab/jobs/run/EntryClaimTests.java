package jp.digilab.jobs.run;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record is entered by one step at a time: two entries that read it in the same state
 * (follow-ups of one run after review, on two nodes) cannot both claim it. On our tables
 * (Flyway migrations) in an in-memory H2 database.
 */
class EntryClaimTests {

	SingleConnectionDataSource dataSource;

	JdbcClient jdbc;

	RunRepository runs;

	@BeforeEach
	void database() {
		this.dataSource = new SingleConnectionDataSource("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "", true);
		Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration").load().migrate();
		this.jdbc = JdbcClient.create(this.dataSource);
		this.runs = new RunRepository(this.jdbc);
		this.jdbc.sql("""
				insert into dl_record (record_key, run_id, file_seq, doc_index, source_file, pages, status, fields_json)
				values ('run-1/1/0', 'run-1', 1, 0, 'a.png', '1', 'APPROVED', '{}')""").update();
	}

	@AfterEach
	void close() {
		this.dataSource.destroy();
	}

	StoredRecord read() {
		return this.runs.records("run-1").get(0);
	}

	String status() {
		return this.jdbc.sql("select entry_status || ' / ' || entry_message from dl_record")
			.query(String.class)
			.single();
	}

	@Test
	void ofTwoEntriesThatReadTheRecordUnstartedOnlyTheFirstClaimsIt() {
		StoredRecord seenByA = read();
		StoredRecord seenByB = read();
		assertThat(this.runs.claimEntry(seenByA, "started by step A")).isTrue();
		assertThat(this.runs.claimEntry(seenByB, "started by step B")).isFalse();
		assertThat(status()).isEqualTo("STARTED / started by step A");
	}

	@Test
	void aFailedOrStartedRecordIsClaimedAgainByWhoeverReadItLastAndOnlyOnce() {
		this.jdbc.sql("update dl_record set entry_status = 'FAILED', entry_message = 'timed out'").update();
		assertThat(this.runs.claimEntry(read(), "started by step C")).isTrue();
		// a step left it started and died: the resumed step reads that and claims it
		StoredRecord left = read();
		assertThat(left.entryStatus()).isEqualTo(StoredRecord.EntryStatus.STARTED);
		assertThat(this.runs.claimEntry(left, "started by step D")).isTrue();
		assertThat(this.runs.claimEntry(left, "started by step E")).as("the same stale reading").isFalse();
		assertThat(status()).isEqualTo("STARTED / started by step D");
	}

}
