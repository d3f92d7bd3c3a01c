package jp.digilab.jobs.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static jp.digilab.jobs.export.ExportFixtures.COLUMNS;
import static jp.digilab.jobs.export.ExportFixtures.record;
import static jp.digilab.jobs.export.ExportFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

class XlsxExporterTests {

	private final Problems problems = new Problems();

	@Test
	void headersAreTheLabelsInTemplateOrderThenStatusFilePagesKey() throws IOException {
		try (XSSFWorkbook workbook = write(false, record("r1"))) {
			Row header = workbook.getSheet("データ").getRow(0);
			assertThat(header).extracting((cell) -> cell.getStringCellValue())
				.containsExactly("氏名", "フリガナ", "生年月日", "郵便番号", "電話番号", "金額", "通数", "口座番号", "個人番号", "本籍記載", "使用目的",
						"メール", "状態", "ファイル", "ページ", "キー");
			assertThat(workbook.getSheet("データ").getLastRowNum()).isEqualTo(1);
		}
	}

	@Test
	void cellsAreTyped() throws IOException {
		try (XSSFWorkbook workbook = write(false, with("r1", "amount", "-1200"))) {
			XSSFSheet sheet = workbook.getSheet("データ");
			Row row = sheet.getRow(1);
			XSSFCell date = (XSSFCell) row.getCell(2);
			assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
			assertThat(date.getCellStyle().getDataFormatString()).isEqualTo("yyyy/mm/dd");
			assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(1980, 4, 1));
			assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.STRING);
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo("0800001");
			assertThat(row.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("@");
			assertThat(row.getCell(4).getStringCellValue()).isEqualTo("093-582-2111");
			assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(-1200.0);
			assertThat(row.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(2.0);
			assertThat(row.getCell(7).getStringCellValue()).isEqualTo("0012345");
			assertThat(row.getCell(9).getCellType()).isEqualTo(CellType.BOOLEAN);
			assertThat(row.getCell(9).getBooleanCellValue()).isTrue();
			assertThat(row.getCell(12).getStringCellValue()).isEqualTo("承認済");
			assertThat(row.getCell(13).getStringCellValue()).isEqualTo("scan-r1.pdf");
			assertThat(row.getCell(14).getStringCellValue()).isEqualTo("1");
			assertThat(row.getCell(15).getStringCellValue()).isEqualTo("r1");
			assertThat(this.problems.list()).isEmpty();
		}
	}

	@Test
	void headerIsFrozenAndFilteredAndColumnsAreWideEnoughForJapanese() throws IOException {
		try (XSSFWorkbook workbook = write(false, record("r1"), record("r2"))) {
			XSSFSheet sheet = workbook.getSheet("データ");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:P3");
			// キタキュウシュウ タロウ: 11 full-width characters and a space → 23 units
			assertThat(sheet.getColumnWidth(1)).isGreaterThanOrEqualTo(23 * 256);
			assertThat(sheet.getColumnWidth(6)).isLessThan(sheet.getColumnWidth(1));
		}
	}

	@Test
	void secondSheetHasConfidencesAndReviewNotesRowForRow() throws IOException {
		try (XSSFWorkbook workbook = write(false, record("r1"))) {
			assertThat(workbook.getSheetName(1)).isEqualTo("信頼度");
			XSSFSheet sheet = workbook.getSheet("信頼度");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("キー");
			assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("氏名");
			assertThat(sheet.getRow(0).getCell(16).getStringCellValue()).isEqualTo("備考");
			Row row = sheet.getRow(1);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("r1");
			assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(0.94);
			assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(0.71);
			// the stored reasons are English; the workbook, Japanese throughout, shows
			// them in Japanese
			assertThat(row.getCell(5)).isNull();
			assertThat(row.getCell(16).getStringCellValue()).isEqualTo("生年月日: 確信度 0.71 が基準 0.80 未満、日付ではありません");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
		}
	}

	@Test
	void myNumberIsMaskedUnlessAllowed() throws IOException {
		try (XSSFWorkbook workbook = write(false, record("r1"))) {
			assertThat(workbook.getSheet("データ").getRow(1).getCell(8).getStringCellValue()).isEqualTo("********9018");
		}
		try (XSSFWorkbook workbook = write(true, record("r1"))) {
			assertThat(workbook.getSheet("データ").getRow(1).getCell(8).getStringCellValue()).isEqualTo("123456789018");
		}
	}

	@Test
	void unparseableDateIsWrittenAsMarkedTextAndReported() throws IOException {
		try (XSSFWorkbook workbook = write(false, with("r1", "birth_date", "昭和55年13月1日"), record("r2"))) {
			XSSFCell cell = workbook.getSheet("データ").getRow(1).getCell(2);
			assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
			assertThat(cell.getStringCellValue()).isEqualTo("昭和55年13月1日");
			assertThat(cell.getCellStyle().getFillForegroundColorColor()).isNotNull();
			assertThat(workbook.getSheet("データ").getRow(2).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(workbook.getSheet("信頼度").getRow(1).getCell(16).getStringCellValue())
				.contains("生年月日: 型に合わないため文字列で出力 (昭和55年13月1日)");
		}
		assertThat(this.problems.list()).singleElement().satisfies((problem) -> {
			assertThat(problem.key()).isEqualTo("r1");
			assertThat(problem.skipped()).isFalse();
			assertThat(problem.reason()).isEqualTo("birth_date (生年月日): '昭和55年13月1日' is not a date; written as text");
		});
	}

	@Test
	void formulaLikeTextIsKeptAsQuotePrefixedTextButTypedValuesAreLeftAlone() throws IOException {
		Map<String, String> values = ExportFixtures.values();
		values.put("name", "=HYPERLINK(\"http://x\",\"click\")");
		values.put("kana", "@SUM(A1)");
		values.put("phone", "+81-93-582-2111");
		values.put("amount", "-500");
		values.put("email", "-2+3");
		try (XSSFWorkbook workbook = write(false, record("r1", values))) {
			Row row = workbook.getSheet("データ").getRow(1);
			for (int col : new int[] { 0, 1, 11 }) {
				assertThat(row.getCell(col).getCellType()).isEqualTo(CellType.STRING);
				assertThat(row.getCell(col).getCellStyle().getQuotePrefixed()).isTrue();
			}
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"click\")");
			assertThat(row.getCell(4).getStringCellValue()).isEqualTo("+81-93-582-2111");
			assertThat(row.getCell(4).getCellStyle().getQuotePrefixed()).isFalse();
			assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(-500.0);
		}
	}

	@Test
	void noRecordsGivesHeadersOnly() throws IOException {
		try (XSSFWorkbook workbook = write(false)) {
			assertThat(workbook.getSheet("データ").getLastRowNum()).isZero();
			assertThat(workbook.getSheet("データ").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:P1");
		}
	}

	@Test
	void displayWidthCountsFullWidthDouble() {
		assertThat(XlsxExporter.displayWidth("abc")).isEqualTo(3);
		assertThat(XlsxExporter.displayWidth("氏名")).isEqualTo(4);
		assertThat(XlsxExporter.displayWidth("ｶﾀｶﾅ")).isEqualTo(4);
	}

	private XSSFWorkbook write(boolean allowMyNumber, ExportRecord... records) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		long rows = new XlsxExporter(COLUMNS, allowMyNumber).write(List.of(records).iterator(), out, this.problems);
		assertThat(rows).isEqualTo(records.length);
		return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
	}

}
