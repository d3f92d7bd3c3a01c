package jp.digilab.jobs.pipeline;

import java.util.List;

import jp.digilab.jobs.JobReasons;
import jp.digilab.jobs.run.RunRepository;
import jp.digilab.jobs.run.StoredFile;
import jp.digilab.jobs.run.StoredFile.FileStatus;
import jp.digilab.jobs.run.StoredRecord;
import jp.digilab.jobs.run.StoredRecord.RecordState;
import jp.digilab.ocr.DocumentResult;
import jp.digilab.ocr.Reasons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Stores each document of a recognised file as a record and passes it through the review
 * gate: a document that needs review waits, the others are approved. A file with no
 * readable document is marked failed with its one-line reasons.
 */
class RecognizedFileWriter implements ItemWriter<RecognizedFile> {

	private static final Logger log = LoggerFactory.getLogger(RecognizedFileWriter.class);

	private final RunRepository runs;

	private final RunProgress progress;

	RecognizedFileWriter(RunRepository runs, RunProgress progress) {
		this.runs = runs;
		this.progress = progress;
	}

	@Override
	public void write(Chunk<? extends RecognizedFile> chunk) {
		String runId = null;
		for (RecognizedFile recognized : chunk) {
			runId = recognized.file().runId();
			StoredFile file = recognized.file();
			List<DocumentResult> documents = recognized.result().documents();
			List<String> errors = recognized.result().errors();
			int pages = documents.stream().mapToInt((d) -> d.pages().size()).sum();
			if (documents.isEmpty()) {
				String reason = errors.isEmpty() ? Reasons.IN_FILE.text(file.name(), JobReasons.NO_FORM_FOUND.text())
						: JobReasons.joined(errors);
				log.warn("Run {}: {} failed: {}", file.runId(), file.name(), reason);
				this.runs.markFile(file.runId(), file.seq(), FileStatus.FAILED, reason, pages,
						recognized.machineMillis());
				continue;
			}
			for (int i = 0; i < documents.size(); i++) {
				DocumentResult document = documents.get(i);
				RecordState state = document.needsReview() ? RecordState.NEEDS_REVIEW : RecordState.APPROVED;
				this.runs.addRecord(new StoredRecord(file.runId() + "-" + file.seq() + "-" + (i + 1), file.runId(),
						file.seq(), i + 1, file.name(), document.pages(), document.template(), state, document.fields(),
						0, null, null, java.util.Map.of()));
			}
			String partial = errors.isEmpty() ? null : JobReasons.joined(errors);
			this.runs.markFile(file.runId(), file.seq(), FileStatus.RECOGNIZED, partial, pages,
					recognized.machineMillis());
			log.info("Run {}: {} read: {} document(s), {} page(s)", file.runId(), file.name(), documents.size(), pages);
		}
		if (runId != null) {
			List<StoredFile> files = this.runs.files(runId);
			int done = (int) files.stream().filter((f) -> f.status() != FileStatus.CLAIMED).count();
			this.progress.report(runId, "recognize", done, files.size());
		}
	}

}
