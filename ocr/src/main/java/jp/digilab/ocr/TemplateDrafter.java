package jp.digilab.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jp.digilab.ocr.field.JapaneseText;
import jp.digilab.ocr.image.Images;
import jp.digilab.ocr.image.InputException;
import jp.digilab.ocr.image.Page;
import jp.digilab.ocr.image.PageSource;
import jp.digilab.ocr.image.Preprocess;
import jp.digilab.ocr.template.Paper;

/**
 * Writes a starting template from a blank form: the largest text near the top is the
 * title, keyword and first anchor, every printed label an anchor, and the cell to the
 * right of each label (without a printed mark or unit in it) a field, so that nobody
 * measures coordinates by hand. The result is a draft to review: names and types are
 * guessed from the labels.
 */
public final class TemplateDrafter {

	private static final Map<String, String[]> KNOWN_LABELS = new LinkedHashMap<>();

	static {
		KNOWN_LABELS.put("フリガナ", new String[] { "name_kana", "katakana" });
		KNOWN_LABELS.put("ふりがな", new String[] { "name_kana", "katakana" });
		KNOWN_LABELS.put("生年月日", new String[] { "birth_date", "date" });
		KNOWN_LABELS.put("郵便番号", new String[] { "postal_code", "postal" });
		KNOWN_LABELS.put("電話", new String[] { "phone", "phone" });
		KNOWN_LABELS.put("個人番号", new String[] { "my_number", "mynumber" });
		KNOWN_LABELS.put("マイナンバー", new String[] { "my_number", "mynumber" });
		KNOWN_LABELS.put("メール", new String[] { "email", "email" });
		KNOWN_LABELS.put("氏名", new String[] { "name", "text" });
		KNOWN_LABELS.put("住所", new String[] { "address", "text" });
		KNOWN_LABELS.put("通数", new String[] { "copies", "integer" });
		KNOWN_LABELS.put("部数", new String[] { "copies", "integer" });
		KNOWN_LABELS.put("金額", new String[] { "amount", "money" });
		KNOWN_LABELS.put("請求日", new String[] { "request_date", "date" });
		KNOWN_LABELS.put("申請日", new String[] { "application_date", "date" });
		KNOWN_LABELS.put("年月日", new String[] { "date", "date" });
		KNOWN_LABELS.put("日付", new String[] { "date", "date" });
	}

	private TemplateDrafter() {
	}

	/**
	 * Draft a template from the first page of a blank form.
	 * @param image the blank form (PNG, JPEG, TIFF or PDF)
	 * @param id the template id
	 * @param settings where Tesseract is
	 * @return the template as YAML
	 * @throws InputException when the image cannot be read
	 */
	public static String draft(Path image, String id, OcrSettings settings) {
		Page page;
		try (PageSource source = PageSource.open(image)) {
			page = source.page(1);
		}
		BufferedImage gray = page.image();
		Paper paper = paper(gray, page.dpi());
		double pxPerMm = gray.getWidth() / paper.width();
		double skew = Preprocess.findSkew(gray);
		if (Math.abs(skew) >= 0.2) {
			gray = Preprocess.rotateSmall(gray, skew);
		}
		int dpi = (int) Math.round(pxPerMm * 25.4);
		BufferedImage straight = gray;
		try (OcrEngine engine = settings.engineFactory().create(settings.tessdata(), "jpn+eng");
				OcrEngine japanese = settings.engineFactory().create(settings.tessdata(), "jpn")) {
			List<OcrWord> words = engine.recognize(straight, dpi, SegMode.SPARSE, null).words();
			List<List<Rectangle>> lines = Preprocess.rulingLines(straight, (int) (20 * pxPerMm), (int) (5 * pxPerMm));
			// the title read again on its own by the Japanese model: with jpn+eng over
			// the
			// whole page the large print comes out wrong (児童手当説定 for 認定)
			Function<Rectangle, String> titleReader = (box) -> {
				int margin = (int) (2 * pxPerMm);
				BufferedImage crop = Images.crop(straight, box.x - margin, box.y - margin, box.width + 2 * margin,
						box.height + 2 * margin);
				return (crop != null)
						? JapaneseText.compact(japanese.recognize(crop, dpi, SegMode.SINGLE_LINE, null).text()) : "";
			};
			return new Draft(id, paper, pxPerMm, straight, lines.get(0), lines.get(1), words, titleReader)
				.yaml(segments(words, lines.get(1)));
		}
	}

	static Paper paper(BufferedImage image, int dpi) {
		if (dpi <= 0) {
			return Paper.A4;
		}
		double w = image.getWidth() * 25.4 / dpi;
		double h = image.getHeight() * 25.4 / dpi;
		for (String name : List.of("A4", "A3", "B4", "B5", "Letter")) {
			Paper paper = Paper.named(name);
			if (Math.abs(paper.width() - w) < paper.width() * 0.04
					&& Math.abs(paper.height() - h) < paper.height() * 0.04) {
				return paper;
			}
		}
		return new Paper("custom", Math.round(w), Math.round(h));
	}

