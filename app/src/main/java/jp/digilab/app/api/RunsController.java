package jp.digilab.app.api;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recent runs. Personal data never appears here: runs carry only counts and file states.
 */
@RestController
@RequestMapping("/api/runs")
class RunsController {

	private final JdbcClient jdbc;

	RunsController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping
	List<Map<String, Object>> recent() {
		return this.jdbc.sql("""
				select r.run_id, r.job_id, r.department, r.status, r.started_at, r.ended_at,
				  (select count(*) from dl_file f where f.run_id = r.run_id) as files,
				  (select count(*) from dl_record d where d.run_id = r.run_id) as records,
				  l.saved_minutes
				from dl_run r left join dl_ledger l on l.run_id = r.run_id
				order by r.started_at desc limit 50""").query().listOfRows();
	}

}
