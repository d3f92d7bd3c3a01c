package jp.digilab.app.api;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import jp.digilab.app.console.ConsoleTestSupport;
import jp.digilab.jobs.ledger.LedgerEntry;
import jp.digilab.jobs.ledger.LedgerRepository;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Hours saved in FY2020 (令和2年度) as JSON, csv and xlsx. */
class ReportsControllerTests extends ConsoleTestSupport {

	@Autowired
	LedgerRepository ledger;

	@BeforeEach
	void twoRunsInFiscal2020() {
		// 120 × 6.5 min = 780 min = 13 h in May; 60 × 4 min − 600 s review = 230 min in
		// February 2021 (still FY2020)
		LocalDateTime may = LocalDateTime.of(2020, 5, 12, 10, 0);
		LocalDateTime february = LocalDateTime.of(2021, 2, 3, 10, 0);
		this.ledger.save(new LedgerEntry("reports-api-1", "juminhyo", "小倉北区 市民課", may, may.plusMinutes(5), 120, 120, 0,
				0, 0, BigDecimal.ONE, new BigDecimal("6.5")));
		this.ledger.save(new LedgerEntry("reports-api-2", "koseki", "戸畑区 市民課", february, february.plusMinutes(5), 60,
				60, 0, 60, 600, BigDecimal.ONE, new BigDecimal("4")));
	}

	@Test
	void hoursByJobAndMonthAsJson() throws Exception {
		this.mvc.perform(
				get("/api/reports/hours").param("fy", "2020").param("by", "job").with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fiscalYear").value(2020))
			.andExpect(jsonPath("$.japanese").value("令和2年度"))
			.andExpect(jsonPath("$.by").value("job"))
			.andExpect(jsonPath("$.totalSavedMinutes")
				.value(org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.startsWith("1010"))))
			.andExpect(jsonPath("$.rows[0].key").value("juminhyo"))
			.andExpect(jsonPath("$.rows[0].succeeded").value(120))
			.andExpect(jsonPath("$.rows[1].key").value("koseki"))
			.andExpect(jsonPath("$.rows[1].reviewSeconds").value(600));
		this.mvc
			.perform(get("/api/reports/hours").param("fy", "2020")
				.param("by", "month")
				.with(user("manager").roles("MANAGER")))
			.andExpect(jsonPath("$.rows[0].key").value("2020-05"))
			.andExpect(jsonPath("$.rows[1].key").value("2021-02"));
	}

	@Test
	void csvAndXlsxDownloads() throws Exception {
		byte[] csv = this.mvc
			.perform(get("/api/reports/hours.csv").param("fy", "2020")
				.param("by", "department")
				.with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(new String(csv, StandardCharsets.UTF_8)).contains("令和2年度,小倉北区 市民課,1,120,0,0,13.0")
			.contains("令和2年度,戸畑区 市民課,1,60,0,600,3.8");
		byte[] xlsx = this.mvc
			.perform(get("/api/reports/hours.xlsx").param("fy", "2020").with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("小倉北区 市民課");
		}
	}

	@Test
	void aReviewerIsRefusedTheReports() throws Exception {
		this.mvc.perform(get("/api/reports/hours").with(user("r").roles("REVIEWER"))).andExpect(status().isForbidden());
	}

}
