package jp.digilab.app.scheduling;

import jp.digilab.schedules.definition.ScheduleDefinition;

/**
 * The text of a schedule file as the BRIEF shows it: {@code id}, {@code job},
 * {@code cron} in double quotes, {@code timeZone}, {@code skipHolidays}, {@code misfire},
 * one per line. Written by hand rather than by a YAML library so that the file looks like
 * the ones staff write (no document marker, the cron quoted, the keys in this order).
 */
final class ScheduleFile {

	private ScheduleFile() {
	}

	static String text(String leadingComment, ScheduleDefinition schedule) {
		return leadingComment + "id: " + schedule.id() + "\n" + "job: " + schedule.job() + "\n" + "cron: "
				+ quoted(schedule.cron()) + "\n" + "timeZone: " + schedule.timeZone().getId() + "\n" + "skipHolidays: "
				+ schedule.skipHolidays() + "\n" + "misfire: " + schedule.misfire().value() + "\n";
	}

	/** A YAML double-quoted scalar. */
	static String quoted(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
