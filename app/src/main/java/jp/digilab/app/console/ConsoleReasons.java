package jp.digilab.app.console;

import java.util.List;
import java.util.Locale;

import jp.digilab.schedules.definition.ScheduleReasons;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Stored reasons (English, as the OCR, jobs and schedules modules write them) in the
 * console user's language, for the pages: {@code ${@reasons.text(file.error())}}. The
 * REST API keeps the stored text.
 */
@Component("reasons")
public class ConsoleReasons {

	/** One reason, or a file's line of reasons, in the user's language. */
	public String text(String reason) {
		return ScheduleReasons.localize(reason, LocaleContextHolder.getLocale());
	}

	/** A field's reasons in the user's language, on one line. */
	public String joined(List<String> reasons) {
		Locale locale = LocaleContextHolder.getLocale();
		String separator = Locale.JAPANESE.getLanguage().equals(locale.getLanguage()) ? "、" : ", ";
		return String.join(separator, ScheduleReasons.localize(reasons, locale));
	}

}
