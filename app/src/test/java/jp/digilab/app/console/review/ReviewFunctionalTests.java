package jp.digilab.app.console.review;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import jp.digilab.app.security.ConsoleUser;
import jp.digilab.jobs.ledger.LedgerEntry;
import jp.digilab.jobs.ledger.LedgerRepository;
import jp.digilab.jobs.pipeline.PipelineService;
import jp.digilab.jobs.pipeline.RunSummary;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review queue on a real run of the demo home: a sample scan read by real Tesseract
 * with a template so strict that its record needs review; the reviewer sees the crop cut
 * from the scan in {@code done/}, corrects a field and approves through the API; the
 * run's follow-up writes the record to its csv and the ledger counts it, less the review
 * time.
 */
class ReviewFunctionalTests extends ReviewServerTestSupport {

	static final String DEPARTMENT = "門司区 市民課";

	static final ConsoleUser MOJI = ReviewFixtures.reviewer("moji", DEPARTMENT);

	@Autowired
	PipelineService pipeline;

	@Autowired
	LedgerRepository ledger;

	@Autowired
	JdbcClient jdbc;

	@Test
	void approvingAReviewedRecordExportsItAndUpdatesTheLedger() throws Exception {
		// given a job whose template sends every record to review, and one sample scan
		Files.writeString(home.resolve("templates/review-strict.yml"),
				Files.readString(home.resolve("templates/juminhyo-request.yml"))
					.replace("id: juminhyo-request", "id: review-strict")
					.replace("minConfidence: 0.60", "minConfidence: 0.999"));
		Files.writeString(home.resolve("jobs/review-flow.yml"), """
				id: review-flow
				department: %s
				templates: [review-strict]
				outputs: { xlsx: true, csv: true }
				hoursSaved: { manualMinutesPerItem: 4 }
				""".formatted(DEPARTMENT));
		Path inbox = Files.createDirectories(home.resolve("inbox/review-flow"));
		// re-encoded, so that it is no duplicate of a sample scan another test has read
		ImageIO.write(ImageIO.read(home.resolve("inbox/juminhyo/scan-001.png").toFile()), "png",
				inbox.resolve("moji-001.png").toFile());
		// dropped a while ago: the inbox only takes files whose writing has settled
		Files.setLastModifiedTime(inbox.resolve("moji-001.png"),
				java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));
		RunSummary run = this.pipeline.run("review-flow", List.of());
		assertThat(run.failures()).isEmpty();
		assertThat(run.needsReview()).as(run.toString()).isEqualTo(1);
		assertThat(saved(run.runId()).orElseThrow().savedMinutes()).isEqualByComparingTo("0");

		// when the department's reviewer opens the queue, looks at a crop and approves
		String key = this.jdbc.sql("select record_key from dl_record where run_id = ?")
			.param(run.runId())
			.query(String.class)
			.single();
		this.mvc.perform(get("/api/review").with(user(MOJI)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.runId == '" + run.runId() + "')].recordKey", contains(key)));
		byte[] png = this.mvc.perform(get("/api/review/" + key + "/fields/phone/crop.png").with(user(MOJI)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		BufferedImage crop = ImageIO.read(new ByteArrayInputStream(png));
		// the phone box is 136 × 12 mm; 3 mm round it at 150 DPI
		assertThat(crop.getWidth()).isCloseTo((int) Math.round(142 / 25.4 * 150), within(2));
		assertThat(crop.getHeight()).isCloseTo((int) Math.round(18 / 25.4 * 150), within(2));
		this.mvc
			.perform(post("/api/review/" + key + "/approve").with(user(MOJI))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"fields\": {\"phone\": \"093-582-2102\"}, \"seconds\": 60}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("APPROVED"));

		// then the run's follow-up writes the corrected record and the ledger counts it
		LedgerEntry entry = awaitLedger(run.runId());
		assertThat(entry.recordsReviewed()).isEqualTo(1);
		assertThat(entry.reviewSeconds()).isEqualTo(60);
		// 4 manual minutes, less the minute spent reviewing
		assertThat(entry.savedMinutes()).isEqualByComparingTo("3.00");
		Path csv = followUpCsv(run.runId());
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).contains("093-582-2102").contains("北九州太郎");
		assertThat(this.jdbc.sql("select count(*) from dl_audit where action = 'REVIEW_APPROVE' and target = ?")
			.param(key)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private Optional<LedgerEntry> saved(String runId) {
		return this.ledger.findAll().stream().filter((e) -> e.runId().equals(runId)).findFirst();
	}

	/** The follow-up runs on its own thread: wait for its ledger entry. */
	private LedgerEntry awaitLedger(String runId) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			Optional<LedgerEntry> entry = saved(runId);
			if (entry.isPresent() && entry.get().recordsSucceeded() == 1) {
				return entry.get();
			}
			Thread.sleep(200);
		}
		throw new AssertionError("No ledger entry with the approved record for run " + runId);
	}

	private Path followUpCsv(String runId) throws Exception {
		try (Stream<Path> files = Files.walk(home.resolve("out/review-flow"))) {
			return files.filter((p) -> p.getFileName().toString().matches("review-flow_.*-r1-.*\\.csv"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no follow-up csv for " + runId));
		}
	}

}
