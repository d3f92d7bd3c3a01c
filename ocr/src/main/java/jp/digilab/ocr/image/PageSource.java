package jp.digilab.ocr.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import jp.digilab.ocr.Reasons;

/**
 * The pages of an input file (PNG, JPEG, TIFF, PDF), decoded one at a time so that memory
 * stays bounded however many pages the file has.
 */
public interface PageSource extends AutoCloseable {

	/** Largest page accepted, in pixels (A3 at 400 DPI is about 31 million). */
	long MAX_PIXELS = 60_000_000L;

	/**
	 * Pages are scaled down to at most this resolution.
	 */
	int MAX_DPI = 300;

	/**
	 * The number of pages.
	 * @return the count
	 */
	int pageCount();

	/**
	 * Decode one page.
	 * @param number 1-based page number
	 * @return the page
	 * @throws InputException when the page cannot be decoded
	 */
	Page page(int number);

	@Override
	void close();

	/**
	 * Open a file, recognising its format from its content.
	 * @param file the file
	 * @return its pages
	 * @throws InputException when the file is empty, of an unknown format, does not match
	 * its extension, or cannot be opened
	 */
	static PageSource open(Path file) {
		return open(file, InputLimits.DEFAULTS);
	}

	/**
	 * Open a file, recognising its format from its content, and refuse it when it has
	 * more pages than the limits allow (before any page is decoded).
	 * @param file the file
	 * @param limits the page-count and image-size limits
	 * @return its pages
	 * @throws InputException when the file is empty, of an unknown format, does not match
	 * its extension, cannot be opened or is over a limit
	 */
	static PageSource open(Path file, InputLimits limits) {
		String format = sniff(file);
		String extension = extension(file);
		String expected = EXTENSIONS.get(extension);
		if (expected != null && !expected.equals(format)) {
			throw new InputException(Reasons.WRONG_EXTENSION.text(format, extension));
		}
		PageSource source = "PDF".equals(format) ? new PdfPages(file) : new ImagePages(file, format, limits);
		if (source.pageCount() > limits.maxPages()) {
			int pages = source.pageCount();
			source.close();
			throw new InputException(Reasons.TOO_MANY_PAGES.text(format, pages, limits.maxPages()));
		}
		return source;
	}

	/** File extensions and the format their content must have. */
	Map<String, String> EXTENSIONS = Map.of("png", "PNG", "jpg", "JPEG", "jpeg", "JPEG", "tif", "TIFF", "tiff", "TIFF",
			"pdf", "PDF");

	private static String extension(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static String sniff(Path file) {
		byte[] head = new byte[8];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		catch (IOException ex) {
			throw new InputException(Reasons.FILE_UNREADABLE.text(ex.getMessage()), ex);
		}
		if (n == 0) {
			throw new InputException(Reasons.FILE_EMPTY.text());
		}
		if (n >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
			return "PDF";
		}
		if (n >= 4 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
			return "PNG";
		}
		if (n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
			return "JPEG";
		}
		if (n >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
				|| (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42))) {
			return "TIFF";
		}
		throw new InputException(Reasons.UNKNOWN_FORMAT.text());
	}

}
