package jp.digilab.jobs.pipeline;

import java.util.List;

import jp.digilab.jobs.run.StoredFile;
import jp.digilab.ocr.FormReader;
import jp.digilab.ocr.ScanResult;
import jp.digilab.ocr.template.FormTemplate;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Reads one claimed file with OCR against the job's templates. Thread-safe. */
class RecognizeProcessor implements ItemProcessor<StoredFile, RecognizedFile> {

	private final FormReader reader;

	private final List<FormTemplate> templates;

	RecognizeProcessor(FormReader reader, List<FormTemplate> templates) {
		this.reader = reader;
		this.templates = templates;
	}

	@Override
	public RecognizedFile process(StoredFile file) {
		long start = System.nanoTime();
		ScanResult result = this.reader.read(file.workPath(), this.templates);
		return new RecognizedFile(file, result, (System.nanoTime() - start) / 1_000_000);
	}

}
