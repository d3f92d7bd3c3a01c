package jp.digilab.jobs.export;

/**
 * Something wrong with one record in one output.
 *
 * @param key the record key
 * @param format the output it concerns ({@code xlsx} or {@code csv})
 * @param reason one line, naming the field, the value or character and what was done
 * @param skipped true when the record was left out of that output; false when it was
 * written anyway (as text, or with characters replaced)
 */
public record RecordProblem(String key, String format, String reason, boolean skipped) {

	@Override
	public String toString() {
		return this.key + " [" + this.format + "]: " + this.reason;
	}

}
