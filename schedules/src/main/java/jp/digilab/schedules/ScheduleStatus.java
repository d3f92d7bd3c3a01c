package jp.digilab.schedules;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import jp.digilab.schedules.definition.ScheduleDefinition;

/**
 * A usable schedule and when it fires next.
 *
 * @param schedule the schedule
 * @param nextFireTimes the coming fire times in the schedule's time zone, holidays left
 * out when the schedule skips them
 */
public record ScheduleStatus(ScheduleDefinition schedule, List<ZonedDateTime> nextFireTimes) {

	public ScheduleStatus {
		nextFireTimes = List.copyOf(nextFireTimes);
	}

	public Optional<ZonedDateTime> nextFireTime() {
		return nextFireTimes.stream().findFirst();
	}

}
