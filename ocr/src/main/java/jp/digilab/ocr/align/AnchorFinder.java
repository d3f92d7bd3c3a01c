package jp.digilab.ocr.align;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.digilab.ocr.OcrWord;
import jp.digilab.ocr.field.JapaneseText;

/**
 * Finds where a printed text is on a page from the words OCR returned (whitespace
 * ignored: Tesseract splits Japanese into several words).
 */
public final class AnchorFinder {

	private final List<Line> lines = new ArrayList<>();

	/**
	 * Index the words of a page.
	 * @param words words in reading order
	 */
	public AnchorFinder(List<OcrWord> words) {
		Line line = null;
		for (OcrWord word : words) {
			if (line == null || word.lineStart()) {
				line = new Line();
				this.lines.add(line);
			}
			line.add(word);
		}
	}

	/**
	 * Find the occurrence of a text nearest to where it is expected.
	 * @param text the printed text
	 * @param expectedX expected centre x, pixels
	 * @param expectedY expected centre y, pixels
	 * @param radius how far from the expected centre it may be, pixels
	 * @return the box of the text on the page, or empty
	 */
	public Optional<Rectangle> find(String text, double expectedX, double expectedY, double radius) {
		String wanted = JapaneseText.compact(text);
		if (wanted.isEmpty()) {
			return Optional.empty();
		}
		Rectangle best = null;
		double bestDistance = radius;
		for (Line line : this.lines) {
			String s = line.text.toString();
			for (int at = s.indexOf(wanted); at >= 0; at = s.indexOf(wanted, at + 1)) {
				Rectangle box = line.box(at, at + wanted.length());
				double d = Math.hypot(box.getCenterX() - expectedX, box.getCenterY() - expectedY);
				if (d < bestDistance) {
					bestDistance = d;
					best = box;
				}
			}
		}
		return Optional.ofNullable(best);
	}

	/**
	 * The text of the page with all whitespace removed, for keyword matching.
	 * @return the compact text
	 */
	public String compactText() {
		StringBuilder all = new StringBuilder();
		this.lines.forEach((line) -> all.append(line.text).append('\n'));
		return all.toString();
	}

	private static final class Line {

		private final StringBuilder text = new StringBuilder();

		private final List<OcrWord> owners = new ArrayList<>();

		private final List<Integer> offsets = new ArrayList<>();

		void add(OcrWord word) {
			String compact = JapaneseText.compact(word.text());
			for (int i = 0; i < compact.length(); i++) {
				this.owners.add(word);
				this.offsets.add(i);
			}
			this.text.append(compact);
		}

		Rectangle box(int from, int to) {
			Rectangle union = null;
			for (int i = from; i < to; i++) {
				OcrWord word = this.owners.get(i);
				int length = JapaneseText.compact(word.text()).length();
				Rectangle w = word.box();
				// a part of a word: share its width evenly among its characters
				int x0 = w.x + w.width * this.offsets.get(i) / length;
				int x1 = w.x + w.width * (this.offsets.get(i) + 1) / length;
				Rectangle r = new Rectangle(x0, w.y, Math.max(1, x1 - x0), w.height);
				union = (union == null) ? r : union.union(r);
			}
			return union;
		}

	}

}
