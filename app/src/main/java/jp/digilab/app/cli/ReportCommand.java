package jp.digilab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.jobs.ledger.FiscalYear;
import jp.digilab.jobs.ledger.HoursReport;
import jp.digilab.jobs.ledger.LedgerEntry;
import jp.digilab.jobs.ledger.LedgerRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code report}: hours saved in a fiscal year, by department, job or month. */
@Command(name = "report", description = "hours-saved report")
class ReportCommand implements Callable<Integer> {

	@ParentCommand
	DigilabCommand parent;

	@Spec
	CommandSpec spec;

	@Option(names = "--fy", paramLabel = "YEAR", description = "fiscal year (西暦, e.g. 2026 = 令和8年度); default: this one")
	Integer fiscalYear;

	@Option(names = "--by", paramLabel = "department|job|month")
	String by = "department";

	@Option(names = "--format", paramLabel = "text|csv|xlsx")
	String format = "text";

	@Option(names = "--out", paramLabel = "FILE",
			description = "write the report to FILE (xlsx default: HOME/out/reports/hours-FYyyyy-by-GROUP.xlsx)")
	Path out;

	@Override
	public Integer call() throws Exception {
		Path home = Homes.checked(this.parent.home);
		HoursReport.Grouping grouping;
		try {
			grouping = HoursReport.Grouping.parse(this.by);
		}
		catch (IllegalArgumentException ex) {
			throw new CliException(2, Messages.get("report.by.invalid", this.by));
		}
		FiscalYear year = (this.fiscalYear != null) ? new FiscalYear(this.fiscalYear) : FiscalYear.of(LocalDate.now());
		List<LedgerEntry> entries;
		try (ConfigurableApplicationContext context = SpringContexts.start(home, false, Map.of())) {
			entries = context.getBean(LedgerRepository.class).findAll();
		}
		HoursReport report = HoursReport.of(year, grouping, entries);
		HoursReport monthly = HoursReport.of(year, HoursReport.Grouping.MONTH, entries);
		PrintWriter console = this.spec.commandLine().getOut();
		if ("xlsx".equals(this.format)) {
			Path file = (this.out != null) ? this.out : new DigilabHome(home).out()
				.resolve("reports")
				.resolve(
						"hours-" + year.westernLabel() + "-by-" + this.by.toLowerCase(java.util.Locale.ROOT) + ".xlsx");
			console.println(HoursWorkbook.write(report, monthly, groupLabel(report), file));
			console.flush();
			return 0;
		}
		if (!"text".equals(this.format) && !"csv".equals(this.format)) {
			throw new CliException(2, Messages.get("report.format.invalid", this.format));
		}
		java.io.StringWriter buffer = new java.io.StringWriter();
		PrintWriter out = new PrintWriter(buffer);
		if ("text".equals(this.format)) {
			printText(report, out);
		}
		else {
			printCsv(report, out);
		}
		out.flush();
		if (this.out != null) {
			Files.createDirectories(this.out.toAbsolutePath().getParent());
			// Excel reads a UTF-8 CSV correctly only with a byte order mark
			Files.writeString(this.out, ("csv".equals(this.format) ? "\uFEFF" : "") + buffer);
			console.println(this.out.toAbsolutePath());
		}
		else {
			console.print(buffer);
		}
		console.flush();
		return 0;
	}

	static String groupLabel(HoursReport report) {
		return HoursCsv.groupLabel(report);
	}

	private void printText(HoursReport report, PrintWriter out) {
		out.println(Messages.get("report.title", report.fiscalYear().japaneseLabel(),
				report.fiscalYear().westernLabel(), groupLabel(report)));
		out.println(Messages.get("report.total", report.totalSavedHours().toPlainString()));
		for (HoursReport.Row row : report.rows()) {
			out.println(Messages.get("report.row", row.key(), row.runs(), row.succeeded(), row.failed(),
					row.savedHours().toPlainString()));
		}
		if (report.rows().isEmpty()) {
			out.println(Messages.get("report.empty"));
		}
	}

	private void printCsv(HoursReport report, PrintWriter out) throws Exception {
		HoursCsv.write(report, out);
	}

}
