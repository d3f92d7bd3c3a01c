package jp.digilab.app.console.dashboard;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.digilab.app.reports.HoursDownloads;
import jp.digilab.jobs.ledger.FiscalYear;
import jp.digilab.jobs.ledger.HoursReport;
import jp.digilab.jobs.ledger.LedgerEntry;
import jp.digilab.jobs.ledger.LedgerRepository;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Hours saved in a fiscal year, in the city's terms (令和8年度 削減時間 ▲1,234時間), by department,
 * job and month; the same report as {@code ./digilab report} to download.
 */
@Controller
class DashboardController {

	private final LedgerRepository ledger;

	private final HoursDownloads downloads;

	DashboardController(LedgerRepository ledger, HoursDownloads downloads) {
		this.ledger = ledger;
		this.downloads = downloads;
	}

	@GetMapping("/")
	String dashboard(@RequestParam(required = false) Integer fy, Model model) {
		FiscalYear year = year(fy);
		List<LedgerEntry> entries = this.ledger.findAll();
		HoursReport departments = HoursReport.of(year, HoursReport.Grouping.DEPARTMENT, entries);
		HoursReport monthly = HoursReport.of(year, HoursReport.Grouping.MONTH, entries);
		model.addAttribute("fiscalYear", year);
		model.addAttribute("previousYear", year.year() - 1);
		model.addAttribute("nextYear", year.year() + 1);
		model.addAttribute("totalHours", hours(departments.totalSavedHours()));
		model.addAttribute("departments", departments.rows());
		model.addAttribute("jobs", HoursReport.of(year, HoursReport.Grouping.JOB, entries).rows());
		List<String> months = new ArrayList<>();
		List<BigDecimal> monthHours = new ArrayList<>();
		Map<String, HoursReport.Row> byMonth = monthly.rows()
			.stream()
			.collect(Collectors.toMap(HoursReport.Row::key, Function.identity()));
		YearMonth month = YearMonth.from(year.start());
		for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
			HoursReport.Row row = byMonth.get(month.toString());
			months.add(month.toString());
			monthHours.add((row != null) ? row.savedHours() : BigDecimal.ZERO);
		}
		model.addAttribute("months", months);
		model.addAttribute("monthHours", monthHours);
		return "dashboard";
	}

	@GetMapping("/reports/hours.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) Integer fy,
			@RequestParam(defaultValue = "department") String by) throws IOException {
		return this.downloads.csv(fy, by);
	}

	@GetMapping("/reports/hours.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Integer fy,
			@RequestParam(defaultValue = "department") String by) throws IOException {
		return this.downloads.xlsx(fy, by);
	}

	private static FiscalYear year(Integer fy) {
		return HoursDownloads.year(fy);
	}

	/** Whole hours with thousands separators, one decimal below 100 hours. */
	static String hours(BigDecimal hours) {
		DecimalFormat format = new DecimalFormat(
				(hours.abs().compareTo(BigDecimal.valueOf(100)) < 0) ? "#,##0.#" : "#,##0",
				DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(hours);
	}

}
