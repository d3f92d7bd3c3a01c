package jp.digilab.app.runs;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import jp.digilab.app.ScheduledRuns;
import jp.digilab.app.runs.RunDetail.FailedFile;
import jp.digilab.app.runs.RunDetail.FailedRecord;
import jp.digilab.app.runs.RunDetail.FileRow;
import jp.digilab.app.runs.RunDetail.RecordRow;
import jp.digilab.app.runs.RunDetail.StepRow;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.jobs.pipeline.PipelineService;

import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the runs pages and {@code /api/runs} show: Digi-Lab's run tables and Spring
 * Batch's JDBC job repository, read the same way for both. Only states, counts and
 * reasons leave here; a robot's message has the record's own values masked.
 */
@Service
public class RunQueries {

	private static final String RUN_SELECT = """
			select r.run_id, r.job_id, r.department, r.status, r.started_at, r.ended_at,
			  (select count(*) from dl_file f where f.run_id = r.run_id) as files,
			  (select count(*) from dl_file f where f.run_id = r.run_id and f.status = 'FAILED') as files_failed,
			  (select count(*) from dl_record d where d.run_id = r.run_id) as records,
			  (select count(*) from dl_record d where d.run_id = r.run_id and d.status = 'APPROVED') as approved,
			  (select count(*) from dl_record d where d.run_id = r.run_id and d.status = 'NEEDS_REVIEW') as needs_review,
			  (select count(*) from dl_record d where d.run_id = r.run_id and d.entry_status = 'OK') as entered,
			  (select count(*) from dl_record d where d.run_id = r.run_id and d.entry_status = 'FAILED') as entry_failed,
			  l.saved_minutes
			from dl_run r left join dl_ledger l on l.run_id = r.run_id""";

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	/** Marks values that could not be read. */
	private static final String UNREADABLE = "\u0000unreadable";

	private final JdbcClient jdbc;

	private final DigilabHome home;

	private final PipelineService pipeline;

	private final ScheduledRuns runs;

	private final RunEvidence evidence;

	public RunQueries(JdbcClient jdbc, DigilabHome home, PipelineService pipeline, ScheduledRuns runs,
			RunEvidence evidence) {
		this.jdbc = jdbc;
		this.home = home;
		this.pipeline = pipeline;
		this.runs = runs;
		this.evidence = evidence;
	}

	/** The most recent runs, newest first. */
	public List<RunRow> recent(int limit) {
		return this.jdbc.sql(RUN_SELECT + " order by r.started_at desc limit " + Math.max(1, Math.min(limit, 500)))
			.query((rs, i) -> row(rs))
			.list();
	}

	/**
	 * One run; a run just started from the console whose intake has not recorded it yet
	 * is STARTING.
	 */
	public Optional<RunRow> find(String runId) {
		Optional<RunRow> row = this.jdbc.sql(RUN_SELECT + " where r.run_id = ?")
			.param(runId)
			.query((rs, i) -> row(rs))
			.optional();
		if (row.isPresent()) {
			RunRow run = row.get();
			if (!"STARTED".equals(run.status()) && this.runs.launchedJob(runId).isPresent()) {
				// restarted from the console: the run's row says how it last ended until
				// the restart ends
				return Optional.of(withStatus(run, "STARTED"));
			}
			if ("STARTED".equals(run.status())
					&& this.pipeline.batchStatus(runId).orElse(null) == BatchStatus.STOPPING) {
				return Optional.of(withStatus(run, "STOPPING"));
			}
			return row;
		}
		return this.runs.launchedJob(runId)
			.map((job) -> new RunRow(runId, job, null, "STARTING", null, null, 0, 0, 0, 0, 0, 0, 0, 0, null));
	}

	public RunRow get(String runId) {
		return find(runId).orElseThrow(() -> new ConsoleProblem(org.springframework.http.HttpStatus.NOT_FOUND,
				"console.error.run.unknown", runId));
	}

