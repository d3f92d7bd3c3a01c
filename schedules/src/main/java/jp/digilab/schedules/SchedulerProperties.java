package jp.digilab.schedules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the schedules ({@code digilab.scheduler.*}).
 *
 * @param enabled whether schedule files are registered with Quartz and watched; the
 * application sets it for {@code serve} only
 * @param reloadSeconds how often the schedules folder is checked for changed files
 */
@ConfigurationProperties("digilab.scheduler")
public record SchedulerProperties(boolean enabled, @DefaultValue("10") int reloadSeconds) {

	public SchedulerProperties {
		if (reloadSeconds < 1) {
			throw new IllegalArgumentException("digilab.scheduler.reload-seconds must be at least 1: " + reloadSeconds);
		}
	}

}
