package jp.digilab.ocr.field;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The field types of a template, each with its OCR whitelist and normaliser. Whitelists
 * hold the space: Tesseract's LSTM outputs spaces between printed groups, and without it
 * in the whitelist a line such as {@code 1234 5678 9012} comes back joined with a
 * confidence of 0.
 */
public enum FieldType {

	TEXT(null, (raw) -> Normalized.ok(JapaneseText.text(raw))),

	/**
	 * Read without a whitelist: with one, Tesseract's LSTM confuses シ/ン and doubles
	 * characters; the normaliser maps hiragana and look-alike kanji instead.
	 */
	KATAKANA(null, JapaneseText::katakana),

	DIGITS(Whitelists.DIGITS + " ", Numbers::digits),

	INTEGER(Whitelists.DIGITS + ",- ", Numbers::integer),

	MONEY(Whitelists.DIGITS + ",¥￥円 ", Numbers::money),

	DATE(Whitelists.DIGITS + "年月日令和平成昭和大正明治元./- ", JapaneseDate::normalize),

	POSTAL(Whitelists.DIGITS + "-〒 ", Contacts::postal),

	PHONE(Whitelists.DIGITS + "-() ", Contacts::phone),

	EMAIL(Whitelists.EMAIL, Contacts::email),

	/** Read by ink; the value is {@code true} or {@code false}. */
	CHECKBOX(null, Normalized::ok),

	/** Read by ink of each option's box; the value is the option's value. */
	CHOICE(null, Normalized::ok),

	MYNUMBER(Whitelists.DIGITS + " ", MyNumber::normalize);

	private final String whitelist;

	private final Function<String, Normalized> normalizer;

	FieldType(String whitelist, Function<String, Normalized> normalizer) {
		this.whitelist = whitelist;
		this.normalizer = normalizer;
	}

	/**
	 * Find a type by its name in templates.
	 * @param name e.g. {@code date}
	 * @return the type, or empty when there is none by that name
	 */
	public static Optional<FieldType> of(String name) {
		if (name == null) {
			return Optional.empty();
		}
		return Arrays.stream(values())
			.filter((type) -> type.id().equals(name.strip().toLowerCase(Locale.ROOT)))
			.findFirst();
	}

	public static String names() {
		return Arrays.stream(values()).map(FieldType::id).collect(Collectors.joining(", "));
	}

	/**
	 * The type's name in templates.
	 * @return e.g. {@code date}
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The characters OCR may return for this type.
	 * @return the whitelist, or {@code null} for no restriction
	 */
	public String whitelist() {
		return this.whitelist;
	}

	/**
	 * Whether the field is read from ink rather than OCR.
	 * @return true for checkbox and choice
	 */
	public boolean byInk() {
		return this == CHECKBOX || this == CHOICE;
	}

	/**
	 * Normalise and validate OCR text.
	 * @param raw OCR text
	 * @return the value
	 */
	public Normalized normalize(String raw) {
		return this.normalizer.apply((raw != null) ? raw : "");
	}

	private static final class Whitelists {

		static final String DIGITS = "0123456789";

		static final String EMAIL = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@._-+";

	}

}
