package jp.digilab.robots;

import java.time.Duration;

/**
 * How often a record is tried when it fails for a transient reason, and how long to wait
 * before the second try (the wait doubles before each further try).
 *
 * @param attempts tries in all (at least 1)
 * @param backoff the wait before the second try
 */
public record Retry(int attempts, Duration backoff) {

	/** Three tries, waiting 2 s then 4 s. */
	public static final Retry DEFAULT = new Retry(3, Duration.ofSeconds(2));

	/** One try only. */
	public static final Retry NONE = new Retry(1, Duration.ZERO);

	public Retry {
		if (attempts < 1) {
			throw new IllegalArgumentException("attempts must be at least 1");
		}
		if (backoff == null || backoff.isNegative()) {
			backoff = Duration.ZERO;
		}
	}

	/**
	 * The wait before a try.
	 * @param attempt the try about to start (2 for the first retry)
	 * @return the wait, capped at one minute
	 */
	public Duration delayBefore(int attempt) {
		long factor = 1L << Math.min(Math.max(attempt - 2, 0), 10);
		Duration delay = this.backoff.multipliedBy(factor);
		return (delay.compareTo(Duration.ofMinutes(1)) > 0) ? Duration.ofMinutes(1) : delay;
	}

}
