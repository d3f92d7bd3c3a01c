package jp.digilab.ocr;

import java.nio.file.Path;

/**
 * Creates the engine of a worker thread.
 */
@FunctionalInterface
public interface OcrEngineFactory {

	/**
	 * Create an engine, loading its models.
	 * @param tessdata the tessdata directory
	 * @param languages e.g. {@code jpn+eng}
	 * @return a new engine, used by one thread only
	 */
	OcrEngine create(Path tessdata, String languages);

}
