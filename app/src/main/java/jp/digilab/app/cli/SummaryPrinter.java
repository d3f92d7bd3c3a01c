package jp.digilab.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;

import jp.digilab.jobs.ledger.FiscalYear;
import jp.digilab.jobs.pipeline.RunSummary;

/** Prints a run's summary for people. */
final class SummaryPrinter {

	private SummaryPrinter() {
	}

	static void print(RunSummary summary, String jobTitle, PrintWriter out) {
		out.println(Messages.get("summary.title", summary.jobId(), jobTitle));
		row(out, "summary.run", summary.runId());
		row(out, "summary.status", Messages.get("status." + summary.status()));
		row(out, "summary.files", summary.files(), summary.filesFailed());
		row(out, "summary.records", summary.records(), summary.approved(), summary.needsReview());
		row(out, "summary.fields", summary.fieldsRead());
		row(out, "summary.entered", summary.entered(), summary.entrySkipped(), summary.entryFailed());
		FiscalYear fy = FiscalYear.of(LocalDate.now());
		row(out, "summary.saved", summary.savedMinutes().stripTrailingZeros().toPlainString(),
				summary.savedHours().toPlainString(), fy.japaneseLabel(), fy.westernLabel());
		row(out, "summary.duration", summary.duration().toSeconds());
		boolean first = true;
		for (String output : summary.outputs()) {
			out.println(first ? pad(Messages.get("summary.outputs")) + output : pad("") + output);
			first = false;
		}
		if (summary.outputs().isEmpty()) {
			row(out, "summary.outputs.none");
		}
		for (String failure : summary.failures()) {
			out.println(pad(Messages.get("summary.failure")) + Messages.reason(failure));
		}
		out.flush();
	}

	private static void row(PrintWriter out, String key, Object... args) {
		String text = Messages.get(key, args);
		int tab = text.indexOf('\t');
		out.println((tab > 0) ? pad(text.substring(0, tab)) + text.substring(tab + 1) : text);
	}

	/** Pads a label to a fixed display width; CJK characters are two columns wide. */
	static String pad(String label) {
		int width = label.codePoints().map((c) -> (c > 0x2E80) ? 2 : 1).sum();
		return label + " ".repeat(Math.max(1, 16 - width));
	}

}
