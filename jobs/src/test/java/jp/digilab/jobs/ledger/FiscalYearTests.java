package jp.digilab.jobs.ledger;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FiscalYearTests {

	@Test
	void fiscalYearRunsAprilToMarch() {
		assertThat(FiscalYear.of(LocalDate.of(2026, 4, 1))).isEqualTo(new FiscalYear(2026));
		assertThat(FiscalYear.of(LocalDate.of(2027, 3, 31))).isEqualTo(new FiscalYear(2026));
		assertThat(FiscalYear.of(LocalDate.of(2026, 3, 31))).isEqualTo(new FiscalYear(2025));
		assertThat(new FiscalYear(2026).start()).isEqualTo("2026-04-01");
		assertThat(new FiscalYear(2026).end()).isEqualTo("2027-03-31");
	}

	@Test
	void labelsInWarekiAndSeireki() {
		assertThat(new FiscalYear(2026).japaneseLabel()).isEqualTo("令和8年度");
		assertThat(new FiscalYear(2026).westernLabel()).isEqualTo("FY2026");
		assertThat(new FiscalYear(2025).toString()).isEqualTo("令和7年度 (FY2025)");
	}

	@Test
	void eraChangesCountFromTheNewEra() {
		// FY2019 began in 平成31年 but is called 令和元年度
		assertThat(new FiscalYear(2019).japaneseLabel()).isEqualTo("令和元年度");
		assertThat(new FiscalYear(2018).japaneseLabel()).isEqualTo("平成30年度");
		assertThat(new FiscalYear(1989).japaneseLabel()).isEqualTo("平成元年度");
		// FY1988 ended in 平成元年 but began in 昭和63年
		assertThat(new FiscalYear(1988).japaneseLabel()).isEqualTo("昭和63年度");
	}

}
