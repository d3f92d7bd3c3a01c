package jp.digilab.ocr;

import java.awt.image.BufferedImage;

/**
 * The contract between the form pipeline and an OCR engine: the one place to plug in
 * another engine (or a fake one in tests).
 * <p>
 * An engine is created for a set of languages, loads its models once and is then called
 * many times: once per page to classify it and find the anchors, and once per field box.
 * Engines are <b>not</b> required to be thread-safe: {@link FormReader} gives every
 * worker thread its own engine and never shares one between threads. Creating an engine
 * may be expensive (Tesseract loads its traineddata); {@code recognize} must not be.
 * <ul>
 * <li>{@link #recognize} receives a grayscale or binary image. {@code dpi} is the image's
 * resolution (always known: the pipeline derives it from the metadata or the paper size).
 * {@code mode} says whether the image is a whole page, a text block or one line.
 * {@code whitelist} restricts the characters the engine may return, or is {@code null}
 * for no restriction; an engine that cannot restrict characters may ignore it.</li>
 * <li>The result's confidence is 0–1. An engine that returns word boxes enables alignment
 * on anchors; one that returns only text still classifies pages and reads fields (the
 * pipeline then falls back to scaling by paper size).</li>
 * <li>{@link #detectOrientation} is optional: engines that cannot tell return 0.</li>
 * <li>Errors are thrown as {@link OcrEngineException}; the pipeline turns them into a
 * one-line error for the page and carries on with the next page.</li>
 * </ul>
 */
public interface OcrEngine extends AutoCloseable {

	/**
	 * Recognise the text of an image.
	 * @param image grayscale or binary image
	 * @param dpi resolution of the image
	 * @param mode page segmentation mode
	 * @param whitelist the only characters allowed, or {@code null}
	 * @return the text, never {@code null}
	 */
	OcrText recognize(BufferedImage image, int dpi, SegMode mode, String whitelist);

	/**
	 * Detect how far a page is rotated.
	 * @param image the page
	 * @param dpi resolution of the image
	 * @return clockwise rotation that makes the page upright: 0, 90, 180 or 270
	 */
	default int detectOrientation(BufferedImage image, int dpi) {
		return 0;
	}

	/**
	 * Release the engine's native resources. Calling it twice is harmless.
	 */
	@Override
	void close();

}
