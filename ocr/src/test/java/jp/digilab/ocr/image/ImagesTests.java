package jp.digilab.ocr.image;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scaling a page down for classification: the fast path for one half must give exactly
 * the pixels Java2D's bilinear scaling gives, so that no reading changes with it.
 */
class ImagesTests {

	@Test
	void halvingMatchesJava2dBilinearScalingPixelForPixel() {
		Random random = new Random(7);
		for (int[] size : new int[][] { { 2, 2 }, { 640, 480 }, { 1000, 1414 } }) {
			BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_BYTE_GRAY);
			byte[] noise = new byte[size[0] * size[1]];
			random.nextBytes(noise);
			image.getRaster().setDataElements(0, 0, size[0], size[1], noise);
			BufferedImage expected = java2d(image, size[0] / 2, size[1] / 2);
			BufferedImage halved = Images.scale(image, 0.5);
			assertThat(halved.getWidth()).isEqualTo(size[0] / 2);
			assertThat(halved.getHeight()).isEqualTo(size[1] / 2);
			assertThat(Images.grayBytes(halved)).as("%dx%d", size[0], size[1]).isEqualTo(Images.grayBytes(expected));
		}
	}

	@Test
	void halvingWorksOnACroppedViewAndOddSizesStillScale() {
		BufferedImage page = new BufferedImage(101, 80, BufferedImage.TYPE_BYTE_GRAY);
		byte[] ramp = new byte[101 * 80];
		for (int i = 0; i < ramp.length; i++) {
			ramp[i] = (byte) (i * 7);
		}
		page.getRaster().setDataElements(0, 0, 101, 80, ramp);
		// a sub-image shares its parent's raster, with an offset and a wider stride
		BufferedImage view = page.getSubimage(1, 0, 100, 80);
		assertThat(Images.grayBytes(Images.scale(view, 0.5))).isEqualTo(Images.grayBytes(java2d(view, 50, 40)));
		BufferedImage odd = Images.scale(page, 0.5);
		assertThat(odd.getWidth()).isEqualTo(51);
		assertThat(odd.getHeight()).isEqualTo(40);
	}

	private static BufferedImage java2d(BufferedImage image, int w, int h) {
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		java.awt.Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.drawImage(image, 0, 0, w, h, null);
		g.dispose();
		return out;
	}

}
