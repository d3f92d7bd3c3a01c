package jp.digilab.schedules;

import java.util.List;

import jp.digilab.schedules.definition.ScheduleProblem;

/**
 * The schedules of the home folder as the console and the API show them.
 *
 * @param schedules the usable schedules, by id
 * @param problems the files that cannot be used, and schedules Quartz refused
 */
public record ScheduleOverview(List<ScheduleStatus> schedules, List<ScheduleProblem> problems) {

	public ScheduleOverview {
		schedules = List.copyOf(schedules);
		problems = List.copyOf(problems);
	}

}
