package jp.digilab.ocr;

import java.awt.Rectangle;

/**
 * One recognised word with its box in the pixels of the recognised image.
 *
 * @param text the word as the engine returned it
 * @param confidence 0–1
 * @param box bounding box in image pixels
 * @param lineStart whether this word starts a new text line
 * @param weakestChar the lowest confidence of the word's characters, 0–1 (the word's
 * confidence for engines that do not report characters)
 */
public record OcrWord(String text, double confidence, Rectangle box, boolean lineStart, double weakestChar) {

	public OcrWord {
		box = new Rectangle(box);
	}

	/**
	 * A word without character-level figures.
	 * @param text the word
	 * @param confidence 0–1
	 * @param box bounding box in image pixels
	 * @param lineStart whether this word starts a new text line
	 */
	public OcrWord(String text, double confidence, Rectangle box, boolean lineStart) {
		this(text, confidence, box, lineStart, confidence);
	}

	@Override
	public Rectangle box() {
		return new Rectangle(this.box);
	}

}
