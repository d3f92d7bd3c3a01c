package jp.digilab.robots;

import java.util.List;
import java.util.Locale;

import jp.digilab.ocr.Reason;
import jp.digilab.ocr.ReasonLocalizer;

/**
 * The catalog of a robot script's problems ({@code file:line: reason}, as
 * {@code robot check}, the console's Robots page and a job's failure show them). Like the
 * OCR module's reasons, each is built here in English, which is what
 * {@link RobotScriptException} and a job's stored failure keep; {@link #localize} says
 * one in the reader's language. Japanese texts are in
 * {@code jp/digilab/robots/reasons_ja.properties}.
 */
public enum RobotReasons implements Reason {

	// round the reason

	/** Arguments: the file, the line, the reason. */
	AT_LINE("robot.line", "{0}:{1}: {2}", 2),
	/** Arguments: the step (or {@code retry}, {@code call}), the reason. */
	IN_STEP("robot.step", "{0}: {1}", 1),
	/**
	 * Arguments: the first problem (the exception's message names one and counts the
	 * rest).
	 */
	ONE_MORE("robot.more.one", "{0} (and 1 more problem)", 0),
	/** Arguments: the first problem, how many more. */
	MORE("robot.more", "{0} (and {1} more problems)", 0), INVALID("robot.invalid", "invalid robot script"),

	// the script

	/** Argument: the YAML parser's problem. */
	NOT_YAML("robot.yaml", "not valid YAML: {0}"),
	/** Argument: the file system's or YAML library's message. */
	CANNOT_READ("robot.unreadable", "cannot read: {0}"),
	NOT_A_MAP("robot.map", "a robot script is a map with id, login, perRecord, ..."),
	/** Arguments: the key, the known keys. */
	UNKNOWN_KEY("robot.key.unknown", "unknown key ''{0}'' (expected {1})"),
	PER_RECORD_MISSING("robot.perRecord.missing", "''perRecord'' is missing (the steps for each record)"),
	VARS_NOT_MAP("robot.vars.map", "vars must be a map of names to texts"),
	RETRY_FORM("robot.retry.form", "retry takes '{' attempts: 3, backoff: 2s '}'"),
	RETRY_ATTEMPTS("robot.retry.attempts", "attempts must be a number from 1 to 99"),
	POOL("robot.pool", "pool must be a number of browsers from 1 to 99"),

	// variables

	/** Arguments: the namespace, the reference (tried before the shorter one below). */
	UNKNOWN_NAMESPACE_USE("robot.var.namespace.use",
			"unknown variable namespace ''{0}'' in {1} (use record., vars., env: or secret:)"),
	/** Arguments: the namespace, the reference. */
	UNKNOWN_NAMESPACE("robot.var.namespace", "unknown variable namespace ''{0}'' in {1}"),
	/** Argument: the reference. */
	VAR_NOT_ABOVE("robot.var.order", "{0} is not defined above it in vars"),
	/** Argument: the reference. */
	VAR_UNDEFINED("robot.var.undefined", "{0} is not defined in vars"),
	/** Argument: the reference. */
	RECORD_IN_LOGIN("robot.var.login", "{0} cannot be used in login (it runs once per browser, not per record)"),
	/** Argument: the text with the unclosed reference. */
	NOT_CLOSED("robot.var.unclosed", "''$'{''' is not closed in \"{0}\""),
	/** Argument: the reference. */
	NOT_A_VARIABLE("robot.var.invalid",
			"''{0}'' is not a variable: use $'{'record.FIELD'}', $'{'vars.X'}', $'{'env:X'}' or $'{'secret:X'}'"),

	// variables when a robot starts or enters a record

	/** Argument: the variable's name. */
	ENV_NOT_SET("robot.env.unset", "environment variable {0} is not set"),
	/** Argument: the secret's name (found when the robot starts). */
	SECRET_NOT_SET("robot.secret.unset",
			"secret {0} is not set (environment, or secrets.properties in the home folder)"),
	/** Argument: the secret's name (found when a record is entered). */
	SECRET_NOT_SET_FOR_RECORD("robot.secret.unset.record",
			"secret {0} is not set (environment or secrets.properties in the home folder)"),
	/** Argument: the library's exception class. */
	SECRETS_UNREADABLE("robot.secrets.unreadable", "cannot read secrets: {0}"),
	/** Argument: the field. */
	RECORD_NO_FIELD("robot.record.field", "the record has no field ''{0}''"),
	/** Argument: the variable's name. */
	VAR_NOT_DEFINED("robot.var.none", "vars.{0} is not defined"),
	VARS_LOOP("robot.var.loop", "variables refer to each other in a loop"),
	/** Argument: the reference. */
	NAMESPACE_UNKNOWN("robot.var.namespace.run", "unknown variable namespace in ''{0}''"),

	// steps

