package jp.digilab.ocr;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import jp.digilab.ocr.align.AnchorFinder;
import jp.digilab.ocr.align.Transform;
import jp.digilab.ocr.field.FieldType;
import jp.digilab.ocr.field.JapaneseText;
import jp.digilab.ocr.field.MyNumber;
import jp.digilab.ocr.field.Normalized;
import jp.digilab.ocr.image.Images;
import jp.digilab.ocr.image.InputException;
import jp.digilab.ocr.image.Page;
import jp.digilab.ocr.image.PageSource;
import jp.digilab.ocr.image.Preprocess;
import jp.digilab.ocr.image.StraightenedPage;
import jp.digilab.ocr.template.Anchor;
import jp.digilab.ocr.template.FieldSpec;
import jp.digilab.ocr.template.FormTemplate;

/**
 * Reads scanned forms: for each page of a file, classify it among the candidate
 * templates, align the template on it, read every field and validate it.
 * <p>
 * Thread-safe: each worker thread gets its own engine per language set, created once and
 * reused; {@link #close()} closes them all. Bad input never throws: it becomes a one-line
 * error in the {@link ScanResult}.
 */
public final class FormReader implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(FormReader.class);

	/** Resolution of the whole-page OCR that classifies pages and finds anchors. */
	static final int CLASSIFY_DPI = 150;

	private static final double BLANK_PAGE_INK = 0.003;

	/** Margin round an anchor's box that the second classification reads, mm. */
	static final double REGION_MARGIN_MM = 15;

	/** How far a scan may be shifted for its lead anchor to be found first, mm. */
	static final double REGION_SHIFT_MM = 6;

	/** How much a scan may be scaled for its lead anchor to be found first. */
	static final double REGION_SCALE = 0.06;

	/** Margin round the other anchors placed from the lead anchor, mm. */
	static final double NEAR_MARGIN_MM = 3;

	/** Plus this share of their distance from the lead anchor (scale error). */
	static final double NEAR_SCALE = 0.03;

	/** White border round an anchor region before its OCR, pixels at 150 DPI. */
	static final int REGION_BORDER = 24;

	/** Score from which the regions round the anchors settle a page's template. */
	static final double FAST_ACCEPT = 0.75;

	/** Lead over the next template that the regions' best template needs. */
	static final double FAST_LEAD = 0.25;

	private final OcrSettings settings;

	private final ThreadLocal<Map<String, OcrEngine>> engines = ThreadLocal.withInitial(HashMap::new);

	private final ConcurrentLinkedQueue<OcrEngine> allEngines = new ConcurrentLinkedQueue<>();

	private final ThreadLocal<StageTimer> timer = ThreadLocal.withInitial(StageTimer::new);

	private volatile boolean closed;

	private final ExecutorService pageWorkers;

	private final int pageWorkerCount;

	public FormReader(OcrSettings settings) {
		this(settings, 1);
	}

	/**
	 * A reader whose pages are read by {@code pageWorkers} threads of its own (each with
	 * its own engines), shared by every caller: the pages of one long PDF use all of
	 * them, and several files read at once never use more. With 1, pages are read on the
	 * caller's thread.
	 * @param settings the settings
	 * @param pageWorkers how many pages are read at the same time
	 */
	public FormReader(OcrSettings settings, int pageWorkers) {
		this.settings = settings;
		this.pageWorkerCount = Math.max(1, pageWorkers);
		if (this.pageWorkerCount > 1) {
			AtomicInteger threads = new AtomicInteger();
			this.pageWorkers = Executors.newFixedThreadPool(this.pageWorkerCount, (task) -> {
				Thread thread = new Thread(task, "ocr-page-" + threads.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
		}
		else {
			this.pageWorkers = null;
		}
	}

	/**
	 * Read a file (PNG, JPEG, TIFF or PDF); every page that matches a template becomes a
	 * document.
	 * @param file the file
	 * @param candidates the templates pages are classified among
	 * @return the documents and the errors; never throws for bad input
	 */
	public ScanResult read(Path file, List<FormTemplate> candidates) {
		if (this.closed) {
			throw new IllegalStateException("FormReader is closed");
		}
		long fileStart = System.nanoTime();
		String name = file.getFileName().toString();
		List<DocumentResult> documents = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		if (candidates == null || candidates.isEmpty()) {
			return new ScanResult(name, documents, List.of(Reasons.IN_FILE.text(name, Reasons.NO_TEMPLATE.text())));
		}
		try (PageSource source = PageSource.open(file, this.settings.limits())) {
			if (this.pageWorkers == null) {
				for (int number = 1; number <= source.pageCount(); number++) {
					readOne(name, number, source, candidates).addTo(documents, errors);
				}
			}
			else {
				readInParallel(name, source, candidates, documents, errors);
			}
		}
		catch (InputException ex) {
			errors.add(Reasons.IN_FILE.text(name, ex.getMessage()));
		}
		catch (RuntimeException ex) {
			logger.warn("{}: failed", name, ex);
			errors.add(Reasons.IN_FILE.text(name, describe(ex)));
		}
		logger.info("{}: {} document(s), {} error(s) in {} ms", name, documents.size(), errors.size(),
				(System.nanoTime() - fileStart) / 1_000_000);
		return new ScanResult(name, documents, errors);
	}

	/**
	 * Pages are loaded one at a time on the calling thread (a PDF document is not
	 * thread-safe) and read by the page workers, at most as many in flight as there are
	 * workers, so memory stays bounded on a long PDF; results keep the page order.
	 */
	private void readInParallel(String name, PageSource source, List<FormTemplate> candidates,
			List<DocumentResult> documents, List<String> errors) {
		int workers = this.pageWorkerCount;
		Semaphore inFlight = new Semaphore(workers);
		List<Future<PageOutcome>> outcomes = new ArrayList<>();
		try {
			for (int number = 1; number <= source.pageCount(); number++) {
				inFlight.acquire();
				int pageNumber = number;
				PageOutcome loaded = load(name, pageNumber, source);
				if (loaded.error() != null) {
					inFlight.release();
					outcomes.add(CompletableFuture.completedFuture(loaded));
					continue;
				}
				// the caller's logging context (run id) follows the page to its worker
				Map<String, String> logContext = MDC.getCopyOfContextMap();
				outcomes.add(this.pageWorkers.submit(() -> {
					if (logContext != null) {
						MDC.setContextMap(logContext);
					}
					try {
						return readLoaded(name, pageNumber, loaded.page(), candidates);
					}
					finally {
						MDC.clear();
						inFlight.release();
					}
				}));
			}
			for (Future<PageOutcome> outcome : outcomes) {
				outcome.get().addTo(documents, errors);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			outcomes.forEach((f) -> f.cancel(true));
			errors.add(Reasons.IN_FILE.text(name, Reasons.INTERRUPTED.text()));
		}
		catch (ExecutionException ex) {
			errors.add(Reasons.IN_FILE.text(name, describe(ex.getCause())));
		}
	}

	private PageOutcome readOne(String name, int number, PageSource source, List<FormTemplate> candidates) {
		PageOutcome loaded = load(name, number, source);
		return (loaded.error() != null) ? loaded : readLoaded(name, number, loaded.page(), candidates);
	}

	private PageOutcome load(String name, int number, PageSource source) {
		this.timer.get().start();
		try {
			Page page = source.page(number);
			this.timer.get().lap("load");
			return new PageOutcome(page, null, null);
		}
		catch (InputException ex) {
			return new PageOutcome(null, null, Reasons.IN_PAGE.text(name, number, ex.getMessage()));
		}
		catch (RuntimeException ex) {
			logger.warn("{}: page {} failed to load", name, number, ex);
			return new PageOutcome(null, null, Reasons.IN_PAGE.text(name, number, describe(ex)));
		}
	}

	private PageOutcome readLoaded(String name, int number, Page page, List<FormTemplate> candidates) {
		long start = System.nanoTime();
		try {
			return new PageOutcome(null, readPage(page, candidates), null);
		}
		catch (InputException | PageException ex) {
			return new PageOutcome(null, null, Reasons.IN_PAGE.text(name, number, ex.getMessage()));
		}
		catch (RuntimeException ex) {
			logger.warn("{}: page {} failed", name, number, ex);
			return new PageOutcome(null, null, Reasons.IN_PAGE.text(name, number, describe(ex)));
		}
		finally {
			logger.debug("{}: page {} read in {} ms ({})", name, number, (System.nanoTime() - start) / 1_000_000,
					this.timer.get());
		}
	}

	/** A loaded page, or a read page's document, or the one-line reason it failed. */
	private record PageOutcome(Page page, DocumentResult document, String error) {

		void addTo(List<DocumentResult> documents, List<String> errors) {
			if (this.document != null) {
				documents.add(this.document);
			}
			if (this.error != null) {
				errors.add(this.error);
			}
		}

	}

	private DocumentResult readPage(Page page, List<FormTemplate> candidates) {
		BufferedImage image = page.image();
		int dpi = (page.dpi() > 0) ? page.dpi()
				: (int) Math.round(image.getWidth() / candidates.get(0).paper().width() * 25.4);
		OcrEngine engine = engine(candidates.get(0).languages());
		boolean scanned = !page.hasTextLayer();
		double factor = Math.min(1.0, (double) CLASSIFY_DPI / dpi);
		BufferedImage reduced = Images.scale(image, factor);
		double skew = 0;
		if (scanned && this.settings.deskew()) {
			skew = Preprocess.findSkew(reduced);
			if (Math.abs(skew) < 0.2) {
				skew = 0;
			}
		}
		// nothing is turned yet: the regions classification and fields read are turned
		// as they are cut out, the whole page only on the rare paths that read all of it
		StraightenedPage straight = new StraightenedPage(image, skew);
		StraightenedPage straightSmall = new StraightenedPage(reduced, skew);
		this.timer.get().lap("straighten");
		List<PageClassifier.Score> scores = new ArrayList<>();
		AnchorFinder finder = null;
		Optional<FormTemplate> match = Optional.empty();
		// Japanese forms are classified by the Japanese model alone: with jpn+eng the
		// English model turns the large printed title into Latin letters
		OcrEngine classifier = scanned ? classifyEngine(candidates.get(0).languages(), engine) : engine;
		if (scanned) {
			Classification fast = classifyByAnchorRegions(candidates, classifier, image, straightSmall, factor, dpi,
					page.dpi());
			if (fast != null) {
				finder = fast.finder();
				match = Optional.of(fast.template());
				this.timer.get().lap("classify-regions");
			}
			else {
				this.timer.get().lap("classify-regions (inconclusive)");
			}
		}
		BufferedImage small = match.isEmpty() ? straightSmall.whole() : null;
		if (match.isEmpty()) {
			finder = new AnchorFinder(
					scanned ? pageWords(classifier, small, dpi * factor, factor) : TextLayers.words(page.textLayer()));
			match = PageClassifier.classify(candidates, finder, image.getWidth(), scores);
		}
		if (match.isEmpty() && scanned && this.settings.detectOrientation()) {
			int rotation = engine.detectOrientation(small, (int) Math.round(dpi * factor));
			if (rotation != 0) {
				logger.debug("page {} turned by {}°", page.number(), rotation);
				image = Preprocess.rotate(straight.whole(), rotation);
				straight = new StraightenedPage(image, 0);
				small = Images.scale(image, factor);
				finder = new AnchorFinder(pageWords(classifier, small, dpi * factor, factor));
				match = PageClassifier.classify(candidates, finder, image.getWidth(), scores = new ArrayList<>());
			}
		}
		if (match.isEmpty() && scanned && factor < 0.9) {
			// layout analysis at low resolution sometimes drops a line: look again
			// closely
			double full = Math.min(1.0, 300.0 / dpi);
			finder = new AnchorFinder(pageWords(classifier, Images.scale(straight.whole(), full), dpi * full, full));
			match = PageClassifier.classify(candidates, finder, image.getWidth(), scores = new ArrayList<>());
		}
		if (match.isEmpty() && scanned && classifier != engine) {
			// the full language set, as a last resort (a template with Latin keywords)
			finder = new AnchorFinder(pageWords(engine, small, dpi * factor, factor));
			match = PageClassifier.classify(candidates, finder, image.getWidth(), scores = new ArrayList<>());
		}
		if (match.isEmpty()) {
			if (finder.compactText().strip().length() < 3 && Preprocess.inkRatio(small) < BLANK_PAGE_INK) {
				throw new PageException(Reasons.BLANK_PAGE.text());
			}
			throw new PageException(Reasons.UNKNOWN_FORM.text(scores.stream()
				.map((s) -> s.template().id() + " " + Math.round(s.score() * 100) + "%")
				.collect(Collectors.joining(", "))));
		}
		this.timer.get().lap("classify");
		FormTemplate template = match.get();
		if (!template.languages().equals(candidates.get(0).languages())) {
			engine = engine(template.languages());
		}
		double pixelsPerMm = pixelsPerMm(template, image, page.dpi());
		double pixelsPerUnit = template.pixelUnits()
				? pixelsPerMm * template.paper().width() / referenceSize(template).width : pixelsPerMm;
		Transform transform = Alignment.align(template, finder, pixelsPerUnit, pixelsPerMm);
		PageContext context = new PageContext(page.number(), straight, (int) Math.round(pixelsPerMm * 25.4),
				pixelsPerMm, transform, page.textLayer(), fieldEngines(template.languages(), engine));
		this.timer.get().lap("align");
		DocumentResult document = readFields(template, context);
		this.timer.get().lap("fields");
		return document;
	}

	private DocumentResult readFields(FormTemplate template, PageContext context) {
		FieldReader reader = new FieldReader(context);
		Map<String, FieldResult> fields = new LinkedHashMap<>();
		boolean needsReview = false;
		for (FieldSpec spec : template.fields()) {
			FieldType type = FieldType.of(spec.type()).orElseThrow();
			FieldReader.Reading reading;
			try {
				reading = reader.read(spec, type);
			}
			catch (RuntimeException ex) {
				logger.warn("page {}: field {} failed", context.number(), spec.name(), ex);
				reading = new FieldReader.Reading("", "", 0, Reasons.FIELD_UNREADABLE.text(describe(ex)));
			}
			FieldResult result = check(template, spec, type, reading, context.number());
			needsReview |= !result.valid() || result.confidence() < minConfidence(template, spec);
			logger.debug("page {}: {} confidence {} valid {}", context.number(), spec.name(),
					String.format("%.2f", result.confidence()), result.valid());
			fields.put(spec.name(), result);
		}
		return new DocumentResult(List.of(context.number()), template.id(), needsReview, fields);
	}

	private FieldResult check(FormTemplate template, FieldSpec spec, FieldType type, FieldReader.Reading reading,
			int page) {
		Normalized normalized = type.normalize(reading.text());
		List<String> reasons = new ArrayList<>(normalized.reasons());
		boolean valid = normalized.valid();
		String value = normalized.value();
		if (reading.problem() != null) {
			reasons.add(reading.problem());
			valid = false;
		}
		boolean empty = value.isEmpty();
		if (spec.required() && (empty || (type == FieldType.CHECKBOX && "false".equals(value)))) {
			reasons.add(empty ? Reasons.REQUIRED_EMPTY.text() : Reasons.REQUIRED_NOT_TICKED.text());
			valid = false;
		}
		if (!empty && valid && spec.pattern() != null && !Pattern.compile(spec.pattern()).matcher(value).matches()) {
			reasons.add(Reasons.PATTERN_MISMATCH.text(spec.pattern()));
			valid = false;
		}
		double min = minConfidence(template, spec);
		if (reading.confidence() < min) {
			reasons.add(Reasons.LOW_CONFIDENCE.text(String.format(java.util.Locale.ROOT, "%.2f", reading.confidence()),
					String.format(java.util.Locale.ROOT, "%.2f", min)));
		}
		String raw = reading.raw();
		if (type == FieldType.MYNUMBER && !this.settings.revealMyNumbers()) {
			value = MyNumber.mask(value);
			raw = MyNumber.mask(raw);
		}
		return new FieldResult(value, raw, reading.confidence(), valid, reasons, page, spec.box().clone());
	}

	static double minConfidence(FormTemplate template, FieldSpec spec) {
		return (spec.minConfidence() != null) ? spec.minConfidence() : template.review().minConfidenceOrDefault();
	}

	/** A page classified from the regions round its template's anchors. */
	private record Classification(FormTemplate template, AnchorFinder finder) {
	}

	/**
	 * The cheap first try, in two steps. First each candidate's lead anchor (its title,
	 * else its longest text; see {@link #lead}) is read where it may lie, the candidates'
	 * regions merged (titles tend to share a place). A candidate whose lead is found
	 * there has its other anchors read in small regions placed from where the lead was
	 * found, and is accepted when its keywords and anchors are found convincingly. So the
	 * cost is about one title region plus the chosen form's labels, however many
	 * templates the home has. When no lead is found, or the result is not convincing, the
	 * regions round every candidate's anchors are read
	 * ({@link #classifyByAllAnchorRegions}); {@code null} when that is inconclusive too,
	 * and the whole page is read.
	 */
	private Classification classifyByAnchorRegions(List<FormTemplate> candidates, OcrEngine engine, BufferedImage image,
			StraightenedPage small, double factor, int dpi, int fileDpi) {
		Map<FormTemplate, Scale> scales = new LinkedHashMap<>();
		for (FormTemplate template : candidates) {
			if (template.anchors().isEmpty() || (template.pixelUnits() && template.referenceSize() == null)) {
				return null;
			}
			double pixelsPerMm = pixelsPerMm(template, image, fileDpi);
			double pixelsPerUnit = template.pixelUnits()
					? pixelsPerMm * template.paper().width() / template.referenceSize().width : pixelsPerMm;
			scales.put(template, new Scale(pixelsPerUnit, pixelsPerMm));
		}
		Rectangle smallPage = new Rectangle(0, 0, small.width(), small.height());
		List<Rectangle> regions = new ArrayList<>();
		Map<FormTemplate, Rectangle> leadRegions = new HashMap<>();
		for (var entry : scales.entrySet()) {
			Scale scale = entry.getValue();
			double[] b = lead(entry.getKey()).box();
			// shifted by up to REGION_SHIFT_MM and scaled by up to REGION_SCALE about the
			// paper's corner: the far edges move most
			double mx = (REGION_SHIFT_MM + REGION_SCALE * (b[0] + b[2]) * scale.mmPerUnit()) * scale.pixelsPerMm();
			double my = (REGION_SHIFT_MM + REGION_SCALE * (b[1] + b[3]) * scale.mmPerUnit()) * scale.pixelsPerMm();
			Rectangle r = reduced(b[0] * scale.pixelsPerUnit() - mx, b[1] * scale.pixelsPerUnit() - my,
					b[2] * scale.pixelsPerUnit() + 2 * mx, b[3] * scale.pixelsPerUnit() + 2 * my, factor)
				.intersection(smallPage);
			leadRegions.put(entry.getKey(), r);
			addMerged(regions, r);
		}
		List<OcrWord> leadWords = readRegions(regions, engine, small, factor, dpi);
		Classification best = null;
		double bestScore = 0;
		double secondScore = 0;
		for (var entry : scales.entrySet()) {
			FormTemplate template = entry.getKey();
			Scale scale = entry.getValue();
			Anchor lead = lead(template);
			List<OcrWord> mine = within(leadWords, List.of(leadRegions.get(template)), factor);
			double[] b = lead.box();
			Optional<Rectangle> found = new AnchorFinder(mine).find(lead.text(),
					(b[0] + b[2] / 2) * scale.pixelsPerUnit(), (b[1] + b[3] / 2) * scale.pixelsPerUnit(),
					Alignment.SEARCH_RADIUS_MM * scale.pixelsPerMm());
			if (found.isEmpty()) {
				continue;
			}
			// the scan's scale from the lead's printed width, within what the regions
			// allow
			double s = Math.max(1 - REGION_SCALE,
					Math.min(1 + REGION_SCALE, found.get().width / (b[2] * scale.pixelsPerUnit())));
			List<Rectangle> near = new ArrayList<>();
			for (Anchor anchor : template.anchors()) {
				if (anchor == lead) {
					continue;
				}
				double[] a = anchor.box();
				double du = (a[0] + a[2] / 2) - (b[0] + b[2] / 2);
				double dv = (a[1] + a[3] / 2) - (b[1] + b[3] / 2);
				double cx = found.get().getCenterX() + s * du * scale.pixelsPerUnit();
				double cy = found.get().getCenterY() + s * dv * scale.pixelsPerUnit();
				double m = (NEAR_MARGIN_MM + NEAR_SCALE * Math.hypot(du, dv) * scale.mmPerUnit()) * scale.pixelsPerMm();
				double w = s * a[2] * scale.pixelsPerUnit() + 2 * m;
				double h = s * a[3] * scale.pixelsPerUnit() + 2 * m;
				addMerged(near, reduced(cx - w / 2, cy - h / 2, w, h, factor).intersection(smallPage));
			}
			List<OcrWord> words = new ArrayList<>(mine);
			// sparse text: a label alone in a small region of ruled table cells is
			// dropped by the full layout analysis more often than not
			words.addAll(readRegions(near, engine, small, factor, dpi, SegMode.SPARSE));
			AnchorFinder finder = new AnchorFinder(words);
			double score = judge(template, finder, image.getWidth());
			if (score > bestScore) {
				secondScore = bestScore;
				bestScore = score;
				best = (score > 0) ? new Classification(template, finder) : null;
			}
			else {
				secondScore = Math.max(secondScore, score);
			}
		}
		if (best != null && bestScore >= FAST_ACCEPT && bestScore - secondScore >= FAST_LEAD) {
			return best;
		}
		logger.debug("lead anchors inconclusive (best {}, next {}): reading the regions round all anchors",
				String.format("%.2f", bestScore), String.format("%.2f", secondScore));
		return classifyByAllAnchorRegions(candidates, scales, engine, image, small, factor, dpi);
	}

	/** A template's scale on the page. */
	private record Scale(double pixelsPerUnit, double pixelsPerMm) {

		double mmPerUnit() {
			return this.pixelsPerUnit / this.pixelsPerMm;
		}

	}

	/**
	 * The anchor read first: the one that is the template's title (covers at least half
	 * of it), else the longest text — a form's title, as a rule, and the text that OCR
	 * finds most surely.
	 */
	static Anchor lead(FormTemplate template) {
		String title = JapaneseText.compact((template.title() != null) ? template.title() : "");
		Anchor lead = null;
		Anchor longest = template.anchors().get(0);
		for (Anchor anchor : template.anchors()) {
			String text = JapaneseText.compact(anchor.text());
			boolean isTitle = !title.isEmpty() && 2 * text.length() >= title.length()
					&& (title.contains(text) || text.contains(title));
			if (isTitle && (lead == null || text.length() > JapaneseText.compact(lead.text()).length())) {
				lead = anchor;
			}
			if (text.length() > JapaneseText.compact(longest.text()).length()) {
				longest = anchor;
			}
		}
		return (lead != null) ? lead : longest;
	}

	/**
	 * How well a page's words round a template's anchors match it: its classification
	 * score, or 0 when fewer than two of its anchors (one, if it has one) are found.
	 */
	private static double judge(FormTemplate template, AnchorFinder finder, int pageWidth) {
		List<PageClassifier.Score> scores = new ArrayList<>();
		PageClassifier.classify(List.of(template), finder, pageWidth, scores);
		double anchors = PageClassifier.anchorScore(template, finder, pageWidth);
		int found = (int) Math.round(anchors * template.anchors().size());
		return (found >= Math.min(2, template.anchors().size())) ? scores.get(0).score() : 0;
	}

	/** A full-page rectangle, in pixels of the reduced page. */
	private static Rectangle reduced(double x, double y, double width, double height, double factor) {
		return new Rectangle((int) Math.round(x * factor), (int) Math.round(y * factor),
				(int) Math.round(width * factor), (int) Math.round(height * factor));
	}

	/** The words whose centres lie in one of the regions (of the reduced page). */
	private static List<OcrWord> within(List<OcrWord> words, List<Rectangle> regions, double factor) {
		return words.stream().filter((w) -> {
			Rectangle b = w.box();
			double cx = (b.x + b.width / 2.0) * factor;
			double cy = (b.y + b.height / 2.0) * factor;
			return regions.stream().anyMatch((r) -> r.contains(cx, cy));
		}).toList();
	}

	/**
	 * OCR of regions of the reduced, straightened page (each turned as it is cut out), in
	 * a white border; word boxes in full-page pixels.
	 */
	private static List<OcrWord> readRegions(List<Rectangle> regions, OcrEngine engine, StraightenedPage small,
			double factor, int dpi) {
		return readRegions(regions, engine, small, factor, dpi, SegMode.AUTO);
	}

	private static List<OcrWord> readRegions(List<Rectangle> regions, OcrEngine engine, StraightenedPage small,
			double factor, int dpi, SegMode mode) {
		List<OcrWord> words = new ArrayList<>();
		for (Rectangle r : regions) {
			if (r.width < 8 || r.height < 8) {
				continue;
			}
			// in a white border: text cut by the region's edge otherwise makes
			// Tesseract's layout analysis clip a box outside the image, which Leptonica
			// reports on stderr ("Error in boxClipToRectangle: box outside rectangle")
			int border = REGION_BORDER;
			BufferedImage region = small.crop(r.x, r.y, r.width, r.height);
			if (region == null) {
				continue;
			}
			BufferedImage crop = Images.whiteBorder(region, border);
			OcrText text = engine.recognize(crop, (int) Math.round(dpi * factor), mode, null);
			boolean first = true;
			for (OcrWord w : text.words()) {
				Rectangle box = w.box();
				box.translate(-border, -border);
				words.add(new OcrWord(w.text(), w.confidence(),
						new Rectangle((int) Math.round((box.x + r.x) / factor),
								(int) Math.round((box.y + r.y) / factor), (int) Math.round(box.width / factor),
								(int) Math.round(box.height / factor)),
						w.lineStart() || first));
				first = false;
			}
		}
		return words;
	}

	/**
	 * The second try: OCR the regions round every candidate's anchors (at the reduced
	 * resolution) and accept a template when its keywords and anchors are found there
	 * convincingly; {@code null} when inconclusive, and the whole page is read.
	 */
	private Classification classifyByAllAnchorRegions(List<FormTemplate> candidates, Map<FormTemplate, Scale> scales,
			OcrEngine engine, BufferedImage image, StraightenedPage small, double factor, int dpi) {
		// the regions round every candidate's anchors, merged, each read once: the
		// candidates' titles and labels often lie in the same places
		List<Rectangle> regions = new ArrayList<>();
		Map<FormTemplate, List<Rectangle>> own = new HashMap<>();
		for (FormTemplate template : candidates) {
			Scale scale = scales.get(template);
			double margin = REGION_MARGIN_MM * scale.pixelsPerMm();
			for (var anchor : template.anchors()) {
				double[] b = anchor.box();
				Rectangle clipped = reduced(b[0] * scale.pixelsPerUnit() - margin,
						b[1] * scale.pixelsPerUnit() - margin, b[2] * scale.pixelsPerUnit() + 2 * margin,
						b[3] * scale.pixelsPerUnit() + 2 * margin, factor)
					.intersection(new Rectangle(0, 0, small.width(), small.height()));
				own.computeIfAbsent(template, (t) -> new ArrayList<>()).add(clipped);
				addMerged(regions, clipped);
			}
		}
		List<OcrWord> words = readRegions(regions, engine, small, factor, dpi);
		Classification best = null;
		double bestScore = 0;
		double secondScore = 0;
		for (FormTemplate template : candidates) {
			// each template is judged on the words round its own anchors only: another
			// form's label in a shared region must not pin this one's anchors
			AnchorFinder finder = new AnchorFinder(within(words, own.get(template), factor));
			List<PageClassifier.Score> scores = new ArrayList<>();
			PageClassifier.classify(List.of(template), finder, image.getWidth(), scores);
			double score = scores.get(0).score();
			double anchors = PageClassifier.anchorScore(template, finder, image.getWidth());
			int found = (int) Math.round(anchors * template.anchors().size());
			boolean enough = found >= Math.min(2, template.anchors().size());
			if (score > bestScore) {
				secondScore = bestScore;
				bestScore = score;
				best = enough ? new Classification(template, finder) : null;
			}
			else {
				secondScore = Math.max(secondScore, score);
			}
		}
		return (best != null && bestScore >= FAST_ACCEPT && bestScore - secondScore >= FAST_LEAD) ? best : null;
	}

	/** Add a rectangle to a list, merged with any it overlaps. */
	static void addMerged(List<Rectangle> regions, Rectangle r) {
		if (r.isEmpty()) {
			return;
		}
		Rectangle merged = r;
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int i = 0; i < regions.size(); i++) {
				if (regions.get(i).intersects(merged)) {
					merged = merged.union(regions.remove(i));
					changed = true;
					break;
				}
			}
		}
		regions.add(merged);
	}

	/** The engine that classifies pages: {@code jpn} alone for Japanese forms. */
	private OcrEngine classifyEngine(String languages, OcrEngine full) {
		List<String> parts = List.of(languages.split("\\+"));
		return (parts.size() > 1 && parts.contains("jpn")) ? engine("jpn") : full;
	}

	/**
	 * Whole-page OCR of a reduced page; word boxes are scaled back to the full page.
	 */
	private static List<OcrWord> pageWords(OcrEngine engine, BufferedImage small, double dpi, double factor) {
		OcrText text = engine.recognize(small, (int) Math.round(dpi), SegMode.AUTO, null);
		if (text.words().isEmpty() && !text.text().isEmpty()) {
			// an engine without layout: one pseudo word per line, positions unknown
			List<OcrWord> lines = new ArrayList<>();
			for (String line : text.text().split("\n")) {
				lines.add(new OcrWord(line, text.confidence(), new Rectangle(-100000, -100000, 1, 1), true));
			}
			return lines;
		}
		List<OcrWord> words = new ArrayList<>(text.words().size());
		for (OcrWord w : text.words()) {
			Rectangle b = w.box();
			words
				.add(new OcrWord(w.text(), w.confidence(),
						new Rectangle((int) Math.round(b.x / factor), (int) Math.round(b.y / factor),
								(int) Math.round(b.width / factor), (int) Math.round(b.height / factor)),
						w.lineStart()));
		}
		return words;
	}

	/**
	 * Page pixels per millimetre: from the file's DPI when it agrees with the paper size,
	 * else from the image width and the paper width.
	 */
	static double pixelsPerMm(FormTemplate template, BufferedImage image, int fileDpi) {
		double fromPaper = image.getWidth() / template.paper().width();
		if (fileDpi > 0) {
			double fromDpi = fileDpi / 25.4;
			double ratio = fromDpi / fromPaper;
			if (ratio > 0.8 && ratio < 1.25) {
				return fromDpi;
			}
		}
		return fromPaper;
	}

	private static Dimension referenceSize(FormTemplate template) {
		Dimension size = template.referenceSize();
		if (size == null) {
			throw new PageException(Reasons.PX_WITHOUT_REFERENCE.text(template.id()));
		}
		return size;
	}

	/**
	 * With {@code jpn+eng}, Japanese text is read by {@code jpn} alone (the English model
	 * otherwise turns doubtful kanji into Latin letters) and digits by both; a doubtful
	 * field is read again by the full set.
	 */
	private FieldEngines fieldEngines(String languages, OcrEngine full) {
		List<String> parts = List.of(languages.split("\\+"));
		if (parts.size() > 1 && parts.contains("jpn")) {
			return new FieldEngines(engine("jpn"), full, full);
		}
		return new FieldEngines(full, full, null);
	}

	private OcrEngine engine(String languages) {
		Map<String, OcrEngine> mine = this.engines.get();
		OcrEngine engine = mine.get(languages);
		if (engine == null) {
			engine = this.settings.engineFactory().create(this.settings.tessdata(), languages);
			mine.put(languages, engine);
			this.allEngines.add(engine);
		}
		return engine;
	}

	private static String describe(Throwable ex) {
		String message = ex.getMessage();
		return (message != null && !message.isBlank()) ? message.lines().findFirst().orElse(message)
				: ex.getClass().getSimpleName();
	}

	/**
	 * Close every engine of every thread. The reader cannot be used afterwards.
	 */
	@Override
	public void close() {
		this.closed = true;
		if (this.pageWorkers != null) {
			this.pageWorkers.shutdown();
			try {
				this.pageWorkers.awaitTermination(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		OcrEngine engine;
		while ((engine = this.allEngines.poll()) != null) {
			try {
				engine.close();
			}
			catch (RuntimeException ex) {
				logger.warn("Closing an OCR engine failed", ex);
			}
		}
	}

	/** A page that is readable but not a form: blank, unknown. */
	static final class PageException extends RuntimeException {

		PageException(String message) {
			super(message);
		}

	}

}
