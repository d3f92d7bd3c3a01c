package jp.digilab.ocr;

import java.util.List;
import java.util.Locale;

/**
 * The catalog of the reasons this module gives: why a field is invalid or doubtful, why a
 * page or a file could not be read. Each reason is built here ({@link #text}) in English,
 * which is what results store and {@code ocr --json} prints; the console and the command
 * line show it in the reader's language with {@link #localize}. Japanese texts are in
 * {@code jp/digilab/ocr/reasons_ja.properties}, under each entry's key.
 */
public enum Reasons implements Reason {

	// a file's and a page's lines round the reason itself

	/** A page's error: file, page number, what is wrong. */
	IN_PAGE("page", "{0}: page {1}: {2}", 2),
	/** A file's error: file, what is wrong. */
	IN_FILE("file", "{0}: {1}", 1),

	// field values (the normalisers of jp.digilab.ocr.field)

	POSTAL_DIGITS("field.postal.digits", "a postal code has 7 digits"),
	NOT_PHONE("field.phone.invalid", "not a phone number"),
	PHONE_DIGITS("field.phone.digits", "a phone number has 10 or 11 digits starting with 0"),
	NOT_EMAIL("field.email.invalid", "not an e-mail address"),
	NO_YEAR_ZERO("field.date.year.zero", "no year 0 in an era"), NOT_DATE("field.date.invalid", "not a date"),
	/** Argument: the date as read, year-month-day. */
	NOT_REAL_DATE("field.date.unreal", "not a real date: {0}"),
	/** Arguments: the era, its first day. */
	ERA_NOT_BEGUN("field.date.era.before", "{0} began on {1}"),
	/** Arguments: the era, its last day. */
	ERA_ENDED("field.date.era.after", "{0} ended on {1}"),
	YEAR_OUT_OF_RANGE("field.date.year.range", "year out of range: {0}"),
	NOT_KATAKANA("field.katakana.invalid", "not katakana"),
	MYNUMBER_DIGITS("field.mynumber.digits", "a My Number has 12 digits"),
	MYNUMBER_CHECK_DIGIT("field.mynumber.check", "check digit does not match"),
	NOT_DIGITS("field.digits.invalid", "not digits"),
	MISPLACED_SEPARATOR("field.number.separator", "misplaced thousands separator"),
	NOT_INTEGER("field.integer.invalid", "not an integer"), NOT_AMOUNT("field.money.invalid", "not an amount"),

	// field checks (the form reader)

	BOX_OUTSIDE_PAGE("field.box.outside", "box lies outside the page"),
	/** Argument: the options found, comma-separated. */
	SEVERAL_OPTIONS("field.choice.several", "several options in the box ({0}): give each option its own box"),
	/** Argument: the first line of the error. */
	FIELD_UNREADABLE("field.unreadable", "could not be read: {0}"),
	REQUIRED_EMPTY("field.required.empty", "required but empty"),
	REQUIRED_NOT_TICKED("field.required.unticked", "required but not ticked"),
	/** Argument: the template's regular expression. */
	PATTERN_MISMATCH("field.pattern", "does not match the pattern {0}"),
	/** Arguments: the confidence and the threshold, two decimals. */
	LOW_CONFIDENCE("field.confidence", "confidence {0} below {1}"),

	// pages

	NO_TEMPLATE("page.no.template", "no template to match the pages against"),
	INTERRUPTED("page.interrupted", "interrupted"), BLANK_PAGE("page.blank", "blank page"),
	/** Argument: the candidates' scores, "ID 42%, …". */
	UNKNOWN_FORM("page.unknown.form", "unknown form (best match: {0})"),
	/** Argument: the template id. */
	PX_WITHOUT_REFERENCE("page.px.reference", "template {0} uses px units but its reference image is missing"),

	// files (image and PDF intake)

