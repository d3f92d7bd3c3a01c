package jp.digilab.app.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.digilab.app.reports.HoursDownloads;
import jp.digilab.jobs.ledger.HoursReport;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hours saved in a fiscal year (令和8年度 = FY2026 = 2026-04-01 … 2027-03-31), by department,
 * job or month: as JSON, csv or xlsx — the dashboard's downloads.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "reports", description = "Hours saved by fiscal year, department, job and month")
class ReportsController {

	private final HoursDownloads downloads;

	ReportsController(HoursDownloads downloads) {
		this.downloads = downloads;
	}

	/** A fiscal year's report. */
	record Hours(int fiscalYear, String japanese, String western, String by, BigDecimal totalSavedHours,
			BigDecimal totalSavedMinutes, List<HoursReport.Row> rows) {
	}

	@GetMapping("/hours")
	@Operation(summary = "Hours saved in a fiscal year (fy = the 西暦 year it starts in; default this one), "
			+ "by department, job or month")
	Hours hours(@RequestParam(required = false) Integer fy, @RequestParam(defaultValue = "department") String by) {
		HoursReport report = this.downloads.report(fy, by);
		return new Hours(report.fiscalYear().year(), report.fiscalYear().japaneseLabel(),
				report.fiscalYear().westernLabel(), report.grouping().name().toLowerCase(Locale.ROOT),
				report.totalSavedHours(), report.totalSavedMinutes(), report.rows());
	}

	@GetMapping("/hours.csv")
	@Operation(summary = "The report as CSV (UTF-8 with BOM, for Excel)")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) Integer fy,
			@RequestParam(defaultValue = "department") String by) throws IOException {
		return this.downloads.csv(fy, by);
	}

	@GetMapping("/hours.xlsx")
	@Operation(summary = "The report as an Excel workbook with a monthly chart")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Integer fy,
			@RequestParam(defaultValue = "department") String by) throws IOException {
		return this.downloads.xlsx(fy, by);
	}

}
