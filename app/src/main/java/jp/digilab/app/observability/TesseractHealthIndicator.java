package jp.digilab.app.observability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jp.digilab.ocr.OcrSettings;
import jp.digilab.ocr.TesseractEngine;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Tesseract is usable: the language data the forms need is installed and an engine
 * initialises with it. Initialising loads the Japanese model (a few hundred ms), so a
 * success is remembered for a while rather than repeated at every health call.
 */
class TesseractHealthIndicator extends AbstractHealthIndicator {

	private static final List<String> LANGUAGES = List.of("jpn", "eng");

	private static final Duration REMEMBER = Duration.ofMinutes(5);

	private final Path tessdata;

	private volatile long okUntil;

	TesseractHealthIndicator(Path tessdata) {
		super("Tesseract health check failed");
		this.tessdata = tessdata;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("tessdata", this.tessdata.toString());
		for (String language : LANGUAGES) {
			Path model = this.tessdata.resolve(language + ".traineddata");
			if (!Files.isRegularFile(model)) {
				builder.down().withDetail("error", model + " is missing (install tesseract-ocr-" + language + ")");
				return;
			}
		}
		if (System.nanoTime() - this.okUntil < 0) {
			builder.up().withDetail("engine", "initialised");
			return;
		}
		try (TesseractEngine engine = new TesseractEngine(this.tessdata, String.join("+", LANGUAGES))) {
			this.okUntil = System.nanoTime() + REMEMBER.toNanos();
			builder.up().withDetail("engine", "initialised");
		}
		catch (RuntimeException | LinkageError ex) {
			builder.down()
				.withDetail("error",
						"the engine does not initialise: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	static TesseractHealthIndicator withDefaults() {
		return new TesseractHealthIndicator(OcrSettings.defaultTessdata());
	}

}
