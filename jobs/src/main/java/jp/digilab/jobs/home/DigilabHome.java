package jp.digilab.jobs.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The home folder of one Digi-Lab installation and the well-known places inside it (see
 * BRIEF.md "The home folder").
 */
public record DigilabHome(Path root) {

	public DigilabHome {
		root = root.toAbsolutePath().normalize();
	}

	public Path templates() {
		return this.root.resolve("templates");
	}

	public Path jobs() {
		return this.root.resolve("jobs");
	}

	public Path robots() {
		return this.root.resolve("robots");
	}

	public Path schedules() {
		return this.root.resolve("schedules");
	}

	public Path inbox(String jobId) {
		return this.root.resolve("inbox").resolve(jobId);
	}

	public Path work() {
		return this.root.resolve("work");
	}

	public Path done() {
		return this.root.resolve("done");
	}

	public Path failed() {
		return this.root.resolve("failed");
	}

	public Path duplicates() {
		return this.root.resolve("duplicates");
	}

	public Path out() {
		return this.root.resolve("out");
	}

	public Path evidence(String runId) {
		return this.root.resolve("evidence").resolve(runId);
	}

	public Path data() {
		return this.root.resolve("data");
	}

	/** Creates the folders the engine writes to; fails with a one-line reason. */
	public void createWorkFolders() {
		for (Path dir : new Path[] { work(), done(), failed(), duplicates(), out(), data() }) {
			try {
				Files.createDirectories(dir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create folder " + dir + ": " + ex.getMessage(), ex);
			}
		}
	}

}
