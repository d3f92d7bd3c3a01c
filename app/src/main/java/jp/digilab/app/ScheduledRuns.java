package jp.digilab.app;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

import jp.digilab.jobs.pipeline.PipelineService;
import jp.digilab.jobs.pipeline.RunSummary;
import jp.digilab.schedules.JobStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The Quartz → Spring Batch bridge: a schedule's firing runs its job on the job's inbox.
 */
@Component
public class ScheduledRuns implements JobStarter {

	private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);

	private final PipelineService pipeline;

	private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

	private final ExecutorService followUps = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "review-follow-up");
		thread.setDaemon(true);
		return thread;
	});

	// console helper: runs started from the console and the API ------------------------

	/** Runs started or restarted from the console that have not ended yet: run → job. */
	private final Map<String, String> launched = new ConcurrentHashMap<>();

	private final ExecutorService consoleRuns = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "console-run");
		thread.setDaemon(true);
		return thread;
	});

	// end console helper --------------------------------------------------------------

	ScheduledRuns(PipelineService pipeline) {
		this.pipeline = pipeline;
	}

	/**
	 * A schedule's firing: the run's job parameters note the schedule and its fire time
	 * ({@code ID@INSTANT}), which tells every firing apart across several nodes.
	 */
	@Override
	public void start(String jobId, String scheduleId, Instant fireTime) throws Exception {
		start(jobId, scheduleId + "@" + fireTime, List.of());
	}

	@Override
	public void start(String jobId, String trigger, List<Path> files) throws Exception {
		// Quartz and the watched folders each keep their own runs of a job apart; this
		// keeps
		// them apart from each other.
		ReentrantLock lock = this.locks.computeIfAbsent(jobId, (id) -> new ReentrantLock());
		lock.lock();
		RunSummary summary;
		try {
			summary = this.pipeline.run(jobId, files, PipelineService.newRunId(), trigger);
		}
		finally {
			lock.unlock();
		}
		log.info("{} ran job {}: run {} {} ({} files, {} records)", trigger, jobId, summary.runId(), summary.status(),
				summary.files(), summary.records());
		if ("FAILED".equals(summary.status()) && !summary.failures().isEmpty()) {
			// hardening (issue 8): what stopped the run, in one line (the step's
			// exception
			// comes last; its first line names a file or folder, never a form's values)
			String last = summary.failures().get(summary.failures().size() - 1);
			log.warn("Run {} of job {} failed: {}; restart it with ./digilab run {} --restart once fixed",
					summary.runId(), jobId, last.lines().findFirst().orElse(last), jobId);
		}
	}

	// console helper: runs started from the console and the API ------------------------

	/** Whether a run of the job is going in this server (whoever started it). */
	public boolean isBusy(String jobId) {
		ReentrantLock lock = this.locks.get(jobId);
		return (lock != null && lock.isLocked()) || this.launched.containsValue(jobId);
	}

	/**
	 * The job of a run started from the console whose intake has not recorded it yet, if
	 * any.
	 */
	public Optional<String> launchedJob(String runId) {
		return Optional.ofNullable(this.launched.get(runId));
	}

	/**
	 * Starts a run of the job on its inbox in the background and returns its run id at
	 * once. Refused while a run of the job is going: runs of one job never overlap.
	 */
	public synchronized String launch(String jobId, String trigger) {
		refuseIfBusy(jobId);
		String runId = PipelineService.newRunId();
		this.launched.put(runId, jobId);
		this.consoleRuns
			.submit(() -> inLock(jobId, runId, trigger, () -> this.pipeline.run(jobId, List.of(), runId, trigger)));
		return runId;
	}

	/**
	 * Restarts a failed or stopped run in the background; committed work is not done
	 * again. Refused while a run of the same job is going.
	 */
	public synchronized void relaunch(String jobId, String runId, String trigger) {
		refuseIfBusy(jobId);
		this.launched.put(runId, jobId);
		this.consoleRuns.submit(() -> inLock(jobId, runId, trigger,
				() -> this.pipeline.restart(runId).orElseThrow(() -> new IllegalStateException("nothing to restart"))));
	}

	private void refuseIfBusy(String jobId) {
		if (isBusy(jobId)) {
			throw new JobBusyException(jobId);
		}
	}

	private void inLock(String jobId, String runId, String trigger, Callable<RunSummary> run) {
		ReentrantLock lock = this.locks.computeIfAbsent(jobId, (id) -> new ReentrantLock());
		lock.lock();
		try {
			RunSummary summary = run.call();
			log.info("{} ran job {}: run {} {} ({} files, {} records)", trigger, jobId, runId, summary.status(),
					summary.files(), summary.records());
		}
		catch (Exception ex) {
			// the type only: a message may quote what a form holds
			log.error("{} run {} of job {} failed: {}", trigger, runId, jobId, ex.getClass().getName());
		}
		finally {
			this.launched.remove(runId);
			lock.unlock();
		}
	}

	/** A run of the job is already going. */
	public static class JobBusyException extends IllegalStateException {

		private final String jobId;

		JobBusyException(String jobId) {
			super("A run of job " + jobId + " is already going");
			this.jobId = jobId;
		}

		public String jobId() {
			return this.jobId;
		}

	}

	// end console helper --------------------------------------------------------------

	/**
	 * Restarts a run this node took over from a node that died, never overlapping another
	 * run of the job started here.
	 */
	public void restartTakenOver(String jobId, String runId) throws Exception {
		ReentrantLock lock = this.locks.computeIfAbsent(jobId, (id) -> new ReentrantLock());
		lock.lock();
		try {
			this.pipeline.restart(runId)
				.ifPresent((summary) -> log.info("Run {} of job {} taken over and restarted: {} ({} files, {} records)",
						runId, jobId, summary.status(), summary.files(), summary.records()));
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Once a run has no record left waiting for review, its approved records are
	 * exported, entered and counted (in the background, never overlapping another run of
	 * the job).
	 */
	public void finishReviewedLater(String jobId, String runId) {
		this.followUps.submit(() -> {
			ReentrantLock lock = this.locks.computeIfAbsent(jobId, (id) -> new ReentrantLock());
			lock.lock();
			try {
				this.pipeline.finishReviewed(runId)
					.ifPresent((summary) -> log.info("Run {} finished after review: {}", runId, summary.status()));
			}
			catch (Exception ex) {
				log.error("Finishing run {} after review failed: {}", runId, ex.getMessage());
			}
			finally {
				lock.unlock();
			}
		});
	}

}
