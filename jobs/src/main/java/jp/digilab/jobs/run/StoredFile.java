package jp.digilab.jobs.run;

import java.nio.file.Path;

/** An input file claimed by a run, and where it stands. */
public record StoredFile(String runId, int seq, String name, Path sourcePath, Path workPath, String sha256,
		FileStatus status, String finalPath, String error, int pages) {

	public enum FileStatus {

		/** Moved into work/ and waiting for recognition. */
		CLAIMED,
		/** Read; its records are stored. */
		RECOGNIZED,
		/** Could not be read; {@code error} says why. */
		FAILED

	}

}
