package jp.digilab.samples.ocrbench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Kernel;
import java.util.Locale;
import java.util.Random;

import jp.digilab.samples.scans.FormLayout;
import jp.digilab.samples.scans.SampleScanGenerator;

/**
 * What one scan does to a printed page: rotation ±3°, shift ±5 mm, scale 95–105 %, the
 * samples' paper and ink, Gaussian noise, blur, 200 or 300 DPI, and the file format (PNG,
 * JPEG, or an image-only PDF with a JPEG inside).
 *
 * @param degrees rotation, clockwise
 * @param shiftXmm horizontal shift
 * @param shiftYmm vertical shift
 * @param scale 0.95–1.05
 * @param noise standard deviation of the added grey noise, 0–255 scale
 * @param blur radius of the blur, pixels at 300 DPI (0 = none)
 * @param dpi 200 or 300
 * @param format {@code png}, {@code jpg} or {@code pdf}
 * @param jpegQuality quality of the JPEG inside a jpg or pdf (unused for png)
 * @param seed seed of the noise
 */
record Defects(double degrees, double shiftXmm, double shiftYmm, double scale, double noise, double blur, int dpi,
		String format, float jpegQuality, long seed) {

	/** Random defects within the benchmark's ranges. */
	static Defects random(Random random) {
		double degrees = (random.nextDouble() * 2 - 1) * 3;
		double shiftX = (random.nextDouble() * 2 - 1) * 5;
		double shiftY = (random.nextDouble() * 2 - 1) * 5;
		double scale = 0.95 + random.nextDouble() * 0.10;
		double noise = 2 + random.nextDouble() * 8;
		double blur = (random.nextInt(3) == 0) ? 0 : 0.5 + random.nextDouble();
		int dpi = (random.nextInt(3) == 0) ? 200 : 300;
		int f = random.nextInt(4);
		String format = (f < 2) ? "png" : (f == 2) ? "jpg" : "pdf";
		float quality = 0.55f + random.nextFloat() * 0.3f;
		return new Defects(degrees, shiftX, shiftY, scale, noise, blur, dpi, format, quality, random.nextLong());
	}

	/**
	 * Scan a printed page.
	 * @param printed the printed page, 300 DPI, 8-bit grey, white paper
	 * @param form the printed form
	 * @return the scanned page at {@link #dpi()}, 8-bit grey
	 */
	BufferedImage apply(BufferedImage printed, FormLayout form) {
		BufferedImage moved = place(printed);
		BufferedImage scanned = SampleScanGenerator.scanner(moved, form, this.seed);
		if (this.blur > 0) {
			scanned = blur(scanned, this.blur);
		}
		addNoise(scanned, new Random(this.seed ^ 0x5DEECE66DL), this.noise);
		return (this.dpi == FormLayout.DPI) ? scanned : resample(scanned, this.dpi);
	}

	/** The sheet rotated, scaled and shifted on the scanner glass (white around it). */
	private BufferedImage place(BufferedImage page) {
		int w = page.getWidth();
		int h = page.getHeight();
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = out.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, w, h);
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			AffineTransform t = new AffineTransform();
			t.translate(FormLayout.px(this.shiftXmm) + w / 2.0, FormLayout.px(this.shiftYmm) + h / 2.0);
			t.rotate(Math.toRadians(this.degrees));
			t.scale(this.scale, this.scale);
			t.translate(-w / 2.0, -h / 2.0);
			g.drawImage(page, t, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

	private static BufferedImage blur(BufferedImage image, double radius) {
		int size = 3;
		float[] k1 = new float[size];
		double sum = 0;
		for (int i = 0; i < size; i++) {
			double x = i - 1;
			k1[i] = (float) Math.exp(-x * x / (2 * radius * radius));
			sum += k1[i];
		}
		float[] kernel = new float[size * size];
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				kernel[y * size + x] = (float) (k1[x] * k1[y] / (sum * sum));
			}
		}
		BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		return new ConvolveOp(new Kernel(size, size, kernel), ConvolveOp.EDGE_NO_OP, null).filter(image, out);
	}

	private static void addNoise(BufferedImage image, Random random, double sigma) {
		byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
		for (int i = 0; i < data.length; i++) {
			int v = (data[i] & 0xff) + (int) Math.round(random.nextGaussian() * sigma);
			data[i] = (byte) Math.max(0, Math.min(255, v));
		}
	}

	private static BufferedImage resample(BufferedImage image, int dpi) {
		int w = (int) Math.round(FormLayout.PAPER_WIDTH / 25.4 * dpi);
		int h = (int) Math.round(FormLayout.PAPER_HEIGHT / 25.4 * dpi);
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = out.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(image, 0, 0, w, h, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

	/**
	 * One line for the report, e.g.
	 * {@code +1.2° (−3.1, +4.0) mm ×1.02 noise 5 blur 0.9 200dpi pdf}.
	 */
	String describe() {
		return String.format(Locale.ROOT, "%+.1f° (%+.1f,%+.1f)mm x%.3f noise %.1f blur %.1f %ddpi %s", this.degrees,
				this.shiftXmm, this.shiftYmm, this.scale, this.noise, this.blur, this.dpi, this.format);
	}

}
