package jp.digilab.app.inboxes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.definition.JobDefinition;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.schedules.inbox.InboxStatus;
import jp.digilab.schedules.inbox.InboxWatcher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The watched folders for the console: per job with {@code inbox: true}, the files
 * waiting (names relative to the inbox, ages), the last pick-up, the files that failed
 * (in {@code failed/}, with the first line of their {@code .error.txt}) and the watcher's
 * own status.
 */
@Service
public class InboxOverview {

	/** At most this many pending files and failures are listed per job. */
	static final int LIMIT = 200;

	private final DigilabHome home;

	private final JobCatalog catalog;

	private final ObjectProvider<InboxWatcher> watcher;

	private final JdbcClient jdbc;

	public InboxOverview(DigilabHome home, JobCatalog catalog, ObjectProvider<InboxWatcher> watcher, JdbcClient jdbc) {
		this.home = home;
		this.catalog = catalog;
		this.watcher = watcher;
		this.jdbc = jdbc;
	}

	/** A file waiting in an inbox. */
	public record PendingFile(String name, long size, long ageSeconds) {
	}

	/** A file of the job that could not be read, and why. */
	public record FailedFile(String name, String runId, String reason, LocalDateTime at) {
	}

	/**
	 * One job's inbox.
	 *
	 * @param watched whether the watcher runs (only under {@code serve}, and not with
	 * {@code digilab.inbox.enabled=false})
	 * @param watcher the watcher's own view, or null when it does not run
	 * @param lastPickup when the watcher last handed files to a run (server time), or
	 * null
	 * @param lastRunAt when the job last ran (any trigger), or null
	 */
	public record Inbox(String jobId, String title, String department, String folder, int pendingCount,
			List<PendingFile> pending, boolean watched, InboxStatus watcher, LocalDateTime lastPickup,
			LocalDateTime lastRunAt, List<FailedFile> failures) {
	}

	public record Overview(List<Inbox> inboxes, List<String> problems) {
	}

	public Overview overview() {
		List<String> problems = new ArrayList<>();
		List<Inbox> inboxes = new ArrayList<>();
		InboxWatcher running = this.watcher.getIfAvailable();
		List<InboxStatus> statuses = (running != null) ? running.status() : List.of();
		for (JobDefinition job : this.catalog.all(problems)) {
			if (!job.inbox()) {
				continue;
			}
			Path folder = this.home.inbox(job.id());
			List<PendingFile> pending = pending(folder, problems);
			InboxStatus status = statuses.stream().filter((s) -> s.jobId().equals(job.id())).findFirst().orElse(null);
			inboxes
				.add(new Inbox(job.id(), job.title(), job.department(), this.home.root().relativize(folder).toString(),
						pending.size(), pending.subList(0, Math.min(LIMIT, pending.size())), running != null, status,
						(status != null && status.lastPickup() != null)
								? LocalDateTime.ofInstant(status.lastPickup(), java.time.ZoneId.systemDefault()) : null,
						lastRun(job.id()), failures(job.id())));
		}
		return new Overview(inboxes, problems);
	}

	private static List<PendingFile> pending(Path folder, List<String> problems) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		Instant now = Instant.now();
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter((p) -> !p.equals(folder))
				.filter((p) -> !hiddenBelow(folder, p))
				.filter(InboxWatcher::takes)
				.map((p) -> pendingFile(folder, p, now))
				.flatMap(Optional::stream)
				.sorted(Comparator.comparingLong(PendingFile::ageSeconds).reversed())
				.toList();
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			problems.add(folder + ": cannot be listed: " + ex.getMessage());
			return List.of();
		}
	}

	/** The watcher skips hidden folders; so does this list. */
	private static boolean hiddenBelow(Path folder, Path file) {
		for (Path part : folder.relativize(file)) {
			if (part.toString().startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	private static Optional<PendingFile> pendingFile(Path folder, Path file, Instant now) {
		try {
			Instant modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
			return Optional.of(new PendingFile(folder.relativize(file).toString(), Files.size(file),
					Math.max(0, Duration.between(modified, now).toSeconds())));
		}
		catch (IOException ex) {
			// gone between listing and reading: taken by a run meanwhile
			return Optional.empty();
		}
	}

	private LocalDateTime lastRun(String jobId) {
		return this.jdbc.sql("select max(started_at) from dl_run where job_id = ?").param(jobId).query((rs, i) -> {
			Timestamp at = rs.getTimestamp(1);
			return (at != null) ? at.toLocalDateTime() : null;
		}).optional().orElse(null);
	}

	/** The job's files still in failed/, newest first. */
	private List<FailedFile> failures(String jobId) {
		return this.jdbc.sql("""
				select f.name, f.run_id, f.final_path, f.error, r.started_at from dl_file f
				  join dl_run r on r.run_id = f.run_id
				where r.job_id = ? and f.status = 'FAILED' and f.final_path is not null
				order by r.started_at desc, f.seq""").param(jobId).query((rs, i) -> {
			Path failed = Path.of(rs.getString(3));
			if (!Files.exists(failed, LinkOption.NOFOLLOW_LINKS)) {
				return null;
			}
			String reason = firstLine(failed.resolveSibling(failed.getFileName() + ".error.txt"))
				.orElse(rs.getString(4));
			Timestamp at = rs.getTimestamp(5);
			return new FailedFile(failed.getFileName().toString(), rs.getString(2), reason,
					(at != null) ? at.toLocalDateTime() : null);
		}).list().stream().filter(java.util.Objects::nonNull).limit(LIMIT).toList();
	}

	private static Optional<String> firstLine(Path file) {
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			return Optional.empty();
		}
		try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
			return lines.filter((line) -> !line.isBlank()).findFirst();
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			return Optional.empty();
		}
	}

}
