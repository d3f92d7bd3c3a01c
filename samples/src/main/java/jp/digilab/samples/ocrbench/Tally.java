package jp.digilab.samples.ocrbench;

import org.apache.commons.text.similarity.LevenshteinDistance;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy figures of one reader: exact matches, character errors, fields flagged for
 * review, and how many of the unflagged fields are right; per field type and overall.
 */
final class Tally {

	private final Map<String, Counts> byType = new TreeMap<>();

	private final Counts ocrFields = new Counts();

	private final Counts allFields = new Counts();

	/**
	 * Count one field.
	 * @param type the field type
	 * @param truth the right normalised value
	 * @param value what was read ("" when nothing)
	 * @param flagged whether the reader sent it to review
	 */
	synchronized void add(String type, String truth, String value, boolean flagged) {
		int distance = LevenshteinDistance.getDefaultInstance().apply(value, truth);
		this.byType.computeIfAbsent(type, (t) -> new Counts()).add(truth, value, flagged, distance);
		this.allFields.add(truth, value, flagged, distance);
		if (!"checkbox".equals(type) && !"choice".equals(type)) {
			this.ocrFields.add(truth, value, flagged, distance);
		}
	}

	Map<String, Counts> byType() {
		return this.byType;
	}

	/** Fields read by OCR (every type but checkbox and choice). */
	Counts ocrFields() {
		return this.ocrFields;
	}

	Counts allFields() {
		return this.allFields;
	}

	/** The counts of a group of fields. */
	static final class Counts {

		int fields;

		int exact;

		long errors;

		long truthChars;

		int flagged;

		int unflaggedRight;

		void add(String truth, String value, boolean flag, int distance) {
			boolean right = truth.equals(value);
			this.fields++;
			this.exact += right ? 1 : 0;
			this.errors += distance;
			this.truthChars += truth.length();
			if (flag) {
				this.flagged++;
			}
			else if (right) {
				this.unflaggedRight++;
			}
		}

		double accuracy() {
			return ratio(this.exact, this.fields);
		}

		double cer() {
			return ratio(this.errors, this.truthChars);
		}

		double flaggedShare() {
			return ratio(this.flagged, this.fields);
		}

		/** Share of right values among the fields not flagged for review. */
		double unflaggedAccuracy() {
			return ratio(this.unflaggedRight, this.fields - this.flagged);
		}

		private static double ratio(double a, double b) {
			return (b == 0) ? Double.NaN : a / b;
		}

	}

}
