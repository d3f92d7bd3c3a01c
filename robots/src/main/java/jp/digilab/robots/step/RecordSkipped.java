package jp.digilab.robots.step;

/**
 * Thrown by {@code skipIf} to end the record as skipped.
 */
public final class RecordSkipped extends RuntimeException {

	public RecordSkipped(String reason) {
		super(reason, null, false, false);
	}

}
