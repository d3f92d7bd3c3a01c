package jp.digilab.ocr;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Draws the test form of {@code templates/test-request.yml} with Java2D and Noto Sans CJK
 * JP, as a scanner would deliver it: shifted, scaled, rotated, at a given resolution.
 */
final class FormImages {

	static final Path TEMPLATE = Path.of("src/test/resources/templates/test-request.yml");

	static final List<String> OPTIONS = List.of("就職", "年金", "婚姻", "その他");

	private static final String[][] ROWS = { { "request_date", "請求日" }, { "name", "氏名" }, { "name_kana", "フリガナ" },
			{ "birth_date", "生年月日" }, { "postal_code", "郵便番号" }, { "address", "住所" }, { "phone", "電話番号" },
			{ "copies", "請求通数" }, { "my_number", "個人番号" }, { "purpose", "使用目的" }, { "honseki", "本籍の記載" } };

	private static Font font;

	private FormImages() {
	}

	/**
	 * How the scan deviates from the paper.
	 *
	 * @param dx shift right, mm
	 * @param dy shift down, mm
	 * @param scale scale factor
	 * @param degrees clockwise rotation about the page centre
	 * @param dpi resolution
	 * @param noise fraction of pixels flipped to random gray (0 for none)
	 */
	record Scan(double dx, double dy, double scale, double degrees, int dpi, double noise) {

		static Scan straight(int dpi) {
			return new Scan(0, 0, 1, 0, dpi, 0);
		}

	}

