package jp.digilab.ocr;

import java.awt.Rectangle;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FieldReaderTests {

	private static final Rectangle BOX = new Rectangle(0, 0, 40, 40);

	@Test
	void aSureWordWithOneDoubtfulCharacterIsDoubtful() {
		// 太朗 at 0.88 as a word, its 朗 at 0.10: the word mean hides the doubtful
		// character
		List<OcrWord> words = List.of(new OcrWord("中島", 0.95, BOX, true, 0.93),
				new OcrWord("太朗", 0.88, BOX, false, 0.10));
		assertThat(FieldReader.confidence(words)).isCloseTo(0.10 + FieldReader.WEAKEST_CHAR_ALLOWANCE, within(1e-9));
	}

	@Test
	void sureCharactersLeaveTheWordMean() {
		List<OcrWord> words = List.of(new OcrWord("北九州", 0.90, BOX, true, 0.85),
				new OcrWord("太郎", 0.96, BOX, false, 0.93));
		// weighted by length: (0.90 × 3 + 0.96 × 2) / 5
		assertThat(FieldReader.confidence(words)).isCloseTo(0.924, within(1e-9));
	}

	@Test
	void wordsWithoutCharacterFiguresKeepTheirConfidence() {
		assertThat(FieldReader.confidence(List.of(new OcrWord("2", 0.7, BOX, true)))).isCloseTo(0.7, within(1e-9));
	}

	@Test
	void aNarrowGapIsNoSpaceAWideOneIs() {
		// two words 60 px high: a 55 px blank (a half-width space after narrow kana) is
		// no separator, a 80 px blank (an ideographic space) is
		boolean[] ink = new boolean[400];
		fill(ink, 0, 100);
		fill(ink, 155, 200);
		fill(ink, 280, 400);
		List<OcrWord> words = List.of(new OcrWord("モリ", 0.9, new Rectangle(0, 0, 100, 60), true),
				new OcrWord("トモ", 0.9, new Rectangle(155, 0, 45, 60), false),
				new OcrWord("コ", 0.9, new Rectangle(280, 0, 120, 60), false));
		assertThat(FieldReader.joinWords(words, ink, 60)).isEqualTo("モリトモ\u3000コ");
	}

	private static void fill(boolean[] ink, int from, int to) {
		for (int x = from; x < to; x++) {
			ink[x] = true;
		}
	}

}
