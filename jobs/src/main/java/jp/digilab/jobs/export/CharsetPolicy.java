package jp.digilab.jobs.export;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which characters a CSV encoding can hold, and the standard mappings applied before
 * giving up on one. For windows-31j (MS932) these are the well-known differences between
 * the JIS X 0208 and the Microsoft mappings of the same Shift_JIS codes (〜 U+301C → ～
 * U+FF5E, − U+2212 → － U+FF0D, ‖ → ∥, — → ―, ¢ → ￠, …). A mapping is used when the
 * original character cannot be encoded, or is encoded one-way (¥ U+00A5 would be written
 * as 0x5C, which reads back as a backslash) and the mapped one round-trips.
 */
final class CharsetPolicy {

	/** From → to, as code points. */
	static final Map<Integer, Integer> STANDARD_MAPPINGS = mappings(0x301C, 0xFF5E, // 〜 →
																					// ～
			0x2212, 0xFF0D, // − → －
			0x2016, 0x2225, // ‖ → ∥
			0x2014, 0x2015, // — → ―
			0x00A2, 0xFFE0, // ¢ → ￠
			0x00A3, 0xFFE1, // £ → ￡
			0x00AC, 0xFFE2, // ¬ → ￢
			0x00A6, 0xFFE4, // ¦ → ￤
			0x00A5, 0xFFE5, // ¥ → ￥
			0x203E, 0xFFE3, // ‾ → ￣
			0x2013, 0xFF0D, // – → －
			0x00A0, 0x0020); // no-break space → space

	private final Charset charset;

	private final boolean unicode;

	/** One bit per BMP char: the encoder can write it. 8 KB, so it stays in cache. */
	private final long[] encodable;

	/** One bit per BMP char: it is written and reads back as itself (the fast path). */
	private final long[] plain;

	private CharsetPolicy(Charset charset) {
		this.charset = charset;
		this.unicode = charset.name().startsWith("UTF");
		this.encodable = new long[0x10000 / 64];
		this.plain = new long[0x10000 / 64];
		CharsetEncoder encoder = charset.newEncoder();
		for (int c = 0; c < 0x10000; c++) {
			char ch = (char) c;
			if (Character.isSurrogate(ch)) {
				continue;
			}
			if (this.unicode || encoder.canEncode(ch)) {
				this.encodable[c >>> 6] |= 1L << c;
				String text = String.valueOf(ch);
				if (this.unicode || new String(text.getBytes(charset), charset).equals(text)) {
					this.plain[c >>> 6] |= 1L << c;
				}
			}
		}
	}

	private static final class Cache {

		static final CharsetPolicy UTF_8 = new CharsetPolicy(StandardCharsets.UTF_8);

		static final CharsetPolicy WINDOWS_31J = new CharsetPolicy(Charset.forName("windows-31j"));

	}

	static CharsetPolicy forCharset(String name) {
		return name.equalsIgnoreCase("windows-31j") ? Cache.WINDOWS_31J : Cache.UTF_8;
	}

	Charset charset() {
		return this.charset;
	}

	boolean isUnicode() {
		return this.unicode;
	}

	/**
	 * Whether every character is written and reads back as itself, so that nothing needs
	 * doing. UTF-8 holds every character: nothing is scanned (a lone surrogate, a broken
	 * string rather than a character, is written as {@code ?} by the writer).
	 */
	boolean isPlain(String value) {
		if (this.unicode) {
			return true;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 0x80 && !bit(this.plain, c)) {
				return false;
			}
		}
		return true;
	}

	/** The value with the standard mappings applied where they are needed. */
	String normalize(String value) {
		if (isPlain(value)) {
			return value;
		}
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length();) {
			int cp = value.codePointAt(i);
			if (!isPlain(cp)) {
				Integer mapped = STANDARD_MAPPINGS.get(cp);
				if (mapped != null && isPlain(mapped)) {
					cp = mapped;
				}
			}
			out.appendCodePoint(cp);
			i += Character.charCount(cp);
		}
		return out.toString();
	}

	/** Whether the encoder can write every character (some perhaps one-way). */
	boolean canEncodeAll(String value) {
		return this.unicode || unencodable(value).isEmpty();
	}

	/** The code points the encoder cannot write, in order; empty when none. */
	List<Integer> unencodable(String value) {
		if (isPlain(value)) {
			return List.of();
		}
		List<Integer> found = new ArrayList<>();
		for (int i = 0; i < value.length();) {
			int cp = value.codePointAt(i);
			if (!canEncode(cp)) {
				found.add(cp);
			}
			i += Character.charCount(cp);
		}
		return found;
	}

	/** The value with each character the encoder cannot write replaced. */
	String replace(String value, String replacement) {
		if (isPlain(value)) {
			return value;
		}
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length();) {
			int cp = value.codePointAt(i);
			if (canEncode(cp)) {
				out.appendCodePoint(cp);
			}
			else {
				out.append(replacement);
			}
			i += Character.charCount(cp);
		}
		return out.toString();
	}

	private boolean isPlain(int cp) {
		return Character.isSupplementaryCodePoint(cp) ? this.unicode : bit(this.plain, (char) cp);
	}

	private boolean canEncode(int cp) {
		return Character.isSupplementaryCodePoint(cp) ? this.unicode : bit(this.encodable, (char) cp);
	}

	private static boolean bit(long[] bits, char c) {
		return (bits[c >>> 6] & (1L << c)) != 0;
	}

	/** {@code 𠮷 U+20BB7}. */
	static String describe(int cp) {
		return new String(Character.toChars(cp)) + " " + String.format("U+%04X", cp);
	}

	private static Map<Integer, Integer> mappings(int... pairs) {
		Map<Integer, Integer> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return Map.copyOf(map);
	}

}
