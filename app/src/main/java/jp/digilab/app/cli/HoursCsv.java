package jp.digilab.app.cli;

import java.io.IOException;

import jp.digilab.jobs.ledger.HoursReport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The hours-saved report as CSV (Excel dialect, no byte order mark: the caller adds one
 * for files), shared by {@code report --format csv} and the console's download.
 */
public final class HoursCsv {

	private HoursCsv() {
	}

	public static void write(HoursReport report, Appendable out) throws IOException {
		CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL.builder().get());
		csv.printRecord(Messages.get("report.csv.fy"), groupLabel(report), Messages.get("report.csv.runs"),
				Messages.get("report.csv.succeeded"), Messages.get("report.csv.failed"),
				Messages.get("report.csv.review"), Messages.get("report.csv.hours"));
		for (HoursReport.Row row : report.rows()) {
			csv.printRecord(report.fiscalYear().japaneseLabel(), row.key(), row.runs(), row.succeeded(), row.failed(),
					row.reviewSeconds(), row.savedHours());
		}
		csv.flush();
	}

	/** The grouping's label in the report language, e.g. 所属. */
	public static String groupLabel(HoursReport report) {
		return Messages.get("report.by." + report.grouping().name().toLowerCase(java.util.Locale.ROOT));
	}

}
