package jp.digilab.schedules;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.schedules.definition.ScheduleLoader;
import jp.digilab.schedules.inbox.InboxProperties;
import jp.digilab.schedules.inbox.InboxWatcher;
import org.quartz.Scheduler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The schedules' beans. The registrar, which puts schedule files into Quartz and watches
 * them, exists only with {@code digilab.scheduler.enabled=true} ({@code serve}); the
 * read-only {@link ScheduleService} always does. The {@link InboxWatcher} runs with the
 * scheduler too, unless {@code digilab.inbox.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SchedulerProperties.class, InboxProperties.class })
public class ScheduleConfiguration {

	@Bean
	ScheduleLoader scheduleLoader(@Value("${digilab.home:digilab-home}") String home) {
		return ScheduleLoader.forHome(Path.of(home));
	}

	@Bean
	@ConditionalOnProperty(name = "digilab.scheduler.enabled", havingValue = "true")
	ScheduleRegistrar scheduleRegistrar(Scheduler scheduler, ScheduleLoader scheduleLoader,
			SchedulerProperties properties) {
		return new ScheduleRegistrar(scheduler, scheduleLoader, Duration.ofSeconds(properties.reloadSeconds()));
	}

	@Bean
	ScheduleService scheduleService(ScheduleLoader scheduleLoader, ObjectProvider<ScheduleRegistrar> registrar) {
		return new ScheduleService(scheduleLoader, () -> {
			ScheduleRegistrar running = registrar.getIfAvailable();
			return (running != null) ? running.schedulingProblems() : List.of();
		});
	}

	@Bean
	@ConditionalOnExpression("${digilab.scheduler.enabled:false} and ${digilab.inbox.enabled:true}")
	InboxWatcher inboxWatcher(@Value("${digilab.home:digilab-home}") String home, ObjectProvider<DigilabHome> homes,
			ObjectProvider<JobCatalog> catalogs, JobStarter starter, InboxProperties properties) {
		DigilabHome digilabHome = homes.getIfAvailable(() -> new DigilabHome(Path.of(home)));
		return new InboxWatcher(digilabHome, catalogs.getIfAvailable(() -> new JobCatalog(digilabHome)), starter,
				properties);
	}

}
