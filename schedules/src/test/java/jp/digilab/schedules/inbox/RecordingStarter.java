package jp.digilab.schedules.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jp.digilab.schedules.JobStarter;

/**
 * A fake pipeline: records the files of each run and claims them by moving them out of
 * the inbox, as the real intake does. It can be told to hold runs, to fail, or to leave
 * the files where they are.
 */
class RecordingStarter implements JobStarter {

	record Run(String jobId, String trigger, List<Path> files, long startedNanos) {
	}

	final List<Run> runs = new CopyOnWriteArrayList<>();

	final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

	final AtomicInteger maxConcurrentSameJob = new AtomicInteger();

	private final Path claimed;

	volatile long holdMillis;

	volatile int failuresLeft;

	volatile boolean claim = true;

	RecordingStarter(Path claimed) {
		this.claimed = claimed;
	}

	@Override
	public void start(String jobId, String trigger, List<Path> files) throws Exception {
		AtomicInteger counter = this.running.computeIfAbsent(jobId, (id) -> new AtomicInteger());
		this.maxConcurrentSameJob.accumulateAndGet(counter.incrementAndGet(), Math::max);
		try {
			this.runs.add(new Run(jobId, trigger, List.copyOf(files), System.nanoTime()));
			if (this.failuresLeft > 0) {
				this.failuresLeft--;
				throw new IllegalStateException("the database is down");
			}
			if (this.claim) {
				for (Path file : files) {
					claim(file);
				}
			}
			Thread.sleep(this.holdMillis);
		}
		finally {
			counter.decrementAndGet();
		}
	}

	private void claim(Path file) throws IOException {
		Path dir = Files.createDirectories(this.claimed.resolve(Integer.toString(this.runs.size())));
		if (Files.isRegularFile(file)) {
			Files.move(file, dir.resolve(file.getFileName()));
		}
	}

	List<Run> runsOf(String jobId) {
		return this.runs.stream().filter((run) -> run.jobId().equals(jobId)).toList();
	}

	List<Path> allFiles() {
		return this.runs.stream().flatMap((run) -> run.files().stream()).toList();
	}

}
