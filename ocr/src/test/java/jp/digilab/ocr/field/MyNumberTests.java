package jp.digilab.ocr.field;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MyNumberTests {

	@Test
	void checkDigitFollowsTheOfficialFormula() {
		assertThat(MyNumber.checkDigit("12345678901")).isEqualTo(8);
		// remainder 0 and 1 both give 0
		assertThat(MyNumber.checkDigit("00000000000")).isEqualTo(0);
		assertThat(MyNumber.checkDigit("00000000006")).isEqualTo(0);
		assertThat(MyNumber.checkDigit("00000000001")).isEqualTo(9);
	}

	@Test
	void acceptsAValidNumberWrittenAnyWay() {
		assertThat(MyNumber.normalize("1234 5678 9018")).isEqualTo(Normalized.ok("123456789018"));
		assertThat(MyNumber.normalize("１２３４-５６７８-９０１８")).isEqualTo(Normalized.ok("123456789018"));
	}

	@Test
	void rejectsAWrongCheckDigitOrLength() {
		assertThat(MyNumber.normalize("123456789017").reasons()).containsExactly("check digit does not match");
		assertThat(MyNumber.normalize("12345678901").reasons()).containsExactly("a My Number has 12 digits");
	}

	@Test
	void masksAllButTheLastFour() {
		assertThat(MyNumber.mask("123456789018")).isEqualTo("********9018");
		assertThat(MyNumber.mask("")).isEmpty();
		assertThat(MyNumber.mask("12")).isEqualTo("**");
	}

}
