package jp.digilab.ocr.image;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * Small conversions between image types, kept allocation-light.
 */
public final class Images {

	private Images() {
	}

	/**
	 * Return an 8-bit grayscale version of the image (the image itself when it already
	 * is).
	 * @param image any image
	 * @return a {@link BufferedImage#TYPE_BYTE_GRAY} image
	 */
	public static BufferedImage toGray(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		BufferedImage gray = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		WritableRaster out = gray.getRaster();
		int[] argb = new int[w];
		byte[] row = new byte[w];
		for (int y = 0; y < h; y++) {
			image.getRGB(0, y, w, 1, argb, 0, w);
			for (int x = 0; x < w; x++) {
				int p = argb[x];
				int a = p >>> 24;
				int r = (p >> 16) & 0xff;
				int g = (p >> 8) & 0xff;
				int b = p & 0xff;
				int lum = (r * 299 + g * 587 + b * 114) / 1000;
				// transparent pixels are paper, not ink
				lum = (lum * a + 255 * (255 - a)) / 255;
				row[x] = (byte) lum;
			}
			out.setDataElements(0, y, w, 1, row);
		}
		return gray;
	}

	/**
	 * Copy the pixels of a grayscale image (also a sub-image) row by row.
	 * @param gray a {@link BufferedImage#TYPE_BYTE_GRAY} image
	 * @return width × height bytes, top row first
	 */
	public static byte[] grayBytes(BufferedImage gray) {
		int w = gray.getWidth();
		int h = gray.getHeight();
		byte[] bytes = new byte[w * h];
		byte[] row = new byte[w];
		for (int y = 0; y < h; y++) {
			gray.getRaster().getDataElements(0, y, w, 1, row);
			System.arraycopy(row, 0, bytes, y * w, w);
		}
		return bytes;
	}

	/**
	 * Make an image from grayscale bytes.
	 * @param bytes width × height bytes
	 * @param w width
	 * @param h height
	 * @return the image
	 */
	public static BufferedImage fromGrayBytes(byte[] bytes, int w, int h) {
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		image.getRaster().setDataElements(0, 0, w, h, bytes);
		return image;
	}

	/**
	 * Copy a region into a new, independent image (clipped to the image).
	 * @param image the source image
	 * @param x left
	 * @param y top
	 * @param w width
	 * @param h height
	 * @return the copied region, or {@code null} when it lies outside the image
	 */
	public static BufferedImage crop(BufferedImage image, int x, int y, int w, int h) {
		int x0 = Math.max(0, x);
		int y0 = Math.max(0, y);
		int x1 = Math.min(image.getWidth(), x + w);
		int y1 = Math.min(image.getHeight(), y + h);
		if (x1 - x0 < 2 || y1 - y0 < 2) {
			return null;
		}
		BufferedImage gray = toGray(image);
		BufferedImage sub = gray.getSubimage(x0, y0, x1 - x0, y1 - y0);
		return fromGrayBytes(grayBytes(sub), sub.getWidth(), sub.getHeight());
	}

	/**
	 * Scale a grayscale image with area averaging quality.
	 * @param image the image
	 * @param factor scale factor (&lt; 1 shrinks)
	 * @return the scaled image
	 */
	public static BufferedImage scale(BufferedImage image, double factor) {
		if (factor == 0.5 && image.getWidth() % 2 == 0 && image.getHeight() % 2 == 0) {
			return halve(toGray(image));
		}
		int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
		int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		java.awt.Graphics2D g = out.createGraphics();
		g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
				java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(java.awt.RenderingHints.KEY_RENDERING, java.awt.RenderingHints.VALUE_RENDER_QUALITY);
		g.drawImage(toGray(image), 0, 0, w, h, null);
		g.dispose();
		return out;
	}

	/**
	 * Half the size, each pixel the rounded mean of a 2 × 2 block: exactly what Java2D's
	 * bilinear scaling gives at one half (the test compares them pixel by pixel), in
	 * about a fifth of its time. Written here because the library alternatives differ:
	 * Leptonica's {@code pixScaleAreaMap2} truncates instead of rounding (half the pixels
	 * one level darker, which moved anchors and changed readings in the benchmark) and
	 * its copies in and out cost most of the gain. A 300-DPI page is halved for every
	 * classification, so this is on the hot path.
	 * @param gray a grayscale image of even width and height
	 * @return the halved image
	 */
	static BufferedImage halve(BufferedImage gray) {
		int width = gray.getWidth();
		int w = width / 2;
		int h = gray.getHeight() / 2;
		byte[] top = new byte[width];
		byte[] bottom = new byte[width];
		byte[] out = new byte[w * h];
		java.awt.image.Raster raster = gray.getRaster();
		for (int y = 0; y < h; y++) {
			raster.getDataElements(0, 2 * y, width, 1, top);
			raster.getDataElements(0, 2 * y + 1, width, 1, bottom);
			int at = y * w;
			for (int x = 0; x < w; x++) {
				int sum = (top[2 * x] & 0xff) + (top[2 * x + 1] & 0xff) + (bottom[2 * x] & 0xff)
						+ (bottom[2 * x + 1] & 0xff);
				out[at + x] = (byte) ((sum + 2) >> 2);
			}
		}
		return fromGrayBytes(out, w, h);
	}

	/**
	 * A grayscale copy of an image inside a white border.
	 * @param image the image
	 * @param border the border's width, pixels
	 * @return the bordered copy
	 */
	public static BufferedImage whiteBorder(BufferedImage image, int border) {
		BufferedImage out = new BufferedImage(image.getWidth() + 2 * border, image.getHeight() + 2 * border,
				BufferedImage.TYPE_BYTE_GRAY);
		java.awt.Graphics2D g = out.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, out.getWidth(), out.getHeight());
		g.drawImage(toGray(image), border, border, null);
		g.dispose();
		return out;
	}

}
