package jp.digilab.schedules.definition;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A schedule ({@code schedules/ID.yml}): when to start a job.
 *
 * @param id the schedule's id, the file's name without {@code .yml}
 * @param job the job to start ({@code jobs/JOB.yml})
 * @param cron a Quartz cron expression (seconds first)
 * @param timeZone the zone the cron expression and the holidays are read in
 * @param skipHolidays whether fire times on Japanese public holidays and 12/29–1/3 are
 * left out
 * @param misfire what happens to missed fire times
 */
public record ScheduleDefinition(String id, String job, String cron, ZoneId timeZone, boolean skipHolidays,
		Misfire misfire) {

	/** Used when a schedule names no time zone. */
	public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Tokyo");

	public ScheduleDefinition {
		Objects.requireNonNull(id, "id == null");
		Objects.requireNonNull(job, "job == null");
		Objects.requireNonNull(cron, "cron == null");
		timeZone = (timeZone != null) ? timeZone : DEFAULT_TIME_ZONE;
		misfire = (misfire != null) ? misfire : Misfire.RUN_ONCE;
	}

	/**
	 * A schedule with the defaults: Asia/Tokyo, holidays not skipped, misfire run-once.
	 */
	public ScheduleDefinition(String id, String job, String cron) {
		this(id, job, cron, null, false, null);
	}

}
