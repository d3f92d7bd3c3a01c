package jp.digilab.ocr;

import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An engine for pipeline tests: answers whole pages with a fixed text and field boxes
 * through a function of the whitelist (or throws, like a crashing engine).
 */
final class FakeEngine implements OcrEngine {

	static final AtomicInteger created = new AtomicInteger();

	static final AtomicInteger closed = new AtomicInteger();

	/** "thread languages" of every engine created. */
	static final java.util.Queue<String> owners = new java.util.concurrent.ConcurrentLinkedQueue<>();

	private final String pageText;

	private final Function<String, OcrText> field;

	FakeEngine(String pageText, Function<String, OcrText> field) {
		this.pageText = pageText;
		this.field = field;
		created.incrementAndGet();
	}

	/**
	 * An engine that reads every page as the test form and every field as {@code text}.
	 */
	static OcrEngineFactory reading(String text, double confidence) {
		return (tessdata, languages) -> {
			owners.add(Thread.currentThread().getName() + " " + languages);
			return new FakeEngine("住民票の写し等交付請求書\n氏名 住所", (whitelist) -> OcrText.of(text, confidence));
		};
	}

	/** An engine that fails on every call. */
	static OcrEngineFactory crashing() {
		return (tessdata, languages) -> new FakeEngine(null, null);
	}

	@Override
	public OcrText recognize(BufferedImage image, int dpi, SegMode mode, String whitelist) {
		if (this.pageText == null) {
			throw new OcrEngineException("engine crashed on purpose");
		}
		return (mode == SegMode.AUTO) ? OcrText.of(this.pageText, 0.9) : this.field.apply(whitelist);
	}

	@Override
	public void close() {
		closed.incrementAndGet();
	}

}
