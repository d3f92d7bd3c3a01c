package jp.digilab.ocr;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.digilab.ocr.align.AnchorFinder;
import jp.digilab.ocr.align.Transform;
import jp.digilab.ocr.template.Anchor;
import jp.digilab.ocr.template.FormTemplate;

/**
 * Pins a template onto a page from where its anchors were found: shift with one anchor,
 * shift + scale + rotation with two or more; plain scaling when none is found or the fit
 * is implausible.
 */
final class Alignment {

	private static final Logger logger = LoggerFactory.getLogger(Alignment.class);

	/** Farthest an anchor may be from where plain scaling puts it. */
	static final double SEARCH_RADIUS_MM = 30;

	/** Worst residual of an anchor kept in the fit. */
	private static final double MAX_RESIDUAL_MM = 2.5;

	private Alignment() {
	}

	static Transform align(FormTemplate template, AnchorFinder finder, double pixelsPerUnit, double pixelsPerMm) {
		Transform base = Transform.scaling(pixelsPerUnit);
		List<double[]> from = new ArrayList<>();
		List<double[]> to = new ArrayList<>();
		for (Anchor anchor : template.anchors()) {
			double[] box = anchor.box();
			double u = box[0] + box[2] / 2;
			double v = box[1] + box[3] / 2;
			double[] expected = base.apply(u, v);
			Optional<Rectangle> found = finder.find(anchor.text(), expected[0], expected[1],
					SEARCH_RADIUS_MM * pixelsPerMm);
			if (found.isPresent()) {
				from.add(new double[] { u, v });
				to.add(new double[] { found.get().getCenterX(), found.get().getCenterY() });
			}
		}
		Transform transform = fit(base, from, to, pixelsPerMm);
		logger.debug("{}: {}/{} anchors found, scale {} rotation {}°", template.id(), from.size(),
				template.anchors().size(), String.format("%.3f", transform.scale() / pixelsPerUnit),
				String.format("%.2f", transform.rotationDegrees()));
		return transform;
	}

	/**
	 * Fit the anchors robustly: every pair of anchors proposes a transform, the one most
	 * anchors agree with (within 2.5 mm) wins and is refitted on them; a single anchor,
	 * or no plausible pair, gives a shift by the median displacement.
	 */
	static Transform fit(Transform base, List<double[]> from, List<double[]> to, double pixelsPerMm) {
		List<Integer> bestInliers = List.of();
		double bestError = Double.MAX_VALUE;
		for (int i = 0; i < from.size(); i++) {
			for (int j = i + 1; j < from.size(); j++) {
				Optional<Transform> candidate = Transform.fit(List.of(from.get(i), from.get(j)),
						List.of(to.get(i), to.get(j)));
				if (candidate.isEmpty() || !plausible(candidate.get(), base)) {
					continue;
				}
				List<Integer> inliers = new ArrayList<>();
				double error = 0;
				for (int k = 0; k < from.size(); k++) {
					double r = residual(candidate.get(), from.get(k), to.get(k)) / pixelsPerMm;
					if (r <= MAX_RESIDUAL_MM) {
						inliers.add(k);
						error += r;
					}
				}
				if (inliers.size() > bestInliers.size()
						|| (inliers.size() == bestInliers.size() && error < bestError)) {
					bestInliers = inliers;
					bestError = error;
				}
			}
		}
		if (bestInliers.size() >= 2) {
			List<double[]> f = new ArrayList<>();
			List<double[]> t = new ArrayList<>();
			bestInliers.forEach((k) -> {
				f.add(from.get(k));
				t.add(to.get(k));
			});
			Optional<Transform> refit = Transform.fit(f, t);
			if (refit.isPresent() && plausible(refit.get(), base)) {
				return refit.get();
			}
		}
		if (from.isEmpty()) {
			return base;
		}
		List<Double> dx = new ArrayList<>();
		List<Double> dy = new ArrayList<>();
		for (int i = 0; i < from.size(); i++) {
			double[] p = base.apply(from.get(i)[0], from.get(i)[1]);
			dx.add(to.get(i)[0] - p[0]);
			dy.add(to.get(i)[1] - p[1]);
		}
		dx.sort(Double::compare);
		dy.sort(Double::compare);
		return base.shifted(dx.get(dx.size() / 2), dy.get(dy.size() / 2));
	}

	private static boolean plausible(Transform candidate, Transform base) {
		double scale = candidate.scale() / base.scale();
		return scale > 0.85 && scale < 1.18 && Math.abs(candidate.rotationDegrees()) < 5;
	}

	private static double residual(Transform transform, double[] from, double[] to) {
		double[] p = transform.apply(from[0], from[1]);
		return Math.hypot(p[0] - to[0], p[1] - to[1]);
	}

}
