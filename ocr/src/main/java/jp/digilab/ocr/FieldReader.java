package jp.digilab.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jp.digilab.ocr.field.FieldType;
import jp.digilab.ocr.field.JapaneseText;
import jp.digilab.ocr.field.Normalized;
import jp.digilab.ocr.image.Images;
import jp.digilab.ocr.image.Preprocess;
import jp.digilab.ocr.image.TextChar;
import jp.digilab.ocr.template.ChoiceOption;
import jp.digilab.ocr.template.FieldSpec;

/**
 * Reads one field box of a page: crop, remove ruling lines, OCR with the type's segment
 * mode and whitelist (or measure ink for check boxes and choices).
 */
final class FieldReader {

	/** Ink, in squared box heights, below which a text box counts as empty. */
	static final double BLANK_INK = 0.006;

	/** Ink fraction from which a check box counts as ticked. */
	static final double TICK_INK = 0.04;

	/**
	 * How far above its weakest character a reading's confidence may be: a sure word with
	 * one character at 0.1 is doubtful.
	 */
	static final double WEAKEST_CHAR_ALLOWANCE = 0.35;

	/**
	 * A blank between typed words becomes a space when it is wider than this many text
	 * heights: an ideographic space typed between two names leaves about 1.3; a
	 * half-width space next to narrow kana (リ, ト) leaves up to 1.0, which is no separator
	 * (the normalisers drop it).
	 */
	static final double SPACE_GAP = 1.15;

	/** Confidence below which a second model reads the field again. */
	static final double SECOND_OPINION_BELOW = 0.9;

	/** Highest confidence of a doubtful reading that another reading contradicts. */
	static final double UNCONFIRMED_CONFIDENCE = 0.5;

	/** Confidence from which another reading contradicts a doubtful one. */
	static final double CREDIBLE_CONTRADICTION = 0.55;

	/** Ink of an unmarked option box from which it is taken to hold a printed label. */
	static final double PRINTED_OPTION_INK = 0.05;

	/** Ink above the other options' that makes a choice option win. */
	static final double CHOICE_INK = 0.03;

	private static final String JUNK = "[|｜丨]";

	private final PageContext page;

	FieldReader(PageContext page) {
		this.page = page;
	}

	/**
	 * What was read before normalisation.
	 *
	 * @param text the text to normalise (for ink fields: the value)
	 * @param raw what is reported as raw
	 * @param confidence 0–1
	 * @param problem a reason the reading itself failed, or {@code null}
	 */
	record Reading(String text, String raw, double confidence, String problem) {
	}

	Reading read(FieldSpec spec, FieldType type) {
		Rectangle box = this.page.transform().map(spec.box());
		if (!box.intersects(new Rectangle(0, 0, this.page.image().width(), this.page.image().height()))) {
			return new Reading("", "", 0, Reasons.BOX_OUTSIDE_PAGE.text());
		}
		if (type == FieldType.CHECKBOX) {
			return checkbox(box);
		}
		if (type == FieldType.CHOICE) {
			return choice(spec, box);
		}
		if (!this.page.textLayer().isEmpty()) {
			String text = textLayerIn(box);
			if (!text.isEmpty()) {
				return new Reading(text, text, 1.0, null);
			}
		}
		return ocr(spec, type, box);
	}

