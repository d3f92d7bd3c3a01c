package jp.digilab.ocr.image;

import java.awt.image.BufferedImage;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import net.sourceforge.lept4j.Leptonica1;
import net.sourceforge.lept4j.Pix;

/**
 * Copies between Java images and Leptonica {@link Pix} without an encode/decode round
 * trip (Leptonica packs pixels big-end first into 32-bit words).
 */
public final class Pixes {

	private Pixes() {
	}

	/**
	 * Copy a grayscale image into a new 8 bpp Pix; the caller destroys it.
	 */
	public static Pix fromGray(BufferedImage image) {
		BufferedImage gray = Images.toGray(image);
		int w = gray.getWidth();
		int h = gray.getHeight();
		Pix pix = Leptonica1.pixCreate(w, h, 8);
		if (pix == null) {
			throw new IllegalStateException("Leptonica could not allocate a " + w + "x" + h + " image");
		}
		int wpl = pix.wpl;
		Pointer data = pix.data.getPointer();
		byte[] row = new byte[w];
		int[] words = new int[wpl];
		for (int y = 0; y < h; y++) {
			gray.getRaster().getDataElements(0, y, w, 1, row);
			java.util.Arrays.fill(words, 0);
			for (int x = 0; x < w; x++) {
				words[x >> 2] |= (row[x] & 0xff) << (24 - ((x & 3) << 3));
			}
			data.write((long) y * wpl * 4, words, 0, wpl);
		}
		return pix;
	}

	/**
	 * Copy an 8 bpp or 1 bpp Pix into a grayscale image (1 bpp: foreground black).
	 */
	public static BufferedImage toGray(Pix pix) {
		Pix source = pix;
		boolean converted = false;
		if (pix.d != 8 && pix.d != 1) {
			source = Leptonica1.pixConvertTo8(pix, 0);
			converted = true;
		}
		try {
			int w = source.w;
			int h = source.h;
			int wpl = source.wpl;
			Pointer data = source.data.getPointer();
			BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
			int[] words = new int[wpl];
			byte[] row = new byte[w];
			for (int y = 0; y < h; y++) {
				data.read((long) y * wpl * 4, words, 0, wpl);
				if (source.d == 8) {
					for (int x = 0; x < w; x++) {
						row[x] = (byte) (words[x >> 2] >>> (24 - ((x & 3) << 3)));
					}
				}
				else {
					for (int x = 0; x < w; x++) {
						boolean ink = ((words[x >> 5] >>> (31 - (x & 31))) & 1) != 0;
						row[x] = (byte) (ink ? 0 : 255);
					}
				}
				out.getRaster().setDataElements(0, y, w, 1, row);
			}
			return out;
		}
		finally {
			if (converted) {
				destroy(source);
			}
		}
	}

	public static void destroy(Pix... pixes) {
		for (Pix pix : pixes) {
			if (pix != null) {
				Leptonica1.pixDestroy(new PointerByReference(pix.getPointer()));
			}
		}
	}

}
