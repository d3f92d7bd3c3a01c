package jp.digilab.app.console.runs;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Runs: the recent list and one run's files and records. Only states, counts and reasons
 * are read here — never field values (no {@code fields_json}, {@code entry_values} or
 * robot messages), so no personal data reaches these pages.
 */
@Controller
class RunPagesController {

	private final JdbcClient jdbc;

	RunPagesController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/runs")
	String list(Model model) {
		model.addAttribute("runs", this.jdbc.sql("""
				select r.run_id, r.job_id, r.department, r.status, r.started_at, r.ended_at,
				  (select count(*) from dl_file f where f.run_id = r.run_id) as files,
				  (select count(*) from dl_record d where d.run_id = r.run_id) as records,
				  l.saved_minutes
				from dl_run r left join dl_ledger l on l.run_id = r.run_id
				order by r.started_at desc limit 100""").query().listOfRows());
		return "runs/list";
	}

	@GetMapping("/runs/{runId}")
	String detail(@PathVariable String runId, Model model) {
		Map<String, Object> run = this.jdbc.sql("""
				select r.run_id, r.job_id, r.department, r.status, r.started_at, r.ended_at, l.saved_minutes,
				  l.review_seconds, l.machine_seconds
				from dl_run r left join dl_ledger l on l.run_id = r.run_id where r.run_id = ?""")
			.param(runId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No run " + runId));
		List<Map<String, Object>> files = this.jdbc
			.sql("select seq, name, status, pages, error from dl_file where run_id = ? order by seq")
			.param(runId)
			.query()
			.listOfRows();
		List<Map<String, Object>> records = this.jdbc.sql("""
				select record_key, file_seq, doc_index, pages, template_id, status, review_seconds, entry_status
				from dl_record where run_id = ? order by file_seq, doc_index""").param(runId).query().listOfRows();
		model.addAttribute("run", run);
		model.addAttribute("files", files);
		model.addAttribute("records", records);
		return "runs/detail";
	}

}
