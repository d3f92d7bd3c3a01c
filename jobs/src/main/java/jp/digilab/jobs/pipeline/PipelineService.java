package jp.digilab.jobs.pipeline;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jp.digilab.jobs.cluster.ClusterNode;
import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.jobs.ledger.LedgerRepository;
import jp.digilab.jobs.run.RunRepository;
import jp.digilab.jobs.run.RunRepository.RunInfo;
import jp.digilab.jobs.run.StoredFile;
import jp.digilab.jobs.run.StoredFile.FileStatus;
import jp.digilab.jobs.run.StoredRecord;
import jp.digilab.jobs.run.StoredRecord.EntryStatus;
import jp.digilab.jobs.run.StoredRecord.RecordState;
import jp.digilab.ocr.Reasons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Starts and restarts pipeline runs and summarises them. */
public class PipelineService {

	private static final Logger log = LoggerFactory.getLogger(PipelineService.class);

	private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job pipelineJob;

	private final JobCatalog catalog;

	private final RunRepository runs;

	private final LedgerRepository ledger;

	private final JdbcClient jdbc;

	private final DigilabHome home;

	private final Job reviewedJob;

	private final ClusterNode node;

	public PipelineService(JobOperator jobOperator, JobRepository jobRepository, Job pipelineJob, Job reviewedJob,
			JobCatalog catalog, RunRepository runs, LedgerRepository ledger, JdbcClient jdbc, DigilabHome home,
			ClusterNode node) {
		this.node = node;
		this.home = home;
		this.reviewedJob = reviewedJob;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.pipelineJob = pipelineJob;
		this.catalog = catalog;
		this.runs = runs;
		this.ledger = ledger;
		this.jdbc = jdbc;
	}

	/** Runs a job now on its inbox, or on the given files, and waits for it to end. */
	public RunSummary run(String jobId, List<Path> files) throws Exception {
		return run(jobId, files, newRunId(), null);
	}

	/**
	 * Runs a job under a run id chosen beforehand (see {@link #newRunId()}), so that a
	 * caller starting it in the background can name the run at once; waits for it to end.
	 */
	public RunSummary run(String jobId, List<Path> files, String runId) throws Exception {
		return run(jobId, files, runId, null);
	}

	/**
	 * Runs a job as {@link #run(String, List, String)}, noting what started it (e.g. a
	 * schedule and its fire time) in the run's job parameters.
	 */
	public RunSummary run(String jobId, List<Path> files, String runId, String trigger) throws Exception {
		this.catalog.check(this.catalog.get(jobId));
		JobParametersBuilder builder = new JobParametersBuilder().addString(RunParameters.JOB_ID, jobId)
			.addString(RunParameters.RUN_ID, runId);
		if (trigger != null) {
			builder.addString(RunParameters.TRIGGER, trigger, false);
		}
		if (!files.isEmpty()) {
			Path list = this.home.work().resolve(".runs").resolve(runId + ".files");
			Files.createDirectories(list.getParent());
			Files.write(list, files.stream().map((f) -> f.toAbsolutePath().toString()).toList(),
					StandardCharsets.UTF_8);
			builder.addString(RunParameters.FILES, list.toString(), false);
		}
		JobParameters parameters = builder.toJobParameters();
		JobExecution execution = this.jobOperator.start(this.pipelineJob, parameters);
		return summary(runId, execution);
	}

	/**
	 * Restarts the job's last run if it did not complete; a run left STARTED by a crash
	 * is first marked failed so that it can be restarted.
	 * @throws RunBusyException if the run is still going on another node that is alive
	 */
	public Optional<RunSummary> restartLast(String jobId) throws Exception {
		var last = this.runs.lastRun(jobId);
		if (last.isEmpty()) {
			return Optional.empty();
		}
		RunInfo run = last.get();
		JobExecution execution = this.jobRepository.getJobExecution(run.jobExecutionId());
		if (execution == null || latestOf(execution).getStatus() == BatchStatus.COMPLETED) {
			return Optional.empty();
		}
		boolean elsewhere = run.nodeId() != null && !run.nodeId().equals(this.node.id());
		if (elsewhere && "STARTED".equals(run.status()) && this.node.isAlive(run.nodeId())) {
			throw new RunBusyException(run.runId(), run.nodeId());
		}
		if (!this.runs.takeOver(run.runId(), run.nodeId(), this.node.id())) {
			throw new RunBusyException(run.runId(), this.runs.findRun(run.runId()).map(RunInfo::nodeId).orElse("?"));
		}
		return restart(run.runId());
	}

