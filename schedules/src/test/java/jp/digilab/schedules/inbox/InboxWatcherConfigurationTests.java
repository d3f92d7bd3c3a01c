package jp.digilab.schedules.inbox;

import java.nio.file.Path;

import jp.digilab.schedules.JobStarter;
import jp.digilab.schedules.ScheduleConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The watcher exists for {@code serve} only, and can be switched off there. */
class InboxWatcherConfigurationTests {

	@TempDir
	Path home;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(QuartzAutoConfiguration.class))
			.withUserConfiguration(ScheduleConfiguration.class)
			.withBean(JobStarter.class, () -> (jobId, trigger, files) -> {
			})
			.withPropertyValues("digilab.home=" + this.home);
	}

	@Test
	void commandLineContextsWatchNothing() {
		runner().run((context) -> assertThat(context).doesNotHaveBean(InboxWatcher.class));
	}

	@Test
	void serveWatchesWithTheGivenSettings() {
		runner().withPropertyValues("digilab.scheduler.enabled=true", "digilab.inbox.stable-millis=2500")
			.run((context) -> {
				assertThat(context).hasSingleBean(InboxWatcher.class);
				assertThat(context.getBean(InboxWatcher.class).isRunning()).isTrue();
				assertThat(context.getBean(InboxProperties.class))
					.isEqualTo(new InboxProperties(true, 500, 2500, 1000, 200, 5000, 3));
			});
	}

	@Test
	void serveCanLeaveTheInboxesAlone() {
		runner().withPropertyValues("digilab.scheduler.enabled=true", "digilab.inbox.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InboxWatcher.class));
	}

	@Test
	void badSettingIsRefused() {
		runner().withPropertyValues("digilab.scheduler.enabled=true", "digilab.inbox.batch-size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("digilab.inbox.batch-size must be at least 1: 0"));
	}

}
