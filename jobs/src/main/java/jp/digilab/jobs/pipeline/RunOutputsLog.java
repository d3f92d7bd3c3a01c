package jp.digilab.jobs.pipeline;

import java.io.IOException;
import java.nio.file.Path;

import jp.digilab.jobs.export.ExportResult;
import jp.digilab.jobs.export.OutputFile;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records the files a run wrote ({@code dl_output}), so that its summary and the console
 * can list them, and keeps the folder's {@code manifest.json} index up to date.
 */
final class RunOutputsLog {

	private final JdbcClient jdbc;

	RunOutputsLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void recordExport(String runId, String jobId, ExportResult result, StepContribution contribution)
			throws IOException {
		for (OutputFile file : result.files()) {
			record(runId, file.path(), file.format(), file.rows(), file.sha256());
			contribution.incrementWriteCount(file.rows());
		}
		if (result.manifest() != null) {
			DayManifest.update(result.manifest().getParent(), jobId);
			record(runId, result.manifest(), "manifest", result.files().size(), FileMover.sha256(result.manifest()));
		}
	}

	void record(String runId, Path path, String format, long rows, String sha256) {
		this.jdbc.sql("insert into dl_output (run_id, path, format, rows_written, sha256) values (?, ?, ?, ?, ?)")
			.params(runId, path.toString(), format, rows, sha256)
			.update();
	}

}
