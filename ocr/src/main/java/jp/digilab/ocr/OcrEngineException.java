package jp.digilab.ocr;

/**
 * An OCR engine could not be initialised or failed on an image.
 */
public class OcrEngineException extends RuntimeException {

	public OcrEngineException(String message) {
		super(message);
	}

	public OcrEngineException(String message, Throwable cause) {
		super(message, cause);
	}

}
