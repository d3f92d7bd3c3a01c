package jp.digilab.jobs.export;

/**
 * An export of a whole run failed (bad column mapping, output folder not writable, disk
 * full, outputs of the run already present). No file of the run is left in {@code out/}.
 */
public class ExportException extends RuntimeException {

	public ExportException(String message) {
		super(message);
	}

	public ExportException(String message, Throwable cause) {
		super(message, cause);
	}

}
