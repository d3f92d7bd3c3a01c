package jp.digilab.robots.browser;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.digilab.robots.RobotReasons;

/**
 * The selector syntax of robot scripts: CSS by default, or one of the prefixes
 * {@code xpath=}, {@code id=}, {@code name=}, {@code css=}, {@code text=},
 * {@code label=}.
 */
public final class Selectors {

	/** The prefixes a selector may start with. */
	public static final List<String> PREFIXES = List.of("xpath", "id", "name", "css", "text", "label");

	private static final Pattern PREFIX = Pattern.compile("^([A-Za-z][\\w-]*)=(.*)$", Pattern.DOTALL);

	private Selectors() {
	}

	/**
	 * A selector split into its kind and its value.
	 *
	 * @param kind one of {@link #PREFIXES}
	 * @param value what follows the prefix
	 */
	public record Parsed(String kind, String value) {
	}

	/**
	 * Split a selector.
	 * @param selector the selector
	 * @return its kind and value
	 * @throws IllegalArgumentException if it starts with an unknown prefix or is empty
	 */
	public static Parsed parse(String selector) {
		if (selector == null || selector.isBlank()) {
			throw new IllegalArgumentException(RobotReasons.EMPTY_SELECTOR.text());
		}
		String s = selector.trim();
		if (s.startsWith("//") || s.startsWith("(//")) {
			return new Parsed("xpath", s);
		}
		Matcher m = PREFIX.matcher(s);
		if (!m.matches()) {
			return new Parsed("css", s);
		}
		String kind = m.group(1);
		if (!PREFIXES.contains(kind)) {
			throw new IllegalArgumentException(RobotReasons.UNKNOWN_PREFIX.text(kind, String.join("=, ", PREFIXES)));
		}
		if (m.group(2).isBlank()) {
			throw new IllegalArgumentException(RobotReasons.NOTHING_AFTER.text(kind));
		}
		return new Parsed(kind, m.group(2).trim());
	}

}