	private Reading ocr(FieldSpec spec, FieldType type, Rectangle box) {
		int margin = Math.min(this.page.mm(1.5), (int) (box.height * 0.3));
		BufferedImage crop = this.page.image()
			.crop(box.x - margin, box.y - margin, box.width + 2 * margin, box.height + 2 * margin);
		if (crop == null) {
			return new Reading("", "", 0, Reasons.BOX_OUTSIDE_PAGE.text());
		}
		Preprocess.CleanField clean = Preprocess.cleanField(crop, (int) (box.height * 2.5), (int) (box.height * 0.9),
				Math.max(2, box.height / 25));
		if (clean.inkPixels() < BLANK_INK * box.height * box.height) {
			return new Reading("", "", 1.0, null);
		}
		SegMode mode = (box.height > this.page.mm(14)) ? SegMode.BLOCK : SegMode.SINGLE_LINE;
		String whitelist = (spec.whitelist() != null) ? spec.whitelist() : type.whitelist();
		// the engine's time grows with the line's width: hand it only the inked part
		int pad = Math.max(4, box.height / 4);
		BufferedImage ocrImage = trimToInk(clean.image(), pad);
		int inkHeight = inkHeight(ocrImage);
		if (mode == SegMode.SINGLE_LINE && ocrImage.getWidth() < 3 * inkHeight + 2 * pad) {
			// a few characters: Tesseract's line mode sometimes returns nothing for them
			mode = SegMode.SINGLE_WORD;
		}
		Reading first = recognize(this.page.engine(isAscii(whitelist)), ocrImage, mode, whitelist);
		if (first.text().isEmpty() && mode == SegMode.SINGLE_LINE) {
			first = recognize(this.page.engine(isAscii(whitelist)), ocrImage, SegMode.SINGLE_WORD, whitelist);
		}
		if (first.text().isEmpty() && ocrImage.getWidth() < 2 * inkHeight + 2 * pad) {
			// one narrow character (a lone 1 in a count box): the word mode returns
			// nothing for it
			first = recognize(this.page.engine(isAscii(whitelist)), ocrImage, SegMode.SINGLE_CHAR, whitelist);
		}
		// katakana are always read twice: the LSTM reads シ as ン (and ツ as ソ) at 0.9
		// and above
		if (first.confidence() >= SECOND_OPINION_BELOW && type != FieldType.KATAKANA) {
			return first;
		}
		// a doubtful reading: read the line as one word, and with the other model; keep
		// another answer only when it is sure
		Reading best = first;
		List<Reading> others = new ArrayList<>();
		if (mode == SegMode.SINGLE_LINE) {
			others.add(recognize(this.page.engine(isAscii(whitelist)), ocrImage, SegMode.SINGLE_WORD, whitelist));
		}
		OcrEngine second = this.page.secondEngine(isAscii(whitelist));
		if (second != null) {
			others.add(recognize(second, ocrImage, mode, whitelist));
		}
		// a sure katakana reading is read again only to be checked, never replaced: the
		// full language set turns kana into Latin letters and digits (タカハシ209)
		boolean checkOnly = first.confidence() >= SECOND_OPINION_BELOW;
		for (Reading other : others) {
			if (!checkOnly && other.confidence() >= SECOND_OPINION_BELOW && other.confidence() > best.confidence()) {
				best = other;
			}
		}
		// a doubtful reading that another credible reading of the same length contradicts
		// is not trusted: the LSTM is confidently wrong on a single similar character
		// (祇園 read as 舐園 at 0.85); a truncated other reading says nothing, except in
		// katakana, where the LSTM doubles characters (ワタナベベマコト)
		String kept = type.normalize(best.text()).value();
		for (Reading other : others) {
			Normalized normalized = type.normalize(other.text());
			String value = normalized.value();
			boolean comparable = type == FieldType.KATAKANA
					|| value.codePointCount(0, value.length()) == kept.codePointCount(0, kept.length());
			// a reading that is not even of the type (digits in katakana) contradicts
			// nothing
			if (other != best && other.confidence() >= CREDIBLE_CONTRADICTION && !value.equals(kept) && comparable
					&& normalized.valid()) {
				return new Reading(best.text(), best.raw(), Math.min(best.confidence(), UNCONFIRMED_CONFIDENCE),
						best.problem());
			}
		}
		return best;
	}

	private Reading recognize(OcrEngine engine, BufferedImage image, SegMode mode, String whitelist) {
		OcrText text = engine.recognize(image, this.page.dpi(), mode, whitelist);
		if (text.words().isEmpty()) {
			String raw = text.text().replaceAll(JUNK, "").strip();
			return new Reading(raw, raw, raw.isEmpty() ? 0 : text.confidence(), null);
		}
		boolean[] columns = inkColumns(image);
		// Tesseract's LSTM sometimes adds a ghost word: a degenerate box, or a doubtful
		// word
		// over blank paper
		List<OcrWord> words = text.words()
			.stream()
			.filter((w) -> w.box().height >= 4 && w.box().width >= 2 && !w.text().replaceAll(JUNK, "").isBlank())
			.filter((w) -> w.confidence() >= 0.5 || inkedShare(columns, w.box()) >= 0.5)
			.toList();
		if (words.isEmpty()) {
			return new Reading("", "", 0, null);
		}
		String raw = words.stream().map(OcrWord::text).collect(Collectors.joining(" ")).replaceAll(JUNK, "").strip();
		int height = (mode != SegMode.BLOCK) ? inkHeight(image) : 0;
		String joined = joinWords(words, columns, height).replaceAll(JUNK, "").strip();
		return new Reading(joined, raw, confidence(words), null);
	}

