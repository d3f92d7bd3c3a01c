package jp.digilab.jobs.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves input files between the home folder's state folders without ever overwriting one.
 */
final class FileMover {

	private static final Logger log = LoggerFactory.getLogger(FileMover.class);

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

	/**
	 * Claims {@code file} for a run by an atomic move into {@code dir}: empty when the
	 * file is already gone (another node or run took it first). Without an atomic move
	 * (the inbox and the work folder on different file systems) two nodes could both copy
	 * a file, so the claim falls back to a plain move only with a warning.
	 */
	static Optional<Path> claim(Path file, Path dir) throws IOException {
		Files.createDirectories(dir);
		Path target = freeName(dir, file.getFileName().toString());
		try {
			return Optional.of(Files.move(file, target, StandardCopyOption.ATOMIC_MOVE));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (AtomicMoveNotSupportedException ex) {
			log.warn("{} and {} are on different file systems: files cannot be claimed atomically, "
					+ "which several nodes sharing the inbox need", file.getParent(), dir);
			try {
				return Optional.of(Files.move(file, target));
			}
			catch (NoSuchFileException gone) {
				return Optional.empty();
			}
		}
	}

	static Path copyInto(Path file, Path dir) throws IOException {
		Files.createDirectories(dir);
		return Files.copy(file, freeName(dir, file.getFileName().toString()));
	}

	static Path freeName(Path dir, String name) {
		Path target = dir.resolve(name);
		int dot = name.lastIndexOf('.');
		String stem = (dot > 0) ? name.substring(0, dot) : name;
		String ext = (dot > 0) ? name.substring(dot) : "";
		for (int i = 2; Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS); i++) {
			target = dir.resolve(stem + "~" + i + ext);
		}
		return target;
	}

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
