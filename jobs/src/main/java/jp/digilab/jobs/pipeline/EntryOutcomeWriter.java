package jp.digilab.jobs.pipeline;

import jp.digilab.jobs.run.RunRepository;
import jp.digilab.jobs.run.StoredRecord.EntryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Records each robot outcome; a failed record is logged by key, never by its contents.
 */
class EntryOutcomeWriter implements ItemWriter<EntryProcessor.Entered> {

	private static final Logger log = LoggerFactory.getLogger(EntryOutcomeWriter.class);

	private final RunRepository runs;

	private final RunProgress progress;

	EntryOutcomeWriter(RunRepository runs, RunProgress progress) {
		this.runs = runs;
		this.progress = progress;
	}

	@Override
	public void write(Chunk<? extends EntryProcessor.Entered> chunk) {
		for (EntryProcessor.Entered entered : chunk) {
			EntryStatus status = EntryStatus.valueOf(entered.outcome().status().name());
			this.runs.recordEntry(entered.record().key(), status, entered.outcome().message(),
					entered.outcome().values(), entered.outcome().duration().toMillis());
			if (status == EntryStatus.FAILED) {
				// the message can quote the record's values (a selector, a page text): it
				// goes to
				// the run's record, not to the log
				log.warn("Record {} not entered; the reason is in the run's record", entered.record().key());
			}
			String runId = entered.record().runId();
			var records = this.runs.records(runId)
				.stream()
				.filter((r) -> r.status() == jp.digilab.jobs.run.StoredRecord.RecordState.APPROVED)
				.toList();
			this.progress.report(runId, "entry",
					(int) records.stream()
						.filter((r) -> r.entryStatus() != null && r.entryStatus() != EntryStatus.STARTED)
						.count(),
					records.size());
		}
	}

}
