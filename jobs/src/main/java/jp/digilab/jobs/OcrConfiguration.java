package jp.digilab.jobs;

import jp.digilab.ocr.FormReader;
import jp.digilab.ocr.OcrSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The form reader shared by all runs; it keeps one OCR engine per worker thread. */
@Configuration(proxyBeanMethods = false)
public class OcrConfiguration {

	@Bean(destroyMethod = "close")
	FormReader formReader() {
		return new FormReader(OcrSettings.defaults());
	}

}