	/**
	 * Takes over the runs whose node died (it crashed, was killed or lost its heartbeat):
	 * each becomes this node's, exactly one node taking each. A run whose Spring Batch
	 * execution had in fact ended only gets its status; the others are returned, to be
	 * restarted with {@link #restart(String)}.
	 */
	public List<RunInfo> takeOverOrphanedRuns() {
		List<RunInfo> taken = new ArrayList<>();
		for (RunInfo run : this.runs.unfinishedRuns()) {
			if (run.nodeId() != null && this.node.isAlive(run.nodeId())) {
				continue;
			}
			if (!this.runs.takeOver(run.runId(), run.nodeId(), this.node.id())) {
				// another node was quicker
				continue;
			}
			JobExecution execution = this.jobRepository.getJobExecution(run.jobExecutionId());
			execution = (execution != null) ? latestOf(execution) : null;
			if (execution == null || !execution.getStatus().isRunning()) {
				String status = (execution != null) ? execution.getStatus().name() : BatchStatus.FAILED.name();
				this.runs.finishRun(run.runId(), status);
				log.warn("Run {} of job {}: its node {} died after the run ended ({})", run.runId(), run.jobId(),
						run.nodeId(), status);
				continue;
			}
			log.warn("Run {} of job {}: its node {} died; node {} takes it over", run.runId(), run.jobId(),
					run.nodeId(), this.node.id());
			taken.add(run);
		}
		this.node.forgetDeadNodes();
		return taken;
	}

