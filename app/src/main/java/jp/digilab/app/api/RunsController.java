package jp.digilab.app.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.digilab.app.runs.ConsoleProblem;
import jp.digilab.app.runs.LiveProgress;
import jp.digilab.app.runs.RunActions;
import jp.digilab.app.runs.RunDetail;
import jp.digilab.app.runs.RunQueries;
import jp.digilab.app.runs.RunRow;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Runs: list, detail with steps, progress, start, stop, restart — the services the
 * console's runs pages use. Personal data never appears here: runs carry states, counts
 * and reasons.
 */
@RestController
@RequestMapping("/api/runs")
@Tag(name = "runs", description = "Pipeline runs: list, detail, progress, start, stop, restart")
class RunsController {

	private final RunQueries queries;

	private final RunActions actions;

	private final LiveProgress progress;

	RunsController(RunQueries queries, RunActions actions, LiveProgress progress) {
		this.queries = queries;
		this.actions = actions;
		this.progress = progress;
	}

	/** The job to start. */
	record StartRequest(String job) {
	}

	/** What an accepted action answers: the run and where it stands now. */
	record Accepted(String runId, String job, String status) {
	}

	@GetMapping
	@Operation(summary = "Recent runs, newest first")
	List<RunRow> recent(@RequestParam(defaultValue = "50") int limit) {
		return this.queries.recent(limit);
	}

	@GetMapping("/{runId}")
	@Operation(summary = "One run: counts, Spring Batch steps, files, records, failures and screenshot ids")
	RunDetail detail(@PathVariable String runId) {
		return this.queries.detail(ConsoleProblem.checkedId(runId, "run"));
	}

	@GetMapping("/{runId}/steps")
	@Operation(summary = "The run's Spring Batch step executions (read, write, skip counts, status)")
	List<RunDetail.StepRow> steps(@PathVariable String runId) {
		this.queries.get(ConsoleProblem.checkedId(runId, "run"));
		return this.queries.steps(runId);
	}

	@GetMapping("/{runId}/progress")
	@Operation(summary = "Where the run stands now (for polling)")
	LiveProgress.View progress(@PathVariable String runId) {
		return this.progress.view(ConsoleProblem.checkedId(runId, "run"));
	}

	@GetMapping(path = "/{runId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Server-sent events: 'progress' while the run goes, then one 'end'")
	SseEmitter events(@PathVariable String runId) {
		return this.progress.subscribe(ConsoleProblem.checkedId(runId, "run"));
	}

	@PostMapping
	@Operation(summary = "Run a job now on its inbox (OPERATOR, ADMIN); answers at once with the new run's id")
	ResponseEntity<Accepted> start(@RequestBody StartRequest request, Authentication user) {
		String runId = this.actions.start((request != null) ? request.job() : null, user.getName());
		return ResponseEntity.accepted()
			.location(URI.create("/api/runs/" + runId))
			.body(new Accepted(runId, request.job(), "STARTING"));
	}

	@PostMapping("/{runId}/stop")
	@Operation(summary = "Stop a running run after its current chunk (OPERATOR, ADMIN); it ends STOPPED")
	ResponseEntity<Accepted> stop(@PathVariable String runId, Authentication user) throws Exception {
		this.actions.stop(runId, user.getName());
		RunRow run = this.queries.get(runId);
		return ResponseEntity.accepted().body(new Accepted(runId, run.jobId(), run.status()));
	}

	@PostMapping("/{runId}/restart")
	@Operation(summary = "Restart a failed or stopped run (OPERATOR, ADMIN); committed work is not done again")
	ResponseEntity<Accepted> restart(@PathVariable String runId, Authentication user) {
		this.actions.restart(runId, user.getName());
		RunRow run = this.queries.get(runId);
		return ResponseEntity.accepted()
			.location(URI.create("/api/runs/" + runId))
			.body(new Accepted(runId, run.jobId(), "STARTING"));
	}

}
