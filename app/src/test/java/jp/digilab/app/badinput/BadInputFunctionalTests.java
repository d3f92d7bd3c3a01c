package jp.digilab.app.badinput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jp.digilab.app.badinput.BadInputCorpus.Fate;
import jp.digilab.app.badinput.BadInputCorpus.Item;
import jp.digilab.app.demo.DemoHomes;
import jp.digilab.jobs.pipeline.PipelineService;
import jp.digilab.jobs.pipeline.RunSummary;
import jp.digilab.jobs.run.RunRepository;
import jp.digilab.schedules.inbox.InboxStatus;
import jp.digilab.schedules.inbox.InboxWatcher;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The bad-input corpus dropped into the inboxes of a running engine (scheduler and
 * watched folders on, as {@code serve} runs it). For each kind: one clear line saying why
 * (in {@code failed/NAME.error.txt}, the watcher's status or the log, or the run's
 * summary), the engine stays up (a good file dropped afterwards is read), nothing is lost
 * (every file ends in {@code done/}, {@code failed/} or {@code duplicates/}, or stays in
 * its inbox). The methods run in order on one engine.
 */
@SpringBootTest(properties = { "digilab.scheduler.enabled=true", "spring.quartz.auto-startup=true",
		"digilab.inbox.poll-millis=200", "digilab.inbox.stable-millis=600", "digilab.inbox.batch-wait-millis=300",
		"digilab.inbox.retry-millis=500", "digilab.inbox.warn-after-attempts=2", "digilab.inbox.settle-seconds=0" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputFunctionalTests {

	static final Path home = prepareHome();

	static final Path outside = home.getParent().resolve("outside-the-inbox.txt");

	/** Files the tests dropped, by inbox-relative location, for the final count. */
	static final List<Path> dropped = new ArrayList<>();

	static boolean readOnlyInbox;

	static boolean fullDisk;

	static boolean lockedFile;

	@Autowired
	InboxWatcher watcher;

	@Autowired
	PipelineService pipeline;

	@Autowired
	RunRepository runs;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		registry.add("digilab.home", home::toString);
	}

	static Path prepareHome() {
		try {
			Path home = DemoHomes.freshCopy();
			Files.move(home.resolve("inbox/juminhyo"), home.resolve("sample-scans"));
			Files.delete(home.resolve("schedules/nightly-juminhyo.yml"));
			Files.delete(home.resolve("jobs/juminhyo.yml"));
			job(home, "intake", "juminhyo-request", null);
			job(home, "fulldisk", "juminhyo-request", null);
			job(home, "readonly", "juminhyo-request", null);
			job(home, "badtemplate", "broken", null);
			job(home, "badrobot", "juminhyo-request", "broken-robot");
			Files.writeString(home.resolve("templates/broken.yml"), BadInputCorpus.BROKEN_TEMPLATE);
			Files.writeString(home.resolve("robots/broken-robot.yml"), BadInputCorpus.BROKEN_ROBOT);
			Files.writeString(home.resolve("jobs/broken-job.yml"), BadInputCorpus.BROKEN_JOB);
			Files.writeString(home.resolve("schedules/broken-schedule.yml"), BadInputCorpus.BROKEN_SCHEDULE);
			BadInputCorpus.writeFailing(home.resolve("staging"), home.resolve("sample-scans/scan-004.pdf"),
					home.resolve("sample-scans/scan-003.png"));
			// a read-only inbox: as root, permissions do not stop writes; the immutable
			// attribute does (chattr needs root or CAP_LINUX_IMMUTABLE)
			Path readonly = Files.createDirectories(home.resolve("inbox/readonly"));
			Files.writeString(readonly.resolve("waiting.pdf"), "stays here\n");
			readOnlyInbox = BadInputCorpus.system("chattr", "+i", readonly.toString());
			// a full output disk: a 64 KiB tmpfs as this job's output folder, filled up
			Path out = Files.createDirectories(home.resolve("out/fulldisk"));
			fullDisk = BadInputCorpus.system("mount", "-t", "tmpfs", "-o", "size=64k", "digilab-full", out.toString())
					&& BadInputCorpus.system("sh", "-c", "cat /dev/zero > '" + out.resolve("filler") + "'; true");
			return home;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void job(Path home, String id, String template, String robot) throws IOException {
		Files.writeString(home.resolve("jobs/" + id + ".yml"),
				"id: " + id + "\ntitle: bad input " + id + "\ndepartment: 戸畑区 市民課\ntemplates: [" + template
						+ "]\ninbox: true\n"
						+ "outputs: { xlsx: true, csv: true }\nhoursSaved: { manualMinutesPerItem: 5 }\n"
						+ ((robot != null) ? "robot: " + robot + "\n" : ""));
	}

	@AfterAll
	static void release() {
		BadInputCorpus.system("chattr", "-i", home.resolve("inbox/readonly").toString());
		BadInputCorpus.system("chattr", "-i", home.resolve("inbox/intake/locked.pdf").toString());
		if (fullDisk) {
			BadInputCorpus.system("umount", home.resolve("out/fulldisk").toString());
		}
	}

	@Test
	@Order(1)
	void everyBadFileEndsInFailedWithItsOwnOneLineReason() throws Exception {
		Path inbox = Files.createDirectories(home.resolve("inbox/intake"));
		Files.writeString(outside, "a file outside the inbox\n");
		Files.createSymbolicLink(inbox.resolve("link-outside.pdf"), outside);
		BadInputCorpus.system("mkfifo", inbox.resolve("pipe.pdf").toString());
		Files.writeString(inbox.resolve("locked.pdf"), "locked by another program\n");
		boolean locked = BadInputCorpus.system("chattr", "+i", inbox.resolve("locked.pdf").toString());
		lockedFile = locked;
		// a scan still being written while everything else arrives
		byte[] scan = Files.readAllBytes(home.resolve("sample-scans/scan-001.png"));
		Thread writer = new Thread(
				() -> BadInputCorpus.writeSlowly(scan, inbox.resolve("still-being-written.png"), 10, 250));
		writer.start();
		for (Item item : BadInputCorpus.FAILING) {
			Files.move(home.resolve("staging").resolve(item.name()), inbox.resolve(item.name()));
		}
		writer.join();

		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			for (Item item : BadInputCorpus.FAILING) {
				assertThat(home.resolve("failed").resolve(item.name())).as(item.kind()).exists();
			}
			assertThat(home.resolve("done/still-being-written.png")).exists();
		});
		SoftAssertions soft = new SoftAssertions();
		for (Item item : BadInputCorpus.FAILING) {
			Optional<String> reason = errorNote(item.name());
			soft.assertThat(reason).as("%s: failed/…error.txt", item.kind()).isPresent();
			reason.ifPresent((line) -> soft.assertThat(line)
				.as(item.kind())
				.matches(java.util.regex.Pattern.quote(item.name()) + ": " + item.reason()));
			soft.assertThat(inbox.resolve(item.name())).as(item.kind() + " left the inbox").doesNotExist();
		}
		// the names stay names: nothing was written outside the home's folders
		try (Stream<Path> escaped = Files.walk(home.getParent())) {
			soft.assertThat(escaped.map((p) -> p.getFileName().toString()).filter((n) -> n.startsWith("escape")))
				.isEmpty();
		}
		// the log lines of a run carry its id (MDC), also from the OCR worker threads
		String runId = this.jdbc.sql("select run_id from dl_file where name = 'blank.png'")
			.query(String.class)
			.single();
		soft.assertThat(log().lines().filter((l) -> l.contains("[run=" + runId + " ")))
			.anyMatch((l) -> l.contains("blank.png failed: blank.png: page 1: blank page"))
			.anyMatch((l) -> l.contains("[ocr-"));
		// the file written slowly was taken once complete, not half-written
		soft.assertThat(records("still-being-written.png")).isEqualTo(1);
		soft.assertThat(home.resolve("failed/still-being-written.png")).doesNotExist();
		soft.assertAll();
		this.dropped.addAll(BadInputCorpus.FAILING.stream().map((i) -> inbox.resolve(i.name())).toList());
		this.dropped.add(inbox.resolve("still-being-written.png"));
		if (!locked) {
			// without chattr the "locked" file was an ordinary one and was read with the
			// rest
			this.dropped.add(inbox.resolve("locked.pdf"));
		}
	}

	@Test
	@Order(2)
	void filesThatCannotBeTakenStayVisiblyInTheInboxWithAReason() throws Exception {
		Path inbox = home.resolve("inbox/intake");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(log()).contains("link-outside.pdf is a link; links are never taken")
				.contains("pipe.pdf is not a regular file (a pipe or device); never taken"));
		assertThat(inbox.resolve("link-outside.pdf")).isSymbolicLink();
		assertThat(outside).hasContent("a file outside the inbox");
		assertThat(home.resolve("failed/link-outside.pdf")).doesNotExist();
		assertThat(home.resolve("done/link-outside.pdf")).doesNotExist();
		assertThat(inbox.resolve("pipe.pdf")).exists();

		Path locked = inbox.resolve("locked.pdf");
		assumeThat(lockedFile).as("chattr +i (root) needed for a locked file").isTrue();
		// a file another program holds (immutable here): not claimed, retried, said why
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(log())
				.contains("locked.pdf cannot be moved out of the inbox (FileSystemException: Operation not permitted)")
				.contains("locked.pdf was handed to 2 runs and is still in the inbox"));
		assertThat(locked).exists();
		assertThat(status("intake").lastError()).isNotNull();
		// released, it is taken at the next attempt and gets its reason like any other
		BadInputCorpus.system("chattr", "-i", locked.toString());
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(errorNote("locked.pdf")).get().asString().matches("locked.pdf: unknown format.*"));
		this.dropped.add(locked);
	}

	@Test
	@Order(3)
	void brokenDefinitionsAndAReadOnlyInboxLeaveTheFilesInTheInboxWithTheReason() throws Exception {
		Path badTemplate = Files.createDirectories(home.resolve("inbox/badtemplate"));
		Path badRobot = Files.createDirectories(home.resolve("inbox/badrobot"));
		Path brokenJob = Files.createDirectories(home.resolve("inbox/broken-job"));
		Files.copy(home.resolve("sample-scans/scan-002.png"), badTemplate.resolve("form.png"));
		Files.copy(home.resolve("sample-scans/scan-002.png"), badRobot.resolve("form.png"));
		Files.copy(home.resolve("sample-scans/scan-002.png"), brokenJob.resolve("form.png"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(status("badtemplate").lastError()).contains("templates/broken.yml")
				.contains("the files stay in the inbox until it is fixed");
			assertThat(status("badrobot").lastError()).contains("robots/broken-robot.yml")
				.contains("the files stay in the inbox until it is fixed");
			assertThat(log()).contains("A job definition cannot be read, so its inbox (if any) is not watched")
				.contains("jobs/broken-job.yml")
				.contains("schedules/broken-schedule.yml");
		});
		assertThat(badTemplate.resolve("form.png")).exists();
		assertThat(badRobot.resolve("form.png")).exists();
		assertThat(brokenJob.resolve("form.png")).exists();
		assertThat(home.resolve("work")).isDirectoryNotContaining("glob:**/form.png");
		// one line for the broken schedule, naming the file and what is wrong
		assertThat(log().lines().filter((l) -> l.contains("broken-schedule.yml"))).first().asString().contains("cron");
		this.dropped.addAll(
				List.of(badTemplate.resolve("form.png"), badRobot.resolve("form.png"), brokenJob.resolve("form.png")));

		assumeThat(readOnlyInbox).as("chattr +i (root) needed for a read-only inbox").isTrue();
		assertThat(status("readonly").lastError())
			.contains("cannot be read and written by this process; files dropped there are not taken");
		assertThat(home.resolve("inbox/readonly/waiting.pdf")).exists();
		this.dropped.add(home.resolve("inbox/readonly/waiting.pdf"));
	}

	@Test
	@Order(4)
	void aFullOutputDiskFailsTheRunWithTheReasonAndLosesNothing() throws Exception {
		assumeThat(fullDisk).as("mount -t tmpfs (root) needed for a full output disk").isTrue();
		Path inbox = Files.createDirectories(home.resolve("inbox/fulldisk"));
		Files.copy(home.resolve("sample-scans/scan-004.pdf"), inbox.resolve("form.pdf"));
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(this.runs.lastRun("fulldisk"))
				.hasValueSatisfying((run) -> assertThat(run.status()).isEqualTo("FAILED")));
		// the scan is read and kept, its record is stored: only the outputs are missing
		assertThat(home.resolve("done/form.pdf")).exists();
		String runId = this.runs.lastRun("fulldisk").orElseThrow().runId();
		assertThat(this.runs.records(runId)).hasSize(1);
		assertThat(log().lines().filter((l) -> l.contains("Run " + runId + " of job fulldisk failed: ")))
			.singleElement()
			.asString()
			.contains("No space left on device")
			.contains("--restart");
		// space freed, the run is restarted and writes its outputs
		Files.delete(home.resolve("out/fulldisk/filler"));
		RunSummary restarted = this.pipeline.restartLast("fulldisk").orElseThrow();
		assertThat(restarted.status()).isEqualTo("COMPLETED");
		assertThat(restarted.outputs()).anyMatch((o) -> o.endsWith(".xlsx")).anyMatch((o) -> o.endsWith(".csv"));
		this.dropped.add(inbox.resolve("form.pdf"));
	}

	@Test
	@Order(5)
	void theEngineStillReadsAGoodFileAfterwardsAndNothingIsLost() throws Exception {
		Path inbox = home.resolve("inbox/intake");
		Files.copy(home.resolve("sample-scans/scan-002.png"), inbox.resolve("good-afterwards.png"));
		Files.copy(home.resolve("sample-scans/scan-001.png"), inbox.resolve("same-as-before.png"));
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			assertThat(home.resolve("done/good-afterwards.png")).exists();
			assertThat(home.resolve("duplicates/same-as-before.png.duplicate.txt")).exists();
		});
		assertThat(records("good-afterwards.png")).isEqualTo(1);
		this.dropped.add(inbox.resolve("good-afterwards.png"));
		this.dropped.add(inbox.resolve("same-as-before.png"));

		// every file dropped is in done/, failed/, duplicates/ or still in its inbox
		SoftAssertions soft = new SoftAssertions();
		for (Path file : this.dropped) {
			String name = file.getFileName().toString();
			boolean somewhere = Files.exists(file) || Files.exists(home.resolve("done").resolve(name))
					|| Files.exists(home.resolve("failed").resolve(name))
					|| Files.exists(home.resolve("duplicates").resolve(name));
			soft.assertThat(somewhere).as("%s is somewhere", name).isTrue();
		}
		// and no run left a file behind in work/
		try (Stream<Path> work = Files.walk(home.resolve("work"))) {
			soft.assertThat(work.filter(Files::isRegularFile).filter((p) -> !p.toString().contains("/.runs/")))
				.isEmpty();
		}
		soft.assertAll();
	}

	private InboxStatus status(String jobId) {
		return this.watcher.status()
			.stream()
			.filter((s) -> s.jobId().equals(jobId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("inbox of " + jobId + " not watched"));
	}

	private int records(String sourceFile) {
		return this.jdbc.sql("select count(*) from dl_record where source_file = ?")
			.param(sourceFile)
			.query(Integer.class)
			.single();
	}

	/** The first line of the error note whose file it names. */
	static Optional<String> errorNote(String name) throws IOException {
		try (Stream<Path> notes = Files.list(home.resolve("failed"))) {
			for (Path note : notes.filter((p) -> p.getFileName().toString().endsWith(".error.txt")).toList()) {
				String first = Files.readAllLines(note, StandardCharsets.UTF_8).get(0);
				if (first.startsWith(name + ": ")) {
					return Optional.of(first);
				}
			}
		}
		return Optional.empty();
	}

	/** What the engine logged (every line of this test JVM, see TestRunLog). */
	static String log() throws IOException {
		return Files.readString(jp.digilab.app.logscan.TestRunLog.FILE, StandardCharsets.UTF_8);
	}

}
