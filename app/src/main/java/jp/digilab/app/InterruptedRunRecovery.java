package jp.digilab.app;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jp.digilab.jobs.pipeline.PipelineService;
import jp.digilab.jobs.run.RunRepository.RunInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Takes over the runs of nodes that died — a crash of this server before it started, or
 * another node of a cluster killed mid-run — and restarts them here: when the server
 * starts and then every {@code digilab.cluster.recovery-seconds}. Each run is taken by
 * exactly one node; its committed work is not done again.
 */
@Component
@ConditionalOnProperty(name = "digilab.scheduler.enabled", havingValue = "true")
class InterruptedRunRecovery implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(InterruptedRunRecovery.class);

	private final PipelineService pipeline;

	private final ScheduledRuns scheduledRuns;

	private final Duration interval;

	private volatile ScheduledExecutorService sweeper;

	private volatile ExecutorService restarts;

	InterruptedRunRecovery(PipelineService pipeline, ScheduledRuns scheduledRuns,
			@Value("${digilab.cluster.recovery-seconds:10}") long seconds) {
		this.pipeline = pipeline;
		this.scheduledRuns = scheduledRuns;
		this.interval = Duration.ofSeconds(seconds);
	}

	@Override
	public synchronized void start() {
		if (this.sweeper != null) {
			return;
		}
		this.restarts = Executors.newCachedThreadPool((task) -> daemon(task, "run-recovery"));
		this.sweeper = Executors.newSingleThreadScheduledExecutor((task) -> daemon(task, "run-recovery-sweep"));
		this.sweeper.scheduleWithFixedDelay(this::sweep, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.sweeper != null) {
			this.sweeper.shutdownNow();
			this.restarts.shutdown();
			this.sweeper = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.sweeper != null;
	}

	void sweep() {
		try {
			for (RunInfo run : this.pipeline.takeOverOrphanedRuns()) {
				this.restarts.execute(() -> restart(run));
			}
		}
		catch (RuntimeException ex) {
			// the database may be away for a moment: the next sweep tries again
			log.error("Looking for interrupted runs failed: {}", ex.toString());
		}
	}

	private void restart(RunInfo run) {
		try {
			this.scheduledRuns.restartTakenOver(run.jobId(), run.runId());
		}
		catch (Exception ex) {
			// the type only: a message can quote record contents; the run's row has the
			// rest
			log.error("Restarting interrupted run {} of job {} failed: {}", run.runId(), run.jobId(),
					ex.getClass().getName());
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}
