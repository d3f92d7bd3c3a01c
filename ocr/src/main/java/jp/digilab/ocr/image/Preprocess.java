package jp.digilab.ocr.image;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.ptr.PointerByReference;

import net.sourceforge.lept4j.Boxa;
import net.sourceforge.lept4j.ILeptonica;
import net.sourceforge.lept4j.Leptonica1;
import net.sourceforge.lept4j.Pix;

/**
 * Image preprocessing stages, done with Leptonica (the library Tesseract itself uses).
 */
public final class Preprocess {

	/** Gray level below which a pixel counts as ink. */
	public static final int INK_THRESHOLD = 160;

	private static final float MAX_SKEW_DEGREES = 10f;

	private Preprocess() {
	}

	/**
	 * Find the skew of a page (±10°) on a reduced copy of it.
	 * @param small the page at reduced resolution (about 150 DPI)
	 * @return the clockwise angle in degrees that straightens it, 0 when none was found
	 */
	public static double findSkew(BufferedImage small) {
		Pix pix = Pixes.fromGray(small);
		Pix binary = null;
		try {
			binary = Leptonica1.pixConvertTo1(pix, INK_THRESHOLD);
			FloatBuffer angle = FloatBuffer.allocate(1);
			FloatBuffer confidence = FloatBuffer.allocate(1);
			if (Leptonica1.pixFindSkewSweepAndSearch(binary, angle, confidence, 2, 1, MAX_SKEW_DEGREES, 1f, 0.01f) != 0
					|| confidence.get(0) < 3f) {
				return 0;
			}
			return angle.get(0);
		}
		finally {
			Pixes.destroy(pix, binary);
		}
	}

	/**
	 * Rotate a page by a small angle about its centre, bringing in white.
	 * @param page grayscale page
	 * @param degrees clockwise angle
	 * @return the rotated page, same size
	 */
	public static BufferedImage rotateSmall(BufferedImage page, double degrees) {
		Pix pix = Pixes.fromGray(page);
		Pix rotated = null;
		try {
			// area mapping: shearing is faster but cost accuracy on 200 DPI scans
			rotated = Leptonica1.pixRotate(pix, (float) Math.toRadians(degrees), ILeptonica.L_ROTATE_AREA_MAP,
					ILeptonica.L_BRING_IN_WHITE, 0, 0);
			return Pixes.toGray(rotated);
		}
		finally {
			Pixes.destroy(pix, rotated);
		}
	}

	/**
	 * Rotate a page by a multiple of 90° clockwise.
	 * @param page the page
	 * @param degrees 0, 90, 180 or 270
	 * @return the rotated page
	 */
	public static BufferedImage rotate(BufferedImage page, int degrees) {
		int quads = Math.floorMod(degrees / 90, 4);
		if (quads == 0) {
			return page;
		}
		Pix pix = Pixes.fromGray(page);
		Pix rotated = null;
		try {
			rotated = Leptonica1.pixRotateOrth(pix, quads);
			return Pixes.toGray(rotated);
		}
		finally {
			Pixes.destroy(pix, rotated);
		}
	}

	/**
	 * The fraction of dark pixels of an image after binarisation.
	 * @param image grayscale image
	 * @return 0–1
	 */
	public static double inkRatio(BufferedImage image) {
		Pix pix = Pixes.fromGray(image);
		Pix binary = null;
		try {
			binary = Leptonica1.pixConvertTo1(pix, INK_THRESHOLD);
			FloatBuffer fraction = FloatBuffer.allocate(1);
			Leptonica1.pixForegroundFraction(binary, fraction);
			return fraction.get(0);
		}
		finally {
			Pixes.destroy(pix, binary);
		}
	}

	/**
	 * A field crop cleaned for OCR.
	 *
	 * @param image black text on white, nothing else
	 * @param inkPixels how many pixels are text
	 */
	public record CleanField(BufferedImage image, int inkPixels) {
	}

