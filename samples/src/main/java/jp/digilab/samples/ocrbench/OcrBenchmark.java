package jp.digilab.samples.ocrbench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.digilab.ocr.DocumentResult;
import jp.digilab.ocr.FieldResult;
import jp.digilab.ocr.FormReader;
import jp.digilab.ocr.OcrSettings;
import jp.digilab.ocr.ScanResult;
import jp.digilab.ocr.field.Normalized;
import jp.digilab.ocr.template.FieldSpec;
import jp.digilab.ocr.template.FormTemplate;
import jp.digilab.samples.ocrbench.BenchScans.BenchScan;
import jp.digilab.samples.scans.FormLayout;
import jp.digilab.samples.scans.SampleScanGenerator;

/**
 * The OCR accuracy and speed benchmark: generates N defect-laden scans of the two sample
 * forms (in turns: 住民票の写し等交付請求書, on which the OCR was tuned, and 児童手当 認定請求書, on which it
 * was not) with their ground truth, reads them with {@link FormReader} on W worker
 * threads (both templates as candidates) and, side by side, with the whole-page
 * {@code tesseract} command plus a label-based extraction (W parallel processes), and
 * prints accuracy per field type, character error rate, fields flagged for review,
 * accuracy of the unflagged fields and pages per second.
 * <p>
 * Usage: {@code OcrBenchmark [--count N] [--workers W] [--out DIR] [--seed S]
 * [--pdf-pages P] [--min-confidence C]} (defaults 40, 2, a new temporary folder, 1, 0,
 * 0.80: the review gate written into the benchmark's templates). With
 * {@code --pdf-pages P} it then reads a P-page image-only PDF made of the scans in a
 * child JVM with {@code -Xmx512m} ({@link PdfHeapCheck}). Exit code 0 when it ran, 2 on
 * bad usage.
 */
public final class OcrBenchmark {

	static final String USAGE = "usage: OcrBenchmark [--count N] [--workers W] [--out DIR] [--seed S] [--pdf-pages P] [--min-confidence C]";

	/**
	 * The review gate for defect-laden scans: Tesseract's LSTM is sometimes wrong on one
	 * character between 0.60 and 0.80 (末松→未松 at 0.75), almost never above.
	 */
	static final String DEFAULT_MIN_CONFIDENCE = "0.80";

	private final Options options;

	OcrBenchmark(Options options) {
		this.options = options;
	}

	public static void main(String[] args) throws IOException {
		System.setProperty("java.awt.headless", "true");
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		new OcrBenchmark(options).run(System.out);
	}

	/**
	 * Generate the scans, read them both ways and print the report.
	 * @param out where the report goes
	 * @return the figures
	 * @throws IOException if the scans cannot be written
	 */
	Result run(PrintStream out) throws IOException {
		Path dir = (this.options.out() != null) ? Files.createDirectories(this.options.out())
				: Files.createTempDirectory("digilab-ocrbench-");
		out.printf("generating %d scans (seed %d) in %s ...%n", this.options.count(), this.options.seed(), dir);
		SampleScanGenerator generator = new SampleScanGenerator();
		Map<String, FormTemplate> templates = new LinkedHashMap<>();
		for (FormLayout form : FormLayout.ALL) {
			Path yml = generator.writeTemplate(dir.resolve("templates"), form);
			// the review gate of the benchmark's templates (the sample home's keep
			// 0.60: its scans are clean)
			Files.writeString(yml,
					Files.readString(yml, StandardCharsets.UTF_8)
						.replace("minConfidence: 0.60", "minConfidence: " + this.options.minConfidence()),
					StandardCharsets.UTF_8);
			FormTemplate template = FormTemplate.load(yml);
			templates.put(template.id(), template);
		}
		long start = System.nanoTime();
		List<BenchScan> scans = BenchScans.generate(generator, this.options.count(), this.options.seed(),
				dir.resolve("scans"), this.options.workers());
		out.printf("generated in %.1f s; reading with Digi-Lab OCR (%d workers) ...%n", seconds(start),
				this.options.workers());
		try (FormReader reader = new FormReader(OcrSettings.defaults().withRevealMyNumbers(true))) {
			Run ours = readOurs(reader, templates, scans);
			Run baseline = null;
			if (Baseline.available()) {
				out.printf("read in %.1f s; reading with the tesseract command (%d processes) ...%n", ours.seconds(),
						this.options.workers());
				Baseline command = new Baseline(Files.createDirectories(dir.resolve("baseline")));
				baseline = readBaseline(command, templates, scans);
				// the machine's load drifts: time each side twice, in the order ours,
				// baseline, baseline, ours, and keep the mean of each (accuracy from the
				// first runs)
				out.printf("read in %.1f s; timing both again in reverse order ...%n", baseline.seconds());
				double baseAgain = timeBaseline(command, scans);
				double oursAgain = timeOurs(reader, templates, scans);
				baseline = baseline.withSeconds((baseline.seconds() + baseAgain) / 2);
				ours = ours.withSeconds((ours.seconds() + oursAgain) / 2);
			}
			else {
				out.println("tesseract command not found: baseline skipped");
			}
			Result result = new Result(scans, ours, baseline);
			writeCsv(templates, result, dir.resolve("fields.csv"));
			Report.print(result, this.options, out);
			if (this.options.pdfPages() > 0) {
				Path pdf = dir.resolve("long-" + this.options.pdfPages() + ".pdf");
				PdfHeapCheck.writePdf(scans, this.options.pdfPages(), pdf);
				out.printf(
						"%nlong PDF: %d pages (%d MB) read by one FormReader with %d page workers in a child JVM "
								+ "with -Xmx%s ...%n",
						this.options.pdfPages(), Files.size(pdf) >> 20, this.options.workers(), PdfHeapCheck.HEAP);
				out.println("  " + PdfHeapCheck.runChild(pdf, dir.resolve("templates"), this.options.workers()));
			}
			out.println("scans, truth.json and fields.csv (every field, both readers) are in " + dir);
			return result;
		}
	}

