package jp.digilab.jobs.definition;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A job as defined in {@code jobs/ID.yml} (BRIEF.md "Job definition").
 *
 * @param outputs the raw {@code outputs:} map, converted to the export module's spec when
 * a run exports
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record JobDefinition(String id, String title, String department, List<String> templates, boolean inbox,
		Map<String, Object> outputs, String robot, HoursSaved hoursSaved) {

	public JobDefinition {
		templates = (templates != null) ? List.copyOf(templates) : List.of();
		outputs = (outputs != null) ? outputs : Map.of("xlsx", true, "csv", true);
		hoursSaved = (hoursSaved != null) ? hoursSaved : new HoursSaved(0);
		department = (department != null) ? department : "";
		title = (title != null) ? title : id;
	}

	/** The manual baseline: how long a person took per form before automation. */
	public record HoursSaved(double manualMinutesPerItem) {
	}

}