	/**
	 * Clean a field crop for OCR: binarise, remove the ruling lines (horizontal runs of
	 * {@code minHorizontal} pixels or more, vertical of {@code minVertical}), whatever
	 * touches the crop's border (lines and the neighbours' text cut by the crop) and
	 * specks smaller than {@code minSpeck} in both directions.
	 * @param crop grayscale crop of a field box with a margin
	 * @param minHorizontal shortest horizontal line removed, pixels
	 * @param minVertical shortest vertical line removed, pixels
	 * @param minSpeck smallest width or height of a kept component, pixels
	 * @return the cleaned crop
	 */
	public static CleanField cleanField(BufferedImage crop, int minHorizontal, int minVertical, int minSpeck) {
		Pix gray = Pixes.fromGray(crop);
		Pix binary = null;
		Pix horizontal = null;
		Pix vertical = null;
		Pix lines = null;
		Pix grown = null;
		Pix noLines = null;
		Pix inside = null;
		Pix clean = null;
		try {
			binary = Leptonica1.pixConvertTo1(gray, INK_THRESHOLD);
			// composite bricks: the same lines (a line's length may come out a pixel or
			// two
			// different) at a tenth of the cost of a 300-pixel linear brick
			horizontal = Leptonica1.pixOpenCompBrick(null, binary, Math.max(2, minHorizontal), 1);
			vertical = Leptonica1.pixOpenCompBrick(null, binary, 1, Math.max(2, minVertical));
			lines = Leptonica1.pixOr(null, horizontal, vertical);
			// grow the lines a little so that their ragged edges go too
			grown = Leptonica1.pixDilateBrick(null, lines, 3, 3);
			noLines = Leptonica1.pixSubtract(null, binary, grown);
			inside = Leptonica1.pixRemoveBorderConnComps(noLines, 8);
			clean = Leptonica1.pixSelectBySize(inside, Math.max(1, minSpeck), Math.max(1, minSpeck), 8,
					ILeptonica.L_SELECT_IF_EITHER, ILeptonica.L_SELECT_IF_GTE, null);
			IntBuffer count = IntBuffer.allocate(1);
			Leptonica1.pixCountPixels(clean, count, null);
			return new CleanField(Pixes.toGray(clean), count.get(0));
		}
		finally {
			Pixes.destroy(gray, binary, horizontal, vertical, lines, grown, noLines, inside, clean);
		}
	}

	/**
	 * Whiten the ruling lines of a crop (for measuring ink): horizontal runs longer than
	 * {@code minHorizontal} and vertical runs longer than {@code minVertical} pixels.
	 * @param crop grayscale crop
	 * @param minHorizontal shortest horizontal line removed, in pixels
	 * @param minVertical shortest vertical line removed, in pixels
	 * @return a new image without the lines
	 */
	public static BufferedImage removeLines(BufferedImage crop, int minHorizontal, int minVertical) {
		Pix pix = Pixes.fromGray(crop);
		Pix binary = null;
		Pix horizontal = null;
		Pix vertical = null;
		Pix lines = null;
		Pix grown = null;
		try {
			binary = Leptonica1.pixConvertTo1(pix, INK_THRESHOLD);
			horizontal = Leptonica1.pixOpenCompBrick(null, binary, Math.max(2, minHorizontal), 1);
			vertical = Leptonica1.pixOpenCompBrick(null, binary, 1, Math.max(2, minVertical));
			lines = Leptonica1.pixOr(null, horizontal, vertical);
			grown = Leptonica1.pixDilateBrick(null, lines, 3, 3);
			Leptonica1.pixSetMasked(pix, grown, 255);
			return Pixes.toGray(pix);
		}
		finally {
			Pixes.destroy(pix, binary, horizontal, vertical, lines, grown);
		}
	}

	/**
	 * Find the ruling lines of a page.
	 * @param page grayscale page
	 * @param minHorizontal shortest horizontal line, pixels
	 * @param minVertical shortest vertical line, pixels
	 * @return the bounding boxes of the horizontal lines, then of the vertical lines
	 */
	public static List<List<Rectangle>> rulingLines(BufferedImage page, int minHorizontal, int minVertical) {
		Pix gray = Pixes.fromGray(page);
		Pix binary = null;
		try {
			binary = Leptonica1.pixConvertTo1(gray, INK_THRESHOLD);
			return List.of(boxes(binary, minHorizontal, 1), boxes(binary, 1, minVertical));
		}
		finally {
			Pixes.destroy(gray, binary);
		}
	}

	/**
	 * The bounding boxes of the ink blobs (8-connected) of an image.
	 * @param image grayscale image
	 * @return one box per blob, pixels of the image
	 */
	public static List<Rectangle> inkBlobs(BufferedImage image) {
		Pix gray = Pixes.fromGray(image);
		Pix binary = null;
		try {
			binary = Leptonica1.pixConvertTo1(gray, INK_THRESHOLD);
			return boxes(binary, 1, 1);
		}
		finally {
			Pixes.destroy(gray, binary);
		}
	}

	private static List<Rectangle> boxes(Pix binary, int width, int height) {
		Pix opened = Leptonica1.pixOpenBrick(null, binary, width, height);
		Boxa boxa = null;
		try {
			boxa = Leptonica1.pixConnCompBB(opened, 8);
			List<Rectangle> boxes = new ArrayList<>();
			IntBuffer x = IntBuffer.allocate(1);
			IntBuffer y = IntBuffer.allocate(1);
			IntBuffer w = IntBuffer.allocate(1);
			IntBuffer h = IntBuffer.allocate(1);
			for (int i = 0; i < Leptonica1.boxaGetCount(boxa); i++) {
				Leptonica1.boxaGetBoxGeometry(boxa, i, x, y, w, h);
				boxes.add(new Rectangle(x.get(0), y.get(0), w.get(0), h.get(0)));
			}
			return boxes;
		}
		finally {
			if (boxa != null) {
				Leptonica1.boxaDestroy(new PointerByReference(boxa.getPointer()));
			}
			Pixes.destroy(opened);
		}
	}

}
