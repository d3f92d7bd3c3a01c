package jp.digilab.ocr.template;

import java.util.Locale;
import java.util.Map;

/**
 * Paper size of a form in millimetres.
 *
 * @param name A4, A3, B4, B5, Letter, or "custom"
 * @param width width in mm
 * @param height height in mm
 */
public record Paper(String name, double width, double height) {

	private static final Map<String, Paper> KNOWN = Map.of("A4", new Paper("A4", 210, 297), "A3",
			new Paper("A3", 297, 420), "B4", new Paper("B4", 257, 364), "B5", new Paper("B5", 182, 257), "LETTER",
			new Paper("Letter", 215.9, 279.4));

	public static final Paper A4 = KNOWN.get("A4");

	/**
	 * Look up a named size (JIS B sizes).
	 * @param name the name, any case
	 * @return the paper, or {@code null} when the name is unknown
	 */
	public static Paper named(String name) {
		return KNOWN.get(name.strip().toUpperCase(Locale.ROOT));
	}

}
