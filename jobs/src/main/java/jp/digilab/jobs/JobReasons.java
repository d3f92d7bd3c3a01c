package jp.digilab.jobs;

import java.util.List;
import java.util.Locale;

import jp.digilab.ocr.Reason;
import jp.digilab.ocr.ReasonLocalizer;
import jp.digilab.ocr.Reasons;
import jp.digilab.ocr.template.TemplateReasons;
import jp.digilab.robots.RobotReasons;

/**
 * The catalog of the reasons this module records and shows: why a file of a run failed,
 * why a job definition cannot be used. Like the OCR module's {@link Reasons}, each is
 * built here in English, which is what the run tables, {@code failed/NAME.error.txt} and
 * the API keep; {@link #localize} says any stored reason (this module's, the OCR
 * module's, a template's mistake, a robot script's problem) in the reader's language.
 * Japanese texts are in {@code jp/digilab/jobs/reasons_ja.properties}.
 */
public enum JobReasons implements Reason {

	/** Several problems of one file, in order. */
	JOINED("joined", "{0}; {1}", 0, 1),
	/** Arguments: the job, the robot script's problem. */
	ROBOT_CANNOT_RUN("job.robot.invalid", "job ''{0}'' cannot run: robot {1}", 1),
	/** Arguments: the job, the template's problem. */
	JOB_CANNOT_RUN("job.invalid", "job ''{0}'' cannot run: {1}", 1),

	/** A file in which no page was a form of the job, and nothing else was wrong. */
	NO_FORM_FOUND("file.no.form", "no form found"),

	/** A reviewer's value for a check box that is neither true nor false. */
	NOT_A_TICK("review.tick", "a tick is true or false"),
	/** Argument: the choice's options, "a, b, c". */
	NOT_AN_OPTION("review.option", "not one of {0}"),

	/** Arguments: the job, the definition file. */
	JOB_NOT_DEFINED("job.undefined", "Job ''{0}'' is not defined: {1} does not exist"),
	/** Arguments: the job, the template, the template file. */
	JOB_TEMPLATE_NOT_FOUND("job.template.none", "Job ''{0}'' names template ''{1}'', but {2} does not exist"),
	/** Arguments: the definition file, the template, the template file. */
	TEMPLATE_MISSING("job.template.missing", "{0}: template ''{1}'' does not exist ({2})"),
	/** Arguments: the definition file, the robot, the robot file. */
	ROBOT_MISSING("job.robot.missing", "{0}: robot ''{1}'' does not exist ({2})"),
	/** Arguments: the folder, the file system's message. */
	CANNOT_LIST("jobs.unlistable", "Cannot list {0}: {1}"),
	/** Arguments: the definition file, the key, the known keys. */
	UNKNOWN_KEY("job.key.unknown", "{0}: unknown key ''{1}'' (known keys: {2})"),
	/** Arguments: the definition file, the YAML parser's message, the line. */
	YAML_ERROR("job.yaml", "{0}: {1} (line {2})"),
	/** Argument: the definition file. */
	ID_MISSING("job.id.missing", "{0}: ''id'' is missing"),
	/** Arguments: the definition file, the id, the file's name. */
	ID_MISMATCH("job.id.mismatch", "{0}: id ''{1}'' does not match the file name ''{2}''"),
	/** Argument: the definition file. */
	NO_TEMPLATES("job.templates.none", "{0}: ''templates'' must name at least one template"),
	/** Argument: the definition file. */
	NEGATIVE_MINUTES("job.minutes.negative", "{0}: hoursSaved.manualMinutesPerItem must not be negative");

	/** The base name of this catalog's bundles. */
	public static final String BUNDLE = "jp.digilab.jobs.reasons";

	// a page's line ("f: page 2: x") is tried before a template's or script's ("f:12: x")
	private static final ReasonLocalizer LOCALIZER = new ReasonLocalizer(List.of(values()), List.of(Reasons.values()),
			List.of(TemplateReasons.values()), List.of(RobotReasons.values()));

	private final String key;

	private final String english;

	private final int[] nested;

	JobReasons(String key, String english, int... nested) {
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
	 * Problems as one line, "first; second; …".
	 * @param problems the problems
	 * @return the line ("" for none)
	 */
	public static String joined(List<String> problems) {
		if (problems.isEmpty()) {
			return "";
		}
		String line = problems.get(problems.size() - 1);
		for (int i = problems.size() - 2; i >= 0; i--) {
			line = JOINED.text(problems.get(i), line);
		}
		return line;
	}

	/**
	 * A stored reason (of this module, of the OCR module, a template's mistake or a robot
	 * script's problem) in the reader's language; other text comes back unchanged.
	 * @param englishReason the reason as stored
	 * @param locale the reader's language
	 * @return the text to show
	 */
	public static String localize(String englishReason, Locale locale) {
		return LOCALIZER.localize(englishReason, locale);
	}

	/** Each reason localized, in order. */
	public static List<String> localize(List<String> englishReasons, Locale locale) {
		return LOCALIZER.localize(englishReasons, locale);
	}

}
