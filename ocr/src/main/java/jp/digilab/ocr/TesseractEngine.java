package jp.digilab.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;

import jp.digilab.ocr.image.Images;

/**
 * Thin adapter of Tesseract through one native {@code TessBaseAPI} handle, initialised
 * once with its languages and reused for every call. Not thread-safe: use one instance
 * per thread.
 */
public final class TesseractEngine implements OcrEngine {

	private static final TessAPI API = TessAPI.INSTANCE;

	private final Path tessdata;

	private final String languages;

	private TessBaseAPI handle;

	private TessBaseAPI osdHandle;

	private String currentWhitelist = "";

	/**
	 * Load the traineddata of the languages.
	 * @param tessdata the tessdata directory
	 * @param languages Tesseract languages such as {@code jpn+eng}
	 */
	public TesseractEngine(Path tessdata, String languages) {
		this.tessdata = tessdata;
		this.languages = languages;
		for (String lang : languages.split("\\+")) {
			if (!Files.isRegularFile(tessdata.resolve(lang + ".traineddata"))) {
				throw new OcrEngineException(Reasons.ENGINE_LANGUAGE_MISSING.text(lang, tessdata));
			}
		}
		this.handle = init(languages, TessOcrEngineMode.OEM_DEFAULT);
	}

	private TessBaseAPI init(String langs, int oem) {
		TessBaseAPI api = API.TessBaseAPICreate();
		if (API.TessBaseAPIInit2(api, this.tessdata.toString(), langs, oem) != 0) {
			API.TessBaseAPIDelete(api);
			throw new OcrEngineException(Reasons.ENGINE_NOT_LOADED.text(langs, this.tessdata));
		}
		API.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
		// Tesseract reads a doubtful line a second time inverted (white on black), which
		// never helps on paper forms and doubles the cost of every doubtful field
		API.TessBaseAPISetVariable(api, "tessedit_do_invert", "0");
		return api;
	}

	public String languages() {
		return this.languages;
	}

	@Override
	public OcrText recognize(BufferedImage image, int dpi, SegMode mode, String whitelist) {
		TessBaseAPI api = handle();
		String wanted = (whitelist != null) ? whitelist : "";
		if (!wanted.equals(this.currentWhitelist)) {
			API.TessBaseAPISetVariable(api, "tessedit_char_whitelist", wanted);
			this.currentWhitelist = wanted;
		}
		API.TessBaseAPISetPageSegMode(api, mode.tesseractValue());
		setImage(api, image, dpi);
		try {
			if (API.TessBaseAPIRecognize(api, null) != 0) {
				throw new OcrEngineException(Reasons.ENGINE_FAILED.text(image.getWidth(), image.getHeight()));
			}
			return collect(api);
		}
		finally {
			API.TessBaseAPIClear(api);
		}
	}

