package jp.digilab.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import net.sourceforge.lept4j.Leptonica1;
import net.sourceforge.lept4j.Pix;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.ITessAPI.TessResultRenderer;
import net.sourceforge.tess4j.TessAPI;

import jp.digilab.ocr.image.InputException;
import jp.digilab.ocr.image.PageSource;
import jp.digilab.ocr.image.Pixes;

/**
 * Writes a searchable PDF of a scan: each page's image with Tesseract's invisible text
 * layer over it, page by page (memory stays bounded). Not thread-safe.
 */
public final class SearchablePdfWriter implements AutoCloseable {

	private static final TessAPI API = TessAPI.INSTANCE;

	private final TessBaseAPI handle;

	private final TessResultRenderer renderer;

	private int pages;

	/**
	 * Start a PDF.
	 * @param output the PDF to write (".pdf" is added when missing)
	 * @param tessdata the tessdata directory (holds pdf.ttf)
	 * @param languages Tesseract languages
	 */
	public SearchablePdfWriter(Path output, Path tessdata, String languages) {
		String base = output.toString().endsWith(".pdf")
				? output.toString().substring(0, output.toString().length() - 4) : output.toString();
		this.handle = API.TessBaseAPICreate();
		if (API.TessBaseAPIInit2(this.handle, tessdata.toString(), languages, TessOcrEngineMode.OEM_DEFAULT) != 0) {
			API.TessBaseAPIDelete(this.handle);
			throw new OcrEngineException(Reasons.ENGINE_NOT_LOADED.text(languages, tessdata));
		}
		API.TessBaseAPISetVariable(this.handle, "debug_file", "/dev/null");
		API.TessBaseAPISetPageSegMode(this.handle, SegMode.SPARSE.tesseractValue());
		this.renderer = API.TessPDFRendererCreate(base, tessdata.toString(), 0);
		if (this.renderer == null || API.TessResultRendererBeginDocument(this.renderer, "") == 0) {
			close();
			throw new OcrEngineException(Reasons.ENGINE_PDF_NOT_STARTED.text(output));
		}
	}

	/**
	 * Write a searchable PDF of every page of a scan.
	 * @param scan the scan (PNG, JPEG, TIFF or PDF)
	 * @param output the PDF to write
	 * @param settings where Tesseract is
	 * @param languages Tesseract languages
	 * @throws InputException when the scan cannot be read
	 */
	public static void write(Path scan, Path output, OcrSettings settings, String languages) {
		try (PageSource source = PageSource.open(scan);
				SearchablePdfWriter writer = new SearchablePdfWriter(output, settings.tessdata(), languages)) {
			for (int number = 1; number <= source.pageCount(); number++) {
				jp.digilab.ocr.image.Page page = source.page(number);
				int dpi = (page.dpi() > 0) ? page.dpi() : (int) Math.round(page.image().getWidth() / 210.0 * 25.4);
				writer.addPage(page.image(), dpi);
			}
		}
	}

	/**
	 * Recognise a page and add it with its text layer.
	 * @param page the page image
	 * @param dpi its resolution
	 */
	public void addPage(BufferedImage page, int dpi) {
		Pix pix = Pixes.fromGray(page);
		Path jpeg = null;
		try {
			// Tesseract embeds the file named here as it is: a JPEG keeps the PDF small
			jpeg = Files.createTempFile("digilab-page-", ".jpg");
			if (!ImageIO.write(page, "jpeg", jpeg.toFile())) {
				throw new OcrEngineException(Reasons.ENGINE_PDF_NO_JPEG.text());
			}
			Leptonica1.pixSetResolution(pix, dpi, dpi);
			if (API.TessBaseAPIProcessPage(this.handle, pix, this.pages, jpeg.toString(), null, 0,
					this.renderer) == 0) {
				throw new OcrEngineException(Reasons.ENGINE_PDF_PAGE.text(this.pages + 1));
			}
			this.pages++;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			Pixes.destroy(pix);
			if (jpeg != null) {
				jpeg.toFile().delete();
			}
		}
	}

	@Override
	public void close() {
		if (this.renderer != null) {
			API.TessResultRendererEndDocument(this.renderer);
			API.TessDeleteResultRenderer(this.renderer);
		}
		API.TessBaseAPIEnd(this.handle);
		API.TessBaseAPIDelete(this.handle);
	}

}
