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
	SINGLE_WORD(8),

	/** A single character (PSM 10): a lone digit that the word mode misses. */
	SINGLE_CHAR(10),

	/**
	 * As much text as possible in no particular order: the labels of a blank form (PSM
	 * 11).
	 */
	SPARSE(11);

	private final int tesseractValue;

	SegMode(int tesseractValue) {
		this.tesseractValue = tesseractValue;
	}

	public int tesseractValue() {
		return this.tesseractValue;
	}

}
