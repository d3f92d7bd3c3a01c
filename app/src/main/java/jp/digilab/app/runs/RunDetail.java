package jp.digilab.app.runs;

import java.util.List;

/**
 * One run in full: its counts, the Spring Batch steps, its files and records, what failed
 * and why, and the robot's screenshots of failed records.
 *
 * @param canStop whether the run is going and may be stopped
 * @param canRestart whether the run failed or was stopped and may be restarted now
 */
public record RunDetail(RunRow run, List<StepRow> steps, List<FileRow> files, List<RecordRow> records,
		List<FailedFile> failedFiles, List<FailedRecord> failedRecords, boolean canStop, boolean canRestart) {

	/**
	 * A Spring Batch step execution of the run (restarts and follow-ups after review
	 * included).
	 *
	 * @param reason for a failed step, the first line of its exit message (the exception
	 * that failed it, e.g. a robot script that cannot run), else null
	 */
	public record StepRow(long jobExecutionId, String jobName, String stepName, String status, long readCount,
			long writeCount, long filterCount, long skipCount, long commitCount, long rollbackCount,
			java.time.LocalDateTime startedAt, java.time.LocalDateTime endedAt, String exitCode, String reason) {
	}

	/** A file claimed by the run. */
	public record FileRow(int seq, String name, String status, int pages, String error) {
	}

	/** A record of the run: its states, never its values. */
	public record RecordRow(String key, int fileSeq, String templateId, String pages, String status, int reviewSeconds,
			String entryStatus) {
	}

	/**
	 * A file that could not be read, with the reason: the first line of
	 * {@code failed/NAME.error.txt} when it is there, else the reason recorded with the
	 * run.
	 */
	public record FailedFile(int seq, String name, String failedPath, String reason) {
	}

	/**
	 * A record the robot could not enter, with its message (the record's own values
	 * masked) and the ids of its screenshots.
	 */
	public record FailedRecord(String key, String sourceFile, String message, List<Integer> screenshots) {
	}

}
