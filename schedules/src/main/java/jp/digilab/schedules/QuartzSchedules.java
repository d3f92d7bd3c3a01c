package jp.digilab.schedules;

import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

import jp.digilab.schedules.definition.Misfire;
import jp.digilab.schedules.definition.ScheduleDefinition;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * How schedules map onto Quartz: one durable job per job id, one cron trigger per
 * schedule.
 */
final class QuartzSchedules {

	static final String JOB_GROUP = "digilab-jobs";

	static final String TRIGGER_GROUP = "digilab-schedules";

	static final String JOB_ID = "jobId";

	static final String SCHEDULE_ID = "scheduleId";

	/**
	 * The schedule as last applied, to leave unchanged triggers (and their misfires)
	 * alone.
	 */
	static final String DEFINITION = "definition";

	private QuartzSchedules() {
	}

	static JobKey jobKey(String jobId) {
		return JobKey.jobKey(jobId, JOB_GROUP);
	}

	static TriggerKey triggerKey(String scheduleId) {
		return TriggerKey.triggerKey(scheduleId, TRIGGER_GROUP);
	}

	static String calendarName(ZoneId zone) {
		return "japanese-holidays@" + zone.getId();
	}

	static JobDetail jobDetail(String jobId) {
		return JobBuilder.newJob(PipelineQuartzJob.class)
			.withIdentity(jobKey(jobId))
			.withDescription("Runs job '" + jobId + "'")
			.usingJobData(JOB_ID, jobId)
			.storeDurably()
			.build();
	}

	static CronTrigger trigger(ScheduleDefinition schedule, Date startAt) {
		CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(schedule.cron())
			.inTimeZone(TimeZone.getTimeZone(schedule.timeZone()));
		cron = (schedule.misfire() == Misfire.SKIP) ? cron.withMisfireHandlingInstructionDoNothing()
				: cron.withMisfireHandlingInstructionFireAndProceed();
		return TriggerBuilder.newTrigger()
			.withIdentity(triggerKey(schedule.id()))
			.forJob(jobKey(schedule.job()))
			.withDescription("schedules/" + schedule.id() + ".yml")
			.usingJobData(JOB_ID, schedule.job())
			.usingJobData(SCHEDULE_ID, schedule.id())
			.usingJobData(DEFINITION, definition(schedule))
			.withSchedule(cron)
			.modifiedByCalendar(schedule.skipHolidays() ? calendarName(schedule.timeZone()) : null)
			.startAt(startAt)
			.build();
	}

	static String definition(ScheduleDefinition schedule) {
		return String.join("|", schedule.job(), schedule.cron(), schedule.timeZone().getId(),
				String.valueOf(schedule.skipHolidays()), schedule.misfire().value());
	}

}
