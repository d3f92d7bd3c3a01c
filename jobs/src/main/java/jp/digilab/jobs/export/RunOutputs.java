package jp.digilab.jobs.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The files of one run in {@code out/JOB/YYYY-MM-DD/}: each is written under a hidden
 * temporary name in that folder, and only when all are complete are they renamed
 * (atomically) to {@code JOB_RUN.xlsx}, {@code JOB_RUN.csv} and, last,
 * {@code manifest_RUN.json}. A run's outputs are never overwritten: if any is already
 * there the export fails before writing.
 */
final class RunOutputs {

	private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

	private final Path dir;

	private final String jobId;

	private final String runId;

	private final List<Pending> pending = new ArrayList<>();

	private final List<Path> committed = new ArrayList<>();

	private RunOutputs(Path dir, String jobId, String runId) {
		this.dir = dir;
		this.jobId = jobId;
		this.runId = runId;
	}

	/**
	 * Creates the folder and checks that the run has no outputs there yet.
	 * @param formats the extensions the run will write
	 */
	static RunOutputs open(Path outRoot, String jobId, String runId, LocalDate date, List<String> formats) {
		requireSafe(jobId, "jobId");
		requireSafe(runId, "runId");
		Path dir = outRoot.resolve(jobId).resolve(date.toString());
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new ExportException("output folder " + dir + " cannot be created: " + describe(ex), ex);
		}
		if (!Files.isWritable(dir)) {
			throw new ExportException("output folder " + dir + " is not writable");
		}
		RunOutputs outputs = new RunOutputs(dir, jobId, runId);
		List<String> existing = new ArrayList<>();
		for (String format : formats) {
			if (Files.exists(outputs.target(format))) {
				existing.add(outputs.target(format).getFileName().toString());
			}
		}
		if (Files.exists(outputs.manifest())) {
			existing.add(outputs.manifest().getFileName().toString());
		}
		if (!existing.isEmpty()) {
			throw new ExportException(
					"run " + runId + " already has outputs in " + dir + " (" + String.join(", ", existing)
							+ "); outputs are never overwritten: move them away to export the run again");
		}
		return outputs;
	}

	Path target(String format) {
		return this.dir.resolve(this.jobId + "_" + this.runId + "." + format);
	}

	Path manifest() {
		return this.dir.resolve("manifest_" + this.runId + ".json");
	}

	/**
	 * Writes one output under a temporary name; returns it as it will be once committed.
	 */
	OutputFile write(String format, Body body) {
		Path target = target(format);
		Path temp = null;
		try {
			temp = Files.createTempFile(this.dir, "." + target.getFileName() + ".", ".tmp");
			this.pending.add(new Pending(temp, target));
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			long rows;
			try (OutputStream out = new BufferedOutputStream(
					new DigestOutputStream(Files.newOutputStream(temp), digest), 1 << 16)) {
				rows = body.write(out);
			}
			return new OutputFile(target, format, rows, HexFormat.of().formatHex(digest.digest()));
		}
		catch (IOException ex) {
			throw new ExportException("could not write " + target + ": " + describe(ex), ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Writes the manifest under a temporary name. */
	void writeManifest(byte[] json) {
		Path target = manifest();
		try {
			Path temp = Files.createTempFile(this.dir, "." + target.getFileName() + ".", ".tmp");
			this.pending.add(new Pending(temp, target));
			Files.write(temp, json);
		}
		catch (IOException ex) {
			throw new ExportException("could not write " + target + ": " + describe(ex), ex);
		}
	}

	/** Renames every written file to its name, the manifest last. */
	void commit() {
		for (Pending file : this.pending) {
			try {
				if (Files.exists(file.target())) {
					throw new FileAlreadyExistsException(file.target().toString());
				}
				Files.move(file.temp(), file.target(), StandardCopyOption.ATOMIC_MOVE);
				this.committed.add(file.target());
			}
			catch (IOException ex) {
				rollback();
				throw new ExportException(
						"could not move " + file.target().getFileName() + " into " + this.dir + ": " + describe(ex),
						ex);
			}
		}
		this.pending.clear();
	}

	/** Removes what this run wrote: temporary files and files already renamed. */
	void rollback() {
		for (Pending file : this.pending) {
			deleteQuietly(file.temp());
		}
		for (Path file : this.committed) {
			deleteQuietly(file);
		}
		this.pending.clear();
		this.committed.clear();
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// best effort: the temporary name is hidden and ends in .tmp
		}
	}

	private static void requireSafe(String name, String what) {
		if (name == null || !SAFE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(what + " must be letters, digits, '.', '_' or '-': " + name);
		}
	}

	private static String describe(IOException ex) {
		String message = ex.getMessage();
		String kind = ex.getClass().getSimpleName();
		return (message != null) ? kind + " " + message : kind;
	}

	/** Writes an output's bytes and returns the number of data rows. */
	@FunctionalInterface
	interface Body {

		long write(OutputStream out) throws IOException;

	}

	private record Pending(Path temp, Path target) {

	}

}
