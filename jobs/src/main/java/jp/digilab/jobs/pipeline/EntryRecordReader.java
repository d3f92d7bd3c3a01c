package jp.digilab.jobs.pipeline;

import java.util.Iterator;

import jp.digilab.jobs.run.RunRepository;
import jp.digilab.jobs.run.StoredRecord;
import jp.digilab.jobs.run.StoredRecord.EntryStatus;
import jp.digilab.jobs.run.StoredRecord.RecordState;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads the run's approved records that the robot has not entered yet (never started,
 * failed, or started by a run that stopped before recording the outcome). Outcomes are
 * committed one record at a time, so a restarted run only sees what is left.
 */
class EntryRecordReader implements ItemReader<StoredRecord> {

	private final RunRepository runs;

	private final String runId;

	private final boolean enabled;

	private Iterator<StoredRecord> pending;

	EntryRecordReader(RunRepository runs, String runId, boolean enabled) {
		this.runs = runs;
		this.runId = runId;
		this.enabled = enabled;
	}

	@Override
	public synchronized StoredRecord read() {
		if (!this.enabled) {
			return null;
		}
		if (this.pending == null) {
			this.pending = this.runs.records(this.runId)
				.stream()
				.filter((r) -> r.status() == RecordState.APPROVED)
				.filter((r) -> r.entryStatus() == null || r.entryStatus() == EntryStatus.FAILED
						|| r.entryStatus() == EntryStatus.STARTED)
				.iterator();
		}
		return this.pending.hasNext() ? this.pending.next() : null;
	}

}
