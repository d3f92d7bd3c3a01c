package jp.digilab.ocr.field;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JapaneseDateTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			令和元年5月1日        | 2019-05-01
			令和1年5月1日         | 2019-05-01
			平成31年4月30日       | 2019-04-30
			平成元年1月8日        | 1989-01-08
			昭和64年1月7日        | 1989-01-07
			昭和元年12月25日      | 1926-12-25
			大正15年12月24日      | 1926-12-24
			大正元年7月30日       | 1912-07-30
			令和７年４月１日      | 2025-04-01
			令 和 7 年 4 月 1 日  | 2025-04-01
			R7.4.1               | 2025-04-01
			Ｒ７．４．１          | 2025-04-01
			H31.4.30             | 2019-04-30
			s60/5/3              | 1985-05-03
			T15-12-24            | 1926-12-24
			昭和60年5月3日生      | 1985-05-03
			2025年4月1日          | 2025-04-01
			２０２５年４月１日    | 2025-04-01
			2025/04/01           | 2025-04-01
			2024-2-29            | 2024-02-29
			20250401             | 2025-04-01
			""")
	void convertsToIso(String raw, String iso) {
		Normalized n = JapaneseDate.normalize(raw);
		assertThat(n.valid()).as(n.reasons().toString()).isTrue();
		assertThat(n.value()).isEqualTo(iso);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			令和7年2月30日   | not a real date: 2025-2-30
			2025年2月29日    | not a real date: 2025-2-29
			平成31年5月1日   | 平成 ended on 2019-04-30
			令和元年4月30日  | 令和 began on 2019-05-01
			昭和64年1月8日   | 昭和 ended on 1989-01-07
			平成元年1月7日   | 平成 began on 1989-01-08
			大正元年7月29日  | 大正 began on 1912-07-30
			令和0年5月1日    | no year 0 in an era
			令和7年13月1日   | not a real date: 2025-13-1
			4月1日           | not a date
			1850年1月1日     | year out of range: 1850
			""")
	void rejects(String raw, String reason) {
		Normalized n = JapaneseDate.normalize(raw);
		assertThat(n.valid()).isFalse();
		assertThat(n.reasons()).containsExactly(reason);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			平成31年5月1日   | 2019-05-01
			令和元年4月30日  | 2019-04-30
			""")
	void keepsTheDateOfAnEraMismatchForTheReviewer(String raw, String iso) {
		assertThat(JapaneseDate.normalize(raw).value()).isEqualTo(iso);
	}

	@org.junit.jupiter.api.Test
	void emptyIsValidAndEmpty() {
		assertThat(JapaneseDate.normalize("  ")).isEqualTo(Normalized.ok(""));
	}

}
