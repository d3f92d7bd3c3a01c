package jp.digilab.schedules;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge from Quartz to the pipeline: starts the job of the schedule that fired and
 * waits for the run. There is one Quartz job per Digi-Lab job id, so two schedules of the
 * same job never run it at the same time.
 */
@DisallowConcurrentExecution
public class PipelineQuartzJob implements Job {

	private static final Logger logger = LoggerFactory.getLogger(PipelineQuartzJob.class);

	private final JobStarter starter;

	/**
	 * Created by Spring's job factory, which supplies the application's
	 * {@link JobStarter}.
	 */
	public PipelineQuartzJob(JobStarter starter) {
		this.starter = starter;
	}

	@Override
	public void execute(JobExecutionContext context) {
		JobDataMap data = context.getMergedJobDataMap();
		String jobId = data.getString(QuartzSchedules.JOB_ID);
		String scheduleId = data.getString(QuartzSchedules.SCHEDULE_ID);
		long started = System.nanoTime();
		logger.info("Schedule '{}' starts job '{}'", scheduleId, jobId);
		try {
			this.starter.start(jobId, scheduleId, context.getScheduledFireTime().toInstant());
			logger.info("Scheduled run of job '{}' (schedule '{}') ended after {} s", jobId, scheduleId,
					(System.nanoTime() - started) / 1_000_000_000L);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			logger.warn("Scheduled run of job '{}' (schedule '{}') was interrupted", jobId, scheduleId);
		}
		catch (Exception ex) {
			// Only the exception's type: its message may quote record contents; the run's
			// own
			// record in the database has the details.
			logger.error("Scheduled run of job '{}' (schedule '{}') failed: {}", jobId, scheduleId,
					ex.getClass().getName());
		}
	}

}