	private static void setImage(TessBaseAPI api, BufferedImage image, int dpi) {
		BufferedImage gray = Images.toGray(image);
		byte[] bytes = Images.grayBytes(gray);
		ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length);
		buffer.put(bytes).flip();
		API.TessBaseAPISetImage(api, buffer, gray.getWidth(), gray.getHeight(), 1, gray.getWidth());
		API.TessBaseAPISetSourceResolution(api, dpi);
	}

	private static OcrText collect(TessBaseAPI api) {
		String text = utf8(API.TessBaseAPIGetUTF8Text(api));
		List<OcrWord> words = new ArrayList<>();
		TessResultIterator ri = API.TessBaseAPIGetIterator(api);
		if (ri != null) {
			try {
				TessPageIterator pi = API.TessResultIteratorGetPageIterator(ri);
				int level = TessPageIteratorLevel.RIL_WORD;
				IntBuffer left = IntBuffer.allocate(1);
				IntBuffer top = IntBuffer.allocate(1);
				IntBuffer right = IntBuffer.allocate(1);
				IntBuffer bottom = IntBuffer.allocate(1);
				do {
					String word = utf8(API.TessResultIteratorGetUTF8Text(ri, level));
					if (word.isBlank()) {
						continue;
					}
					float conf = API.TessResultIteratorConfidence(ri, level);
					boolean lineStart = API.TessPageIteratorIsAtBeginningOf(pi,
							TessPageIteratorLevel.RIL_TEXTLINE) != 0;
					API.TessPageIteratorBoundingBox(pi, level, left, top, right, bottom);
					Rectangle box = new Rectangle(left.get(0), top.get(0), right.get(0) - left.get(0),
							bottom.get(0) - top.get(0));
					words.add(new OcrWord(word.strip(), Math.max(0, Math.min(1, conf / 100.0)), box, lineStart));
				}
				while (API.TessPageIteratorNext(pi, level) != 0);
			}
			finally {
				API.TessResultIteratorDelete(ri);
			}
		}
		if (!words.isEmpty()) {
			words = withCharacters(api, words);
		}
		double confidence = words.stream().mapToDouble(OcrWord::confidence).average().orElse(0);
		return new OcrText(text.strip(), confidence, words);
	}

	/**
	 * The words with their weakest character's confidence: the LSTM's word confidence is
	 * a mean that hides one doubtful character in a sure word. (The LSTM's alternative
	 * candidates per character, {@code lstm_choice_mode}, were tried for this and
	 * dropped: in Tesseract 5.3 they are not aligned with the characters.)
	 */
	private static List<OcrWord> withCharacters(TessBaseAPI api, List<OcrWord> words) {
		double[] weakest = new double[words.size()];
		for (int i = 0; i < words.size(); i++) {
			weakest[i] = words.get(i).confidence();
		}
		TessResultIterator ri = API.TessBaseAPIGetIterator(api);
		if (ri == null) {
			return words;
		}
		try {
			TessPageIterator pi = API.TessResultIteratorGetPageIterator(ri);
			int level = TessPageIteratorLevel.RIL_SYMBOL;
			IntBuffer left = IntBuffer.allocate(1);
			IntBuffer top = IntBuffer.allocate(1);
			IntBuffer right = IntBuffer.allocate(1);
			IntBuffer bottom = IntBuffer.allocate(1);
			do {
				String symbol = utf8(API.TessResultIteratorGetUTF8Text(ri, level));
				if (symbol.isBlank()) {
					continue;
				}
				double conf = Math.max(0, Math.min(1, API.TessResultIteratorConfidence(ri, level) / 100.0));
				API.TessPageIteratorBoundingBox(pi, level, left, top, right, bottom);
				int cx = (left.get(0) + right.get(0)) / 2;
				int cy = (top.get(0) + bottom.get(0)) / 2;
				for (int i = 0; i < words.size(); i++) {
					Rectangle box = words.get(i).box();
					box.grow(1, 1);
					if (box.contains(cx, cy)) {
						weakest[i] = Math.min(weakest[i], conf);
						break;
					}
				}
			}
			while (API.TessPageIteratorNext(pi, level) != 0);
		}
		finally {
			API.TessResultIteratorDelete(ri);
		}
		List<OcrWord> out = new ArrayList<>(words.size());
		for (int i = 0; i < words.size(); i++) {
			OcrWord w = words.get(i);
			out.add(new OcrWord(w.text(), w.confidence(), w.box(), w.lineStart(), weakest[i]));
		}
		return out;
	}

	private static String utf8(Pointer pointer) {
		if (pointer == null) {
			return "";
		}
		try {
			return pointer.getString(0, "UTF-8");
		}
		finally {
			API.TessDeleteText(pointer);
		}
	}

	@Override
	public int detectOrientation(BufferedImage image, int dpi) {
		if (!Files.isRegularFile(this.tessdata.resolve("osd.traineddata"))) {
			return 0;
		}
		if (this.osdHandle == null) {
			this.osdHandle = init("osd", TessOcrEngineMode.OEM_TESSERACT_ONLY);
			API.TessBaseAPISetPageSegMode(this.osdHandle, 0);
		}
		setImage(this.osdHandle, image, dpi);
		try {
			IntBuffer degrees = IntBuffer.allocate(1);
			FloatBuffer confidence = FloatBuffer.allocate(1);
			PointerByReference script = new PointerByReference();
			FloatBuffer scriptConfidence = FloatBuffer.allocate(1);
			if (API.TessBaseAPIDetectOrientationScript(this.osdHandle, degrees, confidence, script,
					scriptConfidence) == 0) {
				return 0;
			}
			// Tesseract reports the counter-clockwise rotation of the text; ignore weak
			// guesses
			return (confidence.get(0) >= 2.0f) ? Math.floorMod(degrees.get(0), 360) : 0;
		}
		finally {
			API.TessBaseAPIClear(this.osdHandle);
		}
	}

	private TessBaseAPI handle() {
		if (this.handle == null) {
			throw new IllegalStateException("TesseractEngine is closed");
		}
		return this.handle;
	}

	@Override
	public void close() {
		if (this.handle != null) {
			API.TessBaseAPIEnd(this.handle);
			API.TessBaseAPIDelete(this.handle);
			this.handle = null;
		}
		if (this.osdHandle != null) {
			API.TessBaseAPIEnd(this.osdHandle);
			API.TessBaseAPIDelete(this.osdHandle);
			this.osdHandle = null;
		}
	}

}
