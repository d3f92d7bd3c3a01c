package jp.digilab.schedules.inbox.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.schedules.JobStarter;
import jp.digilab.schedules.inbox.InboxProperties;
import jp.digilab.schedules.inbox.InboxWatcher;

/**
 * Drops N small files at once into a job's inbox (and three subfolders) of a temporary
 * home and lets the {@link InboxWatcher}, with its default settings, hand them to a
 * pipeline that only moves them to {@code done/} (no OCR). Measures that each file is
 * handed exactly once, the time from a file becoming stable (its last modification +
 * {@code stable-millis}) to the start of its run, and the peak heap. Run with
 * {@code -Xmx1g}; exits 1 when a target is missed.
 */
public final class IntakeBenchmark {

	private static final String JOB = "bench";

	private static final List<String> FOLDERS = List.of("", "kokurakita", "yahatanishi", "tobata/urgent");

	private IntakeBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int count = 2000;
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--files") && i + 1 < args.length) {
				count = Integer.parseInt(args[++i]);
			}
			else {
				System.err.println("usage: IntakeBenchmark [--files N]");
				System.exit(2);
			}
		}
		System.exit(run(count) ? 0 : 1);
	}

	static boolean run(int count) throws Exception {
		Path root = Files.createTempDirectory("digilab-intake-bench");
		try {
			return run(new DigilabHome(root), count);
		}
		finally {
			try (Stream<Path> walk = Files.walk(root)) {
				walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach((p) -> p.toFile().delete());
			}
		}
	}

	private static boolean run(DigilabHome home, int count) throws Exception {
		InboxProperties properties = InboxProperties.defaults();
		Files.createDirectories(home.jobs());
		Files.writeString(home.jobs().resolve(JOB + ".yml"), "id: " + JOB + "\ntemplates: [form]\ninbox: true\n");
		Files.createDirectories(home.done());
		for (String folder : FOLDERS) {
			Files.createDirectories(home.inbox(JOB).resolve(folder));
		}
		MovingStarter starter = new MovingStarter(home.done());
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		InboxWatcher watcher = new InboxWatcher(home, new JobCatalog(home), starter, properties);
		watcher.start();
		Thread.sleep(properties.pollMillis() * 2);

		long[] stableAt = new long[count];
		byte[] content = new byte[4096];
		long dropStart = System.nanoTime();
		for (int i = 0; i < count; i++) {
			ThreadLocalRandom.current().nextBytes(content);
			Path file = home.inbox(JOB).resolve(FOLDERS.get(i % FOLDERS.size())).resolve(name(i));
			Files.write(file, content);
			stableAt[i] = Files.getLastModifiedTime(file).toMillis() + properties.stableMillis();
		}
		long dropMillis = (System.nanoTime() - dropStart) / 1_000_000;

		long deadline = System.nanoTime() + 120_000_000_000L;
		while (starter.handed.size() < count && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		// time for a file handed twice to show up
		Thread.sleep(properties.stableMillis() + properties.batchWaitMillis() + 1000);
		watcher.stop();
		long peakHeap = heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();

		long[] latencies = new long[count];
		int missing = 0;
		for (int i = 0; i < count; i++) {
			Long started = starter.runStartedAt.get(name(i));
			if (started == null) {
				missing++;
				latencies[i] = Long.MAX_VALUE;
			}
			else {
				latencies[i] = started - stableAt[i];
			}
		}
		Arrays.sort(latencies);
		long twice = starter.handed.values().stream().filter((n) -> n.get() > 1).count();
		long inDone;
		try (Stream<Path> done = Files.list(home.done())) {
			inDone = done.count();
		}
		long leftInInbox;
		try (Stream<Path> inbox = Files.walk(home.inbox(JOB))) {
			leftInInbox = inbox.filter(Files::isRegularFile).count();
		}
		boolean exactlyOnce = missing == 0 && twice == 0 && inDone == count && leftInInbox == 0;
		long p95 = percentile(latencies, 95);
		boolean fast = p95 < 2000;
		boolean small = peakHeap < 1024L * 1024 * 1024;

		System.out.printf("files dropped           %d (4 KB each, into the inbox and 3 subfolders) in %d ms%n", count,
				dropMillis);
		System.out.printf("settings                poll %d ms, stable %d ms, batch wait %d ms, batch size %d%n",
				properties.pollMillis(), properties.stableMillis(), properties.batchWaitMillis(),
				properties.batchSize());
		System.out.printf("runs                    %d (sizes %s)%n", starter.runSizes.size(), starter.runSizes);
		System.out.printf("handed exactly once     %s (missing %d, handed twice %d, in done/ %d, left in inbox %d)%n",
				exactlyOnce ? "yes" : "NO", missing, twice, inDone, leftInInbox);
		System.out.printf("stable -> run start     p50 %d ms, p95 %d ms, max %s ms (target p95 < 2000 ms: %s)%n",
				percentile(latencies, 50), p95, (missing > 0) ? "-" : Long.toString(latencies[count - 1]),
				fast ? "met" : "MISSED");
		System.out.printf("peak heap used          %d MB of %d MB max (target < 1024 MB: %s)%n", peakHeap >> 20,
				Runtime.getRuntime().maxMemory() >> 20, small ? "met" : "MISSED");
		return exactlyOnce && fast && small;
	}

	private static long percentile(long[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

	private static String name(int i) {
		return "scan-%06d.pdf".formatted(i);
	}

	/** The pipeline reduced to its intake: notes the files, moves them to done/. */
	private static final class MovingStarter implements JobStarter {

		final Map<String, AtomicInteger> handed = new ConcurrentHashMap<>();

		final Map<String, Long> runStartedAt = new ConcurrentHashMap<>();

		final List<Integer> runSizes = new CopyOnWriteArrayList<>();

		private final Path done;

		MovingStarter(Path done) {
			this.done = done;
		}

		@Override
		public void start(String jobId, String trigger, List<Path> files) throws IOException {
			long now = System.currentTimeMillis();
			this.runSizes.add(files.size());
			for (Path file : files) {
				String name = file.getFileName().toString();
				this.handed.computeIfAbsent(name, (n) -> new AtomicInteger()).incrementAndGet();
				this.runStartedAt.putIfAbsent(name, now);
				if (Files.isRegularFile(file)) {
					Files.move(file, this.done.resolve(name));
				}
			}
		}

	}

}
