package jp.digilab.jobs.review;

/** Where a record stands for one reviewer. */
public enum ReviewStage {

	/** Single entry: the reviewer sees the OCR values and approves or corrects them. */
	SINGLE,
	/** Double entry, nobody has typed it yet: a blind entry (no OCR value shown). */
	FIRST_ENTRY,
	/** Double entry, one other person has typed it: a blind entry too. */
	SECOND_ENTRY,
	/**
	 * Double entry, the two entries disagree: a third person sees both (and the OCR
	 * value) and decides.
	 */
	THIRD_REVIEW,
	/**
	 * Double entry, this reviewer has already typed it: waiting for someone else; not in
	 * their queue.
	 */
	ENTERED_BY_YOU;

	public boolean blind() {
		return this == FIRST_ENTRY || this == SECOND_ENTRY;
	}

}
