package jp.digilab.ocr;

/**
 * Page segmentation modes used by the pipeline, with Tesseract's numbers.
 */
public enum SegMode {

	/** Fully automatic layout analysis: a whole form page (PSM 3). */
	AUTO(3),

	/** One uniform block of text: a multi-line field (PSM 6). */
	BLOCK(6),

	/** A single text line: most fields (PSM 7). */
	SINGLE_LINE(7),

	/** A single word (PSM 8). */
	SINGLE_WORD(8);

	private final int tesseractValue;

	SegMode(int tesseractValue) {
		this.tesseractValue = tesseractValue;
	}

	public int tesseractValue() {
		return this.tesseractValue;
	}

}
