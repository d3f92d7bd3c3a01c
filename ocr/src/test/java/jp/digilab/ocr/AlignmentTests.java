package jp.digilab.ocr;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.digilab.ocr.align.Transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AlignmentTests {

	private static final double PX_PER_MM = 300 / 25.4;

	private final Transform base = Transform.scaling(PX_PER_MM);

	@Test
	void oneAnchorShifts() {
		Transform t = Alignment.fit(this.base, List.of(new double[] { 20, 50 }),
				List.of(new double[] { 20 * PX_PER_MM + 30, 50 * PX_PER_MM - 12 }), PX_PER_MM);
		assertThat(t.scale()).isEqualTo(PX_PER_MM);
		assertThat(t.tx()).isCloseTo(30, within(1e-9));
		assertThat(t.ty()).isCloseTo(-12, within(1e-9));
	}

	@Test
	void aWrongAnchorIsDroppedWhenOthersAgree() {
		Transform truth = new Transform(PX_PER_MM * 0.97, 0, 25, 40);
		List<double[]> from = List.of(new double[] { 20, 50 }, new double[] { 20, 120 }, new double[] { 20, 200 },
				new double[] { 150, 60 });
		List<double[]> to = new ArrayList<>(from.stream().map((p) -> truth.apply(p[0], p[1])).toList());
		// the OCR found the last anchor's text elsewhere (12 mm off)
		to.set(3, new double[] { to.get(3)[0] + 12 * PX_PER_MM, to.get(3)[1] });
		Transform t = Alignment.fit(this.base, from, to, PX_PER_MM);
		assertThat(t.scale() / PX_PER_MM).isCloseTo(0.97, within(1e-6));
		assertThat(t.tx()).isCloseTo(25, within(1e-6));
	}

	@Test
	void anImplausibleFitFallsBackToTheMedianShift() {
		// two anchors that would mean a 50 % scale
		List<double[]> from = List.of(new double[] { 20, 50 }, new double[] { 20, 150 });
		List<double[]> to = List.of(new double[] { 20 * PX_PER_MM, 50 * PX_PER_MM },
				new double[] { 20 * PX_PER_MM, 100 * PX_PER_MM });
		Transform t = Alignment.fit(this.base, from, to, PX_PER_MM);
		assertThat(t.scale()).isEqualTo(PX_PER_MM);
	}

	@Test
	void noAnchorKeepsPlainScaling() {
		assertThat(Alignment.fit(this.base, List.of(), List.of(), PX_PER_MM)).isEqualTo(this.base);
	}

}
