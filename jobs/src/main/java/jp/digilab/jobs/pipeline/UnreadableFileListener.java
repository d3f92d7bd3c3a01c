package jp.digilab.jobs.pipeline;

import jp.digilab.jobs.run.RunRepository;
import jp.digilab.jobs.run.StoredFile;
import jp.digilab.jobs.run.StoredFile.FileStatus;
import jp.digilab.ocr.Reasons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.SkipListener;

/**
 * A file whose recognition threw (rather than reporting its errors) is skipped by the
 * step's fault tolerance; this marks it failed with the reason, so it ends in
 * {@code failed/} and the run goes on with the other files.
 */
class UnreadableFileListener implements SkipListener<StoredFile, RecognizedFile> {

	private static final Logger log = LoggerFactory.getLogger(UnreadableFileListener.class);

	private final RunRepository runs;

	UnreadableFileListener(RunRepository runs) {
		this.runs = runs;
	}

	@Override
	public void onSkipInProcess(StoredFile file, Throwable cause) {
		String reason = Reasons.IN_FILE.text(file.name(),
				(cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName());
		log.warn("Run {}: {} failed: {}", file.runId(), file.name(), cause.getClass().getSimpleName());
		this.runs.markFile(file.runId(), file.seq(), FileStatus.FAILED, reason, 0, 0);
	}

	@Override
	public void onSkipInWrite(RecognizedFile item, Throwable cause) {
		onSkipInProcess(item.file(), cause);
	}

}
