package jp.digilab.ocr.field;

import java.text.Normalizer;

import jp.digilab.ocr.Reasons;

/**
 * 個人番号 (My Number): 12 digits whose last is a check digit.
 */
public final class MyNumber {

	private MyNumber() {
	}

	/**
	 * Normalise a My Number and check its check digit.
	 * @param raw OCR text
	 * @return the 12 digits
	 */
	public static Normalized normalize(String raw) {
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("[\\s\\-]", "");
		if (s.isEmpty()) {
			return Normalized.ok("");
		}
		if (!s.matches("\\d{12}")) {
			return Normalized.invalid(s, Reasons.MYNUMBER_DIGITS.text());
		}
		if (checkDigit(s.substring(0, 11)) != s.charAt(11) - '0') {
			return Normalized.invalid(s, Reasons.MYNUMBER_CHECK_DIGIT.text());
		}
		return Normalized.ok(s);
	}

	/**
	 * The official check digit (行政手続における特定の個人を識別するための番号の利用等に関する法律施行令 第八条).
	 * @param first11 the first 11 digits
	 * @return the check digit
	 */
	public static int checkDigit(String first11) {
		int sum = 0;
		for (int n = 1; n <= 11; n++) {
			int p = first11.charAt(11 - n) - '0';
			int q = (n <= 6) ? n + 1 : n - 5;
			sum += p * q;
		}
		int remainder = sum % 11;
		return (remainder <= 1) ? 0 : 11 - remainder;
	}

	/**
	 * Mask all but the last 4 characters, for logs and outputs.
	 * @param value a My Number (or anything)
	 * @return e.g. {@code ********1234}
	 */
	public static String mask(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		int keep = Math.min(4, value.length() / 3);
		return "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
	}

}