	/** Split the OCR lines into runs of words that share a table cell. */
	static List<Segment> segments(List<OcrWord> words, List<Rectangle> vertical) {
		List<Segment> segments = new ArrayList<>();
		Segment current = null;
		for (OcrWord word : words) {
			Rectangle b = word.box();
			boolean split = current == null || word.lineStart() || crossesLine(current.box, b, vertical)
					|| b.x - (current.box.x + current.box.width) > 2 * Math.max(b.height, current.box.height);
			if (split) {
				current = new Segment(new StringBuilder(), new Rectangle(b));
				segments.add(current);
			}
			current.text.append(word.text().replaceAll("[|｜丨\\[\\]]", ""));
			current.box.add(b);
		}
		// labels of a Japanese form have Japanese characters; Latin strings are misread
		// marks
		segments.removeIf((s) -> s.compact().length() < 2 || s.compact().codePoints().noneMatch(JapaneseText::isCjk));
		return segments;
	}

	private static boolean crossesLine(Rectangle before, Rectangle next, List<Rectangle> vertical) {
		return vertical.stream()
			.anyMatch((v) -> v.x > before.x + before.width - 2 && v.x < next.x + 2 && v.y < next.getCenterY()
					&& v.y + v.height > next.getCenterY());
	}

	record Segment(StringBuilder text, Rectangle box) {

		String compact() {
			return JapaneseText.compact(this.text.toString());
		}

	}

