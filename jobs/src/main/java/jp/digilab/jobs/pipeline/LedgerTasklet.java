package jp.digilab.jobs.pipeline;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.definition.JobDefinition;
import jp.digilab.jobs.ledger.LedgerEntry;
import jp.digilab.jobs.ledger.LedgerRepository;
import jp.digilab.jobs.run.RunRepository;
import jp.digilab.jobs.run.StoredFile.FileStatus;
import jp.digilab.jobs.run.StoredRecord;
import jp.digilab.jobs.run.StoredRecord.EntryStatus;
import jp.digilab.jobs.run.StoredRecord.RecordState;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Ledger: records the hours the run saved (BRIEF.md "Hours saved"). */
class LedgerTasklet implements Tasklet {

	private final JobCatalog catalog;

	private final RunRepository runs;

	private final LedgerRepository ledger;

	LedgerTasklet(JobCatalog catalog, RunRepository runs, LedgerRepository ledger) {
		this.catalog = catalog;
		this.runs = runs;
		this.ledger = ledger;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var parameters = contribution.getStepExecution().getJobParameters();
		String runId = RunParameters.runId(parameters);
		JobDefinition job = this.catalog.get(RunParameters.jobId(parameters));
		var run = this.runs.findRun(runId).orElseThrow();
		if (this.runs.files(runId).isEmpty()) {
			// a run that found nothing to do (an empty inbox, only duplicates) saved
			// nobody's time
			return RepeatStatus.FINISHED;
		}
		List<StoredRecord> records = this.runs.records(runId);
		boolean robot = job.robot() != null && !job.robot().isBlank();
		int succeeded = (int) records.stream().filter((r) -> wentThrough(r, robot)).count();
		int failedFiles = (int) this.runs.files(runId).stream().filter((f) -> f.status() == FileStatus.FAILED).count();
		int failedRecords = (int) records.stream().filter((r) -> r.entryStatus() == EntryStatus.FAILED).count();
		int reviewed = (int) records.stream().filter((r) -> r.reviewSeconds() > 0).count();
		long reviewSeconds = records.stream().mapToLong(StoredRecord::reviewSeconds).sum();
		BigDecimal machineSeconds = BigDecimal.valueOf(this.runs.machineMillis(runId)).movePointLeft(3);
		this.ledger.save(new LedgerEntry(runId, job.id(), run.department(), run.startedAt(), LocalDateTime.now(),
				records.size() + failedFiles, succeeded, failedRecords + failedFiles, reviewed, reviewSeconds,
				machineSeconds, BigDecimal.valueOf(run.manualMinutesPerItem())));
		return RepeatStatus.FINISHED;
	}

	/** A record saved staff time only if it went all the way through the job. */
	static boolean wentThrough(StoredRecord record, boolean robot) {
		if (record.status() != RecordState.APPROVED) {
			return false;
		}
		return !robot || record.entryStatus() == EntryStatus.OK || record.entryStatus() == EntryStatus.SKIPPED;
	}

}
