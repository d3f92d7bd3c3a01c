package jp.digilab.jobs.ledger;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The hours-saved ledger table and the report queries over it. */
public class LedgerRepository {

	private final JdbcClient jdbc;

	public LedgerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a run's entry; writing the same run again replaces it (a restarted run).
	 */
	public void save(LedgerEntry entry) {
		this.jdbc.sql("delete from dl_ledger where run_id = ?").param(entry.runId()).update();
		this.jdbc.sql("""
				insert into dl_ledger (run_id, job_id, department, started_at, ended_at, fiscal_year,
				  records_total, records_succeeded, records_failed, records_reviewed, review_seconds,
				  machine_seconds, manual_minutes_per_item, saved_minutes)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(entry.runId(), entry.jobId(), entry.department(), entry.startedAt(), entry.endedAt(),
					entry.fiscalYear().year(), entry.recordsTotal(), entry.recordsSucceeded(), entry.recordsFailed(),
					entry.recordsReviewed(), entry.reviewSeconds(), entry.machineSeconds(),
					entry.manualMinutesPerItem(), entry.savedMinutes())
			.update();
	}

	public List<LedgerEntry> findAll() {
		return this.jdbc.sql("""
				select run_id, job_id, department, started_at, ended_at, records_total, records_succeeded,
				  records_failed, records_reviewed, review_seconds, machine_seconds, manual_minutes_per_item
				from dl_ledger order by started_at""")
			.query((rs, i) -> new LedgerEntry(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toLocalDateTime(), rs.getTimestamp(5).toLocalDateTime(), rs.getInt(6),
					rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getLong(10), rs.getBigDecimal(11),
					rs.getBigDecimal(12)))
			.list();
	}

	public BigDecimal savedMinutes(String runId) {
		return this.jdbc.sql("select saved_minutes from dl_ledger where run_id = ?")
			.param(runId)
			.query(BigDecimal.class)
			.optional()
			.orElse(BigDecimal.ZERO);
	}

}
