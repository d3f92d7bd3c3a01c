package jp.digilab.ocr;

import java.util.List;

import jp.digilab.ocr.align.Transform;
import jp.digilab.ocr.image.StraightenedPage;
import jp.digilab.ocr.image.TextChar;

/**
 * A page ready for zonal reading: its image, where the template lies on it, and its
 * engine.
 *
 * @param number 1-based page number
 * @param image the page in gray, straightened as it is read
 * @param dpi the page's resolution
 * @param pixelsPerMm page pixels per millimetre of paper
 * @param transform template units to page pixels
 * @param textLayer characters of a PDF text layer (empty for scans)
 * @param engines this thread's engines for the template's languages
 */
record PageContext(int number, StraightenedPage image, int dpi, double pixelsPerMm, Transform transform,
		List<TextChar> textLayer, FieldEngines engines) {

	OcrEngine engine(boolean ascii) {
		return ascii ? this.engines.ascii() : this.engines.text();
	}

	OcrEngine secondEngine(boolean ascii) {
		OcrEngine second = this.engines.second();
		return (second == null || second == engine(ascii)) ? null : second;
	}

	int mm(double millimetres) {
		return (int) Math.round(millimetres * this.pixelsPerMm);
	}

}
