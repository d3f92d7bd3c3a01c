package jp.digilab.jobs.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Moves input files between the home folder's state folders without ever overwriting one.
 */
final class FileMover {

	private FileMover() {
	}

	/**
	 * Moves {@code file} into {@code dir}, keeping its name or adding ~2, ~3… if taken.
	 */
	static Path moveInto(Path file, Path dir) throws IOException {
		Files.createDirectories(dir);
		Path target = freeName(dir, file.getFileName().toString());
		try {
			return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			return Files.move(file, target);
		}
	}

	static Path copyInto(Path file, Path dir) throws IOException {
		Files.createDirectories(dir);
		return Files.copy(file, freeName(dir, file.getFileName().toString()));
	}

	static Path freeName(Path dir, String name) {
		int dot = name.lastIndexOf('.');
		String stem = (dot > 0) ? name.substring(0, dot) : name;
		String ext = (dot > 0) ? name.substring(dot) : "";
		Path target = dir.resolve(fit(stem, ext));
		for (int i = 2; Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS); i++) {
			target = dir.resolve(fit(stem, "~" + i + ext));
		}
		return target;
	}

	/**
	 * The note beside a settled file ({@code NAME.error.txt},
	 * {@code NAME.duplicate.txt}), shortened like {@link #fit} when the file's name is
	 * already close to the limit.
	 */
	static Path sidecar(Path file, String suffix) {
		return file.resolveSibling(fit(file.getFileName().toString(), suffix));
	}

	/**
	 * Most file systems allow 255 bytes a name (UTF-8 on Linux): a long name that gets
	 * {@code ~2} or {@code .error.txt} added would make the move or the note fail, so the
	 * stem is cut (on a character boundary) until the whole name fits.
	 */
	static String fit(String stem, String suffix) {
		String name = stem + suffix;
		int end = stem.length();
		while (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES && end > 1) {
			end = Character.isLowSurrogate(stem.charAt(end - 1)) ? end - 2 : end - 1;
			name = stem.substring(0, end) + "…" + suffix;
		}
		return name;
	}

	/** The usual limit of a file name, in bytes. */
	static final int MAX_NAME_BYTES = 255;

	static String sha256(Path file) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
