package jp.digilab.jobs.review;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.ocr.FieldResult;
import jp.digilab.ocr.image.Images;
import jp.digilab.ocr.image.Page;
import jp.digilab.ocr.image.PageSource;
import jp.digilab.ocr.image.Preprocess;
import jp.digilab.ocr.template.FieldSpec;
import jp.digilab.ocr.template.FormTemplate;
import jp.digilab.ocr.template.Paper;
import jp.digilab.ocr.template.TemplateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crop of one field from its record's stored scan, to show beside the value under
 * review. The page is decoded as recognition decoded it ({@link PageSource}: PDF pages
 * rendered by PDFBox, images by ImageIO) and straightened the same way; the anchors' fine
 * alignment is not stored with the record (it needs a whole-page OCR to find again), so
 * the field's box is cut with a margin round it instead.
 * <p>
 * The scan is only ever the path stored for the record, and only when it lies inside the
 * home folder's {@code done/} or {@code work/}: nothing from a request names a file.
 */
public class FieldCrops {

	/** Resolution of the crops served to the browser. */
	public static final int CROP_DPI = 150;

	/** Room round the box for a scan that sits a little off the template. */
	public static final double MARGIN_MM = 3;

	private static final Logger log = LoggerFactory.getLogger(FieldCrops.class);

	private static final int CACHED_PAGES = 4;

	private final DigilabHome home;

	/** Straightened pages recently cropped: a record's fields are usually on one page. */
	private final Map<String, PreparedPage> pages = new LinkedHashMap<>(8, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, PreparedPage> eldest) {
			return size() > CACHED_PAGES;
		}

	};

	public FieldCrops(DigilabHome home) {
		this.home = home;
	}

	/**
	 * The crop of a field of a record, or empty when the record has no such field, its
	 * scan is gone or lies outside the home folder's scan folders.
	 */
	public Optional<BufferedImage> crop(ReviewItem item, String field) {
		FieldResult result = item.fields().get(field);
		if (result == null || result.box() == null || result.box().length != 4 || item.scan() == null) {
			return Optional.empty();
		}
		Optional<Path> scan = storedScan(item.scan());
		if (scan.isEmpty()) {
			log.warn("Record {}: its scan is not in done/ or work/; no crop", item.recordKey());
			return Optional.empty();
		}
		Optional<FormTemplate> template = (item.templateId() != null)
				? TemplateRepository.load(this.home.templates()).find(item.templateId()) : Optional.empty();
		Paper paper = template.map(FormTemplate::paper).orElse(Paper.A4);
		PreparedPage page;
		try {
			page = page(scan.get(), Math.max(1, result.page()), paper);
		}
		catch (RuntimeException ex) {
			log.warn("Record {}: page {} of its scan cannot be read: {}", item.recordKey(), result.page(),
					ex.getMessage());
			return Optional.empty();
		}
		double perUnit = page.pixelsPerMm();
		if (template.isPresent() && template.get().pixelUnits()) {
			java.awt.Dimension reference = template.get().referenceSize();
			if (reference == null) {
				return Optional.empty();
			}
			perUnit = page.pixelsPerMm() * paper.width() / reference.width;
		}
		double[] box = box(item, field, result);
		double margin = MARGIN_MM * page.pixelsPerMm();
		BufferedImage crop = Images.crop(page.image(), (int) Math.round(box[0] * perUnit - margin),
				(int) Math.round(box[1] * perUnit - margin), (int) Math.round(box[2] * perUnit + 2 * margin),
				(int) Math.round(box[3] * perUnit + 2 * margin));
		if (crop == null) {
			return Optional.empty();
		}
		return Optional.of(Images.scale(crop, CROP_DPI / 25.4 / page.pixelsPerMm()));
	}

	/** The box as the template says today, else as stored with the result. */
	private static double[] box(ReviewItem item, String field, FieldResult result) {
		FieldSpec spec = item.specs().get(field);
		return (spec != null && spec.box() != null && spec.box().length == 4) ? spec.box() : result.box();
	}

	/** The real path of a stored scan when it lies inside done/ or work/. */
	Optional<Path> storedScan(Path stored) {
		try {
			if (!Files.isRegularFile(stored)) {
				return Optional.empty();
			}
			Path real = stored.toRealPath();
			for (Path folder : new Path[] { this.home.done(), this.home.work() }) {
				if (Files.isDirectory(folder) && real.startsWith(folder.toRealPath())) {
					return Optional.of(real);
				}
			}
			return Optional.empty();
		}
		catch (IOException | SecurityException ex) {
			return Optional.empty();
		}
	}

	private PreparedPage page(Path scan, int number, Paper paper) {
		String key = scan + "#" + number;
		synchronized (this.pages) {
			PreparedPage cached = this.pages.get(key);
			if (cached != null) {
				return cached;
			}
		}
		PreparedPage prepared;
		try (PageSource source = PageSource.open(scan)) {
			Page page = source.page(number);
			prepared = prepare(page, paper);
		}
		synchronized (this.pages) {
			this.pages.put(key, prepared);
		}
		return prepared;
	}

	/** Straightened as recognition straightened it, scaled as it measured it. */
	private static PreparedPage prepare(Page page, Paper paper) {
		BufferedImage image = page.image();
		double fromPaper = image.getWidth() / paper.width();
		double pixelsPerMm = fromPaper;
		if (page.dpi() > 0) {
			double fromDpi = page.dpi() / 25.4;
			double ratio = fromDpi / fromPaper;
			// the file's DPI when it agrees with the paper size (as FormReader measures)
			pixelsPerMm = (ratio > 0.8 && ratio < 1.25) ? fromDpi : fromPaper;
		}
		if (!page.hasTextLayer()) {
			double factor = Math.min(1.0, 150 / (pixelsPerMm * 25.4));
			double skew = Preprocess.findSkew(Images.scale(image, factor));
			if (Math.abs(skew) >= 0.2) {
				image = Preprocess.rotateSmall(image, skew);
			}
		}
		return new PreparedPage(image, pixelsPerMm);
	}

	private record PreparedPage(BufferedImage image, double pixelsPerMm) {
	}

}
