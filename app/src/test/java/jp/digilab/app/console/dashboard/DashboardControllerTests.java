package jp.digilab.app.console.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import jp.digilab.app.console.ConsoleTestSupport;
import jp.digilab.jobs.ledger.FiscalYear;
import jp.digilab.jobs.ledger.LedgerEntry;
import jp.digilab.jobs.ledger.LedgerRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The hours-saved dashboard and its downloads. */
class DashboardControllerTests extends ConsoleTestSupport {

	static final FiscalYear THIS_YEAR = FiscalYear.of(LocalDate.now());

	@Autowired
	LedgerRepository ledger;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void oneRunThisYear() {
		// the console tests share one database: runs other classes finished (e.g. a
		// review's follow-up) must not count here
		this.jdbc.sql("delete from dl_ledger").update();
		// 200 records × 6.5 minutes = 1,300 minutes = 21.7 hours
		LocalDateTime started = THIS_YEAR.start().atTime(10, 0);
		this.ledger.save(new LedgerEntry("dashboard-run", "juminhyo", "小倉北区 市民課", started, started.plusMinutes(5), 200,
				200, 0, 0, 0, BigDecimal.ONE, new BigDecimal("6.5")));
	}

	@Test
	void aManagerSeesTheFiscalYearsHoursInTheCitysTerms() throws Exception {
		this.mvc.perform(get("/").with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(THIS_YEAR.japaneseLabel() + " 削減時間 ▲21.7時間")))
			.andExpect(content().string(containsString("小倉北区 市民課")))
			.andExpect(content().string(containsString("/webjars/chart.js/4.4.1/dist/chart.umd.js")));
	}

	@Test
	void theDashboardSpeaksEnglishOnRequest() throws Exception {
		this.mvc.perform(get("/").param("lang", "en").with(user("manager").roles("MANAGER")))
			.andExpect(content().string(containsString(
					THIS_YEAR.westernLabel() + " (" + THIS_YEAR.japaneseLabel() + ") hours saved: ▲21.7 h")));
	}

	@Test
	void theChartLibraryIsServedLocally() throws Exception {
		this.mvc.perform(get("/webjars/chart.js/4.4.1/dist/chart.umd.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Chart")));
	}

	@Test
	void theReportDownloadsAsCsvAndXlsx() throws Exception {
		String csv = this.mvc
			.perform(get("/reports/hours.csv").param("fy", Integer.toString(THIS_YEAR.year()))
				.with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("hours-" + THIS_YEAR.westernLabel())))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF").contains("小倉北区 市民課", "21.7");
		byte[] xlsx = this.mvc.perform(get("/reports/hours.xlsx").with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(xlsx, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
	}

	@Test
	void aReviewerIsRefusedTheDashboard() throws Exception {
		this.mvc.perform(get("/").with(user("reviewer").roles("REVIEWER"))).andExpect(status().isForbidden());
	}

}
