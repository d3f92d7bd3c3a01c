package jp.digilab.app.observability;

import jp.digilab.schedules.inbox.InboxWatcher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Health of the parts a run needs beyond Spring Boot's own (database, disk space of the
 * home folder, see {@code management.health.*} in application.yml), and the engine's
 * metrics.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

	@Bean
	TesseractHealthIndicator tesseractHealthIndicator() {
		return TesseractHealthIndicator.withDefaults();
	}

	@Bean
	ChromiumHealthIndicator chromiumHealthIndicator() {
		return new ChromiumHealthIndicator(System.getenv());
	}

	@Bean
	EngineMetrics engineMetrics(JdbcClient jdbc, ObjectProvider<InboxWatcher> watcher) {
		return new EngineMetrics(jdbc, watcher);
	}

}
