package jp.digilab.schedules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;

import jp.digilab.schedules.definition.ScheduleLoader;
import jp.digilab.schedules.holiday.JapaneseHolidayCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;

import static org.assertj.core.api.Assertions.assertThat;

/** The registrar against an in-memory Quartz scheduler that is never started. */
class ScheduleRegistrarTests {

	@TempDir
	Path home;

	private Scheduler scheduler;

	private ScheduleRegistrar registrar;

	@BeforeEach
	void setUp() throws Exception {
		Files.createDirectories(this.home.resolve("schedules"));
		Files.createDirectories(this.home.resolve("jobs"));
		Files.writeString(this.home.resolve("jobs/juminhyo.yml"), "id: juminhyo\n");
		Files.writeString(this.home.resolve("jobs/koseki.yml"), "id: koseki\n");
		Properties properties = new Properties();
		properties.setProperty("org.quartz.scheduler.instanceName", "registrar-" + UUID.randomUUID());
		properties.setProperty("org.quartz.threadPool.threadCount", "1");
		properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
		this.scheduler = new StdSchedulerFactory(properties).getScheduler();
		this.registrar = new ScheduleRegistrar(this.scheduler, ScheduleLoader.forHome(this.home),
				Duration.ofSeconds(10));
	}

	@AfterEach
	void tearDown() throws Exception {
		this.scheduler.shutdown();
	}

	@Test
	void registersATriggerPerSchedule() throws Exception {
		write("nightly", "job: juminhyo\ncron: \"0 30 2 ? * MON-FRI\"\nskipHolidays: true\n");
		write("hourly", "job: juminhyo\ncron: \"0 0 * * * ?\"\ntimeZone: UTC\nmisfire: skip\n");

		this.registrar.reload();

		CronTrigger nightly = trigger("nightly");
		assertThat(nightly.getCronExpression()).isEqualTo("0 30 2 ? * MON-FRI");
		assertThat(nightly.getTimeZone()).isEqualTo(TimeZone.getTimeZone("Asia/Tokyo"));
		assertThat(nightly.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
		assertThat(nightly.getCalendarName()).isEqualTo("japanese-holidays@Asia/Tokyo");
		assertThat(nightly.getJobKey()).isEqualTo(JobKey.jobKey("juminhyo", "digilab-jobs"));
		assertThat(nightly.getJobDataMap().getString("scheduleId")).isEqualTo("nightly");
		assertThat(this.scheduler.getCalendar("japanese-holidays@Asia/Tokyo"))
			.isInstanceOf(JapaneseHolidayCalendar.class);
		CronTrigger hourly = trigger("hourly");
		assertThat(hourly.getTimeZone()).isEqualTo(TimeZone.getTimeZone("UTC"));
		assertThat(hourly.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
		assertThat(hourly.getCalendarName()).isNull();
		assertThat(this.scheduler.getJobKeys(GroupMatcher.anyJobGroup())).as("one Quartz job per job id")
			.containsExactly(JobKey.jobKey("juminhyo", "digilab-jobs"));
		assertThat(this.scheduler.getJobDetail(JobKey.jobKey("juminhyo", "digilab-jobs"))
			.isConcurrentExecutionDisallowed()).isTrue();
	}

	@Test
	void unchangedSchedulesAreLeftAlone() throws Exception {
		Path file = write("nightly", "job: juminhyo\ncron: \"0 30 2 ? * MON-FRI\"\n");
		this.registrar.reloadIfChanged();
		CronTrigger before = trigger("nightly");

		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
		assertThat(this.registrar.reloadIfChanged()).isTrue();

		assertThat(trigger("nightly").getStartTime()).isEqualTo(before.getStartTime());
		assertThat(this.registrar.reloadIfChanged()).as("nothing changed since").isFalse();
	}

	@Test
	void changedScheduleReplacesItsTrigger() throws Exception {
		write("nightly", "job: juminhyo\ncron: \"0 30 2 ? * MON-FRI\"\n");
		this.registrar.reloadIfChanged();

		write("nightly", "job: koseki\ncron: \"0 0 3 ? * MON-FRI\"\nskipHolidays: true\n");
		assertThat(this.registrar.reloadIfChanged()).isTrue();

		CronTrigger nightly = trigger("nightly");
		assertThat(nightly.getCronExpression()).isEqualTo("0 0 3 ? * MON-FRI");
		assertThat(nightly.getJobKey().getName()).isEqualTo("koseki");
		assertThat(nightly.getCalendarName()).isNotNull();
		assertThat(this.scheduler.getJobKeys(GroupMatcher.anyJobGroup())).as("juminhyo has no schedule left")
			.containsExactly(JobKey.jobKey("koseki", "digilab-jobs"));
	}

	@Test
	void deletedFileRemovesItsTrigger() throws Exception {
		Path file = write("nightly", "job: juminhyo\ncron: \"0 30 2 ? * MON-FRI\"\n");
		write("weekly", "job: koseki\ncron: \"0 0 4 ? * SAT\"\n");
		this.registrar.reload();

		Files.delete(file);
		this.registrar.reload();

		assertThat(this.scheduler.getTriggerKeys(GroupMatcher.anyTriggerGroup()))
			.containsExactly(TriggerKey.triggerKey("weekly", "digilab-schedules"));
		assertThat(this.scheduler.getJobKeys(GroupMatcher.anyJobGroup()))
			.containsExactly(JobKey.jobKey("koseki", "digilab-jobs"));
	}

	@Test
	void badNewFileIsNotScheduledAndTheOthersAre() throws Exception {
		write("good", "job: juminhyo\ncron: \"0 30 2 ? * MON-FRI\"\n");
		write("bad", "job: juminhyo\ncron: \"0 30 2 * * MON-FRI\"\n");

		this.registrar.reload();

		assertThat(this.scheduler.getTriggerKeys(GroupMatcher.anyTriggerGroup()))
			.containsExactly(TriggerKey.triggerKey("good", "digilab-schedules"));
	}

	@Test
	void fileThatTurnsBadKeepsItsPreviousVersion() throws Exception {
		write("nightly", "job: juminhyo\ncron: \"0 30 2 ? * MON-FRI\"\n");
		this.registrar.reload();

		write("nightly", "job: juminhyo\ncron: \"0 30 2 ? * MON-FRY\"\n");
		this.registrar.reload();

		assertThat(trigger("nightly").getCronExpression()).isEqualTo("0 30 2 ? * MON-FRI");
	}

	@Test
	void scheduleThatQuartzRefusesIsAProblem() throws Exception {
		// Fires only on January 1, which the holiday calendar always excludes.
		write("newyear", "job: juminhyo\ncron: \"0 0 9 1 1 ?\"\nskipHolidays: true\n");

		this.registrar.reload();

		assertThat(this.registrar.schedulingProblems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("newyear.yml: cannot be scheduled: ")
				.contains("will never fire"));
		assertThat(this.scheduler.checkExists(TriggerKey.triggerKey("newyear", "digilab-schedules"))).isFalse();
	}

	private Path write(String id, String yaml) throws IOException {
		return Files.writeString(this.home.resolve("schedules").resolve(id + ".yml"), "id: " + id + "\n" + yaml);
	}

	private CronTrigger trigger(String scheduleId) throws Exception {
		return (CronTrigger) this.scheduler.getTrigger(TriggerKey.triggerKey(scheduleId, "digilab-schedules"));
	}

}
