package jp.digilab.ocr;

import java.nio.file.Files;
import java.nio.file.Path;

import jp.digilab.ocr.image.InputLimits;

/**
 * Settings of a {@link FormReader}.
 *
 * @param tessdata the tessdata directory
 * @param engineFactory creates one engine per worker thread
 * @param revealMyNumbers whether My Numbers appear in results unmasked (default: masked
 * as {@code ********1234})
 * @param deskew whether pages are straightened before reading
 * @param detectOrientation whether upside-down and sideways pages are turned (Tesseract
 * OSD)
 * @param limits the page-count and image-size limits that refuse a file before it is
 * decoded
 */
public record OcrSettings(Path tessdata, OcrEngineFactory engineFactory, boolean revealMyNumbers, boolean deskew,
		boolean detectOrientation, InputLimits limits) {

	public OcrSettings(Path tessdata, OcrEngineFactory engineFactory, boolean revealMyNumbers, boolean deskew,
			boolean detectOrientation) {
		this(tessdata, engineFactory, revealMyNumbers, deskew, detectOrientation, InputLimits.DEFAULTS);
	}

	public static final Path DEBIAN_TESSDATA = Path.of("/usr/share/tesseract-ocr/5/tessdata");

	/**
	 * Tesseract from {@code TESSDATA_PREFIX} (or Debian's tessdata), My Numbers masked,
	 * deskew and orientation on.
	 * @return the settings
	 */
	public static OcrSettings defaults() {
		return new OcrSettings(defaultTessdata(), TesseractEngine::new, false, true, true);
	}

	public static Path defaultTessdata() {
		String prefix = System.getenv("TESSDATA_PREFIX");
		if (prefix != null && !prefix.isBlank()) {
			Path path = Path.of(prefix);
			// TESSDATA_PREFIX may name the tessdata folder or its parent
			return Files.isDirectory(path.resolve("tessdata")) ? path.resolve("tessdata") : path;
		}
		return DEBIAN_TESSDATA;
	}

	public OcrSettings withEngineFactory(OcrEngineFactory factory) {
		return new OcrSettings(this.tessdata, factory, this.revealMyNumbers, this.deskew, this.detectOrientation,
				this.limits);
	}

	public OcrSettings withTessdata(Path path) {
		return new OcrSettings(path, this.engineFactory, this.revealMyNumbers, this.deskew, this.detectOrientation,
				this.limits);
	}

	public OcrSettings withRevealMyNumbers(boolean reveal) {
		return new OcrSettings(this.tessdata, this.engineFactory, reveal, this.deskew, this.detectOrientation,
				this.limits);
	}

	public OcrSettings withDeskew(boolean on) {
		return new OcrSettings(this.tessdata, this.engineFactory, this.revealMyNumbers, on, this.detectOrientation,
				this.limits);
	}

	public OcrSettings withDetectOrientation(boolean on) {
		return new OcrSettings(this.tessdata, this.engineFactory, this.revealMyNumbers, this.deskew, on, this.limits);
	}

	public OcrSettings withLimits(InputLimits inputLimits) {
		return new OcrSettings(this.tessdata, this.engineFactory, this.revealMyNumbers, this.deskew,
				this.detectOrientation, inputLimits);
	}

}
