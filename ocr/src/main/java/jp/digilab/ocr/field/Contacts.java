package jp.digilab.ocr.field;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import jp.digilab.ocr.Reasons;

/**
 * Normalisers for {@code postal}, {@code phone} and {@code email} fields.
 */
public final class Contacts {

	private static final String DASHES = "[\\-‐‑‒–—―−ーｰ－]";

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)+");

	private static final Pattern MOBILE = Pattern.compile("0[5-9]0\\d{8}");

	private Contacts() {
	}

	/**
	 * Normalise a postal code: 〒, spaces and any dash removed, 7 digits →
	 * {@code 803-8501}.
	 * @param raw OCR text
	 * @return the postal code
	 */
	public static Normalized postal(String raw) {
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("\\s+", "").replace("〒", "");
		String digits = s.replaceAll(DASHES, "");
		if (digits.isEmpty()) {
			return Normalized.ok("");
		}
		if (!digits.matches("\\d{7}")) {
			return Normalized.invalid(s, Reasons.POSTAL_DIGITS.text());
		}
		return Normalized.ok(digits.substring(0, 3) + "-" + digits.substring(3));
	}

	/**
	 * Normalise a Japanese phone number. Hyphenation as printed is kept (parentheses
	 * become hyphens: {@code (093)582-2102} → {@code 093-582-2102}); a number printed
	 * without hyphens gets the usual grouping (mobile 3-4-4, 0120 4-3-3, Tokyo/Osaka
	 * 2-4-4, other 10-digit numbers 3-3-4).
	 * @param raw OCR text
	 * @return the number, valid with 10 or 11 digits starting with 0
	 */
	public static Normalized phone(String raw) {
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("\\s+", "");
		s = s.replaceAll("^(TEL|Tel|tel|電話)[:.]?", "").replaceAll(DASHES, "-");
		if (s.startsWith("+81")) {
			s = "0" + s.substring(3).replaceAll("^-", "");
		}
		s = s.replaceAll("^\\(", "").replaceAll("[()]", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
		String digits = s.replace("-", "");
		if (digits.isEmpty()) {
			return Normalized.ok("");
		}
		if (!digits.matches("\\d+")) {
			return Normalized.invalid(s, Reasons.NOT_PHONE.text());
		}
		if (digits.length() < 10 || digits.length() > 11 || digits.charAt(0) != '0') {
			return Normalized.invalid(s, Reasons.PHONE_DIGITS.text());
		}
		if (s.contains("-")) {
			return Normalized.ok(s);
		}
		return Normalized.ok(group(digits));
	}

	private static String group(String d) {
		if (d.length() == 11 && MOBILE.matcher(d).matches()) {
			return d.substring(0, 3) + "-" + d.substring(3, 7) + "-" + d.substring(7);
		}
		if (d.length() == 11) {
			return d.substring(0, 4) + "-" + d.substring(4, 7) + "-" + d.substring(7);
		}
		if (d.startsWith("0120") || d.startsWith("0570") || d.startsWith("0800")) {
			return d.substring(0, 4) + "-" + d.substring(4, 7) + "-" + d.substring(7);
		}
		if (d.startsWith("03") || d.startsWith("06")) {
			return d.substring(0, 2) + "-" + d.substring(2, 6) + "-" + d.substring(6);
		}
		return d.substring(0, 3) + "-" + d.substring(3, 6) + "-" + d.substring(6);
	}

	/**
	 * Normalise an e-mail address (spaces removed, domain in lower case).
	 * @param raw OCR text
	 * @return the address
	 */
	public static Normalized email(String raw) {
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("\\s+", "");
		if (s.isEmpty()) {
			return Normalized.ok("");
		}
		int at = s.lastIndexOf('@');
		if (at > 0) {
			s = s.substring(0, at) + s.substring(at).toLowerCase(Locale.ROOT);
		}
		if (!EMAIL.matcher(s).matches()) {
			return Normalized.invalid(s, Reasons.NOT_EMAIL.text());
		}
		return Normalized.ok(s);
	}

}
