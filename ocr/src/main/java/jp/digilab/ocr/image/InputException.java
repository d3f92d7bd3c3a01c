package jp.digilab.ocr.image;

/**
 * An input file or page that cannot be read; the message is one line saying what is wrong
 * (the caller adds the file and page).
 */
public class InputException extends RuntimeException {

	public InputException(String message) {
		super(message);
	}

	public InputException(String message, Throwable cause) {
		super(message, cause);
	}

}
