package jp.digilab.schedules.definition;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What a schedules folder holds: the usable schedules and a problem for each file that is
 * not.
 *
 * @param schedules the usable schedules, by id
 * @param problems one per unusable file
 * @param ids the ids of every schedule file, usable or not
 * @param folder the schedules folder
 * @param complete whether the folder could be listed; if not, {@code ids} is not to be
 * trusted to tell which schedules were deleted
 */
public record ScheduleFiles(List<ScheduleDefinition> schedules, List<ScheduleProblem> problems, Set<String> ids,
		Path folder, boolean complete) {

	public ScheduleFiles {
		schedules = List.copyOf(schedules);
		problems = List.copyOf(problems);
		ids = Set.copyOf(ids);
	}

}