	private record Draft(String id, Paper paper, double pxPerMm, BufferedImage image, List<Rectangle> horizontal,
			List<Rectangle> vertical, List<OcrWord> words, Function<Rectangle, String> titleReader) {

		String yaml(List<Segment> segments) {
			segments = new ArrayList<>(segments);
			Segment title = title(segments);
			StringBuilder y = new StringBuilder();
			y.append("# Drafted by TemplateDrafter: check the field names, types and boxes before use.\n");
			y.append("id: ").append(this.id).append('\n');
			if (title != null) {
				y.append("title: ").append(quote(title.compact())).append('\n');
			}
			y.append("paper: ")
				.append("custom".equals(this.paper.name()) ? "[" + mm(this.paper.width() * this.pxPerMm) + ", "
						+ mm(this.paper.height() * this.pxPerMm) + "]" : this.paper.name())
				.append('\n');
			y.append("languages: jpn+eng\n");
			if (title != null) {
				y.append("match:\n  keywords: [").append(quote(title.compact())).append("]\n");
			}
			StringBuilder anchors = new StringBuilder("anchors:\n");
			StringBuilder fields = new StringBuilder("fields:\n");
			Set<String> names = new HashSet<>();
			if (title != null) {
				// the title first: the lead anchor, read first to classify a page
				anchors.append("  - text: ")
					.append(quote(title.compact()))
					.append("\n    box: ")
					.append(box(title.box))
					.append('\n');
			}
			for (Segment s : segments) {
				if (s == title) {
					continue;
				}
				anchors.append("  - text: ")
					.append(quote(s.compact()))
					.append("\n    box: ")
					.append(box(s.box))
					.append('\n');
				Rectangle cell = valueCell(s, segments);
				String[] guess = guess(s.compact());
				// a label is short; outside a table only a known label gets a field
				if (cell == null || s.compact().length() > 12 || (!inTable(s) && guess[0].equals("field"))) {
					continue;
				}
				String name = guess[0];
				for (int n = 2; !names.add(name); n++) {
					name = guess[0] + "_" + n;
				}
				fields.append("  - name: ").append(name).append('\n');
				fields.append("    label: ").append(quote(s.compact())).append('\n');
				fields.append("    type: ").append(guess[1]).append('\n');
				fields.append("    box: ").append(box(cell)).append('\n');
			}
			return y.append(anchors).append(fields).append("review:\n  minConfidence: 0.80\n").toString();
		}

		/**
		 * The tallest text in the top quarter of the page, joined with the text beside it
		 * on its line in the same large print (OCR splits a widely spaced title: 児童手当認定 |
		 * 請求書); the segments joined into it leave the list.
		 */
		private Segment title(List<Segment> segments) {
			Segment tallest = null;
			for (Segment s : segments) {
				if (s.box.y < this.image.getHeight() / 4 && (tallest == null || s.box.height > tallest.box.height)) {
					tallest = s;
				}
			}
			if (tallest == null) {
				return null;
			}
			Segment head = tallest;
			List<Segment> line = new ArrayList<>(segments.stream()
				.filter((s) -> s == head || (s.box.height >= 0.7 * head.box.height
						&& Math.abs(s.box.getCenterY() - head.box.getCenterY()) < head.box.height / 2.0))
				.sorted(java.util.Comparator.comparingInt((Segment s) -> s.box.x))
				.toList());
			// only neighbours: a gap of up to three characters between the parts
			int at = line.indexOf(head);
			int from = at;
			int to = at;
			while (from > 0 && line.get(from).box.x - right(line.get(from - 1)) < 3 * head.box.height) {
				from--;
			}
			while (to + 1 < line.size() && line.get(to + 1).box.x - right(line.get(to)) < 3 * head.box.height) {
				to++;
			}
			Segment joined = new Segment(new StringBuilder(), new Rectangle(line.get(from).box));
			for (Segment part : line.subList(from, to + 1)) {
				joined.text.append(part.text);
				joined.box.add(part.box);
				segments.remove(part);
			}
			String again = this.titleReader.apply(joined.box);
			int length = joined.compact().length();
			if (again.codePoints().allMatch(JapaneseText::isCjk) && Math.abs(again.length() - length) <= 1) {
				joined.text.setLength(0);
				joined.text.append(again);
			}
			segments.add(0, joined);
			return joined;
		}

		private static int right(Segment s) {
			return s.box.x + s.box.width;
		}

		/** The blank cell right of a label, 1 mm inside its ruling lines. */
		private Rectangle valueCell(Segment label, List<Segment> segments) {
			double cy = label.box.getCenterY();
			int left = label.box.x + label.box.width + (int) (2 * this.pxPerMm);
			int right = this.image.getWidth() - (int) (10 * this.pxPerMm);
			int top = (int) (label.box.y - 0.8 * label.box.height);
			int bottom = (int) (label.box.y + 1.8 * label.box.height);
			Rectangle border = null;
			for (Rectangle v : this.vertical) {
				if (v.x >= label.box.x + label.box.width && v.y < cy && v.y + v.height > cy
						&& (border == null || v.x < border.x)) {
					border = v;
				}
			}
			if (border != null) {
				left = border.x + border.width + (int) this.pxPerMm;
				for (Rectangle v : this.vertical) {
					if (v.x > left && v.y < cy && v.y + v.height > cy && v.x - (int) this.pxPerMm < right) {
						right = v.x - (int) this.pxPerMm;
					}
				}
				int above = Integer.MIN_VALUE;
				int below = Integer.MAX_VALUE;
				for (Rectangle h : this.horizontal) {
					boolean spans = h.x < left + 10 && h.x + h.width > left + 10;
					if (spans && h.y + h.height < cy) {
						above = Math.max(above, h.y + h.height);
					}
					if (spans && h.y > cy) {
						below = Math.min(below, h.y);
					}
				}
				if (above != Integer.MIN_VALUE && below != Integer.MAX_VALUE) {
					top = above + (int) this.pxPerMm;
					bottom = below - (int) this.pxPerMm;
				}
			}
			Rectangle cell = new Rectangle(left, top, right - left, bottom - top);
			// a printed mark or unit in the cell (〒 before the value; 人, 円 after it) is
			// left out of the box, or it would be read with the value; the form is blank,
			// so any ink in the cell is print (OCR of the whole page does not return such
			// lone marks)
			BufferedImage inCell = (right - left > 0 && bottom - top > 0)
					? Images.crop(this.image, left, top, right - left, bottom - top) : null;
			if (inCell != null) {
				// a mark at the cell's start comes before the value (〒); any other print
				// follows it (a unit after a short number), and the box ends before it
				int cellLeft = left;
				for (Rectangle blob : Preprocess.inkBlobs(inCell)) {
					if (blob.height < 1.5 * this.pxPerMm) {
						continue;
					}
					if (blob.x < 3 * this.pxPerMm) {
						left = Math.max(left, cellLeft + blob.x + blob.width + (int) this.pxPerMm);
					}
					else {
						right = Math.min(right, cellLeft + blob.x - (int) this.pxPerMm);
					}
				}
			}
			cell = new Rectangle(left, top, right - left, bottom - top);
			if (cell.width < 15 * this.pxPerMm || cell.height < 3 * this.pxPerMm) {
				return null;
			}
			for (Segment other : segments) {
				// printed text in the cell: not a blank field (options, units: left to
				// the
				// reviewer)
				if (other != label && cell.contains(other.box.getCenterX(), other.box.getCenterY())
						&& other.box.x < cell.x + cell.width / 3) {
					return null;
				}
			}
			return cell;
		}

		private boolean inTable(Segment label) {
			double cy = label.box.getCenterY();
			return this.vertical.stream()
				.anyMatch((v) -> v.x >= label.box.x + label.box.width && v.y < cy && v.y + v.height > cy);
		}

		private static String quote(String text) {
			return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}

		private static String[] guess(String label) {
			for (Map.Entry<String, String[]> known : KNOWN_LABELS.entrySet()) {
				if (label.contains(known.getKey())) {
					return known.getValue();
				}
			}
			return new String[] { "field", "text" };
		}

		private String box(Rectangle r) {
			return "[" + mm(r.x) + ", " + mm(r.y) + ", " + mm(r.width) + ", " + mm(r.height) + "]";
		}

		private String mm(double px) {
			double mm = Math.max(0, Math.round(px / this.pxPerMm * 10) / 10.0);
			return (mm == Math.rint(mm)) ? String.valueOf((long) mm) : String.format(Locale.ROOT, "%.1f", mm);
		}

	}

}
