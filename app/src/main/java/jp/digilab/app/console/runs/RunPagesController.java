package jp.digilab.app.console.runs;

import java.util.ArrayList;
import java.util.List;

import jp.digilab.app.runs.ConsoleProblem;
import jp.digilab.app.runs.LiveProgress;
import jp.digilab.app.runs.RunActions;
import jp.digilab.app.runs.RunDetail;
import jp.digilab.app.runs.RunEvidence;
import jp.digilab.app.runs.RunQueries;
import jp.digilab.app.runs.RunRow;
import jp.digilab.app.security.ServesFile;
import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.definition.JobDefinition;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs: the recent list with "run now", one run's counts, steps, files, records, failures
 * and screenshots, its live progress, and stop and restart. Only states, counts and
 * reasons are shown — never field values (robot messages have the record's values
 * masked).
 */
@Controller
class RunPagesController {

	private final RunQueries queries;

	private final RunActions actions;

	private final LiveProgress progress;

	private final RunEvidence evidence;

	private final JobCatalog catalog;

	RunPagesController(RunQueries queries, RunActions actions, LiveProgress progress, RunEvidence evidence,
			JobCatalog catalog) {
		this.queries = queries;
		this.actions = actions;
		this.progress = progress;
		this.evidence = evidence;
		this.catalog = catalog;
	}

	@GetMapping("/runs")
	String list(Model model) {
		List<RunRow> runs = this.queries.recent(100);
		model.addAttribute("runs", runs);
		List<String> problems = new ArrayList<>();
		List<String> jobs = this.catalog.all(problems).stream().map(JobDefinition::id).toList();
		model.addAttribute("jobs", jobs);
		// run now offers the job run last first: with several jobs, the alphabetical
		// first is rarely the one an operator is working on
		model.addAttribute("selectedJob",
				runs.stream()
					.map(RunRow::jobId)
					.filter(jobs::contains)
					.findFirst()
					.orElse(jobs.isEmpty() ? null : jobs.get(0)));
		return "runs/list";
	}

	@GetMapping("/runs/{runId}")
	String detail(@PathVariable String runId, Model model) {
		RunDetail detail = this.queries.detail(ConsoleProblem.checkedId(runId, "run"));
		model.addAttribute("detail", detail);
		model.addAttribute("run", detail.run());
		model.addAttribute("view", detail.run().running() ? this.progress.view(runId) : null);
		model.addAttribute("stages", LiveProgress.STAGES);
		return "runs/detail";
	}

	@GetMapping(path = "/runs/{runId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable String runId) {
		return this.progress.subscribe(ConsoleProblem.checkedId(runId, "run"));
	}

	@GetMapping("/runs/{runId}/progress")
	@org.springframework.web.bind.annotation.ResponseBody
	LiveProgress.View progress(@PathVariable String runId) {
		return this.progress.view(ConsoleProblem.checkedId(runId, "run"));
	}

	@GetMapping("/runs/{runId}/evidence/{recordKey}/{number}")
	@ServesFile
	ResponseEntity<byte[]> screenshot(@PathVariable String runId, @PathVariable String recordKey,
			@PathVariable int number) {
		byte[] png = this.evidence
			.screenshot(ConsoleProblem.checkedId(runId, "run"), ConsoleProblem.checkedId(recordKey, "record"), number)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.body(png);
	}

	@PostMapping("/runs")
	String start(@RequestParam String job, Authentication user, RedirectAttributes redirect) {
		String runId = this.actions.start(job, user.getName());
		redirect.addFlashAttribute("notice", "console.runs.notice.started");
		return "redirect:/runs/" + runId;
	}

	@PostMapping("/runs/{runId}/stop")
	String stop(@PathVariable String runId, Authentication user, RedirectAttributes redirect) throws Exception {
		this.actions.stop(runId, user.getName());
		redirect.addFlashAttribute("notice", "console.runs.notice.stopping");
		return "redirect:/runs/" + runId;
	}

	@PostMapping("/runs/{runId}/restart")
	String restart(@PathVariable String runId, Authentication user, RedirectAttributes redirect) {
		this.actions.restart(runId, user.getName());
		redirect.addFlashAttribute("notice", "console.runs.notice.restarted");
		return "redirect:/runs/" + runId;
	}

}
