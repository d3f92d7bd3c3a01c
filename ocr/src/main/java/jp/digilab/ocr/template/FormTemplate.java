package jp.digilab.ocr.template;

import java.nio.file.Path;
import java.util.List;

/**
 * A form template (templates/ID.yml): what the form looks like and where its fields are.
 *
 * @param id the template id
 * @param title the printed title
 * @param paper the paper size
 * @param languages Tesseract languages, e.g. {@code jpn+eng}
 * @param reference file name of the blank form image, relative to the template, or
 * {@code null}
 * @param match how a page is recognised as this form
 * @param anchors printed landmarks used for alignment
 * @param fields the fields, in order
 * @param review review settings
 * @param units {@code mm} (default) or {@code px} (pixels of the reference image)
 * @param source the file the template was loaded from, or {@code null}
 */
public record FormTemplate(String id, String title, Paper paper, String languages, String reference, Match match,
		List<Anchor> anchors, List<FieldSpec> fields, Review review, String units, Path source) {

	public FormTemplate {
		anchors = List.copyOf(anchors);
		fields = List.copyOf(fields);
	}

	/**
	 * Load and check a template file.
	 * @param yml the file
	 * @return the template
	 * @throws TemplateException with "file:line: reason" when the file is not a valid
	 * template
	 */
	public static FormTemplate load(Path yml) {
		return TemplateParser.parse(yml);
	}

	/**
	 * The reference image path, resolved against the template's folder.
	 * @return the path, or {@code null} when the template has none
	 */
	public Path referencePath() {
		if (this.reference == null) {
			return null;
		}
		Path dir = (this.source != null && this.source.getParent() != null) ? this.source.getParent() : Path.of(".");
		return dir.resolve(this.reference);
	}

	/**
	 * The size of the reference image in pixels.
	 * @return the size, or {@code null} when there is no readable reference image
	 */
	public java.awt.Dimension referenceSize() {
		Path path = referencePath();
		return (path != null) ? ReferenceImages.size(path) : null;
	}

	public boolean pixelUnits() {
		return "px".equals(this.units);
	}

}
