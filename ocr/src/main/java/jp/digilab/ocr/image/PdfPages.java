package jp.digilab.ocr.image;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import jp.digilab.ocr.Reasons;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * Pages of a PDF in gray: a scanned page (one image over the whole page) as the scan's
 * own pixels, any other page rendered at 300 DPI with its text layer extracted.
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
			throw new InputException(Reasons.PDF_PASSWORD.text(), ex);
		}
		catch (IOException | RuntimeException ex) {
			throw new InputException(Reasons.PDF_UNREADABLE.text(ex.getMessage()), ex);
		}
		if (this.document.getNumberOfPages() == 0) {
			close();
			throw new InputException(Reasons.PDF_NO_PAGES.text());
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
			PDPage pdfPage = this.document.getPage(number - 1);
			Page scan = scannedImage(number, pdfPage);
			if (scan != null) {
				return scan;
			}
			PDRectangle box = pdfPage.getCropBox();
			float dpi = MAX_DPI;
			double pixels = (box.getWidth() / 72.0 * dpi) * (box.getHeight() / 72.0 * dpi);
			if (pixels > MAX_PIXELS) {
				dpi = (float) (dpi * Math.sqrt(MAX_PIXELS / pixels));
			}
			BufferedImage image = this.renderer.renderImageWithDPI(number - 1, dpi, ImageType.GRAY);
			return new Page(number, image, Math.round(dpi), textLayer(number, dpi / 72f));
		}
		catch (InputException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new InputException(Reasons.PAGE_UNRENDERABLE.text(ex.getMessage()), ex);
		}
	}

	/**
	 * The page as the scan's own pixels when it is nothing but one upright image drawn
	 * over the whole page (what scanners write): rendering would resample the scan, which
	 * is slower and softens it. {@code null} for any other page, which is rendered.
	 */
	private static Page scannedImage(int number, PDPage page) throws IOException {
		if (page.getRotation() % 360 != 0 || page.getResources() == null) {
			return null;
		}
		Matrix ctm = new Matrix();
		List<Matrix> saved = new ArrayList<>();
		List<COSBase> operands = new ArrayList<>();
		PDImageXObject image = null;
		Matrix placed = null;
		// token by token: a page that is not a scan is known at its first other
		// operator, without parsing the rest of its content (rendering parses it again)
		PDFStreamParser parser = new PDFStreamParser(page);
		try {
			for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
				if (!(token instanceof Operator operator)) {
					operands.add((COSBase) token);
					continue;
				}
				switch (operator.getName()) {
					case "q" -> saved.add(ctm.clone());
					case "Q" -> {
						if (saved.isEmpty()) {
							return null;
						}
						ctm = saved.remove(saved.size() - 1);
					}
					case "cm" -> {
						if (operands.size() != 6 || !operands.stream().allMatch(COSNumber.class::isInstance)) {
							return null;
						}
						float[] m = new float[6];
						for (int i = 0; i < 6; i++) {
							m[i] = ((COSNumber) operands.get(i)).floatValue();
						}
						ctm = Matrix.concatenate(new Matrix(m[0], m[1], m[2], m[3], m[4], m[5]), ctm);
					}
					case "Do" -> {
						if (image != null || operands.size() != 1 || !(operands.get(0) instanceof COSName name)) {
							return null;
						}
						PDXObject xobject = page.getResources().getXObject(name);
						if (!(xobject instanceof PDImageXObject drawn) || drawn.isStencil()
								|| drawn.getSoftMask() != null) {
							return null;
						}
						image = drawn;
						placed = ctm.clone();
					}
					// anything else (text, paths, another image) needs the renderer
					default -> {
						return null;
					}
				}
				operands.clear();
			}
		}
		finally {
			parser.close();
		}
		PDRectangle box = page.getCropBox();
		if (image == null || Math.abs(placed.getShearX()) > 0.01 || Math.abs(placed.getShearY()) > 0.01
				|| Math.abs(placed.getTranslateX() - box.getLowerLeftX()) > 1
				|| Math.abs(placed.getTranslateY() - box.getLowerLeftY()) > 1
				|| Math.abs(placed.getScaleX() - box.getWidth()) > 1
				|| Math.abs(placed.getScaleY() - box.getHeight()) > 1) {
			return null;
		}
		double dpi = image.getWidth() / (box.getWidth() / 72.0);
		// bigger than the limits: the renderer scales it down to them
		if (dpi > MAX_DPI * 1.05 || (double) image.getWidth() * image.getHeight() > MAX_PIXELS) {
			return null;
		}
		return new Page(number, pixels(image), (int) Math.round(dpi), List.of());
	}

	/**
	 * An 8-bit gray scan as stored (a conversion through sRGB would lighten its grays),
	 * any other image through PDFBox's colour conversion.
	 */
	private static BufferedImage pixels(PDImageXObject image) throws IOException {
		List<COSName> filters = image.getStream().getFilters();
		if (filters.size() == 1 && COSName.DCT_DECODE.equals(filters.get(0)) && image.getDecode() == null
				&& (image.getColorSpace() instanceof PDDeviceGray || image.getColorSpace() instanceof PDDeviceRGB)) {
			// a JPEG scan: its bytes straight to the JPEG decoder, as for a .jpg file
			// (PDFBox's own path copies the pixels through its generic sample reader,
			// several times slower)
			try (InputStream jpeg = image.getCOSObject().createRawInputStream();
					ImageInputStream in = ImageIO.createImageInputStream(jpeg)) {
				Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
				ImageReader reader = readers.hasNext() ? readers.next() : null;
				if (reader != null) {
					try {
						reader.setInput(in, true, true);
						// the JPEG's own size, read from its header before a pixel is
						// decoded, must be the one the PDF declared (and checked)
						int w = reader.getWidth(0);
						int h = reader.getHeight(0);
						if (w != image.getWidth() || h != image.getHeight()) {
							// damaged, or a decompression bomb behind a harmless size
							throw new InputException(Reasons.PAGE_IMAGE_SIZE.text(w + "x" + h,
									image.getWidth() + "x" + image.getHeight()));
						}
						return Images.toGray(reader.read(0));
					}
					finally {
						reader.dispose();
					}
				}
			}
			catch (IOException ex) {
				// left to PDFBox below
			}
		}
		if (image.getColorSpace() instanceof PDDeviceGray && image.getBitsPerComponent() == 8
				&& image.getDecode() == null) {
			WritableRaster raw = image.getRawRaster();
			if (raw.getNumBands() == 1) {
				BufferedImage gray = new BufferedImage(raw.getWidth(), raw.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
				gray.setData(raw);
				return gray;
			}
		}
		return Images.toGray(image.getImage());
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
