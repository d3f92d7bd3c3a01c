package jp.digilab.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.digilab.jobs.ledger.HoursReport;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The hours-saved report as a workbook: the chosen grouping on the first sheet, and the
 * twelve months of the fiscal year with a bar chart (POI XDDF) on the second.
 */
public final class HoursWorkbook {

	private HoursWorkbook() {
	}

	public static Path write(HoursReport report, HoursReport monthly, String groupLabel, Path file) throws IOException {
		Path target = file.toAbsolutePath();
		Files.createDirectories(target.getParent());
		Path temp = Files.createTempFile(target.getParent(), ".report", ".tmp");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream stream = Files.newOutputStream(temp)) {
			CellStyle hours = workbook.createCellStyle();
			hours.setDataFormat(workbook.createDataFormat().getFormat("#,##0.0"));
			String title = report.fiscalYear().japaneseLabel() + " (" + report.fiscalYear().westernLabel() + ")";
			XSSFSheet sheet = workbook.createSheet(Messages.get("report.sheet.group", groupLabel));
			header(sheet, title, groupLabel);
			int r = 2;
			for (HoursReport.Row row : report.rows()) {
				Row line = sheet.createRow(r++);
				line.createCell(0).setCellValue(row.key());
				line.createCell(1).setCellValue(row.runs());
				line.createCell(2).setCellValue(row.succeeded());
				line.createCell(3).setCellValue(row.failed());
				line.createCell(4).setCellValue(row.reviewSeconds());
				line.createCell(5).setCellValue(row.savedHours().doubleValue());
				line.getCell(5).setCellStyle(hours);
			}
			XSSFSheet months = workbook.createSheet(Messages.get("report.sheet.months"));
			header(months, title, Messages.get("report.by.month"));
			Map<String, HoursReport.Row> byMonth = monthly.rows()
				.stream()
				.collect(Collectors.toMap(HoursReport.Row::key, Function.identity()));
			YearMonth month = YearMonth.from(report.fiscalYear().start());
			for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
				HoursReport.Row row = byMonth.get(month.toString());
				Row line = months.createRow(2 + i);
				line.createCell(0).setCellValue(month.toString());
				line.createCell(1).setCellValue((row != null) ? row.runs() : 0);
				line.createCell(2).setCellValue((row != null) ? row.succeeded() : 0);
				line.createCell(3).setCellValue((row != null) ? row.failed() : 0);
				line.createCell(4).setCellValue((row != null) ? row.reviewSeconds() : 0);
				line.createCell(5).setCellValue((row != null) ? row.savedHours().doubleValue() : 0);
				line.getCell(5).setCellStyle(hours);
			}
			chart(months, title);
			workbook.write(stream);
		}
		return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void header(XSSFSheet sheet, String title, String groupLabel) {
		sheet.createRow(0).createCell(0).setCellValue(Messages.get("report.sheet.title", title));
		Row header = sheet.createRow(1);
		String[] labels = { groupLabel, Messages.get("report.csv.runs"), Messages.get("report.csv.succeeded"),
				Messages.get("report.csv.failed"), Messages.get("report.csv.review"),
				Messages.get("report.csv.hours") };
		for (int i = 0; i < labels.length; i++) {
			header.createCell(i).setCellValue(labels[i]);
			sheet.setColumnWidth(i, ((i == 0) ? 26 : 16) * 256);
		}
		sheet.createFreezePane(0, 2);
	}

	private static void chart(XSSFSheet sheet, String title) {
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 7, 1, 17, 22);
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText(Messages.get("report.chart.title", title));
		chart.setTitleOverlay(false);
		chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		XDDFCategoryAxis months = chart.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFValueAxis hours = chart.createValueAxis(AxisPosition.LEFT);
		XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, months, hours);
		data.setBarDirection(BarDirection.COL);
		XDDFBarChartData.Series series = (XDDFBarChartData.Series) data.addSeries(
				XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(2, 13, 0, 0)),
				XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(2, 13, 5, 5)));
		series.setTitle(Messages.get("report.csv.hours"), null);
		chart.plot(data);
	}

}