	private Run readOurs(FormReader reader, Map<String, FormTemplate> templates, List<BenchScan> scans) {
		List<FormTemplate> candidates = List.copyOf(templates.values());
		long start = System.nanoTime();
		List<ScanResult> results = parallel(scans, (scan) -> reader.read(scan.file(), candidates));
		double seconds = seconds(start);
		Tallies tallies = new Tallies();
		List<Reading> readings = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		for (int i = 0; i < scans.size(); i++) {
			ScanResult result = results.get(i);
			errors.addAll(result.errors());
			FormTemplate template = templates.get(scans.get(i).filled().form().id());
			DocumentResult doc = result.documents().isEmpty() ? null : result.documents().get(0);
			if (doc != null && !doc.template().equals(template.id())) {
				errors.add(scans.get(i).name() + ": classified as " + doc.template());
				doc = null;
			}
			Map<String, String> truth = scans.get(i).filled().truth();
			for (FieldSpec spec : template.fields()) {
				FieldResult field = (doc != null) ? doc.fields().get(spec.name()) : null;
				String value = (field != null) ? field.value() : "";
				boolean flagged = field == null || !field.valid() || field.confidence() < minConfidence(template, spec);
				tallies.add(template.id(), spec.type(), truth.get(spec.name()), value, flagged);
				readings.add(new Reading(value, (field != null) ? field.confidence() : 0, flagged,
						(field != null) ? field.raw() : ""));
			}
		}
		return new Run(tallies, readings, errors, seconds);
	}

	private double timeOurs(FormReader reader, Map<String, FormTemplate> templates, List<BenchScan> scans) {
		List<FormTemplate> candidates = List.copyOf(templates.values());
		long start = System.nanoTime();
		parallel(scans, (scan) -> reader.read(scan.file(), candidates));
		return seconds(start);
	}

	private double timeBaseline(Baseline baseline, List<BenchScan> scans) {
		long start = System.nanoTime();
		parallel(scans, (scan) -> {
			try {
				return baseline.text(scan.file());
			}
			catch (IOException ex) {
				return null;
			}
		});
		return seconds(start);
	}

	private Run readBaseline(Baseline baseline, Map<String, FormTemplate> templates, List<BenchScan> scans) {
		long start = System.nanoTime();
		List<String> texts = parallel(scans, (scan) -> {
			try {
				return baseline.text(scan.file());
			}
			catch (IOException ex) {
				return null;
			}
		});
		double seconds = seconds(start);
		Tallies tallies = new Tallies();
		List<Reading> readings = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		for (int i = 0; i < scans.size(); i++) {
			FormTemplate template = templates.get(scans.get(i).filled().form().id());
			// the baseline is told which form the page is: it has no classifier
			Map<String, Normalized> values = (texts.get(i) != null) ? Baseline.extract(template, texts.get(i)) : null;
			if (values == null) {
				errors.add(scans.get(i).name() + ": tesseract failed");
			}
			Map<String, String> truth = scans.get(i).filled().truth();
			for (FieldSpec spec : template.fields()) {
				if (spec.type().equals("checkbox") || spec.type().equals("choice")) {
					readings.add(null);
					continue;
				}
				Normalized n = (values != null) ? values.get(spec.name()) : null;
				String value = (n != null) ? n.value() : "";
				boolean flagged = n == null || !n.valid() || n.isEmpty();
				tallies.add(template.id(), spec.type(), truth.get(spec.name()), value, flagged);
				readings.add(new Reading(value, Double.NaN, flagged, ""));
			}
		}
		return new Run(tallies, readings, errors, seconds);
	}

