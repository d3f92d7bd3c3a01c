package jp.digilab.app.console.templates;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import jp.digilab.ocr.template.Anchor;
import jp.digilab.ocr.template.ChoiceOption;
import jp.digilab.ocr.template.FieldSpec;
import jp.digilab.ocr.template.FormTemplate;

/**
 * Draws a template's boxes over its reference image (or over a blank paper of its size)
 * with Java2D, so that staff can check a template by eye: fields red, choice options
 * green, anchors blue, each with its name. Boxes are outlined without antialiasing so
 * their edges keep the exact colour.
 */
final class TemplateOverlay {

	static final Color FIELD = new Color(220, 0, 0);

	static final Color OPTION = new Color(0, 150, 0);

	static final Color ANCHOR = new Color(0, 90, 220);

	/** Resolution of the blank paper drawn for a template without a reference image. */
	static final double BLANK_DPI = 100;

	private TemplateOverlay() {
	}

	static byte[] png(FormTemplate template, Path reference) {
		BufferedImage image = render(template, reference);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static BufferedImage render(FormTemplate template, Path reference) {
		BufferedImage background = read(reference);
		int width;
		int height;
		if (background != null) {
			width = background.getWidth();
			height = background.getHeight();
		}
		else {
			width = (int) Math.round(template.paper().width() / 25.4 * BLANK_DPI);
			height = (int) Math.round(template.paper().height() / 25.4 * BLANK_DPI);
		}
		// px templates without an image: their boxes are pixels of an image we do not
		// have, so they are drawn 1:1
		double sx = template.pixelUnits() ? 1 : width / template.paper().width();
		double sy = template.pixelUnits() ? 1 : height / template.paper().height();
		BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = canvas.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			if (background != null) {
				g.drawImage(background, 0, 0, null);
			}
			else {
				g.setColor(Color.LIGHT_GRAY);
				g.drawRect(0, 0, width - 1, height - 1);
			}
			float line = Math.max(2f, width / 800f);
			Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(12, Math.round(width / 70f)));
			Box box = new Box(g, sx, sy, line, font);
			for (Anchor anchor : template.anchors()) {
				box.draw(anchor.box(), ANCHOR, anchor.text());
			}
			for (FieldSpec field : template.fields()) {
				box.draw(field.box(), FIELD, field.name());
				for (ChoiceOption option : field.options()) {
					box.draw(option.box(), OPTION, option.value());
				}
			}
		}
		finally {
			g.dispose();
		}
		return canvas;
	}

	private static BufferedImage read(Path reference) {
		if (reference == null) {
			return null;
		}
		try {
			return ImageIO.read(reference.toFile());
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** Draws one box in template units, with its name above it. */
	private record Box(Graphics2D g, double sx, double sy, float line, Font font) {

		void draw(double[] mm, Color color, String name) {
			if (mm == null || mm.length != 4) {
				return;
			}
			int x = (int) Math.round(mm[0] * this.sx);
			int y = (int) Math.round(mm[1] * this.sy);
			int w = (int) Math.round(mm[2] * this.sx);
			int h = (int) Math.round(mm[3] * this.sy);
			this.g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 40));
			this.g.fillRect(x, y, w, h);
			this.g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
			this.g.setStroke(new BasicStroke(this.line));
			this.g.setColor(color);
			this.g.drawRect(x, y, w, h);
			if (name != null && !name.isBlank()) {
				this.g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
				this.g.setFont(this.font);
				this.g.drawString(name, x + this.line, Math.max(this.font.getSize(), y - this.line));
			}
		}

	}

}
