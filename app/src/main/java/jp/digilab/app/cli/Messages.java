package jp.digilab.app.cli;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import jp.digilab.schedules.definition.ScheduleReasons;

/**
 * User-facing text: Japanese by default, English with {@code --lang en} or
 * DIGILAB_LANG=en.
 */
public final class Messages {

	private static volatile Locale locale = initial();

	private Messages() {
	}

	private static Locale initial() {
		String lang = System.getenv("DIGILAB_LANG");
		return (lang != null && lang.startsWith("en")) ? Locale.ENGLISH : Locale.JAPANESE;
	}

	/**
	 * Back to the language the process started with (DIGILAB_LANG, else Japanese): each
	 * command line run in one process (the tests' in-process runs) starts from it, not
	 * from an earlier run's {@code --lang}.
	 */
	static void reset() {
		locale = initial();
	}

	public static void use(String lang) {
		if (lang != null) {
			locale = lang.startsWith("en") ? Locale.ENGLISH : Locale.JAPANESE;
		}
	}

	public static Locale locale() {
		return locale;
	}

	public static String get(String key, Object... args) {
		ResourceBundle bundle = ResourceBundle.getBundle("messages", locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		String pattern = bundle.containsKey(key) ? bundle.getString(key) : key;
		return (args.length == 0) ? pattern : new MessageFormat(pattern, locale).format(args);
	}

	/**
	 * A stored reason (English, as the OCR and jobs modules write it) in the user's
	 * language.
	 */
	public static String reason(String reason) {
		// the schedules catalog knows every other catalog too
		return ScheduleReasons.localize(reason, locale);
	}

	/** A field's reasons in the user's language, on one line. */
	public static String reasons(List<String> reasons) {
		return String.join(Locale.JAPANESE.equals(locale) ? "、" : ", ", ScheduleReasons.localize(reasons, locale));
	}

}
