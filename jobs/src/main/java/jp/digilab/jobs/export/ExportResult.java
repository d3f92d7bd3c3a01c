package jp.digilab.jobs.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param files the data files, in the order xlsx, csv
 * @param problems per-record problems (the other records are unaffected)
 * @param manifest the run's manifest, listing the files with row counts and SHA-256
 */
public record ExportResult(List<OutputFile> files, List<RecordProblem> problems, Path manifest) {

	/** The records left out of at least one output. */
	public long skippedRecords() {
		return this.problems.stream().filter(RecordProblem::skipped).map(RecordProblem::key).distinct().count();
	}

}
