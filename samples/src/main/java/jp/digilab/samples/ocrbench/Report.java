package jp.digilab.samples.ocrbench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jp.digilab.samples.ocrbench.OcrBenchmark.Options;
import jp.digilab.samples.ocrbench.OcrBenchmark.Result;
import jp.digilab.samples.ocrbench.OcrBenchmark.Run;
import jp.digilab.samples.scans.FormLayout;

/**
 * Prints a benchmark run: per template and for both, one row per field type and two
 * overall rows, both readers side by side; then throughput and the targets (judged on the
 * template the OCR was not tuned on).
 */
final class Report {

	private static final String NONE = "—";

	private Report() {
	}

	/**
	 * The template the benchmark did not tune on: the accuracy targets are judged on it.
	 */
	static final String UNTUNED = FormLayout.JIDOU_TEATE.id();

	static void print(Result result, Options options, PrintStream out) {
		int pages = result.scans().size();
		Map<String, Integer> formats = new TreeMap<>();
		Map<Integer, Integer> dpis = new TreeMap<>();
		Map<String, Integer> forms = new TreeMap<>();
		result.scans().forEach((s) -> {
			formats.merge(s.defects().format(), 1, Integer::sum);
			dpis.merge(s.defects().dpi(), 1, Integer::sum);
			forms.merge(s.filled().form().id(), 1, Integer::sum);
		});
		out.println();
		out.printf("OCR benchmark: %d scans %s, seed %d, %d workers; formats %s, dpi %s%n", pages, forms,
				options.seed(), options.workers(), formats, dpis);
		out.println("exact = exact match of the normalised value; CER = edit distance / truth length;");
		out.println(
				"flagged = sent to review (invalid, or confidence below the template's minimum; baseline: invalid or empty);");
		out.println("right|unflagged = share of right values among the fields not flagged");
		out.println("review gate: minConfidence " + options.minConfidence() + " in both templates (--min-confidence)");
		Run ours = result.ours();
		Run base = result.baseline();
		for (String template : ours.tallies().byTemplate.keySet()) {
			out.println();
			out.println(template + (template.equals(UNTUNED) ? " (not tuned on)" : " (tuned on)"));
			table(out, ours.tallies().byTemplate.get(template),
					(base != null) ? base.tallies().byTemplate.get(template) : null);
		}
		out.println();
		out.println("both templates");
		table(out, ours.tallies().all, (base != null) ? base.tallies().all : null);
		out.println();
		double oursRate = ours.pagesPerSecond(pages);
		out.printf(Locale.ROOT, "pages/s        Digi-Lab %.2f (%.1f s)", oursRate, ours.seconds());
		double ratio = Double.NaN;
		if (base != null) {
			double baseRate = base.pagesPerSecond(pages);
			ratio = oursRate / baseRate;
			out.printf(Locale.ROOT, " | tesseract %.2f (%.1f s) | ours/baseline %.2f×", baseRate, base.seconds(),
					ratio);
		}
		out.println(" (mean of two timings each, in the order ours, tesseract, tesseract, ours)");
		errors(out, "Digi-Lab", ours.errors());
		if (base != null) {
			errors(out, "tesseract", base.errors());
		}
		out.println();
		Tally untuned = ours.tallies().byTemplate.get(UNTUNED);
		Tally.Counts ocr = ((untuned != null) ? untuned : ours.tallies().all).ocrFields();
		Tally.Counts all = ours.tallies().all.ocrFields();
		out.printf("targets (Digi-Lab, OCR fields of %s; both templates in brackets):%n",
				(untuned != null) ? UNTUNED : "all templates");
		target(out, "exact match >= 98 %", pct(ocr.accuracy()), pct(all.accuracy()), ocr.accuracy() >= 0.98);
		target(out, "CER <= 1 %", pct(ocr.cer()), pct(all.cer()), ocr.cer() <= 0.01);
		target(out, "right among unflagged >= 99.5 %", pct(ocr.unflaggedAccuracy()), pct(all.unflaggedAccuracy()),
				ocr.unflaggedAccuracy() >= 0.995);
		target(out, "flagged <= 15 %", pct(ocr.flaggedShare()), pct(all.flaggedShare()), ocr.flaggedShare() <= 0.15);
		if (base != null) {
			String r = String.format(Locale.ROOT, "%.2f×", ratio);
			target(out, "throughput >= 3x baseline", r, r, ratio >= 3);
		}
	}

	private static void table(PrintStream out, Tally ours, Tally base) {
		String head = "%-14s %6s | %8s %7s %8s %16s | %8s %7s %8s %16s%n";
		out.printf(head, "", "", "Digi-Lab", "", "", "", "tesseract", "", "", "");
		out.printf(head, "field type", "fields", "exact", "CER", "flagged", "right|unflagged", "exact", "CER",
				"flagged", "right|unflagged");
		for (Map.Entry<String, Tally.Counts> e : ours.byType().entrySet()) {
			Tally.Counts b = (base != null) ? base.byType().get(e.getKey()) : null;
			row(out, e.getKey(), e.getValue(), b);
		}
		row(out, "OCR fields", ours.ocrFields(), (base != null) ? base.ocrFields() : null);
		row(out, "all fields", ours.allFields(), null);
	}

	private static void row(PrintStream out, String name, Tally.Counts ours, Tally.Counts base) {
		out.printf("%-14s %6d | %8s %7s %8s %16s | %8s %7s %8s %16s%n", name, ours.fields, pct(ours.accuracy()),
				pct(ours.cer()), pct(ours.flaggedShare()), pct(ours.unflaggedAccuracy()),
				(base != null) ? pct(base.accuracy()) : NONE, (base != null) ? pct(base.cer()) : NONE,
				(base != null) ? pct(base.flaggedShare()) : NONE,
				(base != null) ? pct(base.unflaggedAccuracy()) : NONE);
	}

	private static void errors(PrintStream out, String who, List<String> errors) {
		if (!errors.isEmpty()) {
			out.printf("%s errors (%d): %s%n", who, errors.size(), errors.subList(0, Math.min(5, errors.size())));
		}
	}

	private static void target(PrintStream out, String what, String figure, String both, boolean met) {
		out.printf("  %-34s %8s (%s)  %s%n", what, figure, both, met ? "met" : "NOT met");
	}

	static String pct(double v) {
		return Double.isNaN(v) ? NONE : String.format(Locale.ROOT, "%.1f%%", v * 100);
	}

}
