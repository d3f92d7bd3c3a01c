package jp.digilab.app.console.review;

import java.time.LocalDateTime;
import java.util.List;

import jp.digilab.app.console.ConsoleTestSupport;
import jp.digilab.app.security.ConsoleUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The review queue: own department only, keyboard-first, time measured. */
class ReviewPagesControllerTests extends ConsoleTestSupport {

	static final String DEPARTMENT = "小倉北区 市民課";

	static final ConsoleUser KOKURA = new ConsoleUser("kokura", "x", true, DEPARTMENT,
			List.of(new SimpleGrantedAuthority("ROLE_REVIEWER")));

	static final ConsoleUser YAHATA = new ConsoleUser("yahata", "x", true, "八幡西区 市民課",
			List.of(new SimpleGrantedAuthority("ROLE_REVIEWER")));

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void aRecordWaitingForReview() {
		this.jdbc.sql("delete from dl_record where run_id = 'review-run'").update();
		this.jdbc.sql("delete from dl_run where run_id = 'review-run'").update();
		this.jdbc.sql("""
				insert into dl_run (run_id, job_id, department, status, started_at, manual_minutes_per_item)
				values ('review-run', 'juminhyo', ?, 'COMPLETED', ?, 6.5)""")
			.params(DEPARTMENT, LocalDateTime.now())
			.update();
		this.jdbc.sql("""
				insert into dl_record (record_key, run_id, file_seq, doc_index, source_file, pages, template_id,
				  status, fields_json)
				values ('review-run-1-1', 'review-run', 1, 1, 'scan-001.pdf', '1', null, 'NEEDS_REVIEW', ?)""")
			.param("""
					{"name":{"value":"北九州 太郎","raw":"北九州 太郎","confidence":0.95,"valid":true,"reasons":[],"page":1,"box":[50,52,140,10]},
					 "postal":{"value":"8O3-85O1","raw":"8O3-85O1","confidence":0.41,"valid":true,"reasons":[],"page":1,"box":[50,80,60,10]}}""")
			.update();
	}

	@Test
	void aManagerIsRefusedTheReviewQueue() throws Exception {
		this.mvc.perform(get("/review").with(user("manager").roles("MANAGER"))).andExpect(status().isForbidden());
	}

	@Test
	void aReviewerSeesOnlyTheirDepartmentsRecords() throws Exception {
		this.mvc.perform(get("/review").with(user(KOKURA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("review-run-1-1")));
		this.mvc.perform(get("/review").with(user(YAHATA)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("review-run-1-1"))));
		this.mvc.perform(get("/review/review-run-1-1").with(user(YAHATA))).andExpect(status().isNotFound());
	}

	@Test
	void theDoubtfulFieldHasTheFocusAndApprovingRecordsTheCorrectionAndTime() throws Exception {
		this.mvc.perform(get("/review/review-run-1-1").with(user(KOKURA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"field.postal\"")))
			.andExpect(content().string(containsString("autofocus")))
			.andExpect(content().string(not(containsString("name=\"field.name\""))));
		long renderedAt = System.currentTimeMillis() - 42_000;
		this.mvc
			.perform(post("/review/review-run-1-1/approve").with(user(KOKURA))
				.with(csrf())
				.param("renderedAt", Long.toString(renderedAt))
				.param("field.postal", "803-8501"))
			.andExpect(redirectedUrl("/review"));
		var row = this.jdbc.sql(
				"select status, review_seconds, reviewed_by, fields_json from dl_record where record_key = 'review-run-1-1'")
			.query()
			.singleRow();
		assertThat(row.get("status")).isEqualTo("APPROVED");
		assertThat(((Number) row.get("review_seconds")).intValue()).isBetween(42, 60);
		assertThat(row.get("reviewed_by")).isEqualTo("kokura");
		assertThat((String) row.get("fields_json")).contains("803-8501");
		assertThat(this.jdbc
			.sql("select count(*) from dl_audit where action = 'REVIEW_APPROVE' and target = 'review-run-1-1'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void rejectingNeedsTheCsrfToken() throws Exception {
		this.mvc
			.perform(post("/review/review-run-1-1/reject").with(user(KOKURA))
				.param("renderedAt", "0")
				.param("reason", "unreadable"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/review/review-run-1-1/reject").with(user(KOKURA))
				.with(csrf())
				.param("renderedAt", Long.toString(System.currentTimeMillis()))
				.param("reason", "unreadable"))
			.andExpect(redirectedUrl("/review"));
		assertThat(this.jdbc.sql("select status from dl_record where record_key = 'review-run-1-1'")
			.query(String.class)
			.single()).isEqualTo("REJECTED");
	}

}