	/**
	 * Crop an image to its ink (rows and columns with two dark pixels or more) plus a
	 * margin.
	 */
	static BufferedImage trimToInk(BufferedImage image, int pad) {
		boolean[] columns = inkColumns(image);
		int x0 = 0;
		int x1 = columns.length - 1;
		while (x0 < x1 && !columns[x0]) {
			x0++;
		}
		while (x1 > x0 && !columns[x1]) {
			x1--;
		}
		int[] rows = new int[image.getHeight()];
		byte[] row = new byte[image.getWidth()];
		for (int y = 0; y < rows.length; y++) {
			image.getRaster().getDataElements(0, y, row.length, 1, row);
			for (int x = x0; x <= x1; x++) {
				if ((row[x] & 0xff) < Preprocess.INK_THRESHOLD) {
					rows[y]++;
				}
			}
		}
		int y0 = 0;
		int y1 = rows.length - 1;
		while (y0 < y1 && rows[y0] < 2) {
			y0++;
		}
		while (y1 > y0 && rows[y1] < 2) {
			y1--;
		}
		BufferedImage trimmed = Images.crop(image, x0 - pad, y0 - pad, x1 - x0 + 1 + 2 * pad, y1 - y0 + 1 + 2 * pad);
		return (trimmed != null) ? trimmed : image;
	}

	static boolean isAscii(String whitelist) {
		return whitelist != null && !whitelist.isEmpty() && whitelist.chars().allMatch((c) -> c < 128);
	}

	/**
	 * Mean word confidence weighted by the words' lengths, at most
	 * {@link #WEAKEST_CHAR_ALLOWANCE} above the weakest character.
	 */
	static double confidence(List<OcrWord> words) {
		double sum = 0;
		int chars = 0;
		for (OcrWord word : words) {
			int n = word.text().codePointCount(0, word.text().length());
			sum += word.confidence() * n;
			chars += n;
		}
		double mean = (chars == 0) ? 0 : sum / chars;
		double weakest = words.stream().mapToDouble(OcrWord::weakestChar).min().orElse(0);
		return Math.min(mean, weakest + WEAKEST_CHAR_ALLOWANCE);
	}

	/**
	 * Which columns of an image hold ink (two dark pixels or more: specks do not count).
	 */
	static boolean[] inkColumns(BufferedImage image) {
		int[] count = new int[image.getWidth()];
		byte[] row = new byte[image.getWidth()];
		for (int y = 0; y < image.getHeight(); y++) {
			image.getRaster().getDataElements(0, y, image.getWidth(), 1, row);
			for (int x = 0; x < row.length; x++) {
				if ((row[x] & 0xff) < Preprocess.INK_THRESHOLD) {
					count[x]++;
				}
			}
		}
		boolean[] ink = new boolean[count.length];
		for (int x = 0; x < count.length; x++) {
			ink[x] = count[x] >= 2;
		}
		return ink;
	}

