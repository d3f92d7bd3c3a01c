package jp.digilab.schedules.inbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Lists the files of an inbox that are candidates for a run: regular files (no links) in
 * the folder and its subfolders, without hidden files and the names that copy tools and
 * office programs use while writing.
 */
final class InboxFiles {

	private InboxFiles() {
	}

	/** Size, modification time and identity of a file when it was listed. */
	record Snapshot(long size, FileTime modified, Object key) {

		static Snapshot of(BasicFileAttributes attributes) {
			return new Snapshot(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
		}

		/** Same size and time: nothing was written since. */
		boolean unchanged(Snapshot other) {
			return this.size == other.size && this.modified.equals(other.modified);
		}

		/**
		 * Also the same file, where the file system tells (a file dropped again under the
		 * same name is a new one).
		 */
		boolean sameFile(Snapshot other) {
			return unchanged(other) && Objects.equals(this.key, other.key);
		}

	}

	/**
	 * The candidate files under {@code dir}; a subfolder that cannot be listed is
	 * reported to {@code problems} and skipped.
	 * @throws IOException if {@code dir} itself cannot be listed
	 */
	static Map<Path, Snapshot> list(Path dir, Consumer<String> problems) throws IOException {
		Map<Path, Snapshot> files = new HashMap<>();
		Files.walkFileTree(dir, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path subdir, BasicFileAttributes attributes) {
				return (subdir.equals(dir) || !hidden(subdir, attributes)) ? FileVisitResult.CONTINUE
						: FileVisitResult.SKIP_SUBTREE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				if (attributes.isRegularFile() && !ignored(file, attributes)) {
					files.put(file, Snapshot.of(attributes));
				}
				else if (!attributes.isRegularFile() && !hidden(file, attributes)) {
					// never followed or opened (a link may point outside the inbox, a
					// pipe
					// would block a reader), but said once so that it is not a mystery
					problems.accept(dir.relativize(file) + (attributes.isSymbolicLink()
							? " is a link; links are never taken (put the file itself in the inbox)"
							: " is not a regular file (a pipe or device); never taken"));
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
				if (file.equals(dir)) {
					throw ex;
				}
				// a file that vanished between listing and reading its attributes is not
				// a
				// problem
				if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
					problems.accept(dir.relativize(file) + " cannot be read (" + ex.getClass().getSimpleName() + ")");
				}
				return FileVisitResult.CONTINUE;
			}

		});
		return files;
	}

	/** The current snapshot of a file, or {@code null} if it is gone. */
	static Snapshot snapshot(Path file) {
		try {
			return Snapshot.of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Whether the file can be opened for reading now; on Windows shares a file still held
	 * open by a scanner or copy tool cannot.
	 */
	static boolean canOpen(Path file) {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			return true;
		}
		catch (IOException | SecurityException ex) {
			return false;
		}
	}

	/** Hidden files, partial downloads and copies, office lock files, shell litter. */
	static boolean ignored(Path file, BasicFileAttributes attributes) {
		if (hidden(file, attributes)) {
			return true;
		}
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".part") || name.endsWith(".tmp") || name.startsWith("~$") || name.equals("thumbs.db")
				|| name.equals("desktop.ini");
	}

	private static boolean hidden(Path path, BasicFileAttributes attributes) {
		return path.getFileName().toString().startsWith(".")
				|| (attributes instanceof DosFileAttributes dos && dos.isHidden());
	}

}