	/** Argument: where (login, perRecord, onlyIf 'then'). */
	NOT_STEPS("robot.steps", "{0} must be a list of steps (each line ''- step: ...'')"),
	STEP_NAME_NOT_TEXT("robot.step.name", "a step name must be a text"),
	/** Argument: the keys found. */
	STEP_NAMES("robot.step.names",
			"a step has one name, found {0} (indent a step''s options under it, e.g. ''- type: '{' into: ..., text: ... '}''')"),
	STEP_FORM("robot.step.form", "a step must be ''- name: argument''"),
	/** Argument: the name. */
	UNKNOWN_STEP("robot.step.unknown", "unknown step ''{0}''"),
	/** Arguments: the name, the known step nearest to it. */
	UNKNOWN_STEP_NEAR("robot.step.unknown.near", "unknown step ''{0}'' (did you mean ''{1}''?)"),
	/** Arguments: the option, the step's options. */
	UNKNOWN_OPTION("robot.option.unknown", "unknown option ''{0}'' (expected {1})"),
	/** Argument: the key. */
	GIVEN_TWICE("robot.key.twice", "''{0}'' is given twice"),
	/** Argument: the option. */
	OPTION_MISSING("robot.option.missing", "''{0}'' is missing"),
	/**
	 * Argument: what ({@code the argument}, an option {@code 'into'}, {@code vars.X}).
	 */
	NOT_TEXT("robot.text", "{0} must be a text", 0), THE_ARGUMENT("robot.what.argument", "the argument"),
	/** Argument: the options (text, element, url, gone). */
	EXACTLY_ONE("robot.one.of", "give exactly one of {0}"), INDEX_NUMBER("robot.frame.index", "index must be a number"),
	WINDOW_USE("robot.window", "use ''new'', ''close'', ''main'' or '{' title: ... '}'"),
	ANSWER_MISSING("robot.prompt", "give the answer: answerPrompt: TEXT or '{' text: ..., expect: ... '}'"),
	THEN_MISSING("robot.then", "''then'' is missing (the list of steps to run when the condition holds)"),
	ONE_CONDITION("robot.condition", "give exactly one condition: exists, text, value, retried or not"),
	RETRIED("robot.condition.retried", "retried takes true or false"),
	NOT_CONDITION("robot.condition.not", "''not'' takes a condition, e.g. not: '{' exists: \"#x\" '}'"),
	VALUE_FORM("robot.condition.value", "value takes '{' of: ..., equals: ... '}'"),
	/** Argument: an example of the step. */
	OPTIONS_EXPECTED("robot.options", "expected options in braces, e.g. {0}"),
	/** Argument: the text. */
	NOT_A_DURATION("robot.duration", "''{0}'' is not a duration (e.g. 500ms, 10s, 2m)"),

	// selectors

	EMPTY_SELECTOR("robot.selector.empty", "empty selector"),
	/** Arguments: the prefix, the known prefixes joined by "=, ". */
	UNKNOWN_PREFIX("robot.selector.prefix", "unknown selector prefix ''{0}='' (use CSS, or one of {1}=)"),
	/** Argument: the prefix. */
	NOTHING_AFTER("robot.selector.empty.after", "nothing after ''{0}=''"),
	/** Argument: the selector. */
	NOT_XPATH("robot.selector.xpath", "not a valid XPath: {0}"),

	// called scripts

	/** Argument: the name given. */
	NOT_A_SCRIPT_ID("robot.call.id", "''{0}'' is not a script id"),
	/** Argument: the id. */
	NO_SUCH_SCRIPT("robot.call.missing", "no script {0}.yml next to this one"),
	CALLS_ITSELF("robot.call.self", "a script cannot call itself");

	/** The base name of this catalog's bundles. */
	public static final String BUNDLE = "jp.digilab.robots.reasons";

	private static final ReasonLocalizer LOCALIZER = new ReasonLocalizer(List.of(values()));

	private final String key;

	private final String english;

	private final int[] nested;

	RobotReasons(String key, String english, int... nested) {
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
	 * A line number is digits (else "scan.pdf: page 2: …" would be a script's line); what
	 * must be a text is the argument, an option ('into') or a variable (vars.X), so that
	 * "a step name must be a text" stays its own entry.
	 */
	@Override
	public boolean accepts(Object[] arguments) {
		return switch (this) {
			case AT_LINE -> String.valueOf(arguments[1]).matches("\\d+");
			case NOT_TEXT -> {
				String what = String.valueOf(arguments[0]);
				yield what.equals(THE_ARGUMENT.english()) || what.startsWith("'") || what.startsWith("vars.");
			}
			default -> true;
		};
	}

	/**
	 * A script's problem (or the exception's message) in the reader's language; other
	 * text comes back unchanged.
	 * @param englishReason the problem as stored
	 * @param locale the reader's language
	 * @return the text to show
	 */
	public static String localize(String englishReason, Locale locale) {
		return LOCALIZER.localize(englishReason, locale);
	}

	/** Each problem localized, in order. */
	public static List<String> localize(List<String> englishReasons, Locale locale) {
		return LOCALIZER.localize(englishReasons, locale);
	}

}
