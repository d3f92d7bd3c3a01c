package jp.digilab.jobs.export;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code outputs.csv} map of a job definition; {@code csv: true} means
 * {@link #DEFAULT}. See {@code docs/outputs.md}.
 *
 * @param encoding {@code utf-8-bom} (default), {@code utf-8} or {@code windows-31j} (also
 * accepted: {@code shift_jis}, {@code sjis}, {@code ms932}, {@code cp932}, which all mean
 * windows-31j)
 * @param unmappable what to do with a character the encoding cannot hold after the
 * standard mappings: {@code normalize-then-fail} (default; the record is left out and
 * reported) or {@code replace} (written with {@link #replacement})
 * @param lineEnding {@code crlf} (default) or {@code lf}
 * @param header write a header row (default true)
 * @param columns the column mapping; null for every field in template order with its
 * label, then status, file, pages and key
 * @param replacement what {@code replace} writes for an unencodable character (default
 * {@code ?})
 */
public record CsvSpec(String encoding, String unmappable, String lineEnding, boolean header,
		List<CsvColumnSpec> columns, String replacement) {

	public static final String UTF_8_BOM = "utf-8-bom";

	public static final String UTF_8 = "utf-8";

	public static final String WINDOWS_31J = "windows-31j";

	public static final String FAIL = "normalize-then-fail";

	public static final String REPLACE = "replace";

	/** UTF-8 with BOM, CRLF, header, all fields. */
	public static final CsvSpec DEFAULT = new CsvSpec(null, null, null, true, null, null);

	public CsvSpec {
		encoding = encoding(encoding);
		unmappable = unmappable(unmappable);
		lineEnding = lineEnding(lineEnding);
		columns = (columns != null) ? List.copyOf(columns) : null;
		replacement = (replacement != null) ? replacement : "?";
	}

	public CsvSpec(String encoding, String unmappable, String lineEnding, boolean header, List<CsvColumnSpec> columns) {
		this(encoding, unmappable, lineEnding, header, columns, null);
	}

	@JsonCreator
	static CsvSpec fromYaml(@JsonProperty("encoding") String encoding, @JsonProperty("unmappable") String unmappable,
			@JsonProperty("lineEnding") String lineEnding, @JsonProperty("header") Boolean header,
			@JsonProperty("columns") List<CsvColumnSpec> columns, @JsonProperty("replacement") String replacement) {
		return new CsvSpec(encoding, unmappable, lineEnding, header == null || header, columns, replacement);
	}

	/** {@code csv: true} is the defaults, {@code csv: false} no CSV. */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static CsvSpec fromYaml(boolean enabled) {
		return enabled ? DEFAULT : null;
	}

	/** The Java charset name. */
	public String charsetName() {
		return this.encoding.equals(WINDOWS_31J) ? "windows-31j" : "UTF-8";
	}

	public boolean bom() {
		return this.encoding.equals(UTF_8_BOM);
	}

	public boolean replaceUnmappable() {
		return this.unmappable.equals(REPLACE);
	}

	public String recordSeparator() {
		return this.lineEnding.equals("lf") ? "\n" : "\r\n";
	}

	private static String encoding(String value) {
		if (value == null) {
			return UTF_8_BOM;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "utf-8-bom", "utf8-bom", "utf-8-sig" -> UTF_8_BOM;
			case "utf-8", "utf8" -> UTF_8;
			case "windows-31j", "shift_jis", "shift-jis", "sjis", "ms932", "cp932" -> WINDOWS_31J;
			default -> throw new IllegalArgumentException(
					"outputs.csv.encoding: unknown '" + value + "' (utf-8-bom, utf-8, windows-31j)");
		};
	}

	private static String unmappable(String value) {
		if (value == null) {
			return FAIL;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case FAIL, "fail" -> FAIL;
			case REPLACE -> REPLACE;
			default -> throw new IllegalArgumentException(
					"outputs.csv.unmappable: unknown '" + value + "' (normalize-then-fail, replace)");
		};
	}

	private static String lineEnding(String value) {
		if (value == null) {
			return "crlf";
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "crlf" -> "crlf";
			case "lf" -> "lf";
			default -> throw new IllegalArgumentException("outputs.csv.lineEnding: unknown '" + value + "' (crlf, lf)");
		};
	}

}
