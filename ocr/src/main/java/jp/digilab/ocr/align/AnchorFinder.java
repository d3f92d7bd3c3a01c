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
		if (best == null && wanted.length() >= 4) {
			// a misread character or two in a long label (住民票 read as 住民床)
			int allowed = (wanted.length() >= 8) ? 2 : 1;
			for (Line line : this.lines) {
				for (int[] span : approximate(wanted, line.text.toString(), allowed)) {
					Rectangle box = line.box(span[0], span[1]);
					double d = Math.hypot(box.getCenterX() - expectedX, box.getCenterY() - expectedY);
					if (d < bestDistance) {
						bestDistance = d;
						best = box;
					}
				}
			}
		}
		return Optional.ofNullable(best);
	}

	/**
	 * Where a pattern occurs in a text with at most {@code allowed} edits (Sellers): the
	 * spans {@code [from, to)} with the fewest edits.
	 */
	static List<int[]> approximate(String pattern, String text, int allowed) {
		int m = pattern.length();
		int[] previous = new int[m + 1];
		int[] current = new int[m + 1];
		int[] start = new int[m + 1];
		int[] previousStart = new int[m + 1];
		for (int i = 0; i <= m; i++) {
			previous[i] = i;
		}
		List<int[]> spans = new ArrayList<>();
		int least = allowed;
		for (int j = 1; j <= text.length(); j++) {
			current[0] = 0;
			start[0] = j;
			for (int i = 1; i <= m; i++) {
				int cost = (pattern.charAt(i - 1) == text.charAt(j - 1)) ? 0 : 1;
				int diagonal = previous[i - 1] + cost;
				int up = current[i - 1] + 1;
				int left = previous[i] + 1;
				if (diagonal <= up && diagonal <= left) {
					current[i] = diagonal;
					start[i] = previousStart[i - 1];
				}
				else if (left <= up) {
					current[i] = left;
					start[i] = previousStart[i];
				}
				else {
					current[i] = up;
					start[i] = start[i - 1];
				}
			}
			int distance = current[m];
			if (distance < least) {
				spans.clear();
				least = distance;
			}
			if (distance <= least && start[m] < j) {
				spans.add(new int[] { start[m], j });
			}
			int[] swap = previous;
			previous = current;
			current = swap;
			swap = previousStart;
			previousStart = start;
			start = swap;
		}
		// of equally good spans, those as long as the pattern (not a character short)
		int closest = spans.stream().mapToInt((s) -> Math.abs(s[1] - s[0] - m)).min().orElse(0);
		spans.removeIf((s) -> Math.abs(s[1] - s[0] - m) > closest);
		return spans;
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
