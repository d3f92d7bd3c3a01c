package jp.digilab.samples.scans;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.digilab.samples.scans.FormLayout.Kind;
import jp.digilab.samples.scans.FormLayout.Row;

import static jp.digilab.samples.scans.FormLayout.px;

/**
 * Draws the sample form with Java2D at 300 DPI: the blank form (printed labels and
 * ruling) and, optionally, an applicant's typed values and tick marks.
 */
final class FormRenderer {

	/** Where Debian, Ubuntu, Fedora and Arch put the Noto CJK collections. */
	private static final List<String> FONT_DIRS = List.of("/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto-cjk",
			"/usr/share/fonts/google-noto-cjk", "/usr/share/fonts/opentype/noto-cjk", "/usr/share/fonts/noto");

	static final float SMALL_PT = 9f;

	private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

	private final Font sans;

	private final Font serif;

	private final Font serifBold;

	FormRenderer() {
		this.sans = load("NotoSansCJK-Regular.ttc", "Noto Sans CJK JP");
		this.serif = load("NotoSerifCJK-Regular.ttc", "Noto Serif CJK JP");
		this.serifBold = load("NotoSerifCJK-Bold.ttc", "Noto Serif CJK JP");
	}

	/**
	 * The blank form, white paper, 8-bit grey.
	 */
	BufferedImage blank(FormLayout form) {
		return draw(form, null, null);
	}

	/**
	 * The form filled in with an applicant's typed values, before scanning.
	 */
	BufferedImage filled(Applicant applicant) {
		return draw(FormLayout.JUMINHYO, applicant.printed(), ticked(applicant));
	}

	/**
	 * A form filled in, before scanning.
	 * @param form the form
	 * @param printed typed text per field
	 * @param ticked per choice field the ticked option, per check box "true" when ticked
	 */
	BufferedImage filled(FormLayout form, Map<String, String> printed, Map<String, String> ticked) {
		return draw(form, printed, ticked);
	}

	private static Map<String, String> ticked(Applicant applicant) {
		Map<String, String> ticked = new HashMap<>();
		ticked.put("purpose", applicant.purpose());
		ticked.put("honseki", String.valueOf(applicant.honseki()));
		return ticked;
	}

	/**
	 * The ink box of a printed label, in mm: [x, y, width, height], padded by 0.5 mm.
	 */
	double[] labelBox(FormLayout form, Row row) {
		return mmBox(place(labelFont(form, row), row.label(), labelX(form), row.centerY()), 0.5);
	}

	/**
	 * The ink box of the title, in mm, padded by 0.5 mm.
	 */
	double[] titleBox(FormLayout form) {
		return mmBox(placeCentered(titleFont(form), form.title, FormLayout.PAPER_WIDTH / 2, form.titleCenterY), 0.5);
	}

