package jp.digilab.app.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jp.digilab.app.cli.HoursCsv;
import jp.digilab.app.cli.HoursWorkbook;
import jp.digilab.jobs.ledger.FiscalYear;
import jp.digilab.jobs.ledger.HoursReport;
import jp.digilab.jobs.ledger.LedgerEntry;
import jp.digilab.jobs.ledger.LedgerRepository;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * The hours-saved report of a fiscal year as the dashboard, {@code /api/reports} and
 * {@code ./digilab report} give it: grouped by department, job or month, as values or as
 * csv and xlsx downloads.
 */
@Service
public class HoursDownloads {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final LedgerRepository ledger;

	public HoursDownloads(LedgerRepository ledger) {
		this.ledger = ledger;
	}

	public HoursReport report(Integer fy, String by) {
		return HoursReport.of(year(fy), grouping(by), this.ledger.findAll());
	}

	public ResponseEntity<byte[]> csv(Integer fy, String by) throws IOException {
		HoursReport report = report(fy, by);
		StringWriter out = new StringWriter();
		// Excel reads a UTF-8 CSV correctly only with a byte order mark
		out.write('\uFEFF');
		HoursCsv.write(report, out);
		return download(out.toString().getBytes(StandardCharsets.UTF_8), fileName(report, "csv"),
				new MediaType("text", "csv", StandardCharsets.UTF_8));
	}

	public ResponseEntity<byte[]> xlsx(Integer fy, String by) throws IOException {
		List<LedgerEntry> entries = this.ledger.findAll();
		HoursReport report = HoursReport.of(year(fy), grouping(by), entries);
		HoursReport monthly = HoursReport.of(report.fiscalYear(), HoursReport.Grouping.MONTH, entries);
		Path dir = Files.createTempDirectory("digilab-report");
		try {
			Path file = HoursWorkbook.write(report, monthly, HoursCsv.groupLabel(report), dir.resolve("report.xlsx"));
			byte[] bytes = Files.readAllBytes(file);
			Files.delete(file);
			return download(bytes, fileName(report, "xlsx"), XLSX);
		}
		finally {
			Files.deleteIfExists(dir);
		}
	}

	public static FiscalYear year(Integer fy) {
		return (fy != null) ? new FiscalYear(fy) : FiscalYear.of(LocalDate.now());
	}

	/** department, job or month; anything else is department. */
	public static HoursReport.Grouping grouping(String by) {
		try {
			return HoursReport.Grouping.parse(by);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return HoursReport.Grouping.DEPARTMENT;
		}
	}

	private static String fileName(HoursReport report, String extension) {
		return "hours-" + report.fiscalYear().westernLabel() + "-by-"
				+ report.grouping().name().toLowerCase(Locale.ROOT) + "." + extension;
	}

	private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

}
