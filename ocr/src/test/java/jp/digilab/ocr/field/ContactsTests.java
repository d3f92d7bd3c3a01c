package jp.digilab.ocr.field;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContactsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			803-8501     | 803-8501
			〒803-8501   | 803-8501
			8038501      | 803-8501
			８０３－８５０１ | 803-8501
			803ー8501    | 803-8501
			803 8501     | 803-8501
			""")
	void postal(String raw, String value) {
		Normalized n = Contacts.postal(raw);
		assertThat(n.valid()).isTrue();
		assertThat(n.value()).isEqualTo(value);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			803-850
			80385011
			8O3-8501
			""")
	void postalRejects(String raw) {
		assertThat(Contacts.postal(raw).reasons()).hasSize(1);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			093-582-2102     | 093-582-2102
			０９３－５８２－２１０２ | 093-582-2102
			(093)582-2102    | 093-582-2102
			093(582)2102     | 093-582-2102
			0935822102       | 093-582-2102
			09012345678      | 090-1234-5678
			0312345678       | 03-1234-5678
			0120123456       | 0120-123-456
			TEL 093-582-2102 | 093-582-2102
			+81 93-582-2102  | 093-582-2102
			0930-12-3456     | 0930-12-3456
			""")
	void phone(String raw, String value) {
		Normalized n = Contacts.phone(raw);
		assertThat(n.valid()).as(n.reasons().toString()).isTrue();
		assertThat(n.value()).isEqualTo(value);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			093-582-210      | a phone number has 10 or 11 digits starting with 0
			090-1234-56789   | a phone number has 10 or 11 digits starting with 0
			193-582-2102     | a phone number has 10 or 11 digits starting with 0
			093-582-21O2     | not a phone number
			""")
	void phoneRejects(String raw, String reason) {
		assertThat(Contacts.phone(raw).reasons()).containsExactly(reason);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			taro@city.Kitakyushu.LG.jp   | taro@city.kitakyushu.lg.jp | true
			taro @ example.com           | taro@example.com           | true
			ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ   | taro@example.jp            | true
			taro.example.com             | taro.example.com           | false
			taro@localhost               | taro@localhost             | false
			""")
	void email(String raw, String value, boolean valid) {
		Normalized n = Contacts.email(raw);
		assertThat(n.value()).isEqualTo(value);
		assertThat(n.valid()).isEqualTo(valid);
	}

}
