package jp.digilab.schedules.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.home.DigilabHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watcher against a real folder and a fake pipeline, with short delays: stable after
 * 300 ms, batches gathered for 200 ms, polled every 50 ms.
 */
class InboxWatcherTests {

	private static final Duration PATIENCE = Duration.ofSeconds(5);

	@TempDir
	Path root;

	private DigilabHome home;

	private RecordingStarter starter;

	private final Set<Path> locked = ConcurrentHashMap.newKeySet();

	private InboxWatcher watcher;

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	@BeforeEach
	void setUp() throws IOException {
		this.home = new DigilabHome(this.root);
		this.starter = new RecordingStarter(this.root.resolve("claimed"));
		Files.createDirectories(this.home.jobs());
		job("juminhyo", true);
		this.log.start();
		((Logger) LoggerFactory.getLogger(InboxWatcher.class)).addAppender(this.log);
	}

	@AfterEach
	void tearDown() {
		if (this.watcher != null) {
			this.watcher.stop();
		}
		((Logger) LoggerFactory.getLogger(InboxWatcher.class)).detachAppender(this.log);
	}

	@Test
	void halfWrittenFileIsTakenOnlyOnceItStopsGrowing() throws Exception {
		start(properties(200));
		Path scan = inbox("juminhyo").resolve("scan-001.pdf");
		long lastWrite = 0;
		for (int i = 0; i < 8; i++) {
			Files.write(scan, new byte[1024 * (i + 1)]);
			lastWrite = System.nanoTime();
			Thread.sleep(120);
			assertThat(this.starter.runs).isEmpty();
		}
		await().atMost(PATIENCE).until(() -> this.starter.runs.size() == 1);
		RecordingStarter.Run run = this.starter.runs.get(0);
		assertThat(run.files()).containsExactly(scan);
		assertThat(run.trigger()).isEqualTo("inbox");
		assertThat(Duration.ofNanos(run.startedNanos() - lastWrite)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void filesDroppedTogetherGoToOneRun() throws Exception {
		start(properties(200));
		List<Path> files = drop("juminhyo", 60);
		await().atMost(PATIENCE).until(() -> this.starter.allFiles().size() == 60);
		Thread.sleep(400);
		assertThat(this.starter.runs).hasSize(1);
		assertThat(this.starter.runs.get(0).files()).containsExactlyInAnyOrderElementsOf(files);
	}

	@Test
	void batchSizeCapsARunAndTheRestFollowsWithoutOverlap() throws Exception {
		this.starter.holdMillis = 150;
		start(properties(10));
		List<Path> files = drop("juminhyo", 25);
		await().atMost(PATIENCE).until(() -> this.starter.allFiles().size() == 25);
		assertThat(this.starter.runs).extracting((run) -> run.files().size()).containsExactly(10, 10, 5);
		assertThat(this.starter.allFiles()).containsExactlyInAnyOrderElementsOf(files);
		assertThat(this.starter.maxConcurrentSameJob.get()).isEqualTo(1);
	}

	@Test
	void sameFileDroppedAgainDuringItsRunGoesToTheNextRun() throws Exception {
		this.starter.holdMillis = 800;
		start(properties(200));
		Path scan = inbox("juminhyo").resolve("scan-001.pdf");
		Files.writeString(scan, "same scan");
		await().atMost(PATIENCE).until(() -> this.starter.runs.size() == 1);
		Files.writeString(scan, "same scan");
		Thread.sleep(600);
		assertThat(this.starter.runs).hasSize(1);
		await().atMost(PATIENCE).until(() -> this.starter.runs.size() == 2);
		assertThat(this.starter.runs).extracting(RecordingStarter.Run::files)
			.containsExactly(List.of(scan), List.of(scan));
		assertThat(this.starter.maxConcurrentSameJob.get()).isEqualTo(1);
		assertThat(logLines()).noneMatch((line) -> line.contains("not claimed"));
	}

	@Test
	void fileThatVanishesWhileQueuedIsDroppedFromTheBatch() throws Exception {
		start(new InboxProperties(true, 50, 300, 1500, 200, 100, 2));
		Path kept = inbox("juminhyo").resolve("kept.pdf");
		Path gone = inbox("juminhyo").resolve("gone.pdf");
		Files.writeString(kept, "a");
		Files.writeString(gone, "b");
		await().atMost(PATIENCE).until(() -> status("juminhyo").queued() == 2);
		Files.delete(gone);
		await().atMost(PATIENCE).until(() -> this.starter.runs.size() == 1);
		assertThat(this.starter.runs.get(0).files()).containsExactly(kept);
		assertThat(logLines()).filteredOn((line) -> line.contains("gone.pdf"))
			.containsExactly("Inbox of job 'juminhyo': gone.pdf vanished from the inbox before its run; "
					+ "dropped from the batch");
	}

	@Test
	void unreadableFileIsRetriedUntilItCanBeRead() throws Exception {
		Path busy = inbox("juminhyo").resolve("busy.pdf");
		this.locked.add(busy);
		start(properties(200));
		Files.writeString(busy, "held open by the scanner");
		Path free = inbox("juminhyo").resolve("free.pdf");
		Files.writeString(free, "free");
		await().atMost(PATIENCE).until(() -> this.starter.runs.size() == 1);
		assertThat(this.starter.runs.get(0).files()).containsExactly(free);
		assertThat(status("juminhyo").lastError())
			.isEqualTo("busy.pdf is busy or cannot be opened for reading; retried later");
		Thread.sleep(700);
		assertThat(this.starter.runs).hasSize(1);
		assertThat(status("juminhyo").waiting()).isEqualTo(1);

		this.locked.remove(busy);

		await().atMost(PATIENCE).until(() -> this.starter.runs.size() == 2);
		assertThat(this.starter.runs.get(1).files()).containsExactly(busy);
		assertThat(logLines()).filteredOn((line) -> line.contains("busy.pdf is busy")).hasSize(1);
	}

	@Test
	void jobWithoutInboxIsNotWatched() throws Exception {
		job("koseki", false);
		Files.createDirectories(this.home.inbox("koseki"));
		Path left = Files.writeString(this.home.inbox("koseki").resolve("scan.pdf"), "x");
		start(properties(200));
		Path taken = Files.writeString(inbox("juminhyo").resolve("scan.pdf"), "y");
		await().atMost(PATIENCE).until(() -> this.starter.runs.size() == 1);
		Thread.sleep(300);
		assertThat(this.starter.runs).singleElement().satisfies((run) -> {
			assertThat(run.jobId()).isEqualTo("juminhyo");
			assertThat(run.files()).containsExactly(taken);
		});
		assertThat(left).exists();
		assertThat(this.watcher.status()).extracting(InboxStatus::jobId).containsExactly("juminhyo");
	}

	@Test
	void subfoldersAreWatchedAndWorkFilesIgnored() throws Exception {
		start(properties(200));
		Path inbox = inbox("juminhyo");
		Path department = write(inbox.resolve("kokurakita/scan-1.pdf"));
		Path tag = write(inbox.resolve("urgent/2026-04/scan-2.tif"));
		List<Path> ignored = List.of(write(inbox.resolve(".scan-3.pdf")), write(inbox.resolve("scan-4.pdf.part")),
				write(inbox.resolve("kokurakita/scan-5.TMP")), write(inbox.resolve("~$form.xlsx")),
				write(inbox.resolve(".sync/scan-6.pdf")), write(inbox.resolve("Thumbs.db")));
		await().atMost(PATIENCE).until(() -> this.starter.runs.size() == 1);
		Thread.sleep(500);
		assertThat(this.starter.runs).singleElement()
			.satisfies((run) -> assertThat(run.files()).containsExactlyInAnyOrder(department, tag));
		assertThat(ignored).allMatch(Files::exists);
	}

	@Test
	void watcherSurvivesAStarterThatThrows() throws Exception {
		this.starter.failuresLeft = 1;
		start(properties(200));
		Path scan = Files.writeString(inbox("juminhyo").resolve("scan.pdf"), "x");
		await().atMost(PATIENCE).until(() -> this.starter.runs.size() == 2);
		assertThat(this.starter.runs).extracting(RecordingStarter.Run::files)
			.containsExactly(List.of(scan), List.of(scan));
		assertThat(scan).doesNotExist();
		assertThat(logLines())
			.contains("Inbox of job 'juminhyo': run of job 'juminhyo' failed: " + "java.lang.IllegalStateException");
		Path later = Files.writeString(inbox("juminhyo").resolve("later.pdf"), "y");
		await().atMost(PATIENCE).until(() -> this.starter.runs.size() == 3);
		assertThat(this.starter.runs.get(2).files()).containsExactly(later);
	}

	@Test
	void fileLeftInTheInboxIsRetriedWithAWarningAfterSomeAttempts() throws Exception {
		this.starter.claim = false;
		start(properties(200));
		Files.writeString(inbox("juminhyo").resolve("stuck.pdf"), "x");
		await().atMost(PATIENCE).until(() -> this.starter.runs.size() >= 3);
		assertThat(logLines()).filteredOn((line) -> line.contains("still in the inbox"))
			.containsExactly("Inbox of job 'juminhyo': stuck.pdf was handed to 2 runs and is still in the inbox; "
					+ "it keeps being retried");
		assertThat(this.starter.maxConcurrentSameJob.get()).isEqualTo(1);
	}

	@Test
	void unusableInboxIsReportedOnceAndOtherJobsGoOn() throws Exception {
		job("koseki", true);
		Files.createDirectories(this.home.root().resolve("inbox"));
		Files.writeString(this.home.inbox("koseki"), "a file where the folder should be");
		start(properties(200));
		Path scan = Files.writeString(inbox("juminhyo").resolve("scan.pdf"), "x");
		await().atMost(PATIENCE).until(() -> this.starter.runs.size() == 1);
		Thread.sleep(300);
		assertThat(this.starter.runs.get(0).files()).containsExactly(scan);
		assertThat(logLines()).filteredOn((line) -> line.startsWith("Inbox of job 'koseki'"))
			.containsExactly("Inbox of job 'koseki': inbox " + this.home.inbox("koseki")
					+ " is not a folder; files dropped there are not taken until this is fixed");
		assertThat(status("koseki").lastError()).contains("is not a folder");
	}

	@Test
	void differentJobsRunInParallel() throws Exception {
		job("koseki", true);
		this.starter.holdMillis = 1000;
		start(properties(200));
		Files.writeString(inbox("juminhyo").resolve("a.pdf"), "a");
		Files.writeString(inbox("koseki").resolve("b.pdf"), "b");
		await().atMost(PATIENCE)
			.until(() -> this.starter.running.values().stream().mapToInt((c) -> c.get()).sum() == 2);
		assertThat(this.watcher.status()).allSatisfy((status) -> {
			assertThat(status.running()).isTrue();
			assertThat(status.inRun()).isEqualTo(1);
			assertThat(status.lastPickup()).isNotNull();
		});
	}

	private InboxProperties properties(int batchSize) {
		return new InboxProperties(true, 50, 300, 200, batchSize, 100, 2);
	}

	private void start(InboxProperties properties) {
		this.watcher = new InboxWatcher(this.home, new JobCatalog(this.home), this.starter, properties,
				(file) -> !this.locked.contains(file));
		this.watcher.start();
	}

	private void job(String id, boolean inbox) throws IOException {
		Files.writeString(this.home.jobs().resolve(id + ".yml"),
				"id: " + id + "\ntemplates: [form]\ninbox: " + inbox + "\n");
	}

	private Path inbox(String jobId) throws IOException {
		return Files.createDirectories(this.home.inbox(jobId));
	}

	private List<Path> drop(String jobId, int count) throws IOException {
		Path inbox = inbox(jobId);
		List<Path> files = new java.util.ArrayList<>();
		for (int i = 0; i < count; i++) {
			files.add(Files.writeString(inbox.resolve("scan-%03d.pdf".formatted(i)), "scan " + i));
		}
		return files;
	}

	private static Path write(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.writeString(file, file.getFileName().toString());
	}

	private InboxStatus status(String jobId) {
		return this.watcher.status()
			.stream()
			.filter((status) -> status.jobId().equals(jobId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No inbox status for " + jobId));
	}

	private List<String> logLines() {
		return this.log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

}
