package jp.digilab.ocr.field;

import java.math.BigInteger;
import java.text.Normalizer;
import java.util.regex.Pattern;

import jp.digilab.ocr.Reasons;

/**
 * Normalisers for {@code digits}, {@code integer} and {@code money} fields.
 */
public final class Numbers {

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	private static final Pattern INTEGER = Pattern.compile("-?\\d+");

	private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+|-?\\d+");

	/** Digits with commas that are not thousands separators (7870,000). */
	private static final Pattern LOOSE_GROUPS = Pattern.compile("-?\\d+(,\\d+)+");

	private static final Pattern COUNTER_SUFFIX = Pattern.compile("(通|枚|部|件|人|名|個|冊|回|歳|才|部数)$");

	private Numbers() {
	}

	private static boolean looselyGrouped(String s) {
		return LOOSE_GROUPS.matcher(s).matches() && !GROUPED.matcher(s).matches();
	}

	static String clean(String raw) {
		return Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("\\s+", "");
	}

	/**
	 * Normalise a {@code digits} field (a code made of digits; leading zeros kept).
	 * @param raw OCR text
	 * @return the digits
	 */
	public static Normalized digits(String raw) {
		String s = clean(raw);
		if (s.isEmpty() || DIGITS.matcher(s).matches()) {
			return Normalized.ok(s);
		}
		return Normalized.invalid(s, Reasons.NOT_DIGITS.text());
	}

	/**
	 * Normalise an {@code integer} field: thousands separators and a counter suffix
	 * ({@code 2通}) removed, leading zeros dropped.
	 * @param raw OCR text
	 * @return the integer
	 */
	public static Normalized integer(String raw) {
		String s = COUNTER_SUFFIX.matcher(clean(raw)).replaceAll("");
		if (s.isEmpty()) {
			return Normalized.ok("");
		}
		if (looselyGrouped(s)) {
			// the digits are right, a separator was lost or misread: keep the number, but
			// as doubtful
			return Normalized.invalid(new BigInteger(s.replace(",", "")).toString(),
					Reasons.MISPLACED_SEPARATOR.text());
		}
		if (!GROUPED.matcher(s).matches()) {
			return Normalized.invalid(s, Reasons.NOT_INTEGER.text());
		}
		return Normalized.ok(new BigInteger(s.replace(",", "")).toString());
	}

	/**
	 * Normalise a {@code money} field: {@code ¥1,200-}, {@code 金1200円也} → {@code 1200}.
	 * @param raw OCR text
	 * @return the amount in yen
	 */
	public static Normalized money(String raw) {
		String s = clean(raw).replace('\\', '¥');
		s = s.replaceAll("^(金)?¥?", "").replaceAll("(円也|円|也|-|\\.-|ー)$", "");
		if (s.isEmpty()) {
			return Normalized.ok("");
		}
		if (looselyGrouped(s)) {
			return Normalized.invalid(new BigInteger(s.replace(",", "")).toString(),
					Reasons.MISPLACED_SEPARATOR.text());
		}
		if (!GROUPED.matcher(s).matches() || !INTEGER.matcher(s.replace(",", "")).matches()) {
			return Normalized.invalid(clean(raw), Reasons.NOT_AMOUNT.text());
		}
		return Normalized.ok(new BigInteger(s.replace(",", "")).toString());
	}

}
