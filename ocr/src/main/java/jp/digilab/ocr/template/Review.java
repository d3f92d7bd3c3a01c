package jp.digilab.ocr.template;

/**
 * When a record goes to the review queue.
 *
 * @param minConfidence fields below this confidence need review, or {@code null} for the
 * default (0.80)
 */
public record Review(Double minConfidence) {

	public static final double DEFAULT_MIN_CONFIDENCE = 0.80;

	public double minConfidenceOrDefault() {
		return (this.minConfidence != null) ? this.minConfidence : DEFAULT_MIN_CONFIDENCE;
	}

}
