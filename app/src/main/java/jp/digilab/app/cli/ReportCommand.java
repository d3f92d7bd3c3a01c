package jp.digilab.app.cli;

import java.io.OutputStream;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
		PrintWriter out = this.spec.commandLine().getOut();
		switch (this.format) {
			case "text" -> printText(report, out);
			case "csv" -> printCsv(report, out);
			case "xlsx" -> out.println(writeXlsx(report, new DigilabHome(home)));
			default -> throw new CliException(2, Messages.get("report.format.invalid", this.format));
		}
		out.flush();
		return 0;
	}

	private String groupLabel(HoursReport report) {
		return Messages.get("report.by." + report.grouping().name().toLowerCase(java.util.Locale.ROOT));
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

	private Path writeXlsx(HoursReport report, DigilabHome home) throws Exception {
		Path dir = home.out().resolve("reports");
		Files.createDirectories(dir);
		Path file = dir.resolve("hours-" + report.fiscalYear().westernLabel() + "-by-"
				+ report.grouping().name().toLowerCase(java.util.Locale.ROOT) + ".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream stream = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet(report.fiscalYear().japaneseLabel());
			Row header = sheet.createRow(0);
			String[] labels = { groupLabel(report), Messages.get("report.csv.runs"),
					Messages.get("report.csv.succeeded"), Messages.get("report.csv.failed"),
					Messages.get("report.csv.review"), Messages.get("report.csv.hours") };
			for (int i = 0; i < labels.length; i++) {
				header.createCell(i).setCellValue(labels[i]);
			}
			int r = 1;
			for (HoursReport.Row row : report.rows()) {
				Row line = sheet.createRow(r++);
				line.createCell(0).setCellValue(row.key());
				line.createCell(1).setCellValue(row.runs());
				line.createCell(2).setCellValue(row.succeeded());
				line.createCell(3).setCellValue(row.failed());
				line.createCell(4).setCellValue(row.reviewSeconds());
				line.createCell(5).setCellValue(row.savedHours().doubleValue());
			}
			sheet.createFreezePane(0, 1);
			for (int i = 0; i < labels.length; i++) {
				sheet.setColumnWidth(i, 20 * 256);
			}
			workbook.write(stream);
		}
		return file;
	}

}
