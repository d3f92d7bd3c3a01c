package jp.digilab.ocr.template;

import java.util.List;
import java.util.Locale;

import jp.digilab.ocr.Reason;
import jp.digilab.ocr.ReasonLocalizer;
import jp.digilab.ocr.Reasons;

/**
 * The catalog of a template file's mistakes ({@link TemplateException}'s
 * {@code FILE:LINE: reason}) and warnings (unknown keys). Like {@link Reasons}, each is
 * built here in English, which is what the exception's message, the logs and a job's
 * stored failure keep; {@link #localize} says one in the reader's language. Japanese
 * texts are in {@code jp/digilab/ocr/template/reasons_ja.properties}.
 * <p>
 * Entries marked "what" hold a description of the thing concerned ({@code a field},
 * {@code box of field 'name'}, or a key such as {@code review}) as a nested reason: the
 * descriptions are entries too, and a key is shown as it is.
 */
public enum TemplateReasons implements Reason {

	// the file and line round the reason

	/** Arguments: the file, the line (1-based), the reason. */
	AT_LINE("template.line", "{0}:{1}: {2}", 2),
	/** Arguments: the file, the reason (the whole file is concerned). */
	IN_FILE("template.file", "{0}: {1}", 1),

	// reading the YAML

	NO_SUCH_FILE("template.file.none", "no such file"), FILE_EMPTY("template.file.empty", "file is empty"),
	/** Argument: the YAML parser's message on one line. */
	YAML_ERROR("template.yaml", "YAML error: {0}"),
	/** Argument: the file system's message. */
	CANNOT_READ("template.unreadable", "cannot read: {0}"),
	/** Argument: the key. */
	DUPLICATE_KEY("template.key.duplicate", "duplicate key ''{0}''"),
	/** What: see the class comment. */
	NOT_A_MAPPING("template.mapping", "{0} must be a mapping", 0),
	/** What. */
	NOT_A_LIST("template.list", "{0} must be a list", 0),
	/** What. */
	NOT_A_VALUE("template.value", "{0} must be a single value", 0),
	/** What, the text found. */
	NOT_A_NUMBER("template.number", "{0} must be a number, not ''{1}''", 0),
	/** What, the text found. */
	NOT_A_BOOLEAN("template.boolean", "{0} must be true or false, not ''{1}''", 0),

	// the template

	/** Argument: the key. */
	KEY_MISSING("template.key.missing", "''{0}'' is missing"),
	/** Argument: the id found. */
	BAD_ID("template.id", "id must be letters, digits, ''.'', ''_'' or ''-'': ''{0}''"),
	/** Argument: the units found. */
	BAD_UNITS("template.units", "units must be mm or px, not ''{0}''"),
	PX_WITHOUT_REFERENCE("template.units.px", "units: px needs a reference image"),
	/** Argument: the image's path. */
	REFERENCE_UNREADABLE("template.reference", "cannot read the reference image {0}"),
	NO_FIELDS("template.fields.none", "a template needs fields"),
	NO_FIELD("template.fields.empty", "a template needs at least one field"),
	/** Argument: the field's name. */
	DUPLICATE_FIELD("template.field.duplicate", "duplicate field name ''{0}''"),
	PAPER_FORM("template.paper.form", "paper must be a name or [width_mm, height_mm]"),
	/** Arguments: width, height (mm). */
	PAPER_RANGE("template.paper.range", "paper size out of range: {0} x {1} mm"),
	/** Argument: the paper's name found. */
	UNKNOWN_PAPER("template.paper.unknown", "unknown paper ''{0}'' (A4, A3, B4, B5, Letter or [width_mm, height_mm])"),
	/** Arguments: the type found, the known types. */
	UNKNOWN_FIELD_TYPE("template.field.type", "unknown field type ''{0}'' (one of {1})"),
	/** Argument: the regular expression library's description. */
	BAD_PATTERN("template.field.pattern", "bad pattern: {0}"),
	/** Argument: the field's name. */
	CHOICE_WITHOUT_OPTIONS("template.field.choice", "choice field ''{0}'' needs options"),
	OPTION_WITHOUT_VALUE("template.option.value", "an option needs a value"),
	CONFIDENCE_RANGE("template.confidence", "minConfidence must be between 0 and 1"),
	/** What (a box). */
	MISSING("template.missing", "{0} is missing", 0),
	/** What (a box). */
	BOX_FORM("template.box.form", "{0} must be [x, y, width, height]", 0),
	/** What (a box). */
	BOX_EMPTY("template.box.empty", "{0} must have a positive width and height", 0),
	/**
	 * Arguments: what (a box), the box's numbers ("x, y, width, height": the brackets end
	 * what, whose words would otherwise be split wrongly), the paper's width and height.
	 */
	BOX_OUTSIDE("template.box.outside", "{0} [{1}] lies outside the paper ({2} x {3})", 0),
	/** Arguments: the id, the other file. */
	ID_TAKEN("template.id.taken", "template id ''{0}'' is already used by {1}"),
	/** Argument: the id (the console's list, which names no other file). */
	ID_USED("template.id.used", "template id ''{0}'' is already used"),