	private BufferedImage draw(FormLayout form, Map<String, String> printed, Map<String, String> ticked) {
		BufferedImage image = new BufferedImage(FormLayout.WIDTH_PX, FormLayout.HEIGHT_PX,
				BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, image.getWidth(), image.getHeight());
			g.setColor(Color.BLACK);
			drawHeader(g, form);
			drawTable(g, form);
			drawFooter(g, form);
			if (printed != null) {
				drawValues(g, form, printed, ticked);
			}
		}
		finally {
			g.dispose();
		}
		return image;
	}

	private void drawHeader(Graphics2D g, FormLayout form) {
		Font small = this.serif.deriveFont(pt(SMALL_PT));
		draw(g, place(small, form.formNumber, form.tableLeft, 14));
		draw(g, placeRight(small, form.issuer, form.tableRight, 14));
		draw(g, placeCentered(titleFont(form), form.title, FormLayout.PAPER_WIDTH / 2, form.titleCenterY));
		draw(g, place(this.serif.deriveFont(pt(form.labelPt)), form.addressee, form.tableLeft, form.tableTop - 6));
		draw(g, placeRight(small, form.instruction, form.tableRight, form.tableTop - 5));
	}

	private void drawTable(Graphics2D g, FormLayout form) {
		double left = form.tableLeft;
		double right = form.tableRight;
		Font label = this.serif.deriveFont(pt(form.labelPt));
		for (Row row : form.rows()) {
			if (row.kind() == Kind.BAND) {
				g.setColor(new Color(228, 228, 228));
				g.fillRect(px(left), px(row.top()), px(right) - px(left), px(row.bottom()) - px(row.top()));
				g.setColor(Color.BLACK);
				draw(g, place(labelFont(form, row), "■ " + row.label(), labelX(form), row.centerY()));
			}
			else {
				draw(g, place(labelFont(form, row), row.label(), labelX(form), row.centerY()));
				vline(g, form.valueLeft, row.top(), row.bottom(), FormLayout.THIN_LINE);
				drawPrintedValuePart(g, form, row, label);
			}
			if (row.top() > form.tableTop) {
				hline(g, left, right, row.top(), FormLayout.THIN_LINE);
			}
		}
		frame(g, left, form.tableTop, right, form.tableBottom, FormLayout.THICK_LINE);
	}

	private void drawPrintedValuePart(Graphics2D g, FormLayout form, Row row, Font label) {
		switch (row.kind()) {
			case CHOICE, CHECKBOX -> {
				for (int i = 0; i < row.options().size(); i++) {
					double[] box = row.tickBox(i);
					square(g, box);
					draw(g, place(label, row.options().get(i), box[0] + box[2] + FormLayout.OPTION_LABEL_GAP,
							row.centerY()));
				}
			}
			case UNIT -> {
				double[] box = row.valueBox();
				draw(g, place(label, row.unit(), box[0] + box[2] + 1, row.centerY()));
			}
			case POSTAL -> draw(g, place(label, "〒", form.valueLeft + FormLayout.TEXT_INDENT, row.centerY()));
			default -> {
			}
		}
	}

	private void drawFooter(Graphics2D g, FormLayout form) {
		Font small = this.serif.deriveFont(pt(SMALL_PT));
		double y = form.tableBottom + 7;
		for (String note : form.notes) {
			draw(g, place(small, note, form.tableLeft, y));
			y += 6;
		}
		if (!form.counterHeads.isEmpty()) {
			// the counter's own box (filled in by staff, left blank on the samples)
			double top = 240;
			double bottom = 268;
			double left = 95;
			double right = form.tableRight;
			draw(g, place(small, "【窓口記入欄】", left, top - 4));
			List<String> heads = form.counterHeads;
			double width = (right - left) / heads.size();
			for (int i = 0; i < heads.size(); i++) {
				draw(g, placeCentered(small, heads.get(i), left + width * (i + 0.5), top + 3.5));
				if (i > 0) {
					vline(g, left + width * i, top, bottom, FormLayout.THIN_LINE);
				}
			}
			hline(g, left, right, top + 7, FormLayout.THIN_LINE);
			frame(g, left, top, right, bottom, FormLayout.THIN_LINE * 2);
		}
		draw(g, placeRight(small, form.office, form.tableRight, 285));
	}

	private void drawValues(Graphics2D g, FormLayout form, Map<String, String> printed, Map<String, String> ticked) {
		Font value = this.sans.deriveFont(pt(form.valuePt));
		for (Row row : form.rows()) {
			switch (row.kind()) {
				case TEXT, POSTAL, UNIT -> {
					String text = printed.get(row.field());
					if (text != null) {
						draw(g, place(value, text, row.textX(), row.centerY()));
					}
				}
				case CHOICE -> {
					int i = row.options().indexOf(ticked.get(row.field()));
					if (i >= 0) {
						tick(g, row.tickBox(i));
					}
				}
				case CHECKBOX -> {
					if ("true".equals(ticked.get(row.field()))) {
						tick(g, row.tickBox(0));
					}
				}
				default -> {
				}
			}
		}
	}

	/**
	 * A bold check mark, as a word processor's ✓ would print it, a little past the
	 * square.
	 */
	private static void tick(Graphics2D g, double[] box) {
		double x = box[0];
		double y = box[1];
		double s = box[2];
		Path2D.Double path = new Path2D.Double();
		path.moveTo(pxd(x + 0.12 * s), pxd(y + 0.52 * s));
		path.lineTo(pxd(x + 0.42 * s), pxd(y + 0.85 * s));
		path.lineTo(pxd(x + 1.08 * s), pxd(y - 0.12 * s));
		g.setStroke(new BasicStroke((float) pxd(0.75), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(path);
	}

	private static void square(Graphics2D g, double[] box) {
		frame(g, box[0], box[1], box[0] + box[2], box[1] + box[3], FormLayout.THIN_LINE);
	}

	private static void frame(Graphics2D g, double left, double top, double right, double bottom, double width) {
		hline(g, left, right, top, width);
		hline(g, left, right, bottom, width);
		vline(g, left, top, bottom, width);
		vline(g, right, top, bottom, width);
	}

	/** A horizontal ruling line centred on y, its ends extended by half the width. */
	private static void hline(Graphics2D g, double x0, double x1, double y, double width) {
		int w = Math.max(1, px(width));
		int left = px(x0 - width / 2);
		int right = px(x1 + width / 2);
		g.fillRect(left, px(y) - w / 2, right - left, w);
	}

	private static void vline(Graphics2D g, double x, double y0, double y1, double width) {
		int w = Math.max(1, px(width));
		int top = px(y0 - width / 2);
		int bottom = px(y1 + width / 2);
		g.fillRect(px(x) - w / 2, top, w, bottom - top);
	}

	private Font titleFont(FormLayout form) {
		return this.serifBold.deriveFont(pt(form.titlePt));
	}

	private Font labelFont(FormLayout form, Row row) {
		return (row.kind() == Kind.BAND) ? this.serifBold.deriveFont(pt(10.5f))
				: this.serif.deriveFont(pt(form.labelPt));
	}

	private static double labelX(FormLayout form) {
		return form.tableLeft + FormLayout.TEXT_INDENT;
	}

	/** A string placed with its ink box's left edge at x and its middle at cy (mm). */
	private static Placed place(Font font, String text, double xMm, double cyMm) {
		Rectangle2D ink = font.createGlyphVector(FRC, text).getVisualBounds();
		double x = pxd(xMm) - ink.getX();
		double baseline = pxd(cyMm) - (ink.getY() + ink.getHeight() / 2);
		return new Placed(font, text, x, baseline, ink);
	}

	private static Placed placeCentered(Font font, String text, double cxMm, double cyMm) {
		Rectangle2D ink = font.createGlyphVector(FRC, text).getVisualBounds();
		return place(font, text, cxMm - FormLayout.mm(ink.getWidth()) / 2, cyMm);
	}

	private static Placed placeRight(Font font, String text, double rightMm, double cyMm) {
		Rectangle2D ink = font.createGlyphVector(FRC, text).getVisualBounds();
		return place(font, text, rightMm - FormLayout.mm(ink.getWidth()), cyMm);
	}

	private static void draw(Graphics2D g, Placed p) {
		g.setFont(p.font());
		g.drawString(p.text(), (float) p.x(), (float) p.baseline());
	}

	private static double[] mmBox(Placed p, double pad) {
		double x = FormLayout.mm(p.x() + p.ink().getX()) - pad;
		double y = FormLayout.mm(p.baseline() + p.ink().getY()) - pad;
		double w = FormLayout.mm(p.ink().getWidth()) + 2 * pad;
		double h = FormLayout.mm(p.ink().getHeight()) + 2 * pad;
		return new double[] { x, y, w, h };
	}

	private static double pxd(double mm) {
		return mm * FormLayout.DPI / 25.4;
	}

	/**
	 * Points to pixels at 300 DPI (Graphics2D's identity transform draws 1 unit = 1
	 * pixel).
	 */
	private static float pt(float points) {
		return points * FormLayout.DPI / 72f;
	}

	private static Font load(String file, String family) {
		for (String dir : FONT_DIRS) {
			File candidate = new File(dir, file);
			if (candidate.isFile()) {
				try {
					for (Font font : Font.createFonts(candidate)) {
						if (family.equals(font.getFamily(java.util.Locale.ROOT))) {
							return font;
						}
					}
				}
				catch (IOException | FontFormatException ex) {
					throw new IllegalStateException("cannot read font " + candidate + ": " + ex.getMessage(), ex);
				}
			}
		}
		if (Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
			.contains(family)) {
			boolean bold = file.contains("Bold");
			return new Font(family, bold ? Font.BOLD : Font.PLAIN, 12);
		}
		throw new IllegalStateException("font '" + family + "' not found: install the Noto CJK fonts "
				+ "(Debian/Ubuntu: apt-get install fonts-noto-cjk)");
	}

	private record Placed(Font font, String text, double x, double baseline, Rectangle2D ink) {
	}

}
