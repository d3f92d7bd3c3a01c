package jp.digilab.ocr.image;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Pages of a PDF, rendered at 300 DPI in gray; a page's text layer is extracted too.
 */
final class PdfPages implements PageSource {

	private static final int MIN_TEXT_LAYER_CHARS = 5;

	private final PDDocument document;

	private final PDFRenderer renderer;

	PdfPages(Path file) {
		try {
			this.document = Loader.loadPDF(file.toFile(), "", IOUtils.createTempFileOnlyStreamCache());
		}
		catch (InvalidPasswordException ex) {
			throw new InputException("PDF is password-protected", ex);
		}
		catch (IOException | RuntimeException ex) {
			throw new InputException("cannot read PDF: " + ex.getMessage(), ex);
		}
		if (this.document.getNumberOfPages() == 0) {
			close();
			throw new InputException("PDF has no pages");
		}
		this.renderer = new PDFRenderer(this.document);
	}

	@Override
	public int pageCount() {
		return this.document.getNumberOfPages();
	}

	@Override
	public Page page(int number) {
		try {
			PDRectangle box = this.document.getPage(number - 1).getCropBox();
			float dpi = MAX_DPI;
			double pixels = (box.getWidth() / 72.0 * dpi) * (box.getHeight() / 72.0 * dpi);
			if (pixels > MAX_PIXELS) {
				dpi = (float) (dpi * Math.sqrt(MAX_PIXELS / pixels));
			}
			BufferedImage image = this.renderer.renderImageWithDPI(number - 1, dpi, ImageType.GRAY);
			return new Page(number, image, Math.round(dpi), textLayer(number, dpi / 72f));
		}
		catch (IOException | RuntimeException ex) {
			throw new InputException("cannot render the page: " + ex.getMessage(), ex);
		}
	}

	private List<TextChar> textLayer(int number, float scale) throws IOException {
		List<TextChar> chars = new ArrayList<>();
		PDFTextStripper stripper = new PDFTextStripper() {
			@Override
			protected void writeString(String text, List<TextPosition> positions) {
				for (TextPosition p : positions) {
					if (p.getUnicode() == null || p.getUnicode().isEmpty()) {
						continue;
					}
					int x = Math.round(p.getXDirAdj() * scale);
					int h = Math.max(1, Math.round(Math.max(p.getHeightDir(), p.getFontSizeInPt() * 0.8f) * scale));
					int y = Math.round(p.getYDirAdj() * scale) - h;
					int w = Math.max(1, Math.round(p.getWidthDirAdj() * scale));
					chars.add(new TextChar(p.getUnicode(), new Rectangle(x, y, w, h)));
				}
			}
		};
		stripper.setStartPage(number);
		stripper.setEndPage(number);
		// keep the content order: OCR text layers write words in reading order, but each
		// on
		// its own baseline and with characters spread over loose word boxes
		stripper.setSortByPosition(false);
		stripper.getText(this.document);
		long printed = chars.stream().filter((c) -> !c.text().isBlank()).count();
		return (printed >= MIN_TEXT_LAYER_CHARS) ? chars : List.of();
	}

	@Override
	public void close() {
		try {
			this.document.close();
		}
		catch (IOException ex) {
			// nothing left to do
		}
	}

}
