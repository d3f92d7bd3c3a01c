package jp.digilab.samples.scans;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

/**
 * What a flatbed or document scanner does to a printed page, in a mild and deterministic
 * way: off-white paper with a faint uneven tone, ink that is dark grey rather than black,
 * a slight optical softening, sparse sensor noise, a few specks of dust, and a small
 * shift of the sheet (at most 0.7 mm). No rotation and no scaling.
 */
final class ScannerEffects {

	/**
	 * Largest shift allowed, pixels: 8 px is 0.7 mm at 300 DPI, so that even unaligned
	 * field boxes (1 mm inside the ruling lines) never take in a ruling line.
	 */
	static final int MAX_SHIFT = 8;

	private ScannerEffects() {
	}

	/**
	 * Scan a page.
	 * @param page the printed page, 8-bit grey, white paper
	 * @param form the printed form (no dust falls on its table)
	 * @param shiftX horizontal shift of the sheet, pixels
	 * @param shiftY vertical shift of the sheet, pixels
	 * @param seed seed of every random choice
	 * @return the scanned page, same size, 8-bit grey
	 */
	static BufferedImage scan(BufferedImage page, FormLayout form, int shiftX, int shiftY, long seed) {
		if (Math.abs(shiftX) > MAX_SHIFT || Math.abs(shiftY) > MAX_SHIFT) {
			throw new IllegalArgumentException("shift larger than " + MAX_SHIFT + " px");
		}
		int w = page.getWidth();
		int h = page.getHeight();
		byte[] src = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
		Random random = new Random(seed);
		double phaseX = random.nextDouble() * Math.PI * 2;
		double phaseY = random.nextDouble() * Math.PI * 2;
		double paperBase = 238 + random.nextInt(5);
		double ink = 28 + random.nextInt(12);
		for (int y = 0; y < h; y++) {
			// paper tone: a faint uneven grey, darker towards one edge like a lid shadow
			double rowTone = 2.0 * Math.sin(y / 900.0 + phaseY);
			int sy = y - shiftY;
			for (int x = 0; x < w; x++) {
				int sx = x - shiftX;
				double v = soft(src, w, h, sx, sy) / 255.0;
				double paper = paperBase + rowTone + 1.5 * Math.cos(x / 700.0 + phaseX)
						- ((x < 40) ? (40 - x) / 8.0 : 0);
				double value = ink + (paper - ink) * v;
				// sparse sensor noise: most pixels untouched, a few slightly off
				if (random.nextInt(40) == 0) {
					value += random.nextInt(13) - 6;
				}
				dst[y * w + x] = (byte) clamp((int) Math.round(value));
			}
		}
		dust(form, dst, w, h, random);
		return out;
	}

	/**
	 * The page's grey at (x, y) softened by a small 3x3 kernel; white outside the page.
	 */
	private static double soft(byte[] src, int w, int h, int x, int y) {
		if (x < 1 || y < 1 || x >= w - 1 || y >= h - 1) {
			return (x >= 0 && y >= 0 && x < w && y < h) ? (src[y * w + x] & 0xff) : 255;
		}
		int c = src[y * w + x] & 0xff;
		int n = (src[(y - 1) * w + x] & 0xff) + (src[(y + 1) * w + x] & 0xff) + (src[y * w + x - 1] & 0xff)
				+ (src[y * w + x + 1] & 0xff);
		return (c * 6 + n) / 10.0;
	}

	/**
	 * A few small dark specks, as dust on the scanner glass leaves them, outside the
	 * table.
	 */
	private static void dust(FormLayout form, byte[] dst, int w, int h, Random random) {
		int left = FormLayout.px(form.tableLeft - 3);
		int right = FormLayout.px(form.tableRight + 3);
		int top = FormLayout.px(form.tableTop - 3);
		int bottom = FormLayout.px(form.tableBottom + 3);
		int placed = 0;
		while (placed < 25) {
			int cx = 20 + random.nextInt(w - 40);
			int cy = 20 + random.nextInt(h - 40);
			if (cx > left && cx < right && cy > top && cy < bottom) {
				// keep the filled-in table clean: dust on a value would be read as a dot
				continue;
			}
			placed++;
			int r = 1 + random.nextInt(2);
			int shade = 90 + random.nextInt(80);
			for (int y = cy - r; y <= cy + r; y++) {
				for (int x = cx - r; x <= cx + r; x++) {
					if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
						int old = dst[y * w + x] & 0xff;
						dst[y * w + x] = (byte) Math.min(old, shade);
					}
				}
			}
		}
	}

	private static int clamp(int v) {
		return Math.max(0, Math.min(255, v));
	}

}
