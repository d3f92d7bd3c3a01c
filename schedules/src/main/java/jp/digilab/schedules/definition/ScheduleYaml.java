package jp.digilab.schedules.definition;

/** A schedule file as written, before its values are checked. */
record ScheduleYaml(String id, String job, String cron, String timeZone, Boolean skipHolidays, String misfire) {

	static final String KEYS = "id, job, cron, timeZone, skipHolidays, misfire";

}
