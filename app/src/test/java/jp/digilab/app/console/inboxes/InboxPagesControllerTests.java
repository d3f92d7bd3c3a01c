package jp.digilab.app.console.inboxes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;

import jp.digilab.app.console.OperatorConsoleTestSupport;
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

/**
 * The inboxes page: per job, the files waiting (as the watcher would take them), the last
 * run, the files in failed/ with their reason.
 */
class InboxPagesControllerTests extends OperatorConsoleTestSupport {

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void aSecondJobWithFilesWaitingAndOneFailure() throws Exception {
		Files.writeString(home.resolve("jobs/koseki.yml"), """
				id: koseki
				title: 戸籍証明書請求
				department: 戸畑区 市民課
				templates: [juminhyo-request]
				inbox: true
				hoursSaved:
				  manualMinutesPerItem: 4
				""");
		Path inbox = home.resolve("inbox/koseki");
		Files.createDirectories(inbox.resolve("tobata"));
		Files.write(inbox.resolve("old.png"), new byte[10]);
		Files.setLastModifiedTime(inbox.resolve("old.png"), FileTime.from(Instant.now().minusSeconds(3600)));
		Files.write(inbox.resolve("tobata/new.pdf"), new byte[20]);
		Files.write(inbox.resolve(".hidden.png"), new byte[1]);
		Files.write(inbox.resolve("copying.pdf.part"), new byte[1]);
		Files.write(inbox.resolve("~$sheet.xlsx"), new byte[1]);
		Path failed = home.resolve("failed/koseki-broken.pdf");
		Files.createDirectories(failed.getParent());
		Files.write(failed, new byte[] { 1 });
		Files.writeString(failed.resolveSibling("koseki-broken.pdf.error.txt"),
				"koseki-broken.pdf: not a PDF or image (the file is damaged)\nrun: inbox-page-run\n");
		this.jdbc.sql("delete from dl_file where run_id = 'inbox-page-run'").update();
		this.jdbc.sql("delete from dl_run where run_id = 'inbox-page-run'").update();
		this.jdbc.sql("""
				insert into dl_run (run_id, job_id, department, status, started_at, ended_at, manual_minutes_per_item)
				values ('inbox-page-run', 'koseki', '戸畑区 市民課', 'COMPLETED', ?, ?, 4)""")
			.params(LocalDateTime.of(2026, 4, 1, 9, 0), LocalDateTime.of(2026, 4, 1, 9, 1))
			.update();
		this.jdbc
			.sql("""
					insert into dl_file (run_id, seq, name, source_path, work_path, sha256, status, error, pages, final_path)
					values ('inbox-page-run', 1, 'koseki-broken.pdf', 's', 'w', ?, 'FAILED', 'unreadable', 0, ?)""")
			.params("c".repeat(64), failed.toString())
			.update();
	}

	@Test
	void pendingFilesLastRunAndFailuresPerJob() throws Exception {
		this.mvc.perform(get("/inboxes").with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("inbox/koseki")))
			.andExpect(content().string(containsString("2 件")))
			.andExpect(content().string(containsString(">old.png<")))
			.andExpect(content().string(containsString(">tobata/new.pdf<")))
			.andExpect(content().string(not(containsString("hidden.png"))))
			.andExpect(content().string(not(containsString("copying.pdf.part"))))
			.andExpect(content().string(not(containsString("sheet.xlsx"))))
			.andExpect(content().string(containsString("2026-04-01 09:00:00")))
			.andExpect(content().string(containsString("koseki-broken.pdf: not a PDF or image (the file is damaged)")))
			.andExpect(content().string(containsString("/runs/inbox-page-run")))
			// this context runs no watcher (digilab.inbox.enabled=false)
			.andExpect(content().string(containsString("監視していません")));
	}

	@Test
	void englishAndRoles() throws Exception {
		this.mvc.perform(get("/inboxes").param("lang", "en").with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Files that could not be read (failed/)")));
		this.mvc.perform(get("/inboxes").with(user("r").roles("REVIEWER"))).andExpect(status().isForbidden());
	}

}
