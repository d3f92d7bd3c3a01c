package jp.digilab.jobs.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;

/**
 * Hours saved by one run. Saved time is the job's manual minutes for each record that
 * went all the way through, minus the human review time actually spent; failed records
 * save nothing. Machine time is kept beside it, never subtracted from staff time.
 */
public record LedgerEntry(String runId, String jobId, String department, LocalDateTime startedAt, LocalDateTime endedAt,
		int recordsTotal, int recordsSucceeded, int recordsFailed, int recordsReviewed, long reviewSeconds,
		BigDecimal machineSeconds, BigDecimal manualMinutesPerItem) {

	public BigDecimal savedMinutes() {
		BigDecimal manual = this.manualMinutesPerItem.multiply(BigDecimal.valueOf(this.recordsSucceeded));
		BigDecimal review = BigDecimal.valueOf(this.reviewSeconds)
			.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
		return manual.subtract(review).setScale(2, RoundingMode.HALF_UP);
	}

	public BigDecimal savedHours() {
		return savedMinutes().divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
	}

	public FiscalYear fiscalYear() {
		return FiscalYear.of(this.startedAt.toLocalDate());
	}

}
