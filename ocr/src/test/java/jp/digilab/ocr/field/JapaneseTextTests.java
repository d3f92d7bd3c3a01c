package jp.digilab.ocr.field;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JapaneseTextTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			北 九 州 市 小 倉 北 区            | 北九州市小倉北区
			北九州　太郎                       | 北九州 太郎
			北 九 州　太 郎                    | 北九州 太郎
			城 内 1 番 1 号                    | 城内1番1号
			ＡＢＣマンション　１０１号         | ABCマンション 101号
			Sunny  Heights 101                | Sunny Heights 101
			'  小倉 '                          | 小倉
			ｷﾀｷｭｳｼｭｳ                          | キタキュウシュウ
			雄ー郎                             | 雄一郎
			北九州市小倉南区徳カニ丁目7番11号  | 北九州市小倉南区徳力二丁目7番11号
			石川浩ニ                           | 石川浩二
			北九州市ハ幡東区                   | 北九州市八幡東区
			サンハイツ小倉ロ号棟               | サンハイツ小倉口号棟
			ハイツ北九州 101                   | ハイツ北九州101
			小倉マンション                     | 小倉マンション
			タカハシ                           | タカハシ
			""")
	void text(String raw, String value) {
		assertThat(JapaneseText.text(raw)).isEqualTo(value);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			キ タ キュ ウ シュ ウ　タ ロ ウ    | キタキュウシュウ タロウ
			きたきゅうしゅう　たろう           | キタキュウシュウ タロウ
			ｷﾀｷｭｳｼｭｳ ﾀﾛｳ                      | キタキュウシュウタロウ
			コ一ヒ一                           | コーヒー
			力口リ一                           | カロリー
			ヤマダ・ハナコ                     | ヤマダ・ハナコ
			""")
	void katakana(String raw, String value) {
		Normalized n = JapaneseText.katakana(raw);
		assertThat(n.value()).isEqualTo(value);
		assertThat(n.valid()).isTrue();
	}

	@Test
	void katakanaRejectsKanji() {
		Normalized n = JapaneseText.katakana("北九州タロウ");
		assertThat(n.valid()).isFalse();
		assertThat(n.reasons()).containsExactly("not katakana");
	}

	@Test
	void compactDropsAllWhitespaceAndWidth() {
		assertThat(JapaneseText.compact("交 付 請求 書 Ａ")).isEqualTo("交付請求書A");
	}

}
