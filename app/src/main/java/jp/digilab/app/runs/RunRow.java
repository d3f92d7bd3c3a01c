package jp.digilab.app.runs;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One run as the runs list and the API show it: states and counts, never field values.
 *
 * @param status COMPLETED, FAILED, STOPPED, STARTED (running), STOPPING or STARTING
 * (started from the console, intake not begun yet)
 * @param durationSeconds from start to end, or to now while it runs
 */
public record RunRow(String runId, String jobId, String department, String status, LocalDateTime startedAt,
		LocalDateTime endedAt, long durationSeconds, int files, int filesFailed, int records, int approved,
		int needsReview, int entered, int entryFailed, BigDecimal savedMinutes) {

	public boolean running() {
		return "STARTED".equals(this.status) || "STOPPING".equals(this.status) || "STARTING".equals(this.status);
	}

}
