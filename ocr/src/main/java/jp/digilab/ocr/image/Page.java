package jp.digilab.ocr.image;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One page of an input file, as a grayscale image.
 *
 * @param number 1-based page number in the file
 * @param image the page in 8-bit gray
 * @param dpi the resolution from the file, or 0 when the file does not say
 * @param textLayer the characters of a PDF text layer in image pixels, or empty
 */
public record Page(int number, BufferedImage image, int dpi, List<TextChar> textLayer) {

	public Page {
		textLayer = List.copyOf(textLayer);
	}

	public boolean hasTextLayer() {
		return !this.textLayer.isEmpty();
	}

}
