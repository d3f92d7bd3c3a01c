package jp.digilab.jobs.export;

import java.time.LocalDate;
import java.time.chrono.JapaneseChronology;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvColumnTests {

	static String format(String pattern, LocalDate date) {
		DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern, Locale.JAPAN)
			.withChronology(JapaneseChronology.INSTANCE);
		return CsvColumn.gannen(formatter, date, formatter.format(date));
	}

	@Test
	void theFirstYearOfAnEraIsGannen() {
		assertThat(format("GGGGy年M月d日", LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
		assertThat(format("GGGGyy年MM月dd日", LocalDate.of(2019, 12, 31))).isEqualTo("令和元年12月31日");
		assertThat(format("GGGGy年M月d日", LocalDate.of(1989, 1, 8))).isEqualTo("平成元年1月8日");
		assertThat(format("GGGGy年M月d日", LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日");
		assertThat(format("GGGGy年M月d日", LocalDate.of(2020, 1, 1))).isEqualTo("令和2年1月1日");
	}

	@Test
	void westernPatternsAreLeftAlone() {
		DateTimeFormatter formatter = DateTimeFormatter.ofPattern("yyyy/MM/dd");
		assertThat(CsvColumn.gannen(formatter, LocalDate.of(2019, 5, 1), "2019/05/01")).isEqualTo("2019/05/01");
	}

}
