package jp.digilab.schedules.holiday;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JapaneseHolidaysTests {

	@Test
	void holidaysOf2025() {
		assertThat(JapaneseHolidays.of(2025).keySet()).containsExactlyElementsOf(
				dates(2025, "01-01", "01-13", "02-11", "02-23", "02-24", "03-20", "04-29", "05-03", "05-04", "05-05",
						"05-06", "07-21", "08-11", "09-15", "09-23", "10-13", "11-03", "11-23", "11-24"));
	}

	@Test
	void holidaysOf2026() {
		assertThat(JapaneseHolidays.of(2026).keySet())
			.containsExactlyElementsOf(dates(2026, "01-01", "01-12", "02-11", "02-23", "03-20", "04-29", "05-03",
					"05-04", "05-05", "05-06", "07-20", "08-11", "09-21", "09-22", "09-23", "10-12", "11-03", "11-23"));
	}

	@Test
	void holidaysOf2027() {
		assertThat(JapaneseHolidays.of(2027).keySet())
			.containsExactlyElementsOf(dates(2027, "01-01", "01-11", "02-11", "02-23", "03-21", "03-22", "04-29",
					"05-03", "05-04", "05-05", "07-19", "08-11", "09-20", "09-23", "10-11", "11-03", "11-23"));
	}

	@Test
	void namesOfTheComputedDays() {
		assertThat(JapaneseHolidays.name(LocalDate.of(2026, 5, 6))).hasValue("振替休日");
		assertThat(JapaneseHolidays.name(LocalDate.of(2026, 9, 22))).hasValue("国民の休日");
		assertThat(JapaneseHolidays.name(LocalDate.of(2026, 9, 21))).hasValue("敬老の日");
		assertThat(JapaneseHolidays.name(LocalDate.of(2026, 3, 20))).hasValue("春分の日");
		assertThat(JapaneseHolidays.name(LocalDate.of(2026, 10, 12))).hasValue("スポーツの日");
		assertThat(JapaneseHolidays.name(LocalDate.of(2026, 9, 24))).isEmpty();
	}

	@Test
	void reiwaEnthronementYear2019() {
		assertThat(JapaneseHolidays.of(2019).keySet()).containsExactlyElementsOf(dates(2019, "01-01", "01-14", "02-11",
				"03-21", "04-29", "04-30", "05-01", "05-02", "05-03", "05-04", "05-05", "05-06", "07-15", "08-11",
				"08-12", "09-16", "09-23", "10-14", "10-22", "11-03", "11-04", "11-23"));
		assertThat(JapaneseHolidays.name(LocalDate.of(2019, 5, 1))).hasValue("天皇の即位の日");
		assertThat(JapaneseHolidays.name(LocalDate.of(2019, 4, 30))).hasValue("国民の休日");
		assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2019, 12, 23))).isFalse();
		assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2019, 2, 23))).isFalse();
	}

	@Test
	void olympicYears2020And2021() {
		assertThat(JapaneseHolidays.of(2020).keySet())
			.containsExactlyElementsOf(dates(2020, "01-01", "01-13", "02-11", "02-23", "02-24", "03-20", "04-29",
					"05-03", "05-04", "05-05", "05-06", "07-23", "07-24", "08-10", "09-21", "09-22", "11-03", "11-23"));
		assertThat(JapaneseHolidays.of(2021).keySet())
			.containsExactlyElementsOf(dates(2021, "01-01", "01-11", "02-11", "02-23", "03-20", "04-29", "05-03",
					"05-04", "05-05", "07-22", "07-23", "08-08", "08-09", "09-20", "09-23", "11-03", "11-23"));
	}

	@Test
	void emperorsBirthdayMovedWithTheEra() {
		assertThat(JapaneseHolidays.name(LocalDate.of(2018, 12, 23))).hasValue("天皇誕生日");
		assertThat(JapaneseHolidays.name(LocalDate.of(2018, 12, 24))).hasValue("振替休日");
		assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2018, 2, 23))).isFalse();
		assertThat(JapaneseHolidays.name(LocalDate.of(2020, 2, 23))).hasValue("天皇誕生日");
		assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2020, 12, 23))).isFalse();
	}

	@Test
	void oldFixedDaysBeforeHappyMonday() {
		assertThat(JapaneseHolidays.name(LocalDate.of(1999, 1, 15))).hasValue("成人の日");
		assertThat(JapaneseHolidays.name(LocalDate.of(1999, 10, 10))).hasValue("体育の日");
		assertThat(JapaneseHolidays.name(LocalDate.of(2002, 9, 15))).hasValue("敬老の日");
		assertThat(JapaneseHolidays.name(LocalDate.of(2006, 5, 4))).hasValue("国民の休日");
		assertThat(JapaneseHolidays.name(LocalDate.of(2006, 4, 29))).hasValue("みどりの日");
		assertThat(JapaneseHolidays.name(LocalDate.of(2007, 4, 29))).hasValue("昭和の日");
		assertThat(JapaneseHolidays.name(LocalDate.of(2008, 5, 6))).hasValue("振替休日");
	}

	@Test
	void equinoxesAsAnnounced() {
		assertThat(List.of(2000, 2012, 2023, 2024, 2025, 2026, 2027, 2028, 2030)
			.stream()
			.map((year) -> JapaneseHolidays.vernalEquinoxDay(year) + "/" + JapaneseHolidays.autumnalEquinoxDay(year)))
			.containsExactly("20/23", "20/22", "21/23", "20/22", "20/23", "20/23", "21/23", "20/22", "20/23");
	}

	@Test
	void silverWeekCitizensHoliday() {
		assertThat(JapaneseHolidays.name(LocalDate.of(2015, 9, 22))).hasValue("国民の休日");
		assertThat(JapaneseHolidays.name(LocalDate.of(2032, 9, 21))).hasValue("国民の休日");
	}

	@Test
	void yearEndClosureIsDecember29ToJanuary3() {
		assertThat(JapaneseHolidays.isYearEndClosure(LocalDate.of(2026, 12, 28))).isFalse();
		assertThat(JapaneseHolidays.isYearEndClosure(LocalDate.of(2026, 12, 29))).isTrue();
		assertThat(JapaneseHolidays.isYearEndClosure(LocalDate.of(2027, 1, 3))).isTrue();
		assertThat(JapaneseHolidays.isYearEndClosure(LocalDate.of(2027, 1, 4))).isFalse();
		assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2026, 12, 30))).isFalse();
		assertThat(JapaneseHolidays.isCityClosed(LocalDate.of(2026, 12, 30))).isTrue();
		assertThat(JapaneseHolidays.isCityClosed(LocalDate.of(2026, 9, 22))).isTrue();
		assertThat(JapaneseHolidays.isCityClosed(LocalDate.of(2026, 9, 24))).isFalse();
	}

	@Test
	void weekendsAreLeftToTheCron() {
		assertThat(JapaneseHolidays.isCityClosed(LocalDate.of(2026, 9, 26))).isFalse();
	}

	private static List<LocalDate> dates(int year, String... monthDays) {
		return Arrays.stream(monthDays).map((monthDay) -> LocalDate.parse(year + "-" + monthDay)).toList();
	}

}
