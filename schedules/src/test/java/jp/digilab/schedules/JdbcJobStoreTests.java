package jp.digilab.schedules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jp.digilab.schedules.holiday.JapaneseHolidayCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schedules in Quartz's JDBC job store (H2), as the application keeps them: the holiday
 * calendar and the triggers survive a restart, and an unchanged schedule is not replaced,
 * so Quartz still knows what was missed while the server was down.
 */
class JdbcJobStoreTests {

	@TempDir
	Path home;

	@Test
	void schedulesSurviveARestartUntouched() throws IOException {
		Files.createDirectories(this.home.resolve("schedules"));
		Files.createDirectories(this.home.resolve("jobs"));
		Files.writeString(this.home.resolve("jobs/juminhyo.yml"), "id: juminhyo\n");
		Files.writeString(this.home.resolve("schedules/nightly.yml"),
				"id: nightly\njob: juminhyo\ncron: \"0 30 2 ? * MON-FRI\"\nskipHolidays: true\n");
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, QuartzAutoConfiguration.class))
			.withUserConfiguration(ScheduleConfiguration.class)
			.withBean(JobStarter.class, () -> (jobId, trigger, files) -> {
			})
			.withPropertyValues("digilab.home=" + this.home, "digilab.scheduler.enabled=true",
					"spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"spring.quartz.job-store-type=jdbc", "spring.quartz.jdbc.initialize-schema=always",
					"spring.quartz.auto-startup=false");
		AtomicReference<Date> firstStart = new AtomicReference<>();
		runner.run((context) -> {
			CronTrigger trigger = trigger(context.getBean(Scheduler.class));
			assertThat(trigger.getCalendarName()).isEqualTo("japanese-holidays@Asia/Tokyo");
			firstStart.set(trigger.getStartTime());
		});
		Files.writeString(this.home.resolve("schedules/weekly.yml"),
				"id: weekly\njob: juminhyo\ncron: \"0 0 4 ? * SAT\"\n");
		runner.run((context) -> {
			Scheduler scheduler = context.getBean(Scheduler.class);
			assertThat(trigger(scheduler).getStartTime()).isEqualTo(firstStart.get());
			assertThat(scheduler.getCalendar("japanese-holidays@Asia/Tokyo"))
				.isInstanceOf(JapaneseHolidayCalendar.class);
			assertThat(scheduler.checkExists(TriggerKey.triggerKey("weekly", "digilab-schedules"))).isTrue();
		});
	}

	private static CronTrigger trigger(Scheduler scheduler) throws Exception {
		return (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("nightly", "digilab-schedules"));
	}

}
