package jp.digilab.app.runs;

import jp.digilab.app.ScheduledRuns;
import jp.digilab.app.security.AuditLog;
import jp.digilab.jobs.JobReasons;
import jp.digilab.jobs.definition.DefinitionException;
import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.definition.JobDefinition;
import jp.digilab.jobs.pipeline.PipelineService;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Run now, stop and restart, for the console and the API alike. Runs of one job never
 * overlap (the same per-job lock as schedules and watched folders); every action is
 * written to the audit log: who, what, which job and run — never values.
 */
@Service
public class RunActions {

	private final ScheduledRuns runs;

	private final PipelineService pipeline;

	private final JobCatalog catalog;

	private final RunQueries queries;

	private final AuditLog audit;

	public RunActions(ScheduledRuns runs, PipelineService pipeline, JobCatalog catalog, RunQueries queries,
			AuditLog audit) {
		this.runs = runs;
		this.pipeline = pipeline;
		this.catalog = catalog;
		this.queries = queries;
		this.audit = audit;
	}

	/** Starts a run of the job on its inbox in the background; returns its run id. */
	public String start(String jobId, String username) {
		ConsoleProblem.checkedId(jobId, "job");
		JobDefinition job = this.catalog.find(jobId)
			.orElseThrow(() -> new ConsoleProblem(HttpStatus.NOT_FOUND, "console.error.job.unknown", jobId));
		try {
			this.catalog.check(job);
		}
		catch (DefinitionException ex) {
			// the problem is said in the user's language, its reason too
			throw new ConsoleProblem(HttpStatus.UNPROCESSABLE_CONTENT, "console.error.job.invalid", jobId,
					JobReasons.localize(ex.getMessage(), LocaleContextHolder.getLocale()));
		}
		String runId;
		try {
			runId = this.runs.launch(jobId, "console (" + username + ")");
		}
		catch (ScheduledRuns.JobBusyException ex) {
			throw new ConsoleProblem(HttpStatus.CONFLICT, "console.error.job.busy", jobId);
		}
		this.audit.record(username, "RUN_START", "run " + runId, "job " + jobId);
		return runId;
	}

	/**
	 * Asks a running run to stop; it ends STOPPED after the chunk it is writing and can
	 * be restarted.
	 */
	public void stop(String runId, String username) throws Exception {
		RunRow run = this.queries.get(ConsoleProblem.checkedId(runId, "run"));
		if (!"STARTED".equals(run.status()) || !this.pipeline.stop(runId)) {
			throw new ConsoleProblem(HttpStatus.CONFLICT, "console.error.run.notrunning", runId);
		}
		this.audit.record(username, "RUN_STOP", "run " + runId, "job " + run.jobId());
	}

	/**
	 * Restarts a failed or stopped run in the background; what it committed is not done
	 * again.
	 */
	public void restart(String runId, String username) {
		RunRow run = this.queries.get(ConsoleProblem.checkedId(runId, "run"));
		if (!"FAILED".equals(run.status()) && !"STOPPED".equals(run.status())) {
			throw new ConsoleProblem(HttpStatus.CONFLICT, "console.error.run.notrestartable", runId);
		}
		try {
			this.runs.relaunch(run.jobId(), runId, "console restart (" + username + ")");
		}
		catch (ScheduledRuns.JobBusyException ex) {
			throw new ConsoleProblem(HttpStatus.CONFLICT, "console.error.job.busy", run.jobId());
		}
		this.audit.record(username, "RUN_RESTART", "run " + runId, "job " + run.jobId());
	}

}