	PDF_PASSWORD("input.pdf.password", "PDF is password-protected"),
	/** Argument: the PDF library's message. */
	PDF_UNREADABLE("input.pdf.unreadable", "cannot read PDF: {0}"), PDF_NO_PAGES("input.pdf.empty", "PDF has no pages"),
	/** Argument: the PDF library's message. */
	PAGE_UNRENDERABLE("input.pdf.render", "cannot render the page: {0}"),

	/** Arguments: the size in the image's own header, the size the PDF declares. */
	PAGE_IMAGE_SIZE("input.pdf.image.size", "the image of the page is {0} but the PDF says {1}"),
	/** Arguments: the format found, the file's extension. */
	WRONG_EXTENSION("input.extension", "content is {0} but the name ends in .{1}"),
	/** Arguments: the format, the pages, the limit. */
	TOO_MANY_PAGES("input.pages.limit",
			"{0} has {1} pages, more than the limit of {2} (digilab.input.max-pages); split it into smaller files"),
	/** Argument: the file system's message. */
	FILE_UNREADABLE("input.file.unreadable", "cannot read the file: {0}"),
	FILE_EMPTY("input.file.empty", "file is empty"),
	UNKNOWN_FORMAT("input.format.unknown", "unknown format (not PNG, JPEG, TIFF or PDF)"),
	/** Argument: the format. */
	NO_IMAGE_READER("input.image.reader", "no reader for {0}"),
	/** Argument: the format. */
	NO_IMAGE("input.image.none", "{0} file has no image"),
	/** Arguments: the format, the image library's message. */
	IMAGE_UNREADABLE("input.image.unreadable", "cannot read {0}: {1}"),
	/** Arguments: width, height, the limit in pixels. */
	IMAGE_OVER_PIXEL_LIMIT("input.image.pixels",
			"image of {0}x{1} pixels is over the limit of {2} pixels (digilab.input.max-image-pixels)"),
	/** Arguments: width, height. */
	IMAGE_OVER_SIZE_LIMIT("input.image.size", "image of {0}x{1} pixels is over the size limit"),
	/** Argument: the image library's message. */
	IMAGE_UNDECODABLE("input.image.decode", "cannot decode the image: {0}"),

	// the OCR engine (TesseractEngine, SearchablePdfWriter): a file's, page's or field's
	// reason when Tesseract cannot start or fails

	/** Arguments: the language, the tessdata folder. */
	ENGINE_LANGUAGE_MISSING("engine.language.missing", "Tesseract language ''{0}'' not found in {1}"),
	/** Arguments: the languages ("jpn+eng"), the tessdata folder. */
	ENGINE_NOT_LOADED("engine.init", "Tesseract could not load ''{0}'' from {1}"),
	/** Arguments: width, height. */
	ENGINE_FAILED("engine.recognize", "Tesseract failed to recognise a {0}x{1} image"),
	/** Argument: the PDF being written (without .pdf, as Tesseract takes it). */
	ENGINE_PDF_NOT_STARTED("engine.pdf.start", "Cannot start the PDF {0}"),
	ENGINE_PDF_NO_JPEG("engine.pdf.jpeg", "No JPEG writer for the PDF page"),
	/** Argument: the page's number. */
	ENGINE_PDF_PAGE("engine.pdf.page", "Tesseract could not add page {0} to the PDF");

	/** The base name of this catalog's bundles. */
	public static final String BUNDLE = "jp.digilab.ocr.reasons";

	private static final ReasonLocalizer LOCALIZER = new ReasonLocalizer(List.of(values()));

	private final String key;

	private final String english;

	private final int[] nested;

	Reasons(String key, String english, int... nested) {
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
	 * A reason of this module in the reader's language; text that is not one of them
	 * comes back unchanged.
	 * @param englishReason the reason as stored
	 * @param locale the reader's language
	 * @return the text to show
	 */
	public static String localize(String englishReason, Locale locale) {
		return LOCALIZER.localize(englishReason, locale);
	}

}
