package jp.digilab.robots.records;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jp.digilab.robots.RecordOutcome;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RecordFilesTests {

	@TempDir
	Path dir;

	@Test
	void readsUtf8WithBomAndShiftJisCsv() throws Exception {
		Path utf8 = this.dir.resolve("a.csv");
		Files.writeString(utf8, "\uFEFFapplication_no,name\nA-1,髙橋 一郎\n,\nA-2,\"小倉, 花子\"\n", StandardCharsets.UTF_8);
		Path sjis = this.dir.resolve("b.csv");
		Files.write(sjis, "application_no,name\r\nB-1,髙橋 ～\r\n".getBytes(Charset.forName("windows-31j")));

		assertThat(RecordFiles.read(utf8)).containsExactly(Map.of("application_no", "A-1", "name", "髙橋 一郎"),
				Map.of("application_no", "A-2", "name", "小倉, 花子"));
		assertThat(RecordFiles.read(sjis)).containsExactly(Map.of("application_no", "B-1", "name", "髙橋 ～"));
	}

	@Test
	void readsTheFirstSheetOfAnXlsx() throws Exception {
		Path xlsx = this.dir.resolve("r.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
			XSSFSheet sheet = wb.createSheet("records");
			sheet.createRow(0).createCell(0).setCellValue("no");
			sheet.getRow(0).createCell(1).setCellValue("count");
			sheet.createRow(1).createCell(0).setCellValue("X-1");
			sheet.getRow(1).createCell(1).setCellValue(3);
			wb.write(out);
		}

		assertThat(RecordFiles.read(xlsx)).containsExactly(Map.of("no", "X-1", "count", "3"));
	}

	@Test
	void writesResultsWithOneColumnPerValueRead() throws Exception {
		Path csv = this.dir.resolve("results.csv");

		OutcomeCsv.write(csv,
				List.of(new RecordOutcome("A-1", RecordOutcome.Status.OK, "", Map.of("receipt_no", "R-0001"),
						Duration.ofMillis(1234)),
						new RecordOutcome("A-2", RecordOutcome.Status.FAILED, "entry.yml:18 select: no option",
								Map.of(), Duration.ofMillis(50))));

		assertThat(Files.readString(csv)).isEqualTo("\uFEFFkey,status,message,duration_s,receipt_no\r\n"
				+ "A-1,ok,,1.234,R-0001\r\n" + "A-2,failed,entry.yml:18 select: no option,0.050,\r\n");
	}

}
