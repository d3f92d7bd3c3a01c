package jp.digilab.ocr.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class PdfPagesTests {

	@TempDir
	Path dir;

	@Test
	void aScannedPageIsTheScansOwnPixelsAtTheScansResolution() throws IOException {
		BufferedImage scan = scan(1654, 2339);
		Path file = pdf(scan, PageKind.SCANNED);
		try (PageSource source = PageSource.open(file)) {
			Page page = source.page(1);
			assertThat(page.dpi()).isEqualTo(200);
			assertThat(page.image().getWidth()).isEqualTo(1654);
			assertThat(page.image().getHeight()).isEqualTo(2339);
			assertThat(page.hasTextLayer()).isFalse();
			// PDFBox stores a lossless gray image as its sRGB values (a JPEG as its
			// raster),
			// and they come back unchanged
			for (int[] p : new int[][] { { 100, 100 }, { 400, 610 }, { 1000, 2000 } }) {
				assertThat(page.image().getRaster().getSample(p[0], p[1], 0)).isEqualTo(scan.getRGB(p[0], p[1]) & 0xff);
			}
		}
	}

	@Test
	void aJpegScanIsDecodedAsAJpegFile() throws IOException {
		BufferedImage scan = scan(2480, 3508);
		Path file = pdf(scan, PageKind.JPEG);
		try (PageSource source = PageSource.open(file)) {
			Page page = source.page(1);
			assertThat(page.dpi()).isEqualTo(300);
			assertThat(page.image().getWidth()).isEqualTo(2480);
			assertThat(page.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
			// lossy, but flat areas come back as they were
			for (int[] p : new int[][] { { 100, 100 }, { 400, 610 }, { 1000, 2000 } }) {
				assertThat(page.image().getRaster().getSample(p[0], p[1], 0))
					.isCloseTo(scan.getRaster().getSample(p[0], p[1], 0), within(4));
			}
		}
	}

	@Test
	void aJpegWhoseSizeIsNotTheOneThePdfDeclaresIsRefusedBeforeItIsDecoded() throws IOException {
		// a small JPEG behind a dictionary that claims a page-sized image (a
		// decompression
		// bomb does the opposite: a harmless size in front of a huge JPEG)
		Path file = this.dir.resolve("lying.pdf");
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			PDImageXObject image = JPEGFactory.createFromImage(document, scan(300, 400), 0.8f);
			image.setWidth(1654);
			image.setHeight(2339);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
			}
			document.save(file.toFile());
		}
		try (PageSource source = PageSource.open(file)) {
			assertThatExceptionOfType(InputException.class).isThrownBy(() -> source.page(1))
				.withMessage("the image of the page is 300x400 but the PDF says 1654x2339");
		}
	}

	@Test
	void aPageWithTextOverTheImageIsRenderedWithItsTextLayer() throws IOException {
		Path file = pdf(scan(1654, 2339), PageKind.WITH_TEXT);
		try (PageSource source = PageSource.open(file)) {
			Page page = source.page(1);
			assertThat(page.dpi()).isEqualTo(300);
			assertThat(page.image().getWidth()).isEqualTo(2480);
			assertThat(page.hasTextLayer()).isTrue();
		}
	}

	@Test
	void anImageThatDoesNotCoverThePageIsRendered() throws IOException {
		Path file = pdf(scan(1654, 2339), PageKind.HALF_SIZE);
		try (PageSource source = PageSource.open(file)) {
			Page page = source.page(1);
			assertThat(page.dpi()).isEqualTo(300);
			assertThat(page.image().getWidth()).isEqualTo(2480);
		}
	}

	@Test
	void aTurnedPageIsRenderedTurned() throws IOException {
		Path file = pdf(scan(1654, 2339), PageKind.TURNED);
		try (PageSource source = PageSource.open(file)) {
			Page page = source.page(1);
			assertThat(page.image().getWidth()).isGreaterThan(page.image().getHeight());
		}
	}

	private enum PageKind {

		SCANNED, JPEG, WITH_TEXT, HALF_SIZE, TURNED

	}

	private Path pdf(BufferedImage scan, PageKind kind) throws IOException {
		Path file = this.dir.resolve(kind + ".pdf");
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			if (kind == PageKind.TURNED) {
				page.setRotation(90);
			}
			document.addPage(page);
			PDImageXObject image = (kind == PageKind.JPEG) ? JPEGFactory.createFromImage(document, scan, 0.8f)
					: LosslessFactory.createFromImage(document, scan);
			float w = PDRectangle.A4.getWidth();
			float h = PDRectangle.A4.getHeight();
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				if (kind == PageKind.HALF_SIZE) {
					content.drawImage(image, 0, h / 2, w / 2, h / 2);
				}
				else {
					content.drawImage(image, 0, 0, w, h);
				}
				if (kind == PageKind.WITH_TEXT) {
					content.beginText();
					content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
					content.newLineAtOffset(72, 720);
					content.showText("Digi-Lab text layer");
					content.endText();
				}
			}
			document.save(file.toFile());
		}
		return file;
	}

	/** A gray page with a few dark marks, each pixel's value known. */
	private static BufferedImage scan(int w, int h) {
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(235, 235, 235));
		g.fillRect(0, 0, w, h);
		g.setColor(new Color(40, 40, 40));
		g.fillRect(300, 600, 400, 30);
		g.setColor(new Color(90, 90, 90));
		g.fillRect(900, 1900, 300, 300);
		g.dispose();
		return image;
	}

}
