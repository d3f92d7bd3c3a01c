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
	void findsALongLabelWithAMisreadCharacterButNotAShortOne() {
		AnchorFinder title = new AnchorFinder(List.of(word("様式第1号", 50, 20, 150, true),
				word("住民床の写し等", 300, 100, 420, true), word("交付請求書", 720, 100, 300, false)));
		assertThat(title.find("住民票の写し等交付請求書", 660, 115, 300)).contains(new Rectangle(300, 100, 720, 30));
		assertThat(title.find("交付講求書", 870, 115, 300)).contains(new Rectangle(720, 100, 300, 30));
		assertThat(this.finder.find("氏各", 130, 320, 200)).isEmpty();
		assertThat(AnchorFinder.approximate("住民票", "北九州市住民床の写し", 1)).containsExactly(new int[] { 4, 7 });
	}

	@Test
	void compactTextHasOneLinePerTextLine() {
		assertThat(this.finder.compactText()).isEqualTo("生年月日\n氏名(カナ)\n氏名欄\n");
	}

	private static OcrWord word(String text, int x, int y, int width, boolean lineStart) {
		return new OcrWord(text, 0.9, new Rectangle(x, y, width, 30), lineStart);
	}

}
