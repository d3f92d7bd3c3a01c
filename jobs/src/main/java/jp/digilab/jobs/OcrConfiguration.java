package jp.digilab.jobs;

import jp.digilab.ocr.FormReader;
import jp.digilab.ocr.OcrSettings;
import jp.digilab.ocr.image.InputLimits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The form reader shared by all runs. Its {@code digilab.ocr.workers} page workers (each
 * with its own OCR engines, initialised once) read the pages of every file being
 * recognised, so a long PDF uses all of them and several files at once never use more.
 */
@Configuration(proxyBeanMethods = false)
public class OcrConfiguration {

	@Bean(destroyMethod = "close")
	FormReader formReader(@Value("${digilab.ocr.workers:2}") int workers,
			@Value("${digilab.input.max-pages:200}") int maxPages,
			@Value("${digilab.input.max-image-pixels:150000000}") long maxImagePixels) {
		return new FormReader(OcrSettings.defaults().withLimits(new InputLimits(maxPages, maxImagePixels)), workers);
	}

}
