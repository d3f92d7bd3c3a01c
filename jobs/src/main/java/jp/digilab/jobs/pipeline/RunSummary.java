package jp.digilab.jobs.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/**
 * What a run did, as printed at its end and shown in the console.
 *
 * @param failures one line per failed file or record: which one and why
 */
public record RunSummary(String runId, String jobId, String status, int files, int filesFailed, int records,
		int fieldsRead, int approved, int needsReview, int entered, int entrySkipped, int entryFailed,
		BigDecimal savedMinutes, Duration duration, List<String> outputs, List<String> failures) {

	/** BRIEF.md exit codes: 0 done, 1 failed, 3 done with skipped or failed items. */
	public int exitCode() {
		if (!"COMPLETED".equals(this.status)) {
			return 1;
		}
		return (this.filesFailed > 0 || this.entryFailed > 0 || this.needsReview > 0) ? 3 : 0;
	}

	public BigDecimal savedHours() {
		return this.savedMinutes.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
	}

}
