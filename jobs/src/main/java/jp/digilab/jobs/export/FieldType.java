package jp.digilab.jobs.export;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a template field type is written: free text, a code kept as text (leading zeros), a
 * number, a date or a checkbox.
 */
enum FieldType {

	TEXT(Kind.TEXT, null), KATAKANA(Kind.TEXT, null), EMAIL(Kind.TEXT, null), CHOICE(Kind.TEXT, null),
	DIGITS(Kind.CODE, "[0-9][0-9 \\-]*"), POSTAL(Kind.CODE, "[0-9][0-9\\-]*"),
	PHONE(Kind.CODE, "\\+?[0-9(][0-9()\\- ]*"), MYNUMBER(Kind.CODE, "[0-9*][0-9* ]*"), INTEGER(Kind.NUMBER, "-?[0-9]+"),
	MONEY(Kind.NUMBER, "-?[0-9]+(\\.[0-9]+)?"), DATE(Kind.DATE, "[0-9]{4}-[0-9]{2}-[0-9]{2}"),
	CHECKBOX(Kind.BOOLEAN, "true|false");

	enum Kind {

		TEXT, CODE, NUMBER, DATE, BOOLEAN

	}

	private final Kind kind;

	private final Pattern shape;

	FieldType(Kind kind, String shape) {
		this.kind = kind;
		this.shape = (shape != null) ? Pattern.compile(shape) : null;
	}

	Kind kind() {
		return this.kind;
	}

	/**
	 * Whether the value has the shape of its type ({@code -1200} for money,
	 * {@code +81-93-582-2111} for a phone); free text never has one.
	 */
	boolean isWellFormed(String value) {
		return this.shape != null && this.shape.matcher(value).matches();
	}

	/** Unknown types (added to templates later) are written as text. */
	static FieldType of(String type) {
		if (type == null) {
			return TEXT;
		}
		try {
			return valueOf(type.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return TEXT;
		}
	}

	/** {@code 123456789012} → {@code ********9012}. */
	static String maskMyNumber(String value) {
		int keep = Math.min(4, value.length());
		return "*".repeat(Math.max(8, value.length() - keep)) + value.substring(value.length() - keep);
	}

}
