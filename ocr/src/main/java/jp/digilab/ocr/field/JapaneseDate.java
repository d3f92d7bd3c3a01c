package jp.digilab.ocr.field;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.digilab.ocr.Reasons;

/**
 * Dates in 和暦 (令和/平成/昭和/大正/明治, also 元年 and R/H/S/T/M) and 西暦 to ISO 8601.
 */
public final class JapaneseDate {

	/**
	 * A Japanese era.
	 *
	 * @param name the era name
	 * @param letter its one-letter abbreviation
	 * @param first its first day
	 * @param last its last day, or {@code null} for the current era
	 */
	public record Era(String name, char letter, LocalDate first, LocalDate last) {

		int toGregorian(int eraYear) {
			return this.first.getYear() + eraYear - 1;
		}

	}

	public static final List<Era> ERAS = List.of(new Era("令和", 'R', LocalDate.of(2019, 5, 1), null),
			new Era("平成", 'H', LocalDate.of(1989, 1, 8), LocalDate.of(2019, 4, 30)),
			new Era("昭和", 'S', LocalDate.of(1926, 12, 25), LocalDate.of(1989, 1, 7)),
			new Era("大正", 'T', LocalDate.of(1912, 7, 30), LocalDate.of(1926, 12, 24)),
			new Era("明治", 'M', LocalDate.of(1868, 1, 25), LocalDate.of(1912, 7, 29)));

	private static final String SEP = "[年./\\-]";

	private static final Pattern WAREKI = Pattern.compile(
			"(令和|平成|昭和|大正|明治|[RHSTM])\\.?(元|\\d{1,2})" + SEP + "(\\d{1,2})[月./\\-](\\d{1,2})日?(生まれ|生)?",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SEIREKI = Pattern
		.compile("(?:西暦)?(\\d{4})" + SEP + "(\\d{1,2})[月./\\-](\\d{1,2})日?(生まれ|生)?");

	private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private JapaneseDate() {
	}

	/**
	 * Normalise a {@code date} field.
	 * @param raw OCR text, e.g. {@code 令和元年5月1日}, {@code H31.4.30}, {@code 2025/4/1}
	 * @return the ISO date (valid), or the cleaned text with a reason (invalid)
	 */
	public static Normalized normalize(String raw) {
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("\\s+", "").replace('〇', '0');
		if (s.isEmpty()) {
			return Normalized.ok("");
		}
		Matcher m = WAREKI.matcher(s);
		if (m.matches()) {
			Era era = era(m.group(1));
			int eraYear = "元".equals(m.group(2)) ? 1 : Integer.parseInt(m.group(2));
			if (eraYear < 1) {
				return Normalized.invalid(s, Reasons.NO_YEAR_ZERO.text());
			}
			return check(s, era.toGregorian(eraYear), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), era);
		}
		m = SEIREKI.matcher(s);
		if (!m.matches()) {
			m = COMPACT.matcher(s);
		}
		if (m.matches()) {
			return check(s, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
					null);
		}
		return Normalized.invalid(s, Reasons.NOT_DATE.text());
	}

	private static Era era(String token) {
		String upper = token.toUpperCase(Locale.ROOT);
		return ERAS.stream()
			.filter((era) -> era.name().equals(token) || upper.equals(String.valueOf(era.letter())))
			.findFirst()
			.orElseThrow();
	}

	private static Normalized check(String cleaned, int year, int month, int day, Era era) {
		LocalDate date;
		try {
			date = LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			return Normalized.invalid(cleaned, Reasons.NOT_REAL_DATE.text(year + "-" + month + "-" + day));
		}
		String iso = date.toString();
		if (era != null && date.isBefore(era.first())) {
			return Normalized.invalid(iso, Reasons.ERA_NOT_BEGUN.text(era.name(), era.first()));
		}
		if (era != null && era.last() != null && date.isAfter(era.last())) {
			return Normalized.invalid(iso, Reasons.ERA_ENDED.text(era.name(), era.last()));
		}
		if (year < 1868 || year > 2200) {
			return Normalized.invalid(iso, Reasons.YEAR_OUT_OF_RANGE.text(year));
		}
		return Normalized.ok(iso);
	}

}
