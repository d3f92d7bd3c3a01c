package jp.digilab.ocr.align;

import java.awt.Rectangle;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.digilab.ocr.OcrWord;

import static org.assertj.core.api.Assertions.assertThat;

class AnchorFinderTests {

	private final AnchorFinder finder = new AnchorFinder(
			List.of(word("生年", 100, 100, 60, true), word("月日", 170, 100, 60, false), word("氏名", 100, 300, 60, true),
					word("(カナ)", 170, 300, 90, false), word("氏名欄", 100, 900, 90, true)));

	@Test
	void findsTextSplitAcrossWords() {
		assertThat(this.finder.find("生年月日", 160, 115, 200)).contains(new Rectangle(100, 100, 130, 30));
	}

	@Test
	void findsPartOfAWordAndPrefersTheNearestOccurrence() {
		assertThat(this.finder.find("氏名", 130, 320, 200)).contains(new Rectangle(100, 300, 60, 30));
		assertThat(this.finder.find("氏 名", 130, 900, 200)).contains(new Rectangle(100, 900, 60, 30));
	}

	@Test
	void ignoresOccurrencesOutsideTheRadius() {
		assertThat(this.finder.find("月日", 1000, 1000, 100)).isEmpty();
		assertThat(this.finder.find("住所", 100, 100, 5000)).isEmpty();
	}

	@Test
	void compactTextHasOneLinePerTextLine() {
		assertThat(this.finder.compactText()).isEqualTo("生年月日\n氏名(カナ)\n氏名欄\n");
	}

	private static OcrWord word(String text, int x, int y, int width, boolean lineStart) {
		return new OcrWord(text, 0.9, new Rectangle(x, y, width, 30), lineStart);
	}

}
