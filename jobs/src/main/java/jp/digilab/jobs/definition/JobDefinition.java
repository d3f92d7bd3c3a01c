package jp.digilab.jobs.definition;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A job as defined in {@code jobs/ID.yml} (BRIEF.md "Job definition").
 *
 * @param outputs the raw {@code outputs:} map, converted to the export module's spec when
 * a run exports
 * @param review how doubtful records are reviewed (optional; single entry by default)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record JobDefinition(String id, String title, String department, List<String> templates, boolean inbox,
		Map<String, Object> outputs, String robot, HoursSaved hoursSaved, Review review) {

	public JobDefinition {
		templates = (templates != null) ? List.copyOf(templates) : List.of();
		outputs = (outputs != null) ? outputs : Map.of("xlsx", true, "csv", true);
		hoursSaved = (hoursSaved != null) ? hoursSaved : new HoursSaved(0);
		department = (department != null) ? department : "";
		title = (title != null) ? title : id;
		review = (review != null) ? review : Review.SINGLE_ENTRY;
	}

	/** The manual baseline: how long a person took per form before automation. */
	public record HoursSaved(double manualMinutesPerItem) {
	}

	/**
	 * {@code review:} in a job definition.
	 *
	 * @param doubleEntry two reviewers type the doubtful fields independently (blind); a
	 * mismatch goes to a third who decides
	 * @param revealMyNumbers whether this job's reviewers (not only administrators) see
	 * My Numbers unmasked in the review queue
	 */
	@JsonIgnoreProperties(ignoreUnknown = false)
	public record Review(boolean doubleEntry, boolean revealMyNumbers) {

		public static final Review SINGLE_ENTRY = new Review(false, false);

	}

}
