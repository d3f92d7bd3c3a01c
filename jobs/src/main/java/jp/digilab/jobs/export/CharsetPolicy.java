package jp.digilab.jobs.export;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which characters a CSV encoding can hold, and the standard mappings applied before
 * giving up on one. For windows-31j (MS932) these are the well-known differences between
 * the JIS X 0208 and Microsoft mappings of the same Shift_JIS codes: 〜 U+301C → ～ U+FF5E,
 * − U+2212 → － U+FF0D, ‖ U+2016 → ∥ U+2225, — U+2014 → ― U+2015, ¢ → ￠, £ → ￡, ¬ → ￢, ¦ →
 * ￤, and a few more. A mapping is used only when the original character cannot be encoded
 * and the mapped one can.
 */
final class CharsetPolicy {

	static final Map<Integer, Integer> STANDARD_MAPPINGS = Map.ofEntries(Map.entry(0x301C, 0xFF5E), // 〜
																									// →
																									// ～
			Map.entry(0x2212, 0xFF0D), // − → －
			Map.entry(0x2016, 0x2225), // ‖ → ∥
			Map.entry(0x2014, 0x2015), // — → ―
			Map.entry(0x00A2, 0xFFE0), // ¢ → ￠
			Map.entry(0x00A3, 0xFFE1), // £ → ￡
			Map.entry(0x00AC, 0xFFE2), // ¬ → ￢
			Map.entry(0x00A6, 0xFFE4), // ¦ → ￤
			Map.entry(0x00A5, 0xFFE5), // ¥ → ￥
			Map.entry(0x203E, 0xFFE3), // ‾ → ￣
			Map.entry(0x2013, 0xFF0D), // – → －
			Map.entry(0x00A0, 0x0020)); // no-break space → space

	private final Charset charset;

	private final boolean unicode;

	/** For the BMP: can this char be encoded (surrogates handled apart). */
	private final boolean[] encodable;

	private CharsetPolicy(Charset charset) {
		this.charset = charset;
		this.unicode = charset.name().startsWith("UTF");
		this.encodable = new boolean[0x10000];
		CharsetEncoder encoder = charset.newEncoder();
		for (int c = 0; c < 0x10000; c++) {
			this.encodable[c] = !Character.isSurrogate((char) c) && (this.unicode || encoder.canEncode((char) c));
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

	/** The value with the standard mappings applied to characters it cannot encode. */
	String normalize(String value) {
		int bad = firstUnencodable(value, 0);
		if (bad < 0) {
			return value;
		}
		StringBuilder out = new StringBuilder(value.length());
		out.append(value, 0, bad);
		for (int i = bad; i < value.length();) {
			int cp = value.codePointAt(i);
			int len = Character.charCount(cp);
			if (!canEncodeCodePoint(cp)) {
				Integer mapped = STANDARD_MAPPINGS.get(cp);
				if (mapped != null && canEncodeCodePoint(mapped)) {
					cp = mapped;
				}
			}
			out.appendCodePoint(cp);
			i += len;
		}
		return out.toString();
	}

	/** The code points the value still cannot encode, in order; empty when none. */
	List<Integer> unencodable(String value) {
		int bad = firstUnencodable(value, 0);
		if (bad < 0) {
			return List.of();
		}
		List<Integer> found = new ArrayList<>();
		for (int i = bad; i < value.length();) {
			int cp = value.codePointAt(i);
			if (!canEncodeCodePoint(cp)) {
				found.add(cp);
			}
			i += Character.charCount(cp);
		}
		return found;
	}

	/** The value with each unencodable character replaced. */
	String replace(String value, String replacement) {
		int bad = firstUnencodable(value, 0);
		if (bad < 0) {
			return value;
		}
		StringBuilder out = new StringBuilder(value.length());
		out.append(value, 0, bad);
		for (int i = bad; i < value.length();) {
			int cp = value.codePointAt(i);
			if (canEncodeCodePoint(cp)) {
				out.appendCodePoint(cp);
			}
			else {
				out.append(replacement);
			}
			i += Character.charCount(cp);
		}
		return out.toString();
	}

	boolean canEncodeAll(String value) {
		return firstUnencodable(value, 0) < 0;
	}

	/** Index of the first char that is not plainly encodable, or -1 (the fast path). */
	private int firstUnencodable(String value, int from) {
		for (int i = from; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 0x80 && !this.encodable[c]) {
				if (this.unicode && Character.isHighSurrogate(c) && i + 1 < value.length()
						&& Character.isLowSurrogate(value.charAt(i + 1))) {
					i++;
					continue;
				}
				return i;
			}
		}
		return -1;
	}

	private boolean canEncodeCodePoint(int cp) {
		return Character.isSupplementaryCodePoint(cp) ? this.unicode : this.encodable[cp];
	}

	/** {@code 𠮷 U+20BB7}. */
	static String describe(int cp) {
		return new String(Character.toChars(cp)) + " " + String.format("U+%04X", cp);
	}

}
