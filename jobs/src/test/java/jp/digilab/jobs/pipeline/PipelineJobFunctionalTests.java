package jp.digilab.jobs.pipeline;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jp.digilab.jobs.ledger.LedgerEntry;
import jp.digilab.jobs.ledger.LedgerRepository;
import jp.digilab.jobs.run.RunRepository;
import jp.digilab.jobs.review.ReviewException;
import jp.digilab.jobs.review.ReviewItem;
import jp.digilab.jobs.review.ReviewService;
import jp.digilab.jobs.run.StoredRecord;
import org.junit.jupiter.api.BeforeAll;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The pipeline job on real Tesseract and the JDBC job repository in an H2 file database,
 * without a robot: a good scan goes through, bad files end in failed/ with a reason, and
 * a file dropped again is recognised as a duplicate.
 */
@SpringBootTest(properties = "digilab.inbox.settle-seconds=0")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineJobFunctionalTests {

	static final Path SAMPLES = Path.of("..", "samples", "home");

	static final Path home = tempHome();

	@Autowired
	PipelineService pipeline;

	@Autowired
	RunRepository runs;

	@Autowired
	LedgerRepository ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReviewService review;

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		registry.add("digilab.home", home::toString);
	}

	static Path tempHome() {
		try {
			return Files.createTempDirectory("digilab-jobs-test");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@BeforeAll
	static void givenAHomeWithGoodAndBadScans() throws Exception {
		Files.createDirectories(home.resolve("templates"));
		Files.createDirectories(home.resolve("jobs"));
		Path inbox = Files.createDirectories(home.resolve("inbox/intake-only/kokurakita"));
		try (Stream<Path> templates = Files.list(SAMPLES.resolve("templates"))) {
			for (Path t : templates.toList()) {
				Files.copy(t, home.resolve("templates").resolve(t.getFileName()));
			}
		}
		Files.writeString(home.resolve("jobs/intake-only.yml"), """
				id: intake-only
				title: 読取と出力のみ
				department: 八幡西区 市民課
				templates: [juminhyo-request]
				inbox: true
				outputs:
				  xlsx: true
				  csv: { encoding: utf-8-bom }
				  searchablePdf: true
				hoursSaved:
				  manualMinutesPerItem: 4
				""");
		Files.copy(SAMPLES.resolve("inbox/juminhyo/scan-001.png"), inbox.resolve("scan-001.png"));
		Files.write(inbox.resolve("truncated.png"),
				java.util.Arrays.copyOf(Files.readAllBytes(SAMPLES.resolve("inbox/juminhyo/scan-002.png")), 2000));
		Files.write(inbox.resolve("empty.pdf"), new byte[0]);
	}

	@Test
	@Order(1)
	void goodScanGoesThroughAndBadFilesFailWithAReason() throws Exception {
		RunSummary summary = this.pipeline.run("intake-only", List.of());

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.files()).isEqualTo(3);
		assertThat(summary.filesFailed()).isEqualTo(2);
		assertThat(summary.records()).isEqualTo(1);
		assertThat(summary.exitCode()).isEqualTo(3);
		assertThat(summary.failures()).hasSize(2)
			.anySatisfy((f) -> assertThat(f).startsWith("truncated.png: "))
			.anySatisfy((f) -> assertThat(f).startsWith("empty.pdf: "));
		assertThat(home.resolve("done/scan-001.png")).exists();
		assertThat(home.resolve("failed/truncated.png")).exists();
		assertThat(home.resolve("failed/truncated.png.error.txt")).content().contains("truncated.png");
		assertThat(home.resolve("failed/empty.pdf.error.txt")).content().contains("empty.pdf");
		assertThat(home.resolve("inbox/intake-only/kokurakita")).isEmptyDirectory();
		assertThat(summary.outputs()).anySatisfy((o) -> assertThat(o).endsWith(".xlsx"))
			.anySatisfy((o) -> assertThat(o).endsWith(".csv"))
			.anySatisfy(
					(o) -> assertThat(Path.of(o).getFileName().toString()).startsWith("manifest").endsWith(".json"));
		assertThat(summary.outputs())
			.allSatisfy((o) -> assertThat(Path.of(o)).exists().startsWith(home.resolve("out/intake-only")));

		List<StoredRecord> records = this.runs.records(summary.runId());
		assertThat(records).singleElement().satisfies((r) -> {
			assertThat(r.sourceFile()).isEqualTo("scan-001.png");
			assertThat(r.templateId()).isEqualTo("juminhyo-request");
			assertThat(r.pages()).containsExactly(1);
		});
		LedgerEntry entry = this.ledger.findAll()
			.stream()
			.filter((e) -> e.runId().equals(summary.runId()))
			.findFirst()
			.orElseThrow();
		assertThat(entry.department()).isEqualTo("八幡西区 市民課");
		assertThat(entry.recordsFailed()).isEqualTo(2);
		int through = (records.get(0).status() == StoredRecord.RecordState.APPROVED) ? 1 : 0;
		assertThat(entry.recordsSucceeded()).isEqualTo(through);
		assertThat(entry.savedMinutes()).isEqualByComparingTo(BigDecimal.valueOf(4L * through));
	}

	@Test
	@Order(2)
	void aFileDroppedAgainIsSetAsideAsADuplicate() throws Exception {
		Files.copy(home.resolve("done/scan-001.png"), home.resolve("inbox/intake-only/scan-001-again.png"));

		RunSummary summary = this.pipeline.run("intake-only", List.of());

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.files()).isZero();
		assertThat(summary.records()).isZero();
		assertThat(home.resolve("duplicates/scan-001-again.png")).exists();
		assertThat(home.resolve("duplicates/scan-001-again.png.duplicate.txt")).content().contains("scan-001.png");
	}

	@Test
	@Order(3)
	void aRunThatFailsPartWayIsRestartedWithoutDuplicates() throws Exception {
		// given a run whose export cannot write: out/intake-only is a file, not a folder
		Files.copy(SAMPLES.resolve("inbox/juminhyo/scan-003.png"), home.resolve("inbox/intake-only/scan-003.png"));
		Path out = home.resolve("out/intake-only");
		Files.move(out, home.resolve("out/earlier-runs"));
		Files.writeString(out, "in the way");

		RunSummary failed = this.pipeline.run("intake-only", List.of());

		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(failed.records()).isEqualTo(1);
		assertThat(failed.outputs()).isEmpty();
		assertThat(home.resolve("done/scan-003.png")).exists();

		// when the cause is removed and the run restarted
		Files.delete(out);
		RunSummary restarted = this.pipeline.restartLast("intake-only").orElseThrow();

		// then it resumes with the export: the committed record is neither read nor
		// stored twice
		assertThat(restarted.runId()).isEqualTo(failed.runId());
		assertThat(restarted.status()).isEqualTo("COMPLETED");
		assertThat(this.runs.records(failed.runId())).hasSize(1);
		assertThat(this.runs.files(failed.runId())).hasSize(1);
		assertThat(restarted.outputs()).hasSize(4).allSatisfy((o) -> assertThat(Path.of(o)).exists());
		assertThat(this.ledger.findAll()).filteredOn((e) -> e.runId().equals(failed.runId())).hasSize(1);
		assertThat(this.pipeline.restartLast("intake-only")).isEmpty();
		// the day's manifest.json indexes both runs of the day that wrote outputs
		Path day = Path.of(restarted.outputs().get(0)).getParent();
		String index = Files.readString(day.resolve("manifest.json"));
		assertThat(index).contains(restarted.runId()).contains("\"job\"");
		try (Stream<Path> manifests = Files.list(day)) {
			assertThat(manifests.filter((f) -> f.getFileName().toString().startsWith("manifest_"))).hasSize(1);
		}
	}

	@Test
	@Order(4)
	void filesNamedFromElsewhereAreCopiedAndLeftInPlace() throws Exception {
		Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
		Path scan = Files.copy(SAMPLES.resolve("inbox/juminhyo/scan-004.pdf"), elsewhere.resolve("scan-004.pdf"));

		RunSummary summary = this.pipeline.run("intake-only", List.of(scan));

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.files()).isEqualTo(1);
		assertThat(summary.records()).isEqualTo(1);
		assertThat(scan).exists();
		assertThat(home.resolve("done/scan-004.pdf")).exists();
		assertThat(home.resolve("work/.runs/" + summary.runId() + ".files")).doesNotExist();
	}

	@Test
	@Order(5)
	void aRunLeftStartedByACrashIsRecoveredAndRestarted() throws Exception {
		// given a run that stopped in its export step and was left STARTED, as a kill -9
		// leaves it
		Files.copy(SAMPLES.resolve("inbox/juminhyo/scan-002.png"), home.resolve("inbox/intake-only/scan-002.png"));
		Path out = home.resolve("out/intake-only");
		Files.move(out, home.resolve("out/earlier-runs-2"));
		Files.writeString(out, "in the way");
		RunSummary failed = this.pipeline.run("intake-only", List.of());
		long execution = this.runs.findRun(failed.runId()).orElseThrow().jobExecutionId();
		this.jdbc
			.sql("update BATCH_JOB_EXECUTION set STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = null "
					+ "where JOB_EXECUTION_ID = ?")
			.param(execution)
			.update();
		this.jdbc
			.sql("update BATCH_STEP_EXECUTION set STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', END_TIME = null "
					+ "where JOB_EXECUTION_ID = ? and STEP_NAME = 'exportStep'")
			.param(execution)
			.update();
		// by a process that is gone (this one, the node taking over, is alive)
		this.jdbc
			.sql("update dl_run set status = 'STARTED', ended_at = null, node_id = 'a-killed-process' "
					+ "where run_id = ?")
			.param(failed.runId())
			.update();
		Files.delete(out);

		// when the server starts
		List<RunSummary> recovered = this.pipeline.recoverInterrupted();

		// then the run is marked failed, restarted and completed, its record stored once
		assertThat(recovered).singleElement().satisfies((summary) -> {
			assertThat(summary.runId()).isEqualTo(failed.runId());
			assertThat(summary.status()).isEqualTo("COMPLETED");
			assertThat(summary.records()).isEqualTo(1);
		});
		assertThat(this.runs.records(failed.runId())).hasSize(1);
		assertThat(this.pipeline.recoverInterrupted()).isEmpty();
	}

	@Test
	@Order(6)
	void reviewedRecordsGoOutAfterApprovalAndReviewTimeIsSubtracted() throws Exception {
		// given a template so strict that every record needs review
		Files.writeString(home.resolve("templates/juminhyo-strict.yml"),
				Files.readString(home.resolve("templates/juminhyo-request.yml"))
					.replace("id: juminhyo-request", "id: juminhyo-strict")
					.replace("minConfidence: 0.60", "minConfidence: 0.999"));
		Files.writeString(home.resolve("jobs/strict.yml"), """
				id: strict
				department: 門司区 市民課
				templates: [juminhyo-strict]
				outputs: { xlsx: true, csv: true }
				hoursSaved: { manualMinutesPerItem: 4 }
				""");
		Path inbox = Files.createDirectories(home.resolve("inbox/strict"));
		// re-encoded, so that they are not the duplicates of the scans read by the tests
		// before
		javax.imageio.ImageIO.write(javax.imageio.ImageIO.read(SAMPLES.resolve("inbox/juminhyo/scan-001.png").toFile()),
				"png", inbox.resolve("a.png").toFile());
		javax.imageio.ImageIO.write(javax.imageio.ImageIO.read(SAMPLES.resolve("inbox/juminhyo/scan-003.png").toFile()),
				"png", inbox.resolve("b.png").toFile());
		RunSummary run = this.pipeline.run("strict", List.of());
		assertThat(run.failures()).isEmpty();
		assertThat(run.files()).isEqualTo(2);
		assertThat(run.needsReview()).isEqualTo(2);
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(this.ledger.findAll()).filteredOn((e) -> e.runId().equals(run.runId()))
			.singleElement()
			.satisfies((e) -> assertThat(e.savedMinutes()).isEqualByComparingTo("0"));

		// when a reviewer corrects and approves one record and rejects the other
		List<ReviewItem> queue = this.review.queue("門司区 市民課");
		assertThat(queue).hasSize(2).allSatisfy((item) -> assertThat(item.doubtfulFields()).isNotEmpty());
		assertThat(this.review.queue("小倉北区 市民課")).isEmpty();
		ReviewItem first = queue.stream().filter((i) -> i.sourceFile().equals("a.png")).findFirst().orElseThrow();
		ReviewItem second = queue.stream().filter((i) -> i.sourceFile().equals("b.png")).findFirst().orElseThrow();
		assertThat(first.scan()).exists();
		this.review.approve(first.recordKey(), java.util.Map.of("phone", "093-582-2102"), 90, "reviewer1");
		this.review.reject(second.recordKey(), "不鮮明", 30, "reviewer1");
		assertThatExceptionOfType(ReviewException.class)
			.isThrownBy(() -> this.review.reject(first.recordKey(), "again", 1, "reviewer1"));
		RunSummary after = this.pipeline.finishReviewed(run.runId()).orElseThrow();

		// then the approved record goes out in the run's follow-up files, with the
		// correction
		assertThat(after.status()).isEqualTo("COMPLETED");
		Path csv = after.outputs()
			.stream()
			.map(Path::of)
			.filter((o) -> o.getFileName().toString().matches("strict_.*-r1-.*\\.csv"))
			.findFirst()
			.orElseThrow();
		List<String> lines = Files.readAllLines(csv);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).contains("093-582-2102").contains("北九州太郎");
		// and the ledger counts it, less the two minutes spent reviewing
		assertThat(this.ledger.findAll()).filteredOn((e) -> e.runId().equals(run.runId()))
			.singleElement()
			.satisfies((e) -> {
				assertThat(e.recordsSucceeded()).isEqualTo(1);
				assertThat(e.recordsReviewed()).isEqualTo(2);
				assertThat(e.reviewSeconds()).isEqualTo(120);
				assertThat(e.savedMinutes()).isEqualByComparingTo("2.00");
			});
		assertThat(this.pipeline.finishReviewed(run.runId())).isEmpty();
	}

}
