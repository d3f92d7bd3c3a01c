package jp.digilab.jobs.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.core.job.parameters.JobParameters;

/** The Spring Batch job parameters of a pipeline run. */
public final class RunParameters {

	/** The job definition id (identifying). */
	public static final String JOB_ID = "jobId";

	/**
	 * The run id, also the folder and file-name key of the run's outputs (identifying).
	 */
	public static final String RUN_ID = "runId";

	/**
	 * A text file listing the run's explicit input files, one absolute path per line;
	 * absent means "take the inbox". (A list file, because a job parameter holds at most
	 * 2,500 characters in Spring Batch's schema.)
	 */
	public static final String FILES = "filesList";

	/**
	 * What started the run: a schedule and its fire time ({@code ID@INSTANT}), the
	 * watched folder (non-identifying; absent for the command line).
	 */
	public static final String TRIGGER = "trigger";

	/** The follow-up of a run after review: {@code r1}, {@code r2}, … (identifying). */
	public static final String FOLLOW_UP = "followUp";

	private RunParameters() {
	}

	static String jobId(JobParameters parameters) {
		return parameters.getString(JOB_ID);
	}

	static String runId(JobParameters parameters) {
		return parameters.getString(RUN_ID);
	}

	static List<Path> files(JobParameters parameters) throws IOException {
		String list = parameters.getString(FILES);
		if (list == null || list.isBlank()) {
			return List.of();
		}
		return Files.readAllLines(Path.of(list), StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> !line.isBlank())
			.map(Path::of)
			.toList();
	}

}
