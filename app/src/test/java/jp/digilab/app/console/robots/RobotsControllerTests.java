package jp.digilab.app.console.robots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import jp.digilab.app.console.ConsoleTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The robots page: each script's check and its last runs' entry outcomes. */
class RobotsControllerTests extends ConsoleTestSupport {

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void aRunWhoseRecordsTheRobotEnteredSkippedAndFailed() {
		this.jdbc.sql("delete from dl_record where run_id = 'robot-run'").update();
		this.jdbc.sql("delete from dl_run where run_id = 'robot-run'").update();
		this.jdbc.sql("""
				insert into dl_run (run_id, job_id, department, status, started_at, manual_minutes_per_item)
				values ('robot-run', 'juminhyo', '小倉北区 市民課', 'COMPLETED', ?, 6.5)""")
			.param(LocalDateTime.of(2026, 11, 20, 9, 15))
			.update();
		String[] outcomes = { "OK", "OK", "OK", "SKIPPED", "FAILED", null };
		for (int i = 0; i < outcomes.length; i++) {
			this.jdbc.sql("""
					insert into dl_record (record_key, run_id, file_seq, doc_index, source_file, pages, template_id,
					  status, fields_json, entry_status)
					values (?, 'robot-run', ?, 1, 'scan.png', '1', 'juminhyo-request', 'APPROVED', '{}', ?)""")
				.params("robot-run-" + i, i, outcomes[i])
				.update();
		}
	}

	@Test
	void anOperatorSeesEachRobotsCheckAndItsLastRunsOutcomes() throws Exception {
		this.mvc.perform(get("/robots").with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("住民票請求 基幹システム入力")))
			.andExpect(content().string(containsString("robots/juminhyo-entry.yml")))
			.andExpect(content().string(containsString("検証: 問題ありません")))
			.andExpect(content().string(containsString("href=\"/runs/robot-run\"")))
			.andExpect(content().string(matchesRegex("(?s).*id=\"run-robot-run\".*?2026-11-20 09:15.*?"
					+ "class=\"num entered\">3<.*?class=\"num skipped\">1<.*?class=\"num failed\">1<.*")));
	}

	@Test
	void aBrokenScriptShowsFileLineAndReason() throws Exception {
		Path file = home.resolve("robots/broken-robot.yml");
		try {
			Files.writeString(file, """
					id: broken-robot
					perRecord:
					  - open: https://example.invalid/
					  - type: { into: "xpath=//input[", text: "${vars.missing}" }
					""");
			this.mvc.perform(get("/robots").with(user("admin").roles("ADMIN")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("検証: 問題 2 件")))
				.andExpect(content().string(containsString("robots/broken-robot.yml:4: ")))
				.andExpect(content().string(containsString("type: ${vars.missing} は vars で定義されていません")))
				.andExpect(content().string(containsString("type: XPathとして正しくありません: xpath=//input[")))
				// the home folder's own path is not shown
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString(home.toString()))));
			this.mvc.perform(get("/robots").param("lang", "en").with(user("admin").roles("ADMIN")))
				.andExpect(status().isOk())
				.andExpect(content()
					.string(containsString("robots/broken-robot.yml:4: type: ${vars.missing} is not defined in vars")))
				.andExpect(content().string(containsString("not a valid XPath")));
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void managersAndReviewersAreRefused() throws Exception {
		this.mvc.perform(get("/robots").with(user("m").roles("MANAGER"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/robots").with(user("r").roles("REVIEWER"))).andExpect(status().isForbidden());
	}

}
