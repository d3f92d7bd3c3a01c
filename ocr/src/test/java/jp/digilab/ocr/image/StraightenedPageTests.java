package jp.digilab.ocr.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StraightenedPageTests {

	@ParameterizedTest
	@ValueSource(doubles = { 2.4, -1.7, 0.5, -3.0 })
	void aRegionTurnedAloneLooksLikeTheSameRegionOfTheTurnedPage(double degrees) {
		BufferedImage scan = page();
		StraightenedPage page = new StraightenedPage(scan, degrees);
		BufferedImage whole = Preprocess.rotateSmall(scan, degrees);
		int[][] regions = { { 300, 400, 700, 90 }, { 1500, 2800, 600, 120 }, { 40, 30, 500, 200 },
				{ 2200, 3300, 400, 300 } };
		for (int[] r : regions) {
			BufferedImage region = page.crop(r[0], r[1], r[2], r[3]);
			BufferedImage expected = Images.crop(whole, r[0], r[1], r[2], r[3]);
			assertThat(region.getWidth()).isEqualTo(expected.getWidth());
			assertThat(region.getHeight()).isEqualTo(expected.getHeight());
			// the same ink, within a pixel or so of the same place (the region's source
			// is
			// placed to the nearest pixel)
			double[] got = inkCentre(region);
			double[] want = inkCentre(expected);
			assertThat(Math.hypot(got[0] - want[0], got[1] - want[1])).as("region %s,%s", r[0], r[1]).isLessThan(1.5);
			assertThat(meanDifference(region, expected)).as("region %s,%s", r[0], r[1]).isLessThan(8);
			// and it is not blank: the comparison means something
			assertThat(Preprocess.inkRatio(region)).as("ink of region %s,%s", r[0], r[1]).isGreaterThan(0.02);
		}
		assertThat(meanDifference(page.whole(), whole)).isZero();
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0, 2.0 })
	void aRegionOutsideThePageIsNothingAndOneAcrossItsEdgeIsClipped(double degrees) {
		StraightenedPage page = new StraightenedPage(page(), degrees);
		assertThat(page.crop(3000, 100, 200, 100)).isNull();
		BufferedImage clipped = page.crop(2400, 100, 200, 100);
		assertThat(clipped.getWidth()).isEqualTo(2480 - 2400);
		assertThat(clipped.getHeight()).isEqualTo(100);
	}

	private static BufferedImage page() {
		BufferedImage image = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 60));
		for (int y = 80; y < image.getHeight(); y += 110) {
			g.drawString("Digi-Lab 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnop", 20, y);
			g.fillRect(0, y + 20, image.getWidth(), 3);
		}
		g.dispose();
		return image;
	}

	private static double[] inkCentre(BufferedImage image) {
		double x = 0;
		double y = 0;
		double ink = 0;
		for (int j = 0; j < image.getHeight(); j++) {
			for (int i = 0; i < image.getWidth(); i++) {
				int dark = 255 - image.getRaster().getSample(i, j, 0);
				x += i * dark;
				y += j * dark;
				ink += dark;
			}
		}
		return new double[] { x / ink, y / ink };
	}

	private static double meanDifference(BufferedImage a, BufferedImage b) {
		long sum = 0;
		for (int y = 0; y < a.getHeight(); y++) {
			for (int x = 0; x < a.getWidth(); x++) {
				sum += Math.abs(a.getRaster().getSample(x, y, 0) - b.getRaster().getSample(x, y, 0));
			}
		}
		return (double) sum / (a.getWidth() * a.getHeight());
	}

}
