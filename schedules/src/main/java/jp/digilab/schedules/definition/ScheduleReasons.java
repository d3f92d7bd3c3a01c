package jp.digilab.schedules.definition;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jp.digilab.jobs.JobReasons;
import jp.digilab.ocr.Reason;
import jp.digilab.ocr.ReasonLocalizer;

/**
 * The catalog of a schedule file's problems ({@link ScheduleException}'s
 * {@code FILE line N: reason}, the {@link ScheduleProblem}s the console's Schedules page
 * lists and the registrar logs). Like the other catalogs, each is built here in English,
 * which is what the exception's message, the logs and the REST API keep;
 * {@link #localize} says one in the reader's language. Japanese texts are in
 * {@code jp/digilab/schedules/definition/reasons_ja.properties}.
 * <p>
 * The jobs module cannot know this catalog (schedules depends on jobs), so
 * {@link #localize} says any other stored reason through {@link JobReasons#localize}: the
 * application's console and command line call it to show any reason. A schedule's line is
 * recognised only when its file lies in a {@code schedules} folder: the patterns overlap
 * with a job definition's ({@code FILE: 'id' is missing}), which keeps its own words.
 */
public enum ScheduleReasons implements Reason {

	// the file and line round the reason

	/** Arguments: the file, the line (1-based), the reason. */
	AT_LINE("schedule.line", "{0} line {1}: {2}", 2),
	/** Arguments: the file (or folder), the reason (the whole file is concerned). */
	IN_FILE("schedule.file", "{0}: {1}", 1),

	// reading the file

	/** Argument: the file system's error. */
	CANNOT_LIST("schedule.folder.unlistable", "cannot list the folder: {0}"),
	/** Argument: the file system's error. */
	CANNOT_READ("schedule.file.unreadable", "cannot read the file: {0}"),
	FILE_EMPTY("schedule.file.empty", "the file is empty"),
	/** Arguments: the key, the known keys. */
	UNKNOWN_KEY("schedule.key.unknown", "unknown key ''{0}'' (known keys: {1})"),
	/** Argument: the known keys. */
	NOT_A_MAPPING("schedule.mapping", "expected keys such as {0}"),
	/** Argument: the key. */
	BAD_BOOLEAN("schedule.value.boolean", "bad value for ''{0}'' (expected true or false)"),
	/** Argument: the key. */
	BAD_SINGLE_VALUE("schedule.value.single", "bad value for ''{0}'' (expected a single value)"),
	/** Argument: the key. */
	BAD_VALUE("schedule.value", "bad value for ''{0}''"),
	/** Argument: the YAML parser's message on one line. */
	YAML_ERROR("schedule.yaml", "bad YAML: {0}"),

	// the schedule

	/** Argument: the key. */
	KEY_MISSING("schedule.key.missing", "''{0}'' is missing"),
	/** Arguments: the id written, the file's name without .yml. */
	ID_MISMATCH("schedule.id", "id ''{0}'' does not match the file name ''{1}''"),
	/** Arguments: the job's id, the definition file looked for. */
	UNKNOWN_JOB("schedule.job.unknown", "job ''{0}'' is not defined ({1} does not exist)"),
	/** Argument: the value written. */
	BAD_MISFIRE("schedule.misfire", "misfire ''{0}'' is not one of run-once, skip"),
	/** Argument: the value written. */
	UNKNOWN_TIME_ZONE("schedule.timezone", "unknown time zone ''{0}'' (use a region such as Asia/Tokyo)"),
	/** Arguments: the expression, Quartz's own reason (left as Quartz says it). */
	BAD_CRON("schedule.cron",
			"invalid Quartz cron ''{0}'': {1} (format: seconds minutes hours day-of-month month day-of-week [year])"),
	/** Argument: the expression. */
	CRON_NEVER_FIRES("schedule.cron.never", "cron ''{0}'' never fires again"),

	// registering with Quartz

	/** Argument: Quartz's message. */
	NOT_SCHEDULED_YET("schedule.register.retry", "cannot be scheduled yet (tried again shortly): {0}"),
	/** Argument: Quartz's message. */
	NOT_SCHEDULED("schedule.register.failed", "cannot be scheduled: {0}"),
	/** Argument: the problem (the registrar's log line). */
	PREVIOUS_KEPT("schedule.previous.kept", "{0} (its previous version stays scheduled)", 0),
	/** Argument: the problem (the registrar's log line). */
	PREVIOUS_NONE("schedule.previous.none", "{0} (not scheduled)", 0);

	/** The base name of this catalog's bundles. */
	public static final String BUNDLE = "jp.digilab.schedules.definition.reasons";

	/**
	 * A schedule file (HOME/schedules/ID.yml, the console's schedules/ID.yml) or the
	 * folder.
	 */
	private static final Pattern SCHEDULE_FILE = Pattern.compile("(.*[/\\\\])?schedules([/\\\\][^/\\\\]+\\.yml)?");

	private static final ReasonLocalizer LOCALIZER = new ReasonLocalizer(List.of(values()));

	private final String key;

	private final String english;

	private final int[] nested;

	ScheduleReasons(String key, String english, int... nested) {
		this.key = key;
		this.english = english;
		this.nested = nested;
	}

	@Override
	public String key() {
		return this.key;
	}

	@Override
	public String english() {
		return this.english;
	}

	@Override
	public int[] nested() {
		return this.nested.clone();
	}

	@Override
	public String bundle() {
		return BUNDLE;
	}

	/**
	 * The file is a schedule file (a job definition's line is the jobs catalog's), and a
	 * line number is digits.
	 */
	@Override
	public boolean accepts(Object[] arguments) {
		return switch (this) {
			case AT_LINE -> isScheduleFile(arguments[0]) && String.valueOf(arguments[1]).matches("\\d+");
			case IN_FILE -> isScheduleFile(arguments[0]);
			default -> true;
		};
	}

	private static boolean isScheduleFile(Object file) {
		return SCHEDULE_FILE.matcher(String.valueOf(file)).matches();
	}

	/**
	 * A schedule file's problem (with or without its file and line), or any other stored
	 * reason of the engine's catalogs, in the reader's language; other text comes back
	 * unchanged.
	 * @param englishReason the text as the exception, the log or the run tables give it
	 * @param locale the reader's language
	 * @return the text to show
	 */
	public static String localize(String englishReason, Locale locale) {
		String schedule = LOCALIZER.localize(englishReason, locale);
		return (schedule == null || schedule.equals(englishReason)) ? JobReasons.localize(englishReason, locale)
				: schedule;
	}

	/** Each reason localized, in order. */
	public static List<String> localize(List<String> englishReasons, Locale locale) {
		return englishReasons.stream().map((reason) -> localize(reason, locale)).toList();
	}

}