	private <T> List<T> parallel(List<BenchScan> scans, java.util.function.Function<BenchScan, T> work) {
		ExecutorService pool = Executors.newFixedThreadPool(this.options.workers());
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (BenchScan scan : scans) {
				futures.add(pool.submit(() -> work.apply(scan)));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> f : futures) {
				results.add(f.get());
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void writeCsv(Map<String, FormTemplate> templates, Result result, Path file) throws IOException {
		StringBuilder csv = new StringBuilder(
				"file,template,field,type,truth,ours,confidence,ours_flagged,baseline,baseline_flagged,ours_raw\n");
		int k = 0;
		for (BenchScan scan : result.scans()) {
			FormTemplate template = templates.get(scan.filled().form().id());
			for (FieldSpec spec : template.fields()) {
				Reading ours = result.ours().readings().get(k);
				Reading base = (result.baseline() != null) ? result.baseline().readings().get(k) : null;
				k++;
				csv.append(String.join(",", scan.name(), template.id(), spec.name(), spec.type(),
						quote(scan.filled().truth().get(spec.name())), quote(ours.value()),
						String.format(Locale.ROOT, "%.3f", ours.confidence()), Boolean.toString(ours.flagged()),
						(base != null) ? quote(base.value()) : "",
						(base != null) ? Boolean.toString(base.flagged()) : "", quote(ours.raw())))
					.append('\n');
			}
		}
		Files.writeString(file, csv, StandardCharsets.UTF_8);
	}

	private static String quote(String s) {
		return '"' + s.replace("\"", "\"\"") + '"';
	}

	static double minConfidence(FormTemplate template, FieldSpec spec) {
		return (spec.minConfidence() != null) ? spec.minConfidence() : template.review().minConfidenceOrDefault();
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	/**
	 * The command line.
	 *
	 * @param count how many scans
	 * @param workers worker threads (and tesseract processes)
	 * @param out where scans go, or {@code null} for a new temporary folder
	 * @param seed the seed of every random choice
	 * @param pdfPages pages of the long PDF read with a 512 MB heap afterwards (0: none)
	 * @param minConfidence the review gate written into the benchmark's templates
	 */
	record Options(int count, int workers, Path out, long seed, int pdfPages, String minConfidence) {

		static Options parse(String... args) {
			int count = 40;
			int workers = 2;
			Path out = null;
			long seed = 1;
			int pdfPages = 0;
			String minConfidence = DEFAULT_MIN_CONFIDENCE;
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("missing value after " + arg);
				}
				String value = args[++i];
				try {
					switch (arg) {
						case "--count" -> count = Integer.parseInt(value);
						case "--workers" -> workers = Integer.parseInt(value);
						case "--out" -> out = Path.of(value);
						case "--seed" -> seed = Long.parseLong(value);
						case "--pdf-pages" -> pdfPages = Integer.parseInt(value);
						case "--min-confidence" -> {
							double c = Double.parseDouble(value);
							if (c < 0 || c > 1) {
								throw new IllegalArgumentException("--min-confidence must be between 0 and 1");
							}
							minConfidence = value;
						}
						default -> throw new IllegalArgumentException("unknown option " + arg);
					}
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("not a number after " + arg + ": " + value);
				}
			}
			if (count < 1 || workers < 1 || pdfPages < 0) {
				throw new IllegalArgumentException("--count and --workers must be at least 1, --pdf-pages at least 0");
			}
			return new Options(count, workers, out, seed, pdfPages, minConfidence);
		}

	}

	/** One field as a reader read it. */
	record Reading(String value, double confidence, boolean flagged, String raw) {

	}

	/**
	 * One reader's run.
	 *
	 * @param tallies the accuracy figures, per template and overall
	 * @param readings every field of every scan, in order (null where the reader does not
	 * read the field)
	 * @param errors the reader's errors
	 * @param seconds wall-clock time of reading all scans
	 */
	record Run(Tallies tallies, List<Reading> readings, List<String> errors, double seconds) {

		double pagesPerSecond(int pages) {
			return pages / this.seconds;
		}

		Run withSeconds(double s) {
			return new Run(this.tallies, this.readings, this.errors, s);
		}

	}

	/** Accuracy figures per template and over all templates. */
	static final class Tallies {

		final Map<String, Tally> byTemplate = new LinkedHashMap<>();

		final Tally all = new Tally();

		void add(String template, String type, String truth, String value, boolean flagged) {
			this.byTemplate.computeIfAbsent(template, (t) -> new Tally()).add(type, truth, value, flagged);
			this.all.add(type, truth, value, flagged);
		}

	}

	/**
	 * The figures of a benchmark run.
	 *
	 * @param scans the generated scans
	 * @param ours Digi-Lab OCR
	 * @param baseline the tesseract command, or {@code null} when it is not installed
	 */
	record Result(List<BenchScan> scans, Run ours, Run baseline) {

	}

}
