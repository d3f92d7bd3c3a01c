package jp.digilab.jobs.ledger;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerEntryTests {

	static LedgerEntry entry(String run, String job, String department, LocalDateTime start, int succeeded, int failed,
			long reviewSeconds, String minutesPerItem) {
		return new LedgerEntry(run, job, department, start, start.plusMinutes(3), succeeded + failed, succeeded, failed,
				(reviewSeconds > 0) ? 1 : 0, reviewSeconds, new BigDecimal("12.5"), new BigDecimal(minutesPerItem));
	}

	@Test
	void savedTimeIsManualMinutesOfRecordsThroughMinusReviewTime() {
		LedgerEntry entry = entry("r1", "juminhyo", "小倉北区 市民課", LocalDateTime.of(2026, 11, 29, 2, 30), 10, 3, 90,
				"6.5");
		// 10 × 6.5 min − 1.5 min of review; failed records save nothing; machine time is
		// not subtracted
		assertThat(entry.savedMinutes()).isEqualByComparingTo("63.5");
		assertThat(entry.savedHours()).isEqualByComparingTo("1.06");
		assertThat(entry.fiscalYear()).isEqualTo(new FiscalYear(2026));
	}

	@Test
	void reportGroupsOneFiscalYearByDepartmentJobOrMonth() {
		List<LedgerEntry> entries = List.of(
				entry("a", "juminhyo", "小倉北区 市民課", LocalDateTime.of(2026, 4, 1, 9, 0), 60, 0, 0, "6"),
				entry("b", "juminhyo", "小倉北区 市民課", LocalDateTime.of(2027, 3, 31, 9, 0), 30, 1, 600, "6"),
				entry("c", "kokuho", "八幡西区 保険年金課", LocalDateTime.of(2026, 5, 10, 9, 0), 12, 0, 0, "10"),
				entry("old", "juminhyo", "小倉北区 市民課", LocalDateTime.of(2026, 3, 31, 9, 0), 99, 0, 0, "6"));

		HoursReport byDepartment = HoursReport.of(new FiscalYear(2026), HoursReport.Grouping.DEPARTMENT, entries);
		assertThat(byDepartment.rows()).extracting(HoursReport.Row::key).containsExactly("八幡西区 保険年金課", "小倉北区 市民課");
		assertThat(byDepartment.rows().get(1).runs()).isEqualTo(2);
		assertThat(byDepartment.rows().get(1).savedMinutes()).isEqualByComparingTo("530"); // 360
																							// +
																							// 180
																							// −
																							// 10
		assertThat(byDepartment.totalSavedMinutes()).isEqualByComparingTo("650");
		assertThat(byDepartment.totalSavedHours()).isEqualByComparingTo("10.8");

		HoursReport byMonth = HoursReport.of(new FiscalYear(2026), HoursReport.Grouping.MONTH, entries);
		assertThat(byMonth.rows()).extracting(HoursReport.Row::key).containsExactly("2026-04", "2026-05", "2027-03");

		HoursReport byJob = HoursReport.of(new FiscalYear(2026), HoursReport.Grouping.JOB, entries);
		assertThat(byJob.rows()).extracting(HoursReport.Row::key).containsExactly("juminhyo", "kokuho");
	}

}
