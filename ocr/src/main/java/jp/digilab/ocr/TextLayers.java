package jp.digilab.ocr;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

import jp.digilab.ocr.image.TextChar;

/**
 * Turns the characters of a PDF text layer into OCR-like words, one per character, so
 * that classification and anchors work the same on text PDFs and on scans.
 */
final class TextLayers {

	private TextLayers() {
	}

	static List<OcrWord> words(List<TextChar> chars) {
		List<OcrWord> words = new ArrayList<>(chars.size());
		Rectangle previous = null;
		for (TextChar c : chars) {
			if (c.text().isBlank()) {
				continue;
			}
			Rectangle box = c.box();
			boolean lineStart = previous == null
					|| Math.abs(box.getCenterY() - previous.getCenterY()) > box.height / 2.0 || box.x < previous.x;
			words.add(new OcrWord(c.text(), 1.0, box, lineStart));
			previous = box;
		}
		return words;
	}

}