	// warnings

	/** Argument: the key. */
	UNKNOWN_TEMPLATE_KEY("template.key.unknown", "unknown template key ''{0}'' ignored"),
	/** Argument: the key. */
	UNKNOWN_FIELD_KEY("template.field.key.unknown", "unknown field key ''{0}'' ignored"),
	/** Argument: the key. */
	UNKNOWN_MATCH_KEY("template.match.key.unknown", "unknown match key ''{0}'' ignored"),
	/** Argument: the key. */
	UNKNOWN_REVIEW_KEY("template.review.key.unknown", "unknown review key ''{0}'' ignored"),
	/** Argument: the key. */
	UNKNOWN_ANCHOR_KEY("template.anchor.key.unknown", "unknown anchor key ''{0}'' ignored"),
	/** Argument: the key. */
	UNKNOWN_OPTION_KEY("template.option.key.unknown", "unknown option key ''{0}'' ignored"),

	// what is concerned

	WHAT_TEMPLATE("template.what.template", "a template"), WHAT_ANCHOR("template.what.anchor", "an anchor"),
	WHAT_FIELD("template.what.field", "a field"), WHAT_OPTION("template.what.option", "an option"),
	WHAT_KEYWORD("template.what.keyword", "a keyword"), WHAT_PAPER_WIDTH("template.what.width", "paper width"),
	WHAT_PAPER_HEIGHT("template.what.height", "paper height"),
	WHAT_ANCHOR_BOX("template.what.anchor.box", "anchor box"),
	WHAT_OPTION_BOX("template.what.option.box", "option box"),
	/** Argument: the field's name. */
	WHAT_FIELD_BOX("template.what.field.box", "box of field ''{0}''");

	/** The base name of this catalog's bundles. */
	public static final String BUNDLE = "jp.digilab.ocr.template.reasons";

	private static final ReasonLocalizer LOCALIZER = new ReasonLocalizer(List.of(values()));

	private final String key;

	private final String english;

	private final int[] nested;

	TemplateReasons(String key, String english, int... nested) {
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
	 * A line number is digits (else "scan.pdf: page 2: …" would be a file's line), and
	 * "{0} is missing" is not "''{0}'' is missing".
	 */
	@Override
	public boolean accepts(Object[] arguments) {
		return switch (this) {
			case AT_LINE -> String.valueOf(arguments[1]).matches("\\d+");
			case MISSING -> !String.valueOf(arguments[0]).startsWith("'");
			default -> true;
		};
	}

	/**
	 * A template's mistake or warning (with or without its file and line) in the reader's
	 * language; other text comes back unchanged.
	 * @param englishReason the text as the exception or the log gives it
	 * @param locale the reader's language
	 * @return the text to show
	 */
	public static String localize(String englishReason, Locale locale) {
		return LOCALIZER.localize(englishReason, locale);
	}

}