	public RunDetail detail(String runId) {
		RunRow run = get(runId);
		List<FileRow> files = this.jdbc
			.sql("select seq, name, status, pages, error from dl_file where run_id = ? order by seq")
			.param(runId)
			.query((rs, i) -> new FileRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getString(5)))
			.list();
		List<RecordRow> records = this.jdbc.sql("""
				select record_key, file_seq, template_id, pages, status, review_seconds, entry_status
				from dl_record where run_id = ? order by file_seq, doc_index""")
			.param(runId)
			.query((rs, i) -> new RecordRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6), rs.getString(7)))
			.list();
		List<FailedFile> failedFiles = this.jdbc
			.sql("select seq, name, final_path, error from dl_file where run_id = ? and status = 'FAILED' order by seq")
			.param(runId)
			.query((rs, i) -> failedFile(rs))
			.list();
		List<FailedRecord> failedRecords = this.jdbc.sql("""
				select record_key, source_file, entry_message, fields_json, entry_values from dl_record
				where run_id = ? and entry_status = 'FAILED' order by file_seq, doc_index""")
			.param(runId)
			.query((rs, i) -> new FailedRecord(rs.getString(1), rs.getString(2),
					masked(rs.getString(3), values(rs.getString(4)), values(rs.getString(5))),
					this.evidence.screenshots(runId, rs.getString(1))))
			.list();
		boolean canRestart = ("FAILED".equals(run.status()) || "STOPPED".equals(run.status()))
				&& !this.runs.isBusy(run.jobId());
		return new RunDetail(run, steps(runId), files, records, failedFiles, failedRecords,
				"STARTED".equals(run.status()), canRestart);
	}

	/**
	 * The Spring Batch step executions of a run, from the JDBC job repository: every
	 * execution whose {@code runId} parameter is the run (the first, restarts, and
	 * follow-ups after review).
	 */
	public List<StepRow> steps(String runId) {
		return this.jdbc
			.sql("""
					select s.JOB_EXECUTION_ID, i.JOB_NAME, s.STEP_NAME, s.STATUS, s.READ_COUNT, s.WRITE_COUNT, s.FILTER_COUNT,
					  s.READ_SKIP_COUNT + s.PROCESS_SKIP_COUNT + s.WRITE_SKIP_COUNT, s.COMMIT_COUNT, s.ROLLBACK_COUNT,
					  s.START_TIME, s.END_TIME, s.EXIT_CODE, s.EXIT_MESSAGE
					from BATCH_STEP_EXECUTION s
					  join BATCH_JOB_EXECUTION e on e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
					  join BATCH_JOB_INSTANCE i on i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
					where s.JOB_EXECUTION_ID in (select p.JOB_EXECUTION_ID from BATCH_JOB_EXECUTION_PARAMS p
					  where p.PARAMETER_NAME = 'runId' and p.PARAMETER_VALUE = ?)
					order by s.STEP_EXECUTION_ID""")
			.param(runId)
			.query((rs, i) -> new StepRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
					time(rs, 11), time(rs, 12), rs.getString(13),
					"FAILED".equals(rs.getString(4)) ? reason(rs.getString(14)) : null))
			.list();
	}

	/**
	 * The first line of a step's exit message (a stack trace), at most 500 characters.
	 */
	static String reason(String exitMessage) {
		if (exitMessage == null || exitMessage.isBlank()) {
			return null;
		}
		String line = exitMessage.strip().lines().findFirst().orElse("");
		return (line.length() > 500) ? line.substring(0, 500) + "…" : line;
	}

	private FailedFile failedFile(ResultSet rs) throws SQLException {
		String finalPath = rs.getString(3);
		String reason = rs.getString(4);
		String shown = null;
		if (finalPath != null) {
			Path failed = Path.of(finalPath);
			shown = this.home.root().relativize(failed.toAbsolutePath().normalize()).toString();
			reason = firstLine(failed.resolveSibling(failed.getFileName() + ".error.txt")).orElse(reason);
		}
		return new FailedFile(rs.getInt(1), rs.getString(2), shown, reason);
	}

	private static Optional<String> firstLine(Path errorFile) {
		if (!Files.isRegularFile(errorFile, LinkOption.NOFOLLOW_LINKS)) {
			return Optional.empty();
		}
		try (var lines = Files.lines(errorFile, StandardCharsets.UTF_8)) {
			return lines.filter((line) -> !line.isBlank()).findFirst();
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A robot's message can quote what it typed or read: the record's values are masked
	 * before it is shown, as secrets are in the evidence.
	 */
	static String masked(String message, List<String> fieldValues, List<String> readValues) {
		if (message == null) {
			return "";
		}
		List<String> values = new java.util.ArrayList<>(fieldValues);
		values.addAll(readValues);
		if (values.contains(UNREADABLE)) {
			return "***";
		}
		values.removeIf((v) -> v == null || v.strip().length() < 2 || v.equals("true") || v.equals("false"));
		values.sort(java.util.Comparator.comparingInt(String::length).reversed());
		for (String value : values) {
			message = message.replace(value.strip(), "***");
		}
		return message;
	}

	/**
	 * The values in a record's JSON: {@code fields_json} maps names to field results with
	 * a {@code value}, {@code entry_values} names to strings. Read leniently; values that
	 * cannot be read cannot be masked, so the whole message is then hidden.
	 */
	static List<String> values(String json) {
		if (json == null || json.isBlank()) {
			return List.of();
		}
		try {
			List<String> values = new java.util.ArrayList<>();
			JSON.readTree(json).properties().forEach((entry) -> {
				var node = entry.getValue().isObject() ? entry.getValue().get("value") : entry.getValue();
				if (node != null && node.isValueNode() && !node.isNull()) {
					values.add(node.asString());
				}
			});
			return values;
		}
		catch (RuntimeException ex) {
			return List.of(UNREADABLE);
		}
	}

	private static RunRow row(ResultSet rs) throws SQLException {
		LocalDateTime started = time(rs, 5);
		LocalDateTime ended = time(rs, 6);
		long seconds = (started != null)
				? Duration.between(started, (ended != null) ? ended : LocalDateTime.now()).toSeconds() : 0;
		BigDecimal saved = rs.getBigDecimal(14);
		return new RunRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), started, ended,
				Math.max(0, seconds), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11),
				rs.getInt(12), rs.getInt(13), saved);
	}

	private static RunRow withStatus(RunRow r, String status) {
		return new RunRow(r.runId(), r.jobId(), r.department(), status, r.startedAt(), r.endedAt(), r.durationSeconds(),
				r.files(), r.filesFailed(), r.records(), r.approved(), r.needsReview(), r.entered(), r.entryFailed(),
				r.savedMinutes());
	}

	private static LocalDateTime time(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toLocalDateTime() : null;
	}

}
