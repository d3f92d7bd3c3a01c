package jp.digilab.app.console.schedules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import jp.digilab.app.console.OperatorConsoleTestSupport;
import jp.digilab.schedules.definition.Misfire;
import jp.digilab.schedules.definition.ScheduleDefinition;
import jp.digilab.schedules.definition.ScheduleLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Schedules in the console and the API: edits written back to the file in the BRIEF's
 * format and applied to Quartz, bad values refused with one line, pause and resume.
 */
class ScheduleConsoleTests extends OperatorConsoleTestSupport {

	static final String ID = "nightly-juminhyo";

	static final TriggerKey TRIGGER = TriggerKey.triggerKey(ID, "digilab-schedules");

	@Autowired
	Scheduler scheduler;

	@Autowired
	JdbcClient jdbc;

	Path file = home.resolve("schedules/" + ID + ".yml");

	String original;

	@BeforeEach
	void keepTheFile() throws Exception {
		this.original = Files.readString(this.file);
	}

	@AfterEach
	void restoreTheFile() throws Exception {
		Files.writeString(this.file, this.original);
		this.mvc.perform(put("/api/schedules/" + ID).with(csrf())
			.with(user("operator").roles("OPERATOR"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"cron\":\"0 30 2 ? * MON-FRI\",\"misfire\":\"run-once\"}"));
		this.scheduler.resumeTrigger(TRIGGER);
	}

	@Test
	void theListShowsCronNextFireTimesAndState() throws Exception {
		this.mvc.perform(get("/schedules").with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(ID)))
			.andExpect(content().string(containsString("0 30 2 ? * MON-FRI")))
			.andExpect(content()
				.string(org.hamcrest.Matchers.matchesPattern("(?s).*\\d{4}-\\d{2}-\\d{2} \\([月火水木金]\\) 02:30.*")))
			.andExpect(content().string(containsString("有効")))
			// pausing is for operators
			.andExpect(content().string(not(containsString("/schedules/" + ID + "/pause"))));
		this.mvc.perform(get("/api/schedules").with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.schedules[0].id").value(ID))
			.andExpect(jsonPath("$.schedules[0].state").value("NORMAL"))
			.andExpect(jsonPath("$.schedulerRunning").value(true));
	}

	@Test
	void anEditIsWrittenInTheBriefFormatAndChangesTheNextFireTime() throws Exception {
		this.mvc
			.perform(post("/schedules/" + ID).with(csrf())
				.with(user("operator").roles("OPERATOR"))
				.param("cron", "0 15 7 ? * MON-FRI")
				.param("timeZone", "Asia/Tokyo")
				.param("skipHolidays", "true")
				.param("misfire", "skip"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/schedules"));
		// the file: its leading comment kept, the keys in the BRIEF's order, the cron
		// quoted
		assertThat(Files.readString(this.file)).isEqualTo("""
				# Every weekday night at 02:30 Japan time, except public holidays and the year-end closure.
				id: nightly-juminhyo
				job: juminhyo
				cron: "0 15 7 ? * MON-FRI"
				timeZone: Asia/Tokyo
				skipHolidays: true
				misfire: skip
				""");
		ScheduleDefinition loaded = ScheduleLoader.forHome(home).load(this.file);
		assertThat(loaded.cron()).isEqualTo("0 15 7 ? * MON-FRI");
		assertThat(loaded.misfire()).isEqualTo(Misfire.SKIP);
		// Quartz fires it at the new time
		Trigger trigger = this.scheduler.getTrigger(TRIGGER);
		ZonedDateTime next = trigger.getNextFireTime().toInstant().atZone(ZoneId.of("Asia/Tokyo"));
		assertThat(next.getHour()).isEqualTo(7);
		assertThat(next.getMinute()).isEqualTo(15);
		String body = this.mvc.perform(get("/api/schedules/" + ID).with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cron").value("0 15 7 ? * MON-FRI"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("T07:15+09:00").doesNotContain("T02:30+09:00");
		assertThat(audit()).contains("operator|schedule nightly-juminhyo|changed: cron, misfire");
	}

	@Test
	void anUnusableFileIsListedInJapaneseByDefaultAndInEnglishOnRequest() throws Exception {
		Path broken = home.resolve("schedules/zz-broken.yml");
		Files.writeString(broken, "id: zz-broken\njob: koseki\ncron: \"0 30 2 ? * MON-FRI\"\n");
		try {
			this.mvc.perform(get("/schedules").with(user("manager").roles("MANAGER")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("zz-broken.yml 2行目: ジョブ「koseki」は定義されていません（")))
				.andExpect(content().string(not(containsString("is not defined"))));
			this.mvc.perform(get("/schedules").param("lang", "en").with(user("manager").roles("MANAGER")))
				.andExpect(status().isOk())
				.andExpect(
						content().string(containsString("zz-broken.yml line 2: job &#39;koseki&#39; is not defined (")))
				.andExpect(content().string(not(containsString("定義されていません"))));
			// the API keeps the stored English
			String body = this.mvc.perform(get("/api/schedules").with(user("manager").roles("MANAGER")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).contains("zz-broken.yml line 2: job 'koseki' is not defined (").doesNotContain("行目");
		}
		finally {
			Files.deleteIfExists(broken);
		}
	}

	@Test
	void anEditTheLoaderRefusesGivesItsReasonInTheUsersLanguage() throws Exception {
		Path job = home.resolve("jobs/juminhyo.yml");
		Path aside = home.resolve("juminhyo.yml.aside");
		Files.move(job, aside);
		try {
			// (the console's form cannot show it: a schedule whose job is gone is no
			// longer
			// listed, so the page is not found)
			this.mvc
				.perform(put("/api/schedules/" + ID).with(csrf())
					.with(user("operator").roles("OPERATOR"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"cron\":\"0 15 7 ? * MON-FRI\"}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.detail")
					.value(containsString("スケジュールを保存できません: schedules/" + ID + ".yml 3行目: ジョブ「juminhyo」は定義されていません（")));
			this.mvc
				.perform(put("/api/schedules/" + ID).param("lang", "en")
					.with(csrf())
					.with(user("operator").roles("OPERATOR"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"cron\":\"0 15 7 ? * MON-FRI\"}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.detail")
					.value(containsString("schedules/" + ID + ".yml line 3: job 'juminhyo' is not defined (")));
			assertThat(Files.readString(this.file)).isEqualTo(this.original);
		}
		finally {
			Files.move(aside, job);
		}
	}

	@Test
	void aBadCronIsRefusedWithOneClearLineAndNothingIsSaved() throws Exception {
		this.mvc
			.perform(post("/schedules/" + ID).with(csrf())
				.with(user("operator").roles("OPERATOR"))
				.param("cron", "0 30 2 * * MON-FRI")
				.param("timeZone", "Asia/Tokyo")
				.param("skipHolidays", "true")
				.param("misfire", "run-once"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("cron の書式が正しくありません: 0 30 2 * * MON-FRI — Support for "
					+ "specifying both a day-of-week AND a day-of-month parameter is not implemented")))
			// what was typed stays on the form
			.andExpect(content().string(containsString("value=\"0 30 2 * * MON-FRI\"")));
		assertThat(Files.readString(this.file)).isEqualTo(this.original);
		this.mvc
			.perform(put("/api/schedules/" + ID).param("lang", "en")
				.with(csrf())
				.with(user("operator").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"cron\":\"30 2 * * 1-5\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("Invalid cron 30 2 * * 1-5: ")))
			.andExpect(jsonPath("$.code").value("console.error.schedule.cron"));
		this.mvc
			.perform(put("/api/schedules/" + ID).with(csrf())
				.with(user("operator").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"timeZone\":\"Asia/Tokio\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("タイムゾーン Asia/Tokio はありません (Asia/Tokyo のように指定してください)"));
		assertThat(Files.readString(this.file)).isEqualTo(this.original);
	}

	@Test
	void pauseAndResumeAreKeptInQuartzAndSurviveAnEdit() throws Exception {
		this.mvc.perform(post("/schedules/" + ID + "/pause").with(csrf()).with(user("operator").roles("OPERATOR")))
			.andExpect(status().isFound());
		assertThat(this.scheduler.getTriggerState(TRIGGER)).isEqualTo(Trigger.TriggerState.PAUSED);
		this.mvc.perform(get("/schedules").with(user("operator").roles("OPERATOR")))
			.andExpect(content().string(containsString("一時停止中")))
			.andExpect(content().string(containsString("/schedules/" + ID + "/resume")));
		// an edit of a paused schedule keeps it paused
		this.mvc
			.perform(put("/api/schedules/" + ID).with(csrf())
				.with(user("admin").roles("ADMIN"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"cron\":\"0 45 3 ? * MON-FRI\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("PAUSED"));
		this.mvc.perform(post("/api/schedules/" + ID + "/resume").with(csrf()).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("NORMAL"));
		assertThat(this.scheduler.getTriggerState(TRIGGER)).isEqualTo(Trigger.TriggerState.NORMAL);
		assertThat(audit()).contains("operator|schedule nightly-juminhyo|null", "admin|schedule nightly-juminhyo|null");
	}

	@Test
	void onlyOperatorsAndAdminsChangeSchedulesAndOnlyWithTheCsrfToken() throws Exception {
		this.mvc
			.perform(put("/api/schedules/" + ID).with(csrf())
				.with(user("manager").roles("MANAGER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"cron\":\"0 0 1 ? * MON\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/schedules/" + ID + "/pause").with(csrf()).with(user("manager").roles("MANAGER")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/schedules/" + ID + "/pause").with(user("operator").roles("OPERATOR")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/schedules").with(user("r").roles("REVIEWER"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/schedules/nope").with(user("operator").roles("OPERATOR")))
			.andExpect(status().isNotFound());
		assertThat(Files.readString(this.file)).isEqualTo(this.original);
	}

	private List<String> audit() {
		return this.jdbc.sql("select username, target, detail from dl_audit where action like 'SCHEDULE_%' order by id")
			.query((rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
			.list();
	}

}