	/**
	 * Restarts a run this node has taken over: its Spring Batch execution, left STARTED
	 * by the crash, is marked failed ({@link JobOperator#recover}) and restarted,
	 * continuing with the work not committed yet.
	 */
	public Optional<RunSummary> restart(String runId) throws Exception {
		RunInfo run = this.runs.findRun(runId).orElseThrow(() -> new IllegalArgumentException("No run " + runId));
		JobExecution execution = this.jobRepository.getJobExecution(run.jobExecutionId());
		if (execution == null) {
			return Optional.empty();
		}
		execution = latestOf(execution);
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			return Optional.of(summary(runId, execution));
		}
		if (execution.getStatus().isRunning()) {
			execution = this.jobOperator.recover(execution);
		}
		JobExecution restarted = this.jobOperator.restart(execution);
		return Optional.of(summary(runId, restarted));
	}

	/**
	 * Asks a running run to stop: Spring Batch ends it STOPPED after the chunk it is
	 * writing, and it can be restarted. False when the run is not running.
	 */
	public boolean stop(String runId) throws Exception {
		JobExecution execution = latestExecution(runId).orElse(null);
		if (execution == null || !execution.getStatus().isRunning() || execution.getStatus() == BatchStatus.STOPPING) {
			return false;
		}
		return this.jobOperator.stop(execution);
	}

	/** The Batch status of a run's latest pipeline execution (restarts included). */
	public Optional<BatchStatus> batchStatus(String runId) {
		return latestExecution(runId).map(JobExecution::getStatus);
	}

	private Optional<JobExecution> latestExecution(String runId) {
		var run = this.runs.findRun(runId);
		if (run.isEmpty()) {
			return Optional.empty();
		}
		JobExecution execution = this.jobRepository.getJobExecution(run.get().jobExecutionId());
		return Optional.ofNullable(execution).map(this::latestOf);
	}

	/**
	 * Finishes the records of a run that reviewers approved after it: exports them in the
	 * run's follow-up files, enters them with the job's robot, and updates the run's
	 * ledger entry (review time included). Empty when nothing approved is waiting.
	 */
	public Optional<RunSummary> finishReviewed(String runId) throws Exception {
		var run = this.runs.findRun(runId).orElseThrow(() -> new IllegalArgumentException("No run " + runId));
		var job = this.catalog.get(run.jobId());
		boolean robot = job.robot() != null && !job.robot().isBlank();
		int waiting = this.jdbc.sql("""
				select count(*) from dl_record where run_id = ? and status = 'APPROVED'
				  and ((reviewed_at is not null and exported_in is null) or (? and entry_status is null))""")
			.params(runId, robot)
			.query(Integer.class)
			.single();
		if (waiting == 0) {
			return Optional.empty();
		}
		int followUps = this.jdbc.sql("select count(distinct exported_in) from dl_record where run_id = ?")
			.param(runId)
			.query(Integer.class)
			.single();
		JobParameters parameters = new JobParametersBuilder().addString(RunParameters.JOB_ID, run.jobId())
			.addString(RunParameters.RUN_ID, runId)
			.addString(RunParameters.FOLLOW_UP, "r" + (followUps + 1) + "-" + LocalDateTime.now().format(RUN_ID_TIME))
			.toJobParameters();
		JobExecution execution = this.jobOperator.start(this.reviewedJob, parameters);
		return Optional.of(summary(runId, execution));
	}

	/**
	 * Takes over the runs whose node died and restarts each of them, one after the other.
	 */
	public List<RunSummary> recoverInterrupted() throws Exception {
		List<RunSummary> summaries = new ArrayList<>();
		for (RunInfo run : takeOverOrphanedRuns()) {
			restart(run.runId()).ifPresent(summaries::add);
		}
		return summaries;
	}

	private JobExecution latestOf(JobExecution execution) {
		JobExecution latest = this.jobRepository.getLastJobExecution(execution.getJobInstance().getJobName(),
				execution.getJobParameters());
		return (latest != null) ? latest : execution;
	}

	public RunSummary summary(String runId, JobExecution execution) throws java.io.IOException {
		this.runs.finishRun(runId, execution.getStatus().name());
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			Files.deleteIfExists(this.home.work().resolve(".runs").resolve(runId + ".files"));
		}
		List<StoredFile> files = this.runs.files(runId);
		List<StoredRecord> records = this.runs.records(runId);
		List<String> failures = new ArrayList<>();
		files.stream()
			.filter((f) -> f.status() == FileStatus.FAILED)
			.forEach((f) -> failures.add(Reasons.IN_FILE.text(f.name(), f.error())));
		records.stream()
			.filter((r) -> r.entryStatus() == EntryStatus.FAILED)
			.forEach((r) -> failures.add(r.sourceFile() + " (" + r.key() + "): " + r.entryMessage()));
		execution.getAllFailureExceptions()
			.forEach((ex) -> failures.add(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
		int fieldsRead = records.stream()
			.mapToInt((r) -> (int) r.fields()
				.values()
				.stream()
				.filter((f) -> f.value() != null && !f.value().isBlank())
				.count())
			.sum();
		List<String> outputs = this.jdbc.sql("select path from dl_output where run_id = ? order by path")
			.param(runId)
			.query(String.class)
			.list();
		LocalDateTime start = execution.getStartTime();
		LocalDateTime end = (execution.getEndTime() != null) ? execution.getEndTime() : LocalDateTime.now();
		BigDecimal saved = this.ledger.savedMinutes(runId);
		return new RunSummary(runId, this.runs.findRun(runId).map(RunRepository.RunInfo::jobId).orElse("?"),
				execution.getStatus().name(), files.size(),
				(int) files.stream().filter((f) -> f.status() == FileStatus.FAILED).count(), records.size(), fieldsRead,
				count(records, RecordState.APPROVED), count(records, RecordState.NEEDS_REVIEW),
				count(records, EntryStatus.OK), count(records, EntryStatus.SKIPPED), count(records, EntryStatus.FAILED),
				saved, (start != null) ? Duration.between(start, end) : Duration.ZERO, outputs, failures);
	}

	private static int count(List<StoredRecord> records, RecordState state) {
		return (int) records.stream().filter((r) -> r.status() == state).count();
	}

	private static int count(List<StoredRecord> records, EntryStatus status) {
		return (int) records.stream().filter((r) -> r.entryStatus() == status).count();
	}

	/** A new run id: the start time and a random suffix, e.g. 20261129-034354-657e. */
	public static String newRunId() {
		return LocalDateTime.now().format(RUN_ID_TIME) + "-"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
	}

}
