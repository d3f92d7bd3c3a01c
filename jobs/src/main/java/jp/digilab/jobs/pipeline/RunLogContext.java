package jp.digilab.jobs.pipeline;

import java.util.Map;

import org.slf4j.MDC;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.core.task.TaskDecorator;

/**
 * Puts the run's id and job id (and, while a record is entered, its key) into the logging
 * context, so that every log line written during a run says which run and which record it
 * belongs to ({@code logging.pattern.*} prints {@code %X{runId}} and {@code %X{record}}).
 * Keys only: never a value read from a form.
 */
final class RunLogContext implements JobExecutionListener {

	static final String RUN_ID = "runId";

	static final String JOB_ID = "jobId";

	static final String RECORD = "record";

	@Override
	public void beforeJob(JobExecution execution) {
		var parameters = execution.getJobParameters();
		MDC.put(RUN_ID, RunParameters.runId(parameters));
		MDC.put(JOB_ID, RunParameters.jobId(parameters));
	}

	@Override
	public void afterJob(JobExecution execution) {
		MDC.remove(RUN_ID);
		MDC.remove(JOB_ID);
		MDC.remove(RECORD);
	}

	/** Carries the submitting thread's logging context to a step's worker threads. */
	static TaskDecorator propagating() {
		return (task) -> {
			Map<String, String> context = MDC.getCopyOfContextMap();
			return () -> {
				Map<String, String> previous = MDC.getCopyOfContextMap();
				if (context != null) {
					MDC.setContextMap(context);
				}
				try {
					task.run();
				}
				finally {
					if (previous != null) {
						MDC.setContextMap(previous);
					}
					else {
						MDC.clear();
					}
				}
			};
		};
	}

}
