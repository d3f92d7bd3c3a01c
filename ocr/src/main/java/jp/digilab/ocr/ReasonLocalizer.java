package jp.digilab.ocr;

import java.text.MessageFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Says a stored English reason in another language: recognises which catalog entry made
 * the text and with which arguments ({@link MessageFormat#parse}), then formats the
 * entry's pattern from the language's bundle with the same arguments. Text that no entry
 * made comes back unchanged, so anything can be passed (an exception's message, a reason
 * stored before the catalog existed).
 * <p>
 * Entries are tried in order, those that hold other reasons first (a file's line round a
 * page's error round the reason itself), the catalogs in the order given. An entry that
 * is only punctuation round other reasons ("{0}: {1}") counts only when one of them is
 * recognised, else every "name: text" would match it.
 */
public final class ReasonLocalizer {

	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	/** How deep reasons may hold reasons: a file's line of 200 pages' errors is 200. */
	static final int MAX_DEPTH = 1000;

	private final List<Reason> entries;

	/**
	 * @param catalogs the catalogs' entries, the most specific catalog first
	 */
	@SafeVarargs
	public ReasonLocalizer(List<? extends Reason>... catalogs) {
		List<Reason> all = new ArrayList<>();
		Arrays.stream(catalogs).forEach(all::addAll);
		List<Reason> ordered = new ArrayList<>(all.stream().filter((r) -> r.nested().length > 0).toList());
		ordered.addAll(all.stream().filter((r) -> r.nested().length == 0).toList());
		this.entries = List.copyOf(ordered);
	}

	/**
	 * The reason in the language of {@code locale}; unchanged when it is English, when
	 * the language has no bundle, or when no entry made it.
	 * @param reason a reason as stored (English)
	 * @param locale the reader's language
	 * @return the text to show
	 */
	public String localize(String reason, Locale locale) {
		if (reason == null || reason.isEmpty() || locale == null || isEnglish(locale)) {
			return reason;
		}
		String translated = translate(reason, locale, new HashMap<>(), 0);
		return (translated != null) ? translated : reason;
	}

	/** Each reason localized, in order. */
	public List<String> localize(List<String> reasons, Locale locale) {
		return reasons.stream().map((r) -> localize(r, locale)).toList();
	}

	private static boolean isEnglish(Locale locale) {
		return locale.getLanguage().isEmpty() || locale.getLanguage().equals(Locale.ENGLISH.getLanguage());
	}

	/**
	 * The text in the locale's language, or null when no entry made it. Results are
	 * remembered for the call: a line of many problems is split several ways, and each
	 * tail would otherwise be tried again and again. Beyond {@link #MAX_DEPTH} nested
	 * reasons the rest is left as it is.
	 */
	private String translate(String text, Locale locale, Map<String, Optional<String>> seen, int depth) {
		Optional<String> known = seen.get(text);
		if (known != null) {
			return known.orElse(null);
		}
		String translated = (depth < MAX_DEPTH) ? translateOnce(text, locale, seen, depth) : null;
		seen.put(text, Optional.ofNullable(translated));
		return translated;
	}

	private String translateOnce(String text, Locale locale, Map<String, Optional<String>> seen, int depth) {
		for (Reason entry : this.entries) {
			Object[] arguments = parse(entry, text);
			if (arguments == null) {
				continue;
			}
			boolean recognised = !isPunctuation(entry);
			for (int index : entry.nested()) {
				if (index < arguments.length && arguments[index] != null) {
					String inner = translate(arguments[index].toString(), locale, seen, depth + 1);
					if (inner != null) {
						arguments[index] = inner;
						recognised = true;
					}
				}
			}
			if (!recognised) {
				continue;
			}
			String pattern = pattern(entry, locale);
			return (pattern != null) ? new MessageFormat(pattern, locale).format(arguments) : null;
		}
		return null;
	}

	/**
	 * The entry's arguments when it made exactly this text, else null. Parsing is lenient
	 * (an argument takes text up to the next literal), so the arguments are formatted
	 * back and compared.
	 */
	static Object[] parse(Reason entry, String text) {
		MessageFormat format = new MessageFormat(entry.english(), Locale.ROOT);
		ParsePosition position = new ParsePosition(0);
		Object[] arguments = format.parse(text, position);
		if (arguments == null || position.getIndex() != text.length() || position.getErrorIndex() >= 0) {
			return null;
		}
		return (format.format(arguments).equals(text) && entry.accepts(arguments)) ? arguments : null;
	}

	/** Whether an entry is only punctuation round its arguments, like "{0}: {1}". */
	static boolean isPunctuation(Reason entry) {
		return entry.english().replaceAll("\\{\\d+\\}", "").codePoints().noneMatch(Character::isLetter);
	}

	/** The entry's pattern in the locale's language, or null when there is none. */
	static String pattern(Reason entry, Locale locale) {
		try {
			ResourceBundle bundle = ResourceBundle.getBundle(entry.bundle(), locale, entry.getClass().getClassLoader(),
					NO_FALLBACK);
			if (!bundle.getLocale().getLanguage().equals(locale.getLanguage()) || !bundle.containsKey(entry.key())) {
				return null;
			}
			return bundle.getString(entry.key());
		}
		catch (MissingResourceException ex) {
			return null;
		}
	}

}
