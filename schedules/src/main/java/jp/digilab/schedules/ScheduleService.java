package jp.digilab.schedules;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import jp.digilab.schedules.definition.ScheduleDefinition;
import jp.digilab.schedules.definition.ScheduleFiles;
import jp.digilab.schedules.definition.ScheduleLoader;
import jp.digilab.schedules.definition.ScheduleProblem;
import jp.digilab.schedules.holiday.JapaneseHolidayCalendar;
import org.quartz.TriggerUtils;
import org.quartz.spi.OperableTrigger;

/**
 * Read-only view of the schedules: what the files say, when each fires next, and what is
 * wrong. Reads the files on every call and works whether or not the scheduler runs.
 */
public class ScheduleService {

	private final ScheduleLoader loader;

	private final Supplier<List<ScheduleProblem>> schedulingProblems;

	/**
	 * @param loader reads the schedule files
	 * @param schedulingProblems problems met by the running registrar, if any
	 */
	public ScheduleService(ScheduleLoader loader, Supplier<List<ScheduleProblem>> schedulingProblems) {
		this.loader = loader;
		this.schedulingProblems = schedulingProblems;
	}

	/** The schedules with their next {@code count} fire times from now. */
	public ScheduleOverview overview(int count) {
		return overview(Instant.now(), count);
	}

	/**
	 * The schedules with their next {@code count} fire times at or after {@code from}.
	 */
	public ScheduleOverview overview(Instant from, int count) {
		ScheduleFiles files = this.loader.loadAll();
		List<ScheduleStatus> schedules = files.schedules()
			.stream()
			.map((schedule) -> new ScheduleStatus(schedule, nextFireTimes(schedule, from, count)))
			.toList();
		List<ScheduleProblem> problems = new ArrayList<>(files.problems());
		problems.addAll(this.schedulingProblems.get());
		return new ScheduleOverview(schedules, problems);
	}

	/**
	 * The fire times at or after {@code from}, as Quartz computes them for the schedule's
	 * trigger (and holiday calendar, when it skips holidays).
	 */
	public static List<ZonedDateTime> nextFireTimes(ScheduleDefinition schedule, Instant from, int count) {
		OperableTrigger trigger = (OperableTrigger) QuartzSchedules.trigger(schedule, Date.from(from));
		JapaneseHolidayCalendar calendar = schedule.skipHolidays() ? new JapaneseHolidayCalendar(schedule.timeZone())
				: null;
		return TriggerUtils.computeFireTimes(trigger, calendar, count)
			.stream()
			.map((date) -> date.toInstant().atZone(schedule.timeZone()))
			.toList();
	}

}
