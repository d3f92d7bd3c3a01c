package jp.digilab.robots.script;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.digilab.robots.RobotReasons;

/**
 * Durations as written in scripts: {@code 500ms}, {@code 10s}, {@code 1.5s}, {@code 2m};
 * a bare number is seconds.
 */
public final class Durations {

	private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");

	private Durations() {
	}

	/**
	 * Parse a duration.
	 * @param text the text
	 * @return the duration
	 * @throws IllegalArgumentException if the text is not a duration
	 */
	public static Duration parse(String text) {
		Matcher m = DURATION.matcher(text.trim());
		if (!m.matches()) {
			throw new IllegalArgumentException(RobotReasons.NOT_A_DURATION.text(text));
		}
		double amount = Double.parseDouble(m.group(1));
		String unit = (m.group(2) != null) ? m.group(2) : "s";
		double millis = switch (unit) {
			case "ms" -> amount;
			case "m" -> amount * 60_000;
			default -> amount * 1000;
		};
		return Duration.ofMillis(Math.round(millis));
	}

	/**
	 * Format a duration the way scripts write it.
	 * @param duration the duration
	 * @return e.g. {@code 10s} or {@code 500ms}
	 */
	public static String format(Duration duration) {
		long ms = duration.toMillis();
		return (ms % 1000 == 0) ? (ms / 1000) + "s" : ms + "ms";
	}

}
