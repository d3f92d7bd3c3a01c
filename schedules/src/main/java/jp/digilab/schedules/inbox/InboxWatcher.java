package jp.digilab.schedules.inbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.definition.JobDefinition;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.schedules.JobStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Watches {@code HOME/inbox/JOB/} (and its subfolders) of every job with
 * {@code inbox: true} and starts a run with the files dropped there once they are
 * complete. Polls rather than relying on file-system events, so that network shares work:
 * a file is complete when its size and modification time have not changed for
 * {@code stable-millis}. Files dropped together are gathered into one run; runs of the
 * same job never overlap and no file is handed to two runs at once. The run's intake
 * claims the files; whatever it leaves in the inbox is handed again later.
 */
public class InboxWatcher implements SmartLifecycle {

	/** The trigger name passed to {@link JobStarter#start(String, String, List)}. */
	public static final String TRIGGER = "inbox";

	private static final Logger logger = LoggerFactory.getLogger(InboxWatcher.class);

	private static final Duration JOBS_REFRESH = Duration.ofSeconds(5);

	private final DigilabHome home;

	private final JobCatalog catalog;

	private final JobStarter starter;

	private final InboxProperties properties;

	private final Predicate<Path> canRead;

	private final Map<String, JobInbox> inboxes = new ConcurrentHashMap<>();

	private final Queue<Runnable> endedRuns = new ConcurrentLinkedQueue<>();

	private final Set<String> reportedProblems = new HashSet<>();

	private long jobsReadAt;

	private boolean jobsRead;

	private volatile ScheduledExecutorService poller;

	private volatile ExecutorService workers;

	public InboxWatcher(DigilabHome home, JobCatalog catalog, JobStarter starter, InboxProperties properties) {
		this(home, catalog, starter, properties, InboxFiles::canOpen);
	}

	/**
	 * @param canRead whether a stable file can be opened now; a file that cannot is
	 * retried later
	 */
	InboxWatcher(DigilabHome home, JobCatalog catalog, JobStarter starter, InboxProperties properties,
			Predicate<Path> canRead) {
		this.home = home;
		this.catalog = catalog;
		this.starter = starter;
		this.properties = properties;
		this.canRead = canRead;
	}

	/** The watched inboxes, by job id. */
	public List<InboxStatus> status() {
		return this.inboxes.values()
			.stream()
			.map(JobInbox::status)
			.sorted(Comparator.comparing(InboxStatus::jobId))
			.toList();
	}

	/**
	 * Whether the watcher would take this file (a regular file, not hidden, partial or an
	 * Office lock file); the console lists pending files by the same rule.
	 */
	public static boolean takes(Path file) {
		try {
			java.nio.file.attribute.BasicFileAttributes attributes = java.nio.file.Files.readAttributes(file,
					java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
			return attributes.isRegularFile() && !InboxFiles.ignored(file, attributes);
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

	@Override
	public synchronized void start() {
		if (this.poller != null) {
			return;
		}
		this.workers = Executors.newCachedThreadPool(daemonThreads("inbox-run-"));
		this.poller = Executors.newSingleThreadScheduledExecutor(daemonThreads("inbox-poll-"));
		this.poller.scheduleWithFixedDelay(this::poll, 0, this.properties.pollMillis(), TimeUnit.MILLISECONDS);
		logger.info("Watching the inboxes under {} every {} ms (stable after {} ms, up to {} files a run)",
				this.home.root().resolve("inbox"), this.properties.pollMillis(), this.properties.stableMillis(),
				this.properties.batchSize());
	}

	/**
	 * Stops polling. Runs that are going are left to end; one cut short by the end of the
	 * process is recovered at the next start like any interrupted run.
	 */
	@Override
	public synchronized void stop() {
		if (this.poller != null) {
			this.poller.shutdown();
			this.workers.shutdown();
			this.poller = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.poller != null;
	}

	/**
	 * One round: note ended runs, re-read the job list now and then, scan, start runs.
	 */
	synchronized void poll() {
		try {
			long now = System.nanoTime();
			for (Runnable ended; (ended = this.endedRuns.poll()) != null;) {
				ended.run();
			}
			if (!this.jobsRead || now - this.jobsReadAt >= JOBS_REFRESH.toNanos()) {
				refreshJobs();
				this.jobsRead = true;
				this.jobsReadAt = now;
			}
			for (JobInbox inbox : this.inboxes.values()) {
				pollOne(inbox, now);
			}
		}
		catch (RuntimeException ex) {
			// never let an exception cancel the periodic task
			logger.error("Inbox poll failed; trying again in {} ms", this.properties.pollMillis(), ex);
		}
	}

	private void pollOne(JobInbox inbox, long now) {
		try {
			inbox.scan(now);
			List<Path> batch = inbox.takeBatch(now);
			if (!batch.isEmpty()) {
				startRun(inbox, batch);
			}
		}
		catch (RuntimeException ex) {
			logger.error("Inbox of job '{}' could not be polled", inbox.jobId(), ex);
		}
	}

	private void startRun(JobInbox inbox, List<Path> batch) {
		logger.info("Inbox of job '{}': starting a run with {} file(s)", inbox.jobId(), batch.size());
		try {
			this.workers.execute(() -> run(inbox, batch));
		}
		catch (RejectedExecutionException ex) {
			inbox.runEnded(System.nanoTime(), ex);
		}
	}

	private void run(JobInbox inbox, List<Path> batch) {
		Thread.currentThread().setName("inbox-" + inbox.jobId());
		Throwable failure = null;
		try {
			this.starter.start(inbox.jobId(), TRIGGER, List.copyOf(batch));
		}
		catch (InterruptedException ex) {
			failure = ex;
			Thread.currentThread().interrupt();
		}
		catch (Exception | Error ex) {
			failure = ex;
		}
		finally {
			Throwable ended = failure;
			this.endedRuns.add(() -> inbox.runEnded(System.nanoTime(), ended));
			ScheduledExecutorService current = this.poller;
			if (current != null) {
				try {
					// at once rather than at the next tick, so that a waiting batch
					// starts
					current.execute(this::poll);
				}
				catch (RejectedExecutionException ex) {
					// stopping
				}
			}
		}
	}

	private void refreshJobs() {
		List<String> problems = new ArrayList<>();
		List<JobDefinition> jobs = this.catalog.all(problems);
		for (String problem : problems) {
			if (this.reportedProblems.add(problem)) {
				logger.warn("A job definition cannot be read, so its inbox (if any) is not watched: {}", problem);
			}
		}
		this.reportedProblems.retainAll(problems);
		Set<String> watched = new HashSet<>();
		for (JobDefinition job : jobs) {
			if (job.inbox()) {
				watched.add(job.id());
				this.inboxes.computeIfAbsent(job.id(), (id) -> {
					logger.info("Watching inbox of job '{}': {}", id, this.home.inbox(id));
					return new JobInbox(id, this.home.inbox(id), this.properties, this.canRead);
				});
			}
		}
		// an inbox whose run is going is dropped when the run has ended
		this.inboxes.values().removeIf((inbox) -> {
			boolean drop = !watched.contains(inbox.jobId()) && !inbox.running();
			if (drop) {
				logger.info("No longer watching inbox of job '{}'", inbox.jobId());
			}
			return drop;
		});
	}

	private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
