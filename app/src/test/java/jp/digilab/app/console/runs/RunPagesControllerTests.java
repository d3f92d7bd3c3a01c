package jp.digilab.app.console.runs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import jp.digilab.app.console.ConsoleTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The runs pages show states, counts, reasons and screenshots, never field values; their
 * actions are for operators and administrators, with CSRF.
 */
class RunPagesControllerTests extends ConsoleTestSupport {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3 };

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void aRunWithAFailedFileAndAFailedEntry() throws Exception {
		this.jdbc.sql("delete from dl_record where run_id = 'runs-page-run'").update();
		this.jdbc.sql("delete from dl_file where run_id = 'runs-page-run'").update();
		this.jdbc.sql("delete from dl_run where run_id = 'runs-page-run'").update();
		this.jdbc.sql("""
				insert into dl_run (run_id, job_id, department, status, started_at, ended_at, manual_minutes_per_item)
				values ('runs-page-run', 'juminhyo', '小倉北区 市民課', 'COMPLETED', ?, ?, 6.5)""")
			.params(LocalDateTime.now().minusMinutes(3), LocalDateTime.now())
			.update();
		Path failed = home.resolve("failed/scan-002.pdf");
		Files.createDirectories(failed.getParent());
		Files.write(failed, new byte[] { 1 });
		Files.writeString(home.resolve("failed/scan-002.pdf.error.txt"),
				"scan-002.pdf: page 1 is not a PDF or image\nrun: runs-page-run\n");
		this.jdbc
			.sql("""
					insert into dl_file (run_id, seq, name, source_path, work_path, sha256, status, error, pages, final_path)
					values ('runs-page-run', 1, 'scan-001.pdf', 's', 'w', ?, 'RECOGNIZED', null, 1, null),
					       ('runs-page-run', 2, 'scan-002.pdf', 's', 'w', ?, 'FAILED', 'not a PDF or image', 0, ?)""")
			.params("a".repeat(64), "b".repeat(64), failed.toString())
			.update();
		this.jdbc.sql("""
				insert into dl_record (record_key, run_id, file_seq, doc_index, source_file, pages, template_id,
				  status, fields_json, entry_values, entry_status, entry_message)
				values ('runs-page-run-1-1', 'runs-page-run', 1, 1, 'scan-001.pdf', '1', 'juminhyo-request',
				  'APPROVED', '{"name":{"value":"北九州 太郎"}}', '{"name":"北九州 太郎"}', 'FAILED',
				  'perRecord line 6: no element matches text=北九州 太郎 after 15 s')""").update();
		Path evidence = home.resolve("evidence/runs-page-run/runs-page-run-1-1");
		Files.createDirectories(evidence);
		Files.write(evidence.resolve("screenshot.png"), PNG);
		Files.writeString(home.resolve("evidence/runs-page-run/secret.txt"), "not a screenshot");
	}

	@Test
	void theListShowsTheRunAndRunNowForOperatorsOnly() throws Exception {
		this.mvc.perform(get("/runs").with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/runs/runs-page-run")))
			.andExpect(content().string(containsString("完了")))
			.andExpect(content().string(containsString("今すぐ実行")));
		this.mvc.perform(get("/runs").with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/runs/runs-page-run")))
			.andExpect(content().string(not(containsString("今すぐ実行"))));
	}

	@Test
	void runNowOffersTheJobRunLastFirst() throws Exception {
		// the sample home has jidou-teate and juminhyo; juminhyo ran last
		this.jdbc.sql("insert into dl_run (run_id, job_id, department, status, started_at, ended_at, "
				+ "manual_minutes_per_item) values ('runs-page-latest', 'juminhyo', '小倉北区 市民課', 'COMPLETED', ?, ?, 6.5)")
			.params(LocalDateTime.now().plusHours(1), LocalDateTime.now().plusHours(1))
			.update();
		try {
			this.mvc.perform(get("/runs").with(user("op").roles("OPERATOR")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<option value=\"jidou-teate\">jidou-teate</option>")))
				.andExpect(content()
					.string(containsString("<option value=\"juminhyo\" selected=\"selected\">juminhyo</option>")));
		}
		finally {
			this.jdbc.sql("delete from dl_run where run_id = 'runs-page-latest'").update();
		}
	}

	@Test
	void theDetailShowsReasonsFromFailedAndMaskedRobotMessagesButNoFieldValues() throws Exception {
		this.mvc.perform(get("/runs/runs-page-run").with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			// the first line of failed/scan-002.pdf.error.txt
			.andExpect(content().string(containsString("scan-002.pdf: page 1 is not a PDF or image")))
			.andExpect(content().string(containsString("failed/scan-002.pdf")))
			.andExpect(content().string(containsString("runs-page-run-1-1")))
			.andExpect(content().string(containsString("perRecord line 6: no element matches text=*** after 15 s")))
			.andExpect(content().string(containsString("/runs/runs-page-run/evidence/runs-page-run-1-1/0")))
			.andExpect(content().string(not(containsString("北九州 太郎"))))
			// a manager reads runs but gets no stop or restart buttons
			.andExpect(content().string(not(containsString("/runs/runs-page-run/restart"))));
	}

	@Test
	void theDetailSpeaksEnglishOnRequest() throws Exception {
		this.mvc.perform(get("/runs/runs-page-run").param("lang", "en").with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">completed<")))
			.andExpect(content().string(containsString("2 files (1 failed), 1 records")))
			.andExpect(content().string(containsString("Steps (Spring Batch)")));
	}

	@Test
	void failedFileReasonsAreInTheUsersLanguageAndStoredInEnglish() throws Exception {
		// as the pipeline records them: the form reader's page errors, joined
		String stored = "scan-003.png: page 2: blank page; scan-003.png: page 3: unknown form (best match: juminhyo-request 12%)";
		this.jdbc
			.sql("""
					insert into dl_file (run_id, seq, name, source_path, work_path, sha256, status, error, pages, final_path)
					values ('runs-page-run', 3, 'scan-003.png', 's', 'w', ?, 'FAILED', ?, 2, null)""")
			.params("c".repeat(64), stored)
			.update();
		String japanese = "scan-003.png: 2ページ目: 白紙のページです; scan-003.png: 3ページ目: 様式を判別できません（近い様式: juminhyo-request 12%）";
		String page = this.mvc.perform(get("/runs/runs-page-run").with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// in the failed files and in the list of files
		assertThat(page.split(java.util.regex.Pattern.quote(japanese), -1)).hasSize(3);
		assertThat(page).doesNotContain("blank page");
		this.mvc.perform(get("/runs/runs-page-run").param("lang", "en").with(user("op").roles("OPERATOR")))
			.andExpect(content().string(containsString(stored)))
			.andExpect(content().string(not(containsString("白紙のページです"))));
		this.mvc.perform(get("/api/runs/runs-page-run").with(user("op").roles("OPERATOR")))
			.andExpect(content().string(containsString(stored)));
	}

	@Test
	void aScreenshotIsServedByNumberOnly() throws Exception {
		this.mvc.perform(get("/runs/runs-page-run/evidence/runs-page-run-1-1/0").with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.IMAGE_PNG))
			.andExpect(content().bytes(PNG));
		this.mvc.perform(get("/runs/runs-page-run/evidence/runs-page-run-1-1/1").with(user("op").roles("OPERATOR")))
			.andExpect(status().isNotFound());
		// a record that is not the run's, and names that try to leave the folder
		this.mvc.perform(get("/runs/runs-page-run/evidence/other-run-1-1/0").with(user("op").roles("OPERATOR")))
			.andExpect(status().isNotFound());
		for (String key : new String[] { "..", "...", "..%2Fsecret.txt", "%2e%2e" }) {
			int status = this.mvc
				.perform(get("/runs/runs-page-run/evidence/" + key + "/0").with(user("op").roles("OPERATOR")))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(key).isBetween(400, 404);
		}
		this.mvc.perform(get("/runs/runs-page-run/evidence/runs-page-run-1-1/0").with(user("r").roles("REVIEWER")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aReviewerIsRefusedTheRuns() throws Exception {
		this.mvc.perform(get("/runs").with(user("r").roles("REVIEWER"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/runs").with(user("r").roles("REVIEWER"))).andExpect(status().isForbidden());
	}

	@Test
	void aManagerCannotStopOrRestart() throws Exception {
		this.mvc.perform(post("/runs/runs-page-run/stop").with(csrf()).with(user("manager").roles("MANAGER")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/runs/runs-page-run/restart").with(csrf()).with(user("manager").roles("MANAGER")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/runs").with(csrf())
				.with(user("manager").roles("MANAGER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"job\":\"juminhyo\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void actionsNeedTheCsrfToken() throws Exception {
		this.mvc.perform(post("/runs/runs-page-run/stop").with(user("op").roles("OPERATOR")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/runs").with(user("op").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"job\":\"juminhyo\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void stoppingAFinishedRunIsRefusedWithOneLine() throws Exception {
		this.mvc
			.perform(post("/runs/runs-page-run/stop").with(csrf())
				.with(user("op").roles("OPERATOR"))
				.header("Referer", "http://localhost/runs/runs-page-run"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("http://localhost/runs/runs-page-run"))
			.andExpect(flash().attribute("problem", "実行 runs-page-run は実行中ではないため停止できません"));
		this.mvc.perform(post("/api/runs/runs-page-run/stop").with(csrf()).with(user("op").roles("OPERATOR")))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
				.value("実行 runs-page-run は実行中ではないため停止できません"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.code")
				.value("console.error.run.notrunning"));
		this.mvc.perform(post("/api/runs/runs-page-run/restart").with(csrf()).with(user("op").roles("OPERATOR")))
			.andExpect(status().isConflict());
	}

	@Test
	void anUnknownRunOrJobIsNotFound() throws Exception {
		this.mvc.perform(get("/runs/nope").with(user("op").roles("OPERATOR"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/runs/nope").param("lang", "en").with(user("op").roles("OPERATOR")))
			.andExpect(status().isNotFound())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
				.value("There is no run nope"));
		for (String job : new String[] { "nope", "../jobs/juminhyo" }) {
			this.mvc
				.perform(post("/api/runs").with(csrf())
					.with(user("op").roles("OPERATOR"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"job\":\"" + job + "\"}"))
				.andExpect(status().isNotFound());
		}
	}

	@Test
	void theApiGivesCountsAndTheProgressOfAFinishedRunEndsAtOnce() throws Exception {
		this.mvc.perform(get("/api/runs").with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.jsonPath("$[?(@.runId == 'runs-page-run')].files")
				.value(2))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.jsonPath("$[?(@.runId == 'runs-page-run')].entryFailed")
				.value(1));
		String detail = this.mvc.perform(get("/api/runs/runs-page-run").with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(detail).contains("\"status\":\"COMPLETED\"")
			.contains("\"reason\":\"scan-002.pdf: page 1 is not a PDF or image\"")
			.contains("\"screenshots\":[0]")
			.doesNotContain("北九州");
		this.mvc.perform(get("/api/runs/runs-page-run/progress").with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.running")
				.value(false));
		MvcResult events = this.mvc.perform(get("/runs/runs-page-run/events").with(user("manager").roles("MANAGER")))
			.andExpect(request().asyncStarted())
			.andReturn();
		this.mvc.perform(asyncDispatch(events))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("event:end")))
			.andExpect(content().string(containsString("\"status\":\"COMPLETED\"")));
	}

}
