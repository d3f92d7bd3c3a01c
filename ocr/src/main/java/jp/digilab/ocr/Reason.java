package jp.digilab.ocr;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;

/**
 * One entry of a catalog of user-facing reasons: a key, the English text (a
 * {@link MessageFormat} pattern whose arguments are strings), and which arguments are
 * themselves reasons. The English text is what is stored and printed as JSON; the console
 * and the command line show it in the user's language through a {@link ReasonLocalizer}.
 * Catalogs are enums: {@link Reasons} here, the jobs module's own beside it.
 */
public interface Reason {

	/** The key of the entry's translations in its catalog's bundles. */
	String key();

	/** The English pattern ({@link MessageFormat}: quotes doubled, arguments {0}…). */
	String english();

	/**
	 * The indexes of arguments that are reasons themselves (a page's error inside a
	 * file's line), localized in turn.
	 */
	int[] nested();

	/** The base name of the catalog's bundles, e.g. {@code jp.digilab.ocr.reasons}. */
	String bundle();

	/**
	 * Whether arguments parsed from a text are ones this entry makes: a catalog whose
	 * patterns overlap ("{0} is missing" and "''{0}'' is missing", a file's line number)
	 * says here which text is its own. Every parse is accepted by default.
	 * @param arguments the arguments parsed from the text
	 * @return whether this entry made the text
	 */
	default boolean accepts(Object[] arguments) {
		return true;
	}

	/**
	 * The English text with these arguments, as stored. Arguments are turned into strings
	 * first, so that numbers are written as Java writes them (no grouping) — the text
	 * stays what it was before the catalog existed.
	 * @param arguments the arguments
	 * @return the English text
	 */
	default String text(Object... arguments) {
		Object[] strings = Arrays.stream(arguments).map(String::valueOf).toArray();
		return new MessageFormat(english(), Locale.ROOT).format(strings);
	}

}
