package jp.digilab.ocr.field;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldTypeTests {

	@Test
	void findsTypesByTheirTemplateName() {
		assertThat(FieldType.of("date")).contains(FieldType.DATE);
		assertThat(FieldType.of(" MyNumber ")).contains(FieldType.MYNUMBER);
		assertThat(FieldType.of("dat")).isEmpty();
		assertThat(FieldType.names()).startsWith("text, katakana, digits");
	}

	@Test
	void whitelistsFitTheType() {
		assertThat(FieldType.TEXT.whitelist()).isNull();
		assertThat(FieldType.POSTAL.whitelist()).isEqualTo("0123456789-〒 ");
		assertThat(FieldType.DATE.whitelist()).contains("令和", "元", "年");
		assertThat(FieldType.KATAKANA.whitelist()).isNull();
		assertThat(FieldType.CHECKBOX.byInk()).isTrue();
		assertThat(FieldType.PHONE.byInk()).isFalse();
	}

	@Test
	void normalizesThroughTheType() {
		assertThat(FieldType.POSTAL.normalize("〒８０３８５０１").value()).isEqualTo("803-8501");
		assertThat(FieldType.TEXT.normalize(null).value()).isEmpty();
	}

}
