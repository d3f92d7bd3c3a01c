package jp.digilab.jobs.export;

/**
 * Where a record stands after recognition and review. Outputs show the Japanese label.
 */
public enum RecordStatus {

	APPROVED("承認済", "approved"), NEEDS_REVIEW("要確認", "needs review"), INVALID("不備", "invalid");

	private final String label;

	private final String english;

	RecordStatus(String label, String english) {
		this.label = label;
		this.english = english;
	}

	/** The label written in outputs: 承認済, 要確認, 不備. */
	public String label() {
		return this.label;
	}

	public String english() {
		return this.english;
	}

}
