package jp.digilab.ocr.field;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;

import jp.digilab.ocr.Reasons;

/**
 * Normalisers for Japanese text: OCR spacing, width, kana.
 */
public final class JapaneseText {

	/**
	 * Ideographic space: the separator people type (and the pipeline keeps) on purpose.
	 */
	public static final char IDEOGRAPHIC_SPACE = '\u3000';

	private static final Pattern KATAKANA = Pattern.compile("[\\p{InKatakana}ー・ ]+");

	private static final Map<Character, Character> KATAKANA_LOOKALIKES = Map.ofEntries(Map.entry('口', 'ロ'),
			Map.entry('工', 'エ'), Map.entry('力', 'カ'), Map.entry('夕', 'タ'), Map.entry('卜', 'ト'), Map.entry('二', 'ニ'),
			Map.entry('八', 'ハ'), Map.entry('才', 'オ'), Map.entry('一', 'ー'), Map.entry('-', 'ー'), Map.entry('‐', 'ー'),
			Map.entry('−', 'ー'), Map.entry('―', 'ー'), Map.entry('—', 'ー'), Map.entry('～', 'ー'), Map.entry('〜', 'ー'));

	private static final Map<Character, Character> KANJI_LOOKALIKES = Map.of('ニ', '二', 'カ', '力', 'ロ', '口', 'エ', '工',
			'ハ', '八', 'タ', '夕', 'ー', '一');

	private JapaneseText() {
	}

	/**
	 * Whether a character is Japanese script or full-width (Tesseract puts spaces between
	 * them that were never printed).
	 * @param cp a code point
	 * @return true for kanji, kana, CJK punctuation and full-width forms
	 */
	public static boolean isCjk(int cp) {
		Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
		return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || block == Character.UnicodeBlock.HIRAGANA
				|| block == Character.UnicodeBlock.KATAKANA
				|| block == Character.UnicodeBlock.KATAKANA_PHONETIC_EXTENSIONS
				|| block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
				|| block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
	}

	/**
	 * Remove the spaces OCR puts next to Japanese characters; an ideographic space
	 * (U+3000) is kept as one intended separator.
	 * @param text OCR text
	 * @return text without the spurious spaces
	 */
	public static String removeOcrSpaces(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		int n = text.length();
		while (i < n) {
			char c = text.charAt(i);
			if (isOcrSpace(c)) {
				int j = i;
				while (j < n && isOcrSpace(text.charAt(j))) {
					j++;
				}
				int before = (out.length() > 0) ? out.codePointBefore(out.length()) : -1;
				int after = (j < n) ? text.codePointAt(j) : -1;
				boolean drop = before == -1 || after == -1 || before == IDEOGRAPHIC_SPACE || after == IDEOGRAPHIC_SPACE
						|| isCjk(before) || isCjk(after);
				if (!drop) {
					out.append(' ');
				}
				i = j;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

	private static boolean isOcrSpace(char c) {
		return c != IDEOGRAPHIC_SPACE && Character.isWhitespace(c);
	}

	/**
	 * Normalise a {@code text} field: OCR spaces removed, NFKC, runs of spaces collapsed,
	 * katakana that look like kanji read as the kanji when kanji surround them.
	 * @param raw OCR text
	 * @return the value
	 */
	public static String text(String raw) {
		String s = Normalizer.normalize(removeOcrSpaces(raw), Normalizer.Form.NFKC);
		return kanjiLookalikes(s.replaceAll("\\s+", " ").strip());
	}

	/**
	 * Katakana read where the kanji they resemble were printed: a run of look-alikes (ニ,
	 * カ, ロ, エ, ハ, タ, ー) between two kanji, or after a kanji at the end of the text, is
	 * the kanji (雄ー郎 → 雄一郎, 徳カニ丁目 → 徳力二丁目, 浩ニ → 浩二). Japanese never writes a lone
	 * katakana inside a kanji word, so the mapping is right by type; other katakana
	 * (マンション, ハイツ) are left alone because the run must hold look-alikes only.
	 * @param s NFKC text
	 * @return the text with the look-alikes mapped
	 */
	static String kanjiLookalikes(String s) {
		StringBuilder out = new StringBuilder(s);
		int i = 0;
		while (i < out.length()) {
			if (!KANJI_LOOKALIKES.containsKey(out.charAt(i))) {
				i++;
				continue;
			}
			int end = i;
			while (end < out.length() && KANJI_LOOKALIKES.containsKey(out.charAt(end))) {
				end++;
			}
			boolean kanjiBefore = i > 0 && isKanji(out.charAt(i - 1));
			boolean kanjiAfter = end < out.length() && isKanji(out.charAt(end));
			boolean atEnd = end == out.length() && end - i == 1;
			if (kanjiBefore && (kanjiAfter || atEnd)) {
				for (int k = i; k < end; k++) {
					out.setCharAt(k, KANJI_LOOKALIKES.get(out.charAt(k)));
				}
			}
			i = end;
		}
		return out.toString();
	}

	private static boolean isKanji(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	/**
	 * Convert hiragana to katakana (other characters unchanged).
	 * @param s the text
	 * @return the text in katakana
	 */
	public static String toKatakana(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			out.append((c >= '\u3041' && c <= '\u3096') ? (char) (c + 0x60) : c);
		}
		return out.toString();
	}

	/**
	 * Normalise a {@code katakana} field: half-width to full-width, hiragana to katakana,
	 * OCR spaces removed, look-alike kanji mapped to the katakana they resemble.
	 * @param raw OCR text
	 * @return the value, valid only when it is katakana (and ー, ・, one space)
	 */
	public static Normalized katakana(String raw) {
		String s = toKatakana(Normalizer.normalize(removeOcrSpaces(raw), Normalizer.Form.NFKC));
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			Character mapped = KATAKANA_LOOKALIKES.get(c);
			out.append((mapped != null) ? mapped : c);
		}
		String value = out.toString().replaceAll("\\s+", " ").strip();
		if (value.isEmpty() || KATAKANA.matcher(value).matches()) {
			return Normalized.ok(value);
		}
		return Normalized.invalid(value, Reasons.NOT_KATAKANA.text());
	}

	/**
	 * NFKC with all whitespace removed: the form used to compare printed words.
	 * @param s text
	 * @return the compact form
	 */
	public static String compact(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
	}

}
