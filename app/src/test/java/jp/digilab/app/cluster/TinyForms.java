package jp.digilab.app.cluster;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Small one-field forms for the crash and cluster tests: a 90 × 30 mm slip titled
 * "DIGILAB TESTFORM" with a six-digit number, drawn clean at 300 DPI (the samples'
 * scanner specks turned a 0 into a 9 now and then: these tests are about crashes, not OCR
 * accuracy). Each is read by real Tesseract in about 30 ms, a fraction of the time of an
 * A4 form, so that hundreds fit in the test budget.
 */
final class TinyForms {

	static final String TEMPLATE = "tiny-form";

	private static final int WIDTH = 1063;

	private static final int HEIGHT = 354;

	private TinyForms() {
	}

	/** Writes the template into {@code HOME/templates/}. */
	static void writeTemplate(Path home) throws IOException {
		Files.createDirectories(home.resolve("templates"));
		Files.writeString(home.resolve("templates/" + TEMPLATE + ".yml"), """
				id: tiny-form
				title: DIGILAB TESTFORM
				paper: [90, 30]
				languages: eng
				match:
				  keywords: [DIGILAB, TESTFORM]
				fields:
				  - name: number
				    label: No
				    box: [30, 14, 55, 13]
				    type: digits
				    pattern: "\\\\d{6}"
				    required: true
				review:
				  minConfidence: 0.30
				""");
	}

	/** The number on the {@code i}-th slip: six digits, unique per index. */
	static String number(int i) {
		return String.format("%06d", 100000 + i * 7);
	}

	/**
	 * Writes slips {@code from} … {@code to - 1} as {@code slip-NNNN.png} into a folder.
	 */
	static List<Path> write(Path dir, int from, int to) throws IOException {
		Files.createDirectories(dir);
		List<Path> files = new ArrayList<>();
		for (int i = from; i < to; i++) {
			Path file = dir.resolve(String.format("slip-%04d.png", i));
			// written under a hidden name and renamed: a watcher never sees half a file
			Path part = dir.resolve("." + file.getFileName());
			ImageIO.write(draw(number(i)), "png", part.toFile());
			Files.move(part, file);
			files.add(file);
		}
		return files;
	}

	static BufferedImage draw(String number) {
		BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = page.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			g.setColor(Color.BLACK);
			g.setFont(new Font("DejaVu Sans", Font.BOLD, 64));
			g.drawString("DIGILAB TESTFORM", 60, 110);
			g.setFont(new Font("DejaVu Sans", Font.PLAIN, 56));
			g.drawString("No.", 70, 260);
			g.setFont(new Font("Liberation Mono", Font.BOLD, 80));
			g.drawString(number, 390, 270);
		}
		finally {
			g.dispose();
		}
		return page;
	}

}
