package jp.digilab.app.scheduling;

import java.util.List;

/**
 * A schedule as the console and the API show it.
 *
 * @param nextFireTimes the coming fire times as Quartz computes them for the schedule's
 * cron, time zone and holiday calendar (ISO 8601 with offset)
 * @param state Quartz's state of the registered trigger: NORMAL, PAUSED, BLOCKED (its job
 * is running), ERROR; NONE when it is not registered (the scheduler runs only under
 * {@code serve})
 */
public record ScheduleRow(String id, String job, String cron, String timeZone, boolean skipHolidays, String misfire,
		List<String> nextFireTimes, String state) {

	/** The next fire times as date-times, for pages to format. */
	public List<java.time.ZonedDateTime> fireTimes() {
		return this.nextFireTimes.stream().map(java.time.ZonedDateTime::parse).toList();
	}

	public boolean paused() {
		return "PAUSED".equals(this.state);
	}

}
