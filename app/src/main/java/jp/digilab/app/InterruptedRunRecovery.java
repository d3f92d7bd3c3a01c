package jp.digilab.app;

import jp.digilab.jobs.pipeline.PipelineService;
import jp.digilab.jobs.pipeline.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * When the server starts, runs that a crash left STARTED are recovered and restarted in
 * the background, so that their files and records are not left half-done.
 */
@Component
@ConditionalOnProperty(name = "digilab.scheduler.enabled", havingValue = "true")
class InterruptedRunRecovery implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InterruptedRunRecovery.class);

	private final PipelineService pipeline;

	InterruptedRunRecovery(PipelineService pipeline) {
		this.pipeline = pipeline;
	}

	@Override
	public void run(ApplicationArguments args) {
		Thread thread = new Thread(() -> {
			try {
				for (RunSummary summary : this.pipeline.recoverInterrupted()) {
					log.info("Recovered interrupted run {} of job {}: {}", summary.runId(), summary.jobId(),
							summary.status());
				}
			}
			catch (Exception ex) {
				log.error("Recovering interrupted runs failed: {}", ex.getMessage());
			}
		}, "run-recovery");
		thread.setDaemon(true);
		thread.start();
	}

}
