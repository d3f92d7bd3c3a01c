package jp.digilab.schedules.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jp.digilab.jobs.definition.DefinitionException;
import jp.digilab.schedules.inbox.InboxFiles.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one job's inbox: files being written, stable files queued for a run, files
 * handed to the run that is going. Used by the watcher's poll thread only; the console
 * reads the immutable {@link #status()}.
 */
final class JobInbox {

	private static final Logger logger = LoggerFactory.getLogger(InboxWatcher.class);

	private final String jobId;

	private final Path folder;

	private final InboxProperties properties;

	private final Predicate<Path> canRead;

	/** Files seen but not yet stable, busy, or waiting for a retry. */
	private final Map<Path, Candidate> waiting = new HashMap<>();

	/** Stable files in the order they became stable. */
	private final LinkedHashMap<Path, Snapshot> queued = new LinkedHashMap<>();

	private final Map<Path, Snapshot> inRun = new HashMap<>();

	private final Map<Path, Integer> attempts = new HashMap<>();

	private final Set<String> reportedProblems = new HashSet<>();

	private long batchOpenedAt;

	private boolean running;

	private String unusable;

	private Instant lastPickup;

	private String lastError;

	private String lastFailure;

	private Instant lastErrorAt;

	private volatile InboxStatus status;

	JobInbox(String jobId, Path folder, InboxProperties properties, Predicate<Path> canRead) {
		this.jobId = jobId;
		this.folder = folder;
		this.properties = properties;
		this.canRead = canRead;
		publishStatus();
	}

	String jobId() {
		return this.jobId;
	}

	boolean running() {
		return this.running;
	}

	InboxStatus status() {
		return this.status;
	}

	/** Lists the folder and moves files from waiting to queued once they are stable. */
	void scan(long now) {
		Map<Path, Snapshot> found = list();
		if (found == null) {
			publishStatus();
			return;
		}
		for (Iterator<Map.Entry<Path, Snapshot>> it = this.queued.entrySet().iterator(); it.hasNext();) {
			Map.Entry<Path, Snapshot> entry = it.next();
			Snapshot current = found.get(entry.getKey());
			if (current == null) {
				it.remove();
				vanished(entry.getKey());
			}
			else if (!current.unchanged(entry.getValue())) {
				it.remove();
				this.waiting.put(entry.getKey(), new Candidate(current, now));
			}
		}
		this.waiting.keySet().retainAll(found.keySet());
		this.attempts.keySet().removeIf((file) -> !found.containsKey(file) && !this.inRun.containsKey(file));
		long stable = Duration.ofMillis(this.properties.stableMillis()).toNanos();
		List<Path> newlyStable = new ArrayList<>();
		for (Map.Entry<Path, Snapshot> entry : found.entrySet()) {
			Path file = entry.getKey();
			if (this.inRun.containsKey(file) || this.queued.containsKey(file)) {
				continue;
			}
			Candidate candidate = this.waiting.get(file);
			if (candidate == null || !candidate.snapshot.unchanged(entry.getValue())) {
				this.waiting.put(file, new Candidate(entry.getValue(), now));
			}
			else if (now - candidate.since >= stable && now - candidate.notBefore >= 0) {
				if (this.canRead.test(file)) {
					newlyStable.add(file);
				}
				else {
					candidate.notBefore = now + stable;
					if (!candidate.busyReported) {
						candidate.busyReported = true;
						error(name(file) + " is busy or cannot be opened for reading; retried later");
					}
				}
			}
		}
		if (!newlyStable.isEmpty()) {
			if (this.queued.isEmpty()) {
				this.batchOpenedAt = now;
			}
			newlyStable.sort(null);
			for (Path file : newlyStable) {
				this.queued.put(file, this.waiting.remove(file).snapshot);
			}
		}
		publishStatus();
	}

	/**
	 * The files of the next run, once the batch is full or has waited long enough; none
	 * while a run is going.
	 */
	List<Path> takeBatch(long now) {
		if (this.running || this.queued.isEmpty()) {
			return List.of();
		}
		if (this.queued.size() < this.properties.batchSize()
				&& now - this.batchOpenedAt < Duration.ofMillis(this.properties.batchWaitMillis()).toNanos()) {
			return List.of();
		}
		List<Path> batch = new ArrayList<>();
		for (Iterator<Map.Entry<Path, Snapshot>> it = this.queued.entrySet().iterator(); it.hasNext()
				&& batch.size() < this.properties.batchSize();) {
			Map.Entry<Path, Snapshot> entry = it.next();
			it.remove();
			if (!Files.isRegularFile(entry.getKey())) {
				vanished(entry.getKey());
				continue;
			}
			this.inRun.put(entry.getKey(), entry.getValue());
			batch.add(entry.getKey());
		}
		if (!batch.isEmpty()) {
			this.running = true;
			this.lastPickup = Instant.now();
		}
		publishStatus();
		return batch;
	}

	/**
	 * The run ended: files it did not claim wait for a retry; a new file dropped under
	 * the name of a claimed one is a new candidate.
	 */
	void runEnded(long now, Throwable failure) {
		this.running = false;
		if (failure != null) {
			// only the type: a message may quote what was read from a form; a definition
			// problem names files and keys only, and says what to fix
			String reason = "run of job '" + this.jobId + "' failed: "
					+ ((failure instanceof DefinitionException) ? failure.getMessage().lines().findFirst().orElse("")
							+ "; the files stay in the inbox until it is fixed" : failure.getClass().getName());
			// the same failure at every retry is said once, not once per attempt
			if (!reason.equals(this.lastFailure)) {
				error(reason);
			}
			this.lastFailure = reason;
		}
		else {
			this.lastFailure = null;
		}
		long stable = Duration.ofMillis(this.properties.stableMillis()).toNanos();
		List<String> left = new ArrayList<>();
		Duration longestDelay = Duration.ZERO;
		for (Map.Entry<Path, Snapshot> entry : this.inRun.entrySet()) {
			Path file = entry.getKey();
			Snapshot current = InboxFiles.snapshot(file);
			if (current == null) {
				continue;
			}
			if (!current.sameFile(entry.getValue())) {
				this.waiting.put(file, new Candidate(current, now));
				continue;
			}
			int attempt = this.attempts.merge(file, 1, Integer::sum);
			Duration delay = this.properties.retryDelay(attempt);
			longestDelay = (delay.compareTo(longestDelay) > 0) ? delay : longestDelay;
			Candidate retry = new Candidate(current, now - stable);
			retry.notBefore = now + delay.toNanos();
			this.waiting.put(file, retry);
			left.add(name(file));
			if (attempt == this.properties.warnAfterAttempts()) {
				error(name(file) + " was handed to " + attempt
						+ " runs and is still in the inbox; it keeps being retried");
			}
		}
		this.inRun.clear();
		if (!left.isEmpty()) {
			logger.info("Inbox of job '{}': {} file(s) not claimed by the run, retried in {} s at the latest: {}",
					this.jobId, left.size(), String.format(Locale.ROOT, "%.1f", longestDelay.toMillis() / 1000.0),
					abbreviate(left));
		}
		publishStatus();
	}

	private Map<Path, Snapshot> list() {
		String problem = null;
		Map<Path, Snapshot> found = null;
		try {
			Files.createDirectories(this.folder);
			if (!Files.isReadable(this.folder) || !Files.isWritable(this.folder)) {
				problem = "cannot be read and written by this process";
			}
			else {
				found = InboxFiles.list(this.folder, this::problemOnce);
			}
		}
		catch (IOException ex) {
			problem = Files.exists(this.folder) && !Files.isDirectory(this.folder) ? "is not a folder"
					: "cannot be listed (" + ex.getClass().getSimpleName() + ")";
		}
		if (problem != null) {
			if (!problem.equals(this.unusable)) {
				this.unusable = problem;
				error("inbox " + this.folder + " " + problem
						+ "; files dropped there are not taken until this is fixed");
			}
			return null;
		}
		if (this.unusable != null) {
			this.unusable = null;
			logger.info("Inbox of job '{}' ({}) is usable again", this.jobId, this.folder);
		}
		return found;
	}

	private void vanished(Path file) {
		this.waiting.remove(file);
		this.attempts.remove(file);
		error(name(file) + " vanished from the inbox before its run; dropped from the batch");
	}

	private void problemOnce(String problem) {
		if (this.reportedProblems.add(problem)) {
			error(problem);
		}
	}

	private void error(String message) {
		logger.warn("Inbox of job '{}': {}", this.jobId, message);
		this.lastError = message;
		this.lastErrorAt = Instant.now();
	}

	private String name(Path file) {
		return this.folder.relativize(file).toString();
	}

	private static String abbreviate(List<String> names) {
		List<String> sorted = names.stream().sorted().toList();
		return (sorted.size() <= 5) ? String.join(", ", sorted)
				: String.join(", ", sorted.subList(0, 5)) + " and " + (sorted.size() - 5) + " more";
	}

	private void publishStatus() {
		this.status = new InboxStatus(this.jobId, this.folder, this.waiting.size(), this.queued.size(),
				this.inRun.size(), this.running, this.lastPickup, this.lastError, this.lastErrorAt);
	}

	/** A file not yet queued, unchanged since {@code since}. */
	private static final class Candidate {

		final Snapshot snapshot;

		final long since;

		long notBefore;

		boolean busyReported;

		Candidate(Snapshot snapshot, long since) {
			this.snapshot = snapshot;
			this.since = since;
			this.notBefore = since;
		}

	}

}
