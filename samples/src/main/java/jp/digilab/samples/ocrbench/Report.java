package jp.digilab.samples.ocrbench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jp.digilab.samples.ocrbench.OcrBenchmark.Options;
import jp.digilab.samples.ocrbench.OcrBenchmark.Result;
import jp.digilab.samples.ocrbench.OcrBenchmark.Run;

/**
 * Prints a benchmark run: one row per field type and two overall rows, both readers side
 * by side, then throughput and the targets.
 */
final class Report {

	private static final String NONE = "—";

	private Report() {
	}

	static void print(Result result, Options options, PrintStream out) {
		int pages = result.scans().size();
		Map<String, Integer> formats = new TreeMap<>();
		Map<Integer, Integer> dpis = new TreeMap<>();
		result.scans().forEach((s) -> {
			formats.merge(s.defects().format(), 1, Integer::sum);
			dpis.merge(s.defects().dpi(), 1, Integer::sum);
		});
		out.println();
		out.printf("OCR benchmark: %d scans of juminhyo-request, seed %d, %d workers; formats %s, dpi %s%n", pages,
				options.seed(), options.workers(), formats, dpis);
		out.println("exact = exact match of the normalised value; CER = edit distance / truth length;");
		out.println(
				"flagged = sent to review (invalid, or confidence below the template's minimum; baseline: invalid or empty);");
		out.println("right|unflagged = share of right values among the fields not flagged");
		out.println();
		String head = "%-14s %6s | %8s %7s %8s %16s | %8s %7s %8s %16s%n";
		out.printf(head, "", "", "Digi-Lab", "", "", "", "tesseract", "", "", "");
		out.printf(head, "field type", "fields", "exact", "CER", "flagged", "right|unflagged", "exact", "CER",
				"flagged", "right|unflagged");
		Run ours = result.ours();
		Run base = result.baseline();
		for (Map.Entry<String, Tally.Counts> e : ours.tally().byType().entrySet()) {
			Tally.Counts b = (base != null) ? base.tally().byType().get(e.getKey()) : null;
			row(out, e.getKey(), e.getValue(), b);
		}
		row(out, "OCR fields", ours.tally().ocrFields(), (base != null) ? base.tally().ocrFields() : null);
		row(out, "all fields", ours.tally().allFields(), null);
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
		out.println();
		errors(out, "Digi-Lab", ours.errors());
		if (base != null) {
			errors(out, "tesseract", base.errors());
		}
		out.println();
		Tally.Counts ocr = ours.tally().ocrFields();
		out.println("targets (Digi-Lab, OCR fields):");
		target(out, "exact match >= 98 %", pct(ocr.accuracy()), ocr.accuracy() >= 0.98);
		target(out, "CER <= 1 %", pct(ocr.cer()), ocr.cer() <= 0.01);
		target(out, "right among unflagged >= 99.5 %", pct(ocr.unflaggedAccuracy()), ocr.unflaggedAccuracy() >= 0.995);
		target(out, "flagged <= 15 %", pct(ocr.flaggedShare()), ocr.flaggedShare() <= 0.15);
		if (base != null) {
			target(out, "throughput >= 3x baseline", String.format(Locale.ROOT, "%.2f×", ratio), ratio >= 3);
		}
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

	private static void target(PrintStream out, String what, String figure, boolean met) {
		out.printf("  %-34s %8s  %s%n", what, figure, met ? "met" : "NOT met");
	}

	static String pct(double v) {
		return Double.isNaN(v) ? NONE : String.format(Locale.ROOT, "%.1f%%", v * 100);
	}

}
