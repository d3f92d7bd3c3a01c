package jp.digilab.ocr.align;

import java.awt.Rectangle;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TransformTests {

	@Test
	void fitsShiftScaleAndRotationExactly() {
		Transform truth = new Transform(11.8 * Math.cos(Math.toRadians(2)), 11.8 * Math.sin(Math.toRadians(2)), 40,
				-25);
		List<double[]> from = List.of(new double[] { 20, 50 }, new double[] { 180, 60 }, new double[] { 30, 250 });
		List<double[]> to = from.stream().map((p) -> truth.apply(p[0], p[1])).toList();
		Transform fitted = Transform.fit(from, to).orElseThrow();
		assertThat(fitted.scale()).isCloseTo(11.8, within(1e-9));
		assertThat(fitted.rotationDegrees()).isCloseTo(2, within(1e-9));
		assertThat(fitted.tx()).isCloseTo(40, within(1e-6));
		assertThat(fitted.ty()).isCloseTo(-25, within(1e-6));
	}

	@Test
	void needsTwoDistinctPoints() {
		assertThat(Transform.fit(List.of(new double[] { 1, 1 }), List.of(new double[] { 2, 2 }))).isEmpty();
		assertThat(Transform.fit(List.of(new double[] { 1, 1 }, new double[] { 1, 1 }),
				List.of(new double[] { 2, 2 }, new double[] { 3, 3 })))
			.isEmpty();
	}

	@Test
	void mapsABoxToItsBoundingRectangle() {
		assertThat(Transform.scaling(10).map(new double[] { 1, 2, 3, 4 })).isEqualTo(new Rectangle(10, 20, 30, 40));
		assertThat(Transform.scaling(10).shifted(5, -5).map(new double[] { 1, 2, 3, 4 }))
			.isEqualTo(new Rectangle(15, 15, 30, 40));
		Rectangle rotated = new Transform(0, 1, 0, 0).map(new double[] { 0, 0, 10, 2 });
		assertThat(rotated).isEqualTo(new Rectangle(-2, 0, 2, 10));
	}

}
