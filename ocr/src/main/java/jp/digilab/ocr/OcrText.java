package jp.digilab.ocr;

import java.util.List;

/**
 * What an {@link OcrEngine} read from one image.
 *
 * @param text the text as the engine returned it (lines separated by '\n')
 * @param confidence mean word confidence, 0–1 (0 when nothing was read)
 * @param words the words with their boxes, in reading order (may be empty for engines
 * that do not report layout)
 */
public record OcrText(String text, double confidence, List<OcrWord> words) {

	public OcrText {
		text = (text != null) ? text : "";
		words = (words != null) ? List.copyOf(words) : List.of();
	}

	public static OcrText empty() {
		return new OcrText("", 0, List.of());
	}

	public static OcrText of(String text, double confidence) {
		return new OcrText(text, confidence, List.of());
	}

}
