package jp.digilab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
class ScheduledRuns implements JobStarter {

	private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);

	private final PipelineService pipeline;

	private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

	ScheduledRuns(PipelineService pipeline) {
		this.pipeline = pipeline;
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
			summary = this.pipeline.run(jobId, files);
		}
		finally {
			lock.unlock();
		}
		log.info("{} ran job {}: run {} {} ({} files, {} records)", trigger, jobId, summary.runId(), summary.status(),
				summary.files(), summary.records());
	}

}
