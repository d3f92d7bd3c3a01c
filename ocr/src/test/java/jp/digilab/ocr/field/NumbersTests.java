package jp.digilab.ocr.field;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			¥1,200       | 1200
			￥１，２００  | 1200
			1200円       | 1200
			金3,000円也   | 3000
			¥12,000-     | 12000
			\\500        | 500
			1 000 000    | 1000000
			""")
	void money(String raw, String value) {
		Normalized n = Numbers.money(raw);
		assertThat(n.valid()).isTrue();
		assertThat(n.value()).isEqualTo(value);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			12,00   | misplaced thousands separator
			1.5万円  | not an amount
			abc     | not an amount
			""")
	void moneyRejects(String raw, String reason) {
		assertThat(Numbers.money(raw).reasons()).containsExactly(reason);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			7870,000    | 7870000
			7,870000円  | 7870000
			""")
	void moneyWithALostSeparatorKeepsTheDigitsButIsDoubtful(String raw, String value) {
		Normalized n = Numbers.money(raw);
		assertThat(n.valid()).isFalse();
		assertThat(n.value()).isEqualTo(value);
		assertThat(n.reasons()).containsExactly("misplaced thousands separator");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2       | 2
			２      | 2
			2通     | 2
			03      | 3
			1,234   | 1234
			-5      | -5
			""")
	void integer(String raw, String value) {
		Normalized n = Numbers.integer(raw);
		assertThat(n.valid()).isTrue();
		assertThat(n.value()).isEqualTo(value);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			二
			2a
			1,23
			""")
	void integerRejects(String raw) {
		assertThat(Numbers.integer(raw).valid()).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			0012 34 | 001234 | true
			０１２  | 012    | true
			12-34   | 12-34  | false
			""")
	void digits(String raw, String value, boolean valid) {
		Normalized n = Numbers.digits(raw);
		assertThat(n.value()).isEqualTo(value);
		assertThat(n.valid()).isEqualTo(valid);
	}

}