	static Map<String, String> sampleValues() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("request_date", "令和7年4月1日");
		values.put("name", "北九州　太郎");
		values.put("name_kana", "キタキュウシュウ　タロウ");
		values.put("birth_date", "昭和60年5月3日");
		values.put("postal_code", "803-8501");
		values.put("address", "北九州市小倉北区城内1番1号");
		values.put("phone", "093-582-2102");
		values.put("copies", "2");
		values.put("my_number", "123456789018");
		values.put("purpose", "年金");
		values.put("honseki", "true");
		return values;
	}

	static synchronized Font font() {
		if (font == null) {
			try {
				font = Font.createFonts(new File("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"))[0];
			}
			catch (IOException | FontFormatException ex) {
				throw new IllegalStateException("Noto Sans CJK JP is needed for the tests (fonts-noto-cjk)", ex);
			}
		}
		return font;
	}

	static BufferedImage blank(int dpi) {
		int w = (int) Math.round(210 / 25.4 * dpi);
		int h = (int) Math.round(297 / 25.4 * dpi);
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.dispose();
		return image;
	}

	static BufferedImage render(Map<String, String> values, Scan scan) {
		BufferedImage image = blank(scan.dpi());
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
		double pxPerMm = scan.dpi() / 25.4;
		g.translate(scan.dx() * pxPerMm, scan.dy() * pxPerMm);
		g.rotate(Math.toRadians(scan.degrees()), image.getWidth() / 2.0, image.getHeight() / 2.0);
		g.scale(pxPerMm * scan.scale(), pxPerMm * scan.scale());
		g.setColor(Color.BLACK);
		g.setStroke(new BasicStroke(0.3f));
		text(g, "住民票の写し等交付請求書", 55, 20, 8);
		text(g, "北九州市長 あて", 15, 36, 4);
		for (int i = 0; i < ROWS.length; i++) {
			double y = 45 + i * 14;
			g.draw(new Rectangle2D.Double(15, y, 180, 14));
			g.draw(new Line2D.Double(56, y, 56, y + 14));
			text(g, ROWS[i][1], 18, y + 4.5, 5);
			String name = ROWS[i][0];
			String value = values.getOrDefault(name, "");
			if (name.equals("honseki")) {
				tickBox(g, 60, y + 4, "true".equals(value));
				text(g, "本籍・筆頭者を記載する", 70, y + 4.5, 4.5);
			}
			else if (name.equals("purpose")) {
				boolean circled = "circle".equals(values.get("purpose_mark"));
				for (int k = 0; k < OPTIONS.size(); k++) {
					if (!circled) {
						tickBox(g, 60 + 34 * k, y + 4, OPTIONS.get(k).equals(value));
					}
					text(g, OPTIONS.get(k), 68 + 34 * k, y + 4.5, 5);
					if (circled && OPTIONS.get(k).equals(value)) {
						// a hand-drawn circle around the printed option
						java.awt.Stroke stroke = g.getStroke();
						g.setStroke(new BasicStroke(0.5f));
						g.draw(new java.awt.geom.Ellipse2D.Double(66 + 34 * k, y + 2.5, 5 * OPTIONS.get(k).length() + 4,
								9));
						g.setStroke(stroke);
					}
				}
			}
			else {
				text(g, value, 60, y + 4, 6);
			}
		}
		text(g, "※ 窓口で本人確認書類を提示してください。", 15, 210, 4);
		g.dispose();
		if (scan.noise() > 0) {
			addNoise(image, scan.noise());
		}
		return image;
	}

	/** Draw text whose em box has its top-left corner at (x, top), size in mm. */
	static void text(Graphics2D g, String text, double x, double top, double size) {
		if (text.isEmpty()) {
			return;
		}
		Font f = font().deriveFont((float) size);
		g.setFont(f);
		float baseline = (float) (top + size * 0.88);
		g.drawString(text, (float) x, baseline);
	}

	private static void tickBox(Graphics2D g, double x, double y, boolean ticked) {
		g.draw(new Rectangle2D.Double(x, y, 6, 6));
		if (ticked) {
			Path2D.Double tick = new Path2D.Double();
			tick.moveTo(x + 1.2, y + 3.2);
			tick.lineTo(x + 2.7, y + 4.9);
			tick.lineTo(x + 5.0, y + 1.0);
			java.awt.Stroke stroke = g.getStroke();
			g.setStroke(new BasicStroke(0.7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
			g.draw(tick);
			g.setStroke(stroke);
		}
	}

	private static void addNoise(BufferedImage image, double fraction) {
		Random random = new Random(42);
		int n = (int) (image.getWidth() * (long) image.getHeight() * fraction);
		for (int i = 0; i < n; i++) {
			int x = random.nextInt(image.getWidth());
			int y = random.nextInt(image.getHeight());
			int v = random.nextInt(256);
			image.getRaster().setSample(x, y, 0, v);
		}
	}

	/**
	 * Write a PNG, with its resolution in the pHYs chunk when dpi &gt; 0.
	 */
	static Path writePng(BufferedImage image, Path file, int dpi) {
		try {
			ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
			ImageWriteParam param = writer.getDefaultWriteParam();
			IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
					param);
			if (dpi > 0) {
				IIOMetadataNode size = new IIOMetadataNode("HorizontalPixelSize");
				size.setAttribute("value", Double.toString(25.4 / dpi));
				IIOMetadataNode vsize = new IIOMetadataNode("VerticalPixelSize");
				vsize.setAttribute("value", Double.toString(25.4 / dpi));
				IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
				dimension.appendChild(size);
				dimension.appendChild(vsize);
				IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
				root.appendChild(dimension);
				metadata.mergeTree("javax_imageio_1.0", root);
			}
			try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
				writer.setOutput(out);
				writer.write(null, new IIOImage(image, null, metadata), param);
			}
			writer.dispose();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Write a multi-page TIFF. */
	static Path writeTiff(List<BufferedImage> pages, Path file) {
		try {
			ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
			try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
				writer.setOutput(out);
				ImageWriteParam param = writer.getDefaultWriteParam();
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionType("Deflate");
				writer.prepareWriteSequence(null);
				for (BufferedImage page : pages) {
					writer.writeToSequence(new IIOImage(page, null, null), param);
				}
				writer.endWriteSequence();
			}
			writer.dispose();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Write an image-only PDF, one A4 page per image (a scanner's PDF). */
	static Path writePdf(List<BufferedImage> pages, Path file) {
		try (PDDocument document = new PDDocument()) {
			for (BufferedImage page : pages) {
				PDPage pdfPage = new PDPage(PDRectangle.A4);
				document.addPage(pdfPage);
				PDImageXObject image = LosslessFactory.createFromImage(document, page);
				try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
					content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
				}
			}
			document.save(file.toFile());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
