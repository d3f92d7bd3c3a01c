package jp.digilab.robots.script;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces every known secret value in a text by {@code ***}. Shared by all sessions of a
 * runner; every secret that is resolved is registered here first.
 */
public final class Masker {

	/** What a secret value is replaced with. */
	public static final String MASK = "***";

	private final Set<String> secrets = ConcurrentHashMap.newKeySet();

	/**
	 * Register a secret value.
	 * @param value the value (blank values are ignored)
	 */
	public void add(String value) {
		if (value != null && !value.isBlank()) {
			this.secrets.add(value);
		}
	}

	/**
	 * The registered values, longest first (so that a secret containing another is masked
	 * whole).
	 * @return the values
	 */
	public List<String> values() {
		return this.secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
	}

	/**
	 * Mask a text.
	 * @param text the text (may be null)
	 * @return the text with every secret value replaced by {@code ***}
	 */
	public String mask(String text) {
		if (text == null || this.secrets.isEmpty()) {
			return text;
		}
		String masked = text;
		for (String secret : values()) {
			masked = masked.replace(secret, MASK);
		}
		return masked;
	}

}
