package jp.digilab.ocr.align;

import java.awt.Rectangle;
import java.util.List;
import java.util.Optional;

/**
 * A similarity transform (scale, rotation, shift) from template units to page pixels:
 * {@code x = a·u − b·v + tx}, {@code y = b·u + a·v + ty}.
 *
 * @param a scale · cos(rotation)
 * @param b scale · sin(rotation)
 * @param tx shift in x, pixels
 * @param ty shift in y, pixels
 */
public record Transform(double a, double b, double tx, double ty) {

	/**
	 * Plain scaling, no shift or rotation.
	 * @param pixelsPerUnit page pixels per template unit
	 * @return the transform
	 */
	public static Transform scaling(double pixelsPerUnit) {
		return new Transform(pixelsPerUnit, 0, 0, 0);
	}

	/**
	 * Least-squares fit of a similarity transform to point pairs.
	 * @param from points in template units
	 * @param to the same points found on the page, in pixels
	 * @return the transform, or empty with fewer than 2 distinct points
	 */
	public static Optional<Transform> fit(List<double[]> from, List<double[]> to) {
		int n = from.size();
		if (n < 2 || to.size() != n) {
			return Optional.empty();
		}
		double mu = 0;
		double mv = 0;
		double mx = 0;
		double my = 0;
		for (int i = 0; i < n; i++) {
			mu += from.get(i)[0] / n;
			mv += from.get(i)[1] / n;
			mx += to.get(i)[0] / n;
			my += to.get(i)[1] / n;
		}
		double suu = 0;
		double sa = 0;
		double sb = 0;
		for (int i = 0; i < n; i++) {
			double u = from.get(i)[0] - mu;
			double v = from.get(i)[1] - mv;
			double x = to.get(i)[0] - mx;
			double y = to.get(i)[1] - my;
			suu += u * u + v * v;
			sa += u * x + v * y;
			sb += u * y - v * x;
		}
		if (suu < 1e-9) {
			return Optional.empty();
		}
		double a = sa / suu;
		double b = sb / suu;
		return Optional.of(new Transform(a, b, mx - (a * mu - b * mv), my - (b * mu + a * mv)));
	}

	public double scale() {
		return Math.hypot(this.a, this.b);
	}

	public double rotationDegrees() {
		return Math.toDegrees(Math.atan2(this.b, this.a));
	}

	/**
	 * Map a point.
	 * @param u x in template units
	 * @param v y in template units
	 * @return {x, y} in pixels
	 */
	public double[] apply(double u, double v) {
		return new double[] { this.a * u - this.b * v + this.tx, this.b * u + this.a * v + this.ty };
	}

	/**
	 * Shift the transform by a translation in pixels.
	 * @param dx shift in x
	 * @param dy shift in y
	 * @return the shifted transform
	 */
	public Transform shifted(double dx, double dy) {
		return new Transform(this.a, this.b, this.tx + dx, this.ty + dy);
	}

	/**
	 * The pixel rectangle that holds a mapped box.
	 * @param box [x, y, width, height] in template units
	 * @return the bounding rectangle of its four mapped corners
	 */
	public Rectangle map(double[] box) {
		double minX = Double.MAX_VALUE;
		double minY = Double.MAX_VALUE;
		double maxX = -Double.MAX_VALUE;
		double maxY = -Double.MAX_VALUE;
		for (int i = 0; i < 4; i++) {
			double[] p = apply(box[0] + ((i & 1) != 0 ? box[2] : 0), box[1] + ((i & 2) != 0 ? box[3] : 0));
			minX = Math.min(minX, p[0]);
			minY = Math.min(minY, p[1]);
			maxX = Math.max(maxX, p[0]);
			maxY = Math.max(maxY, p[1]);
		}
		int x = (int) Math.floor(minX);
		int y = (int) Math.floor(minY);
		return new Rectangle(x, y, (int) Math.ceil(maxX) - x, (int) Math.ceil(maxY) - y);
	}

}
