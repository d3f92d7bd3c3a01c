package jp.digilab.jobs.pipeline;

import java.util.Iterator;

import jp.digilab.jobs.run.RunRepository;
import jp.digilab.jobs.run.StoredFile;
import jp.digilab.jobs.run.StoredFile.FileStatus;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads the run's files that still wait for recognition. The database is the cursor: a
 * file whose records were committed is no longer CLAIMED, so a restarted run resumes
 * where it stopped without keeping state in the execution context.
 */
class ClaimedFileReader implements ItemReader<StoredFile> {

	private final RunRepository runs;

	private final String runId;

	private Iterator<StoredFile> pending;

	ClaimedFileReader(RunRepository runs, String runId) {
		this.runs = runs;
		this.runId = runId;
	}

	@Override
	public synchronized StoredFile read() {
		if (this.pending == null) {
			this.pending = this.runs.files(this.runId, FileStatus.CLAIMED).iterator();
		}
		return this.pending.hasNext() ? this.pending.next() : null;
	}

}
