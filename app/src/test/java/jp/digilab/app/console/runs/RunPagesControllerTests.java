package jp.digilab.app.console.runs;

import java.time.LocalDateTime;

import jp.digilab.app.console.ConsoleTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The runs pages show states, counts and reasons, never field values. */
class RunPagesControllerTests extends ConsoleTestSupport {

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void aRunWithAFailedFile() {
		this.jdbc.sql("delete from dl_record where run_id = 'runs-page-run'").update();
		this.jdbc.sql("delete from dl_file where run_id = 'runs-page-run'").update();
		this.jdbc.sql("delete from dl_run where run_id = 'runs-page-run'").update();
		this.jdbc.sql("""
				insert into dl_run (run_id, job_id, department, status, started_at, ended_at, manual_minutes_per_item)
				values ('runs-page-run', 'juminhyo', '小倉北区 市民課', 'COMPLETED', ?, ?, 6.5)""")
			.params(LocalDateTime.now().minusMinutes(3), LocalDateTime.now())
			.update();
		this.jdbc.sql("""
				insert into dl_file (run_id, seq, name, source_path, work_path, sha256, status, error, pages)
				values ('runs-page-run', 1, 'scan-001.pdf', 's', 'w', ?, 'DONE', null, 1),
				       ('runs-page-run', 2, 'scan-002.pdf', 's', 'w', ?, 'FAILED', 'not a PDF or image', 0)""")
			.params("a".repeat(64), "b".repeat(64))
			.update();
		this.jdbc.sql("""
				insert into dl_record (record_key, run_id, file_seq, doc_index, source_file, pages, template_id,
				  status, fields_json, entry_values)
				values ('runs-page-run-1-1', 'runs-page-run', 1, 1, 'scan-001.pdf', '1', 'juminhyo-request',
				  'APPROVED', '{"name":{"value":"北九州 太郎"}}', '{"name":"北九州 太郎"}')""").update();
	}

	@Test
	void theListShowsTheRun() throws Exception {
		this.mvc.perform(get("/runs").with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/runs/runs-page-run")))
			.andExpect(content().string(containsString("完了")));
	}

	@Test
	void theDetailShowsFileReasonsAndRecordStatesButNoFieldValues() throws Exception {
		this.mvc.perform(get("/runs/runs-page-run").with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("not a PDF or image")))
			.andExpect(content().string(containsString("runs-page-run-1-1")))
			.andExpect(content().string(containsString("APPROVED")))
			.andExpect(content().string(not(containsString("北九州 太郎"))));
	}

	@Test
	void anUnknownRunIsNotFound() throws Exception {
		this.mvc.perform(get("/runs/nope").with(user("op").roles("OPERATOR"))).andExpect(status().isNotFound());
	}

}