	/**
	 * Join OCR words: words close together were printed together (Tesseract splits
	 * Japanese into words that were never apart); a blank wider than 3/4 of the text
	 * height becomes one space (ideographic next to Japanese characters, so that
	 * normalisers keep it). Word boxes of Japanese text are loose, so blanks are found on
	 * the image's ink columns and given to the word boundary nearest to each.
	 * @param words the words of one line, in order
	 * @param inkColumns which columns of the recognised image hold ink
	 * @param textHeight the height of the text, pixels
	 * @return the text
	 */
	static String joinWords(List<OcrWord> words, boolean[] inkColumns, int textHeight) {
		boolean[] spaceBefore = new boolean[words.size()];
		List<int[]> gaps = (textHeight > 0) ? wideBlanks(inkColumns, textHeight * SPACE_GAP) : List.of();
		for (int[] gap : gaps) {
			int best = -1;
			int bestDistance = Integer.MAX_VALUE;
			for (int i = 1; i < words.size(); i++) {
				// the ink after the blank starts the word (its box may be a little off)
				int distance = Math.abs(words.get(i).box().x - (gap[1] + 1));
				if (!words.get(i).lineStart() && distance < bestDistance) {
					best = i;
					bestDistance = distance;
				}
			}
			if (best > 0 && bestDistance <= textHeight * 0.6) {
				spaceBefore[best] = true;
			}
		}
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < words.size(); i++) {
			OcrWord word = words.get(i);
			if (i > 0) {
				boolean cjk = JapaneseText.isCjk(out.codePointBefore(out.length()))
						|| JapaneseText.isCjk(word.text().codePointAt(0));
				if (word.lineStart()) {
					out.append('\n');
				}
				else if (spaceBefore[i]) {
					out.append(cjk ? JapaneseText.IDEOGRAPHIC_SPACE : ' ');
				}
				else if (!cjk) {
					out.append(' ');
				}
			}
			out.append(word.text());
		}
		return out.toString();
	}

	/** Blank column runs wider than {@code minWidth} between the first and last ink. */
	private static List<int[]> wideBlanks(boolean[] ink, double minWidth) {
		List<int[]> gaps = new ArrayList<>();
		int first = 0;
		while (first < ink.length && !ink[first]) {
			first++;
		}
		int start = -1;
		for (int x = first; x < ink.length; x++) {
			if (!ink[x] && start < 0) {
				start = x;
			}
			else if (ink[x] && start >= 0) {
				if (x - start > minWidth) {
					gaps.add(new int[] { start, x - 1 });
				}
				start = -1;
			}
		}
		return gaps;
	}

	private static double inkedShare(boolean[] columns, Rectangle box) {
		int inked = 0;
		int total = 0;
		for (int x = Math.max(0, box.x); x < Math.min(columns.length, box.x + box.width); x++) {
			total++;
			inked += columns[x] ? 1 : 0;
		}
		return (total == 0) ? 0 : (double) inked / total;
	}

	/** Height of the inked rows of an image. */
	static int inkHeight(BufferedImage image) {
		int top = -1;
		int bottom = -1;
		byte[] row = new byte[image.getWidth()];
		for (int y = 0; y < image.getHeight(); y++) {
			image.getRaster().getDataElements(0, y, row.length, 1, row);
			int dark = 0;
			for (byte b : row) {
				if ((b & 0xff) < Preprocess.INK_THRESHOLD) {
					dark++;
				}
			}
			if (dark >= 2) {
				top = (top < 0) ? y : top;
				bottom = y;
			}
		}
		return (top < 0) ? 0 : bottom - top + 1;
	}

	/**
	 * The text-layer characters inside a box, line by line and left to right (text layers
	 * written by OCR put each word on its own baseline, so the PDF's order is not
	 * reliable).
	 */
	private String textLayerIn(Rectangle box) {
		List<TextChar> inside = new ArrayList<>();
		for (TextChar c : this.page.textLayer()) {
			if (box.contains(c.box().getCenterX(), c.box().getCenterY())) {
				inside.add(c);
			}
		}
		double height = inside.stream().mapToInt((c) -> c.box().height).max().orElse(1);
		inside.sort((p, q) -> {
			double dy = p.box().getCenterY() - q.box().getCenterY();
			// same line: keep the PDF's order (the sort is stable)
			return (Math.abs(dy) > height / 2) ? Double.compare(dy, 0) : 0;
		});
		StringBuilder out = new StringBuilder();
		TextChar previous = null;
		for (TextChar c : inside) {
			Rectangle r = c.box();
			if (c.text().isBlank()) {
				out.append(' ');
				continue;
			}
			boolean cjk = JapaneseText.isCjk(c.text().codePointAt(0));
			if (cjk && previous != null && r.x - (previous.box().x + previous.box().width) > r.height * 0.75) {
				out.append(JapaneseText.IDEOGRAPHIC_SPACE);
			}
			out.append(c.text());
			previous = c;
		}
		return out.toString().replaceAll(" +", " ").strip();
	}

	/** Ink inside a box, its printed border and ruling lines removed. */
	private double ink(Rectangle box, double shrink) {
		double[] ink = inks(box, shrink, shrink);
		return ink[0];
	}

	/**
	 * The ink of a box shrunk by {@code outer} on each side, and of the band between that
	 * and the box shrunk by {@code inner} (where a circle drawn around a printed option
	 * runs).
	 */
	private double[] inks(Rectangle box, double outer, double inner) {
		int margin = Math.max(2, this.page.mm(1));
		BufferedImage crop = this.page.image()
			.crop(box.x - margin, box.y - margin, box.width + 2 * margin, box.height + 2 * margin);
		if (crop == null) {
			return new double[] { 0, 0 };
		}
		BufferedImage clean = Preprocess.removeLines(crop, (int) (box.width * 0.8), (int) (box.height * 0.8));
		double[] outside = inkOf(clean, margin, box, outer);
		double[] inside = inkOf(clean, margin, box, inner);
		double bandArea = outside[1] - inside[1];
		double band = (bandArea > 0) ? (outside[0] * outside[1] - inside[0] * inside[1]) / bandArea : 0;
		return new double[] { outside[0], band };
	}

	private static double[] inkOf(BufferedImage clean, int margin, Rectangle box, double shrink) {
		int dx = (int) (box.width * shrink);
		int dy = (int) (box.height * shrink);
		BufferedImage region = Images.crop(clean, margin + dx, margin + dy, box.width - 2 * dx, box.height - 2 * dy);
		if (region == null) {
			return new double[] { 0, 0 };
		}
		return new double[] { Preprocess.inkRatio(region), (double) region.getWidth() * region.getHeight() };
	}

	private Reading checkbox(Rectangle box) {
		double ink = ink(box, 0.15);
		boolean ticked = ink >= TICK_INK;
		double confidence = ticked ? Math.min(1, 0.5 + (ink - TICK_INK) / TICK_INK * 0.5) : 1 - ink / TICK_INK * 0.5;
		return new Reading(String.valueOf(ticked), String.format(Locale.ROOT, "ink %.3f", ink), confidence, null);
	}

	private Reading choice(FieldSpec spec, Rectangle fieldBox) {
		List<ChoiceOption> options = spec.options();
		if (options.stream().anyMatch((o) -> o.box() == null)) {
			return choiceByText(spec, fieldBox);
		}
		// a tick fills its square; a circle runs round the printed option, in the box's
		// band
		double[] full = new double[options.size()];
		double[] band = new double[options.size()];
		for (int i = 0; i < full.length; i++) {
			double[] ink = inks(this.page.transform().map(options.get(i).box()), 0.03, 0.3);
			full[i] = ink(this.page.transform().map(options.get(i).box()), 0.1);
			band[i] = ink[1];
		}
		// above what an unmarked option holds (its printed label, if the box covers it)
		double[] inks = new double[full.length];
		double fullBase = baseline(full);
		double bandBase = baseline(band);
		// boxes round printed labels differ by their labels' ink: only a circle counts
		// there
		boolean printed = fullBase > PRINTED_OPTION_INK;
		for (int i = 0; i < inks.length; i++) {
			inks[i] = printed ? band[i] - bandBase : Math.max(full[i] - fullBase, band[i] - bandBase);
		}
		double baseline = 0;
		int best = 0;
		double second = 0;
		for (int i = 1; i < inks.length; i++) {
			if (inks[i] > inks[best]) {
				best = i;
			}
		}
		for (int i = 0; i < inks.length; i++) {
			if (i != best) {
				second = Math.max(second, inks[i] - baseline);
			}
		}
		StringBuilder raw = new StringBuilder();
		for (int i = 0; i < inks.length; i++) {
			raw.append((i > 0) ? ", " : "")
				.append(options.get(i).value())
				.append(String.format(Locale.ROOT, " %.3f", full[i]));
		}
		double top = inks[best] - baseline;
		if (top < CHOICE_INK) {
			return new Reading("", raw.toString(), 1 - top / CHOICE_INK * 0.5, null);
		}
		double lead = (top - second) / top;
		return new Reading(options.get(best).value(), raw.toString(), Math.min(1, 0.4 + lead), null);
	}

	/** The median of the options' ink, or the lesser of two, or 0 for one option. */
	private static double baseline(double[] inks) {
		double[] sorted = inks.clone();
		Arrays.sort(sorted);
		return (inks.length == 1) ? 0 : (inks.length == 2) ? sorted[0] : sorted[(inks.length - 1) / 2];
	}

	private Reading choiceByText(FieldSpec spec, Rectangle box) {
		Reading text = ocr(spec, FieldType.TEXT, box);
		String compact = JapaneseText.compact(text.text());
		List<ChoiceOption> found = compact.isEmpty() ? List.of()
				: spec.options()
					.stream()
					.filter((option) -> compact.contains(JapaneseText.compact(option.label())))
					.toList();
		if (found.size() > 1) {
			// the options are printed in the box (男 女): which one is marked cannot be
			// told from the text, only from each option's own box
			return new Reading("", text.raw(), 0, Reasons.SEVERAL_OPTIONS
				.text(found.stream().map(ChoiceOption::label).collect(Collectors.joining(", "))));
		}
		if (found.size() == 1) {
			return new Reading(found.get(0).value(), text.raw(), text.confidence(), null);
		}
		return new Reading("", text.raw(), compact.isEmpty() ? text.confidence() : 0, null);
	}

}
