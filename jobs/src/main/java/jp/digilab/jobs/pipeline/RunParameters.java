package jp.digilab.jobs.pipeline;

import java.util.List;
import java.nio.file.Path;

import org.springframework.batch.core.job.parameters.JobParameters;

/** The Spring Batch job parameters of a pipeline run. */
public final class RunParameters {

	/** The job definition id (identifying). */
	public static final String JOB_ID = "jobId";

	/**
	 * The run id, also the folder and file-name key of the run's outputs (identifying).
	 */
	public static final String RUN_ID = "runId";

	/** Explicit input files, one absolute path per line; empty means "take the inbox". */
	public static final String FILES = "files";

	private RunParameters() {
	}

	static String jobId(JobParameters parameters) {
		return parameters.getString(JOB_ID);
	}

	static String runId(JobParameters parameters) {
		return parameters.getString(RUN_ID);
	}

	static List<Path> files(JobParameters parameters) {
		String files = parameters.getString(FILES);
		if (files == null || files.isBlank()) {
			return List.of();
		}
		return files.lines().filter((line) -> !line.isBlank()).map(Path::of).toList();
	}

}
