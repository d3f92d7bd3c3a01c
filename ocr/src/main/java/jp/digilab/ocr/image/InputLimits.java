package jp.digilab.ocr.image;

/**
 * Limits that refuse an input file before any page of it is decoded, so that a file with
 * thousands of pages or an image claiming billions of pixels (a decompression bomb) costs
 * a look at its header, not minutes of rendering or the heap.
 *
 * @param maxPages the most pages a file may have; a file with more is refused whole
 * @param maxImagePixels the most pixels a page image may claim (width × height as its
 * header says); larger pages are refused
 */
public record InputLimits(int maxPages, long maxImagePixels) {

	/**
	 * 200 pages (a full scanner feeder batch), 150 million pixels (A3 at 600 DPI is about
	 * 70 million).
	 */
	public static final InputLimits DEFAULTS = new InputLimits(200, 150_000_000L);

	public InputLimits {
		if (maxPages < 1) {
			throw new IllegalArgumentException("maxPages must be at least 1: " + maxPages);
		}
		if (maxImagePixels < 1) {
			throw new IllegalArgumentException("maxImagePixels must be at least 1: " + maxImagePixels);
		}
	}

}
