package jp.digilab.ocr;

import java.awt.image.BufferedImage;
import java.util.List;

import jp.digilab.ocr.align.Transform;
import jp.digilab.ocr.image.TextChar;

/**
 * A page ready for zonal reading: its image, where the template lies on it, and its
 * engine.
 *
 * @param number 1-based page number
 * @param image the (straightened) page in gray
 * @param dpi the page's resolution
 * @param pixelsPerMm page pixels per millimetre of paper
 * @param transform template units to page pixels
 * @param textLayer characters of a PDF text layer (empty for scans)
 * @param engine this thread's engine for text fields
 * @param asciiEngine this thread's engine for fields of ASCII characters only (digits,
 * phone numbers, e-mail): {@code eng} alone when the template reads {@code jpn+eng}, so
 * that Japanese models do not guess kanji in a phone number and vice versa
 */
record PageContext(int number, BufferedImage image, int dpi, double pixelsPerMm, Transform transform,
		List<TextChar> textLayer, OcrEngine engine, OcrEngine asciiEngine) {

	int mm(double millimetres) {
		return (int) Math.round(millimetres * this.pixelsPerMm);
	}

}
