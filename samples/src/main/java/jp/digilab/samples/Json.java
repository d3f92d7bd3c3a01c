package jp.digilab.samples;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Just enough JSON for the samples (no library): flat objects of strings, and objects of
 * such objects.
 */
public final class Json {

	private Json() {
	}

	/**
	 * A flat object of strings on one line.
	 * @param map the values
	 * @return the JSON text
	 */
	public static String object(Map<String, String> map) {
		StringBuilder sb = new StringBuilder("{");
		map.forEach((k, v) -> {
			if (sb.length() > 1) {
				sb.append(", ");
			}
			sb.append(string(k)).append(": ").append(string(v));
		});
		return sb.append('}').toString();
	}

	/**
	 * An object of flat objects, one member a line.
	 * @param objects the objects by key
	 * @return the JSON text, ending with a new line
	 */
	public static String objects(Map<String, Map<String, String>> objects) {
		StringBuilder sb = new StringBuilder("{\n");
		int i = 0;
		for (Map.Entry<String, Map<String, String>> e : objects.entrySet()) {
			sb.append("  ").append(string(e.getKey())).append(": ").append(object(e.getValue()));
			sb.append((++i < objects.size()) ? ",\n" : "\n");
		}
		return sb.append("}\n").toString();
	}

	/**
	 * A JSON string literal.
	 * @param s the text (null gives {@code null})
	 * @return the literal
	 */
	public static String string(String s) {
		if (s == null) {
			return "null";
		}
		StringBuilder sb = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.append('"').toString();
	}

	/**
	 * Parse a flat object of strings (other scalars are kept as their text, null as
	 * null).
	 * @param json the JSON text
	 * @return the members in order
	 * @throws IllegalArgumentException if the text is not such an object
	 */
	public static Map<String, String> parseObject(String json) {
		Parser p = new Parser(json);
		Map<String, String> map = p.flatObject();
		p.end();
		return map;
	}

	/**
	 * Parse an object of flat objects, as {@link #objects(Map)} writes it.
	 * @param json the JSON text
	 * @return the objects by key, in order
	 * @throws IllegalArgumentException if the text is not such an object
	 */
	public static Map<String, Map<String, String>> parseObjects(String json) {
		Parser p = new Parser(json);
		Map<String, Map<String, String>> map = new LinkedHashMap<>();
		p.expect('{');
		if (p.peek() == '}') {
			p.next();
		}
		else {
			while (true) {
				String key = p.string();
				p.expect(':');
				map.put(key, p.flatObject());
				char c = p.next();
				if (c == '}') {
					break;
				}
				if (c != ',') {
					throw p.error("',' or '}' expected");
				}
			}
		}
		p.end();
		return map;
	}

	private static final class Parser {

		private final String s;

		private int i;

		Parser(String s) {
			this.s = s;
		}

		Map<String, String> flatObject() {
			Map<String, String> map = new LinkedHashMap<>();
			expect('{');
			if (peek() == '}') {
				this.i++;
				return map;
			}
			while (true) {
				String key = string();
				expect(':');
				map.put(key, scalar());
				char c = next();
				if (c == '}') {
					return map;
				}
				if (c != ',') {
					throw error("',' or '}' expected");
				}
			}
		}

		void end() {
			if (peek() != 0) {
				throw error("end expected");
			}
		}

		private String scalar() {
			char c = peek();
			if (c == '"') {
				return string();
			}
			int start = this.i;
			while (this.i < this.s.length() && ",}] \t\r\n".indexOf(this.s.charAt(this.i)) < 0) {
				this.i++;
			}
			String word = this.s.substring(start, this.i);
			if (word.isEmpty()) {
				throw error("value expected");
			}
			return "null".equals(word) ? null : word;
		}

		private String string() {
			expect('"');
			StringBuilder sb = new StringBuilder();
			while (true) {
				if (this.i >= this.s.length()) {
					throw error("unterminated string");
				}
				char c = this.s.charAt(this.i++);
				if (c == '"') {
					return sb.toString();
				}
				if (c != '\\') {
					sb.append(c);
					continue;
				}
				char e = this.s.charAt(this.i++);
				switch (e) {
					case 'n' -> sb.append('\n');
					case 'r' -> sb.append('\r');
					case 't' -> sb.append('\t');
					case 'b' -> sb.append('\b');
					case 'f' -> sb.append('\f');
					case 'u' -> {
						sb.append((char) Integer.parseInt(this.s.substring(this.i, this.i + 4), 16));
						this.i += 4;
					}
					default -> sb.append(e);
				}
			}
		}

		private void expect(char c) {
			if (next() != c) {
				throw error("'" + c + "' expected");
			}
		}

		private char next() {
			char c = peek();
			this.i++;
			return c;
		}

		private char peek() {
			while (this.i < this.s.length() && Character.isWhitespace(this.s.charAt(this.i))) {
				this.i++;
			}
			return (this.i < this.s.length()) ? this.s.charAt(this.i) : 0;
		}

		private IllegalArgumentException error(String what) {
			return new IllegalArgumentException(what + " at " + this.i);
		}

	}

}
