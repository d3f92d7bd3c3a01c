package jp.digilab.schedules.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the watched folders ({@code digilab.inbox.*}).
 *
 * @param enabled whether {@code serve} watches the inboxes (the scheduler must be enabled
 * too)
 * @param pollMillis how often each inbox is listed
 * @param stableMillis how long a file's size and modification time must stay unchanged
 * before it is taken
 * @param batchWaitMillis how long to wait after the first stable file for more before a
 * run starts
 * @param batchSize the most files handed to one run
 * @param retryMillis delay before a file left in the inbox by a run is handed again;
 * doubled on each further attempt, up to ten minutes
 * @param warnAfterAttempts after how many runs that left a file in the inbox a warning
 * names it
 */
@ConfigurationProperties("digilab.inbox")
public record InboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500") long pollMillis,
		@DefaultValue("1500") long stableMillis, @DefaultValue("1000") long batchWaitMillis,
		@DefaultValue("200") int batchSize, @DefaultValue("5000") long retryMillis,
		@DefaultValue("3") int warnAfterAttempts) {

	private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(10);

	public InboxProperties {
		positive("poll-millis", pollMillis);
		notNegative("stable-millis", stableMillis);
		notNegative("batch-wait-millis", batchWaitMillis);
		positive("batch-size", batchSize);
		notNegative("retry-millis", retryMillis);
		positive("warn-after-attempts", warnAfterAttempts);
	}

	/** The defaults, as {@code serve} uses them when nothing is set. */
	public static InboxProperties defaults() {
		return new InboxProperties(true, 500, 1500, 1000, 200, 5000, 3);
	}

	/** Delay before the {@code attempt}-th retry (1 = first) of an unclaimed file. */
	Duration retryDelay(int attempt) {
		long millis = this.retryMillis << Math.min(Math.max(attempt - 1, 0), 20);
		return (millis >= MAX_RETRY_DELAY.toMillis() || millis < 0) ? MAX_RETRY_DELAY : Duration.ofMillis(millis);
	}

	private static void positive(String name, long value) {
		if (value < 1) {
			throw new IllegalArgumentException("digilab.inbox." + name + " must be at least 1: " + value);
		}
	}

	private static void notNegative(String name, long value) {
		if (value < 0) {
			throw new IllegalArgumentException("digilab.inbox." + name + " must not be negative: " + value);
		}
	}

}
