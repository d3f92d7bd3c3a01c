package jp.digilab.ocr;

import java.awt.Rectangle;

/**
 * One recognised word with its box in the pixels of the recognised image.
 *
 * @param text the word as the engine returned it
 * @param confidence 0–1
 * @param box bounding box in image pixels
 * @param lineStart whether this word starts a new text line
 */
public record OcrWord(String text, double confidence, Rectangle box, boolean lineStart) {

	public OcrWord {
		box = new Rectangle(box);
	}

	@Override
	public Rectangle box() {
		return new Rectangle(this.box);
	}

}
