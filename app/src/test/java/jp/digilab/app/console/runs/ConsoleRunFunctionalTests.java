package jp.digilab.app.console.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jp.digilab.app.console.OperatorConsoleTestSupport;
import jp.digilab.jobs.pipeline.RunProgress;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Real runs started, stopped and restarted through the console and the API: real
 * Tesseract, the robot in headless Chromium against the sample legacy system, Spring
 * Batch's JDBC job repository in the H2 file database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleRunFunctionalTests extends OperatorConsoleTestSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RunProgress progress;

	@Test
	@Order(1)
	void runNowReadsEntersAndCountsTheSampleScans() throws Exception {
		// given the four sample scans in inbox/juminhyo; when an operator clicks "run
		// now"
		String location = this.mvc
			.perform(post("/runs").param("job", "juminhyo").with(csrf()).with(user("operator").roles("OPERATOR")))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/runs/");
		String runId = location.substring("/runs/".length());
		// the page answers at once, while the run is going
		this.mvc.perform(get(location).with(user("manager").roles("MANAGER"))).andExpect(status().isOk());
		JsonNode run = awaitEnd(runId);
		// then the run completed with every count a person would check
		assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(run.get("files").asInt()).isEqualTo(4);
		assertThat(run.get("filesFailed").asInt()).isZero();
		assertThat(run.get("records").asInt()).isEqualTo(4);
		assertThat(run.get("approved").asInt()).isEqualTo(4);
		assertThat(run.get("entered").asInt()).isEqualTo(4);
		assertThat(run.get("savedMinutes").decimalValue()).isEqualByComparingTo("26");
		JsonNode steps = detail(runId).get("steps");
		assertThat(steps.valueStream().map((s) -> s.get("stepName").asString()).toList()).containsExactly("intakeStep",
				"recognizeStep", "settleFilesStep", "exportStep", "entryStep", "ledgerStep");
		assertThat(steps.valueStream().map((s) -> s.get("status").asString())).allMatch("COMPLETED"::equals);
		JsonNode recognize = steps.get(1);
		assertThat(recognize.get("readCount").asInt()).isEqualTo(4);
		assertThat(recognize.get("writeCount").asInt()).isEqualTo(4);
		assertThat(recognize.get("skipCount").asInt()).isZero();
		assertThat(steps.get(4).get("writeCount").asInt()).isEqualTo(4);
		this.mvc.perform(get(location).with(user("manager").roles("MANAGER")))
			.andExpect(content().string(containsString("完了")))
			.andExpect(content().string(containsString("ファイル 4 件 (失敗 0 件)、レコード 4 件 (承認 4 件、要確認 0 件)、基幹入力 4 件")));
		assertThat(audit("RUN_START")).contains("operator|run " + runId + "|job juminhyo");
		assertThat(home.resolve("inbox/juminhyo")).isEmptyDirectory();
	}

	@Test
	@Order(2)
	void aStoppedRunEndsStoppedAndItsRestartReadsOnlyWhatWasLeft() throws Exception {
		// given three new scans (the sample PNGs with a text chunk: same forms, new
		// files)
		for (String name : List.of("scan-001.png", "scan-002.png", "scan-003.png")) {
			byte[] png = Files.readAllBytes(Path.of("..", "samples", "home", "inbox", "juminhyo", name));
			Files.write(home.resolve("inbox/juminhyo/again-" + name), withTextChunk(png, "console stop test"));
		}
		int files = 3;
		CountDownLatch firstFileRead = new CountDownLatch(1);
		RunProgress.Listener listener = (run, stage, done, total) -> {
			if ("recognize".equals(stage) && done >= 1) {
				firstFileRead.countDown();
			}
		};
		this.progress.add(listener);
		String runId;
		try {
			// when a run started through the API is stopped once its first file is read
			String started = this.mvc
				.perform(post("/api/runs").with(csrf())
					.with(user("operator").roles("OPERATOR"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"job\":\"juminhyo\"}"))
				.andExpect(status().isAccepted())
				.andReturn()
				.getResponse()
				.getContentAsString();
			runId = JSON.readTree(started).get("runId").asString();
			assertThat(firstFileRead.await(90, TimeUnit.SECONDS)).isTrue();
			this.mvc.perform(post("/api/runs/" + runId + "/stop").with(csrf()).with(user("admin").roles("ADMIN")))
				.andExpect(status().isAccepted());
		}
		finally {
			this.progress.remove(listener);
		}
		// then it ends STOPPED with files still waiting for recognition
		JsonNode stopped = awaitEnd(runId);
		assertThat(stopped.get("status").asString()).isEqualTo("STOPPED");
		int readBeforeStop = fileCount(runId, "RECOGNIZED");
		assertThat(readBeforeStop).isBetween(1, files - 1);
		assertThat(fileCount(runId, "CLAIMED")).isEqualTo(files - readBeforeStop);
		assertThat(stepStatuses(runId)).contains("recognizeStep STOPPED");
		this.mvc.perform(get("/runs/" + runId).with(user("operator").roles("OPERATOR")))
			.andExpect(content().string(containsString("/runs/" + runId + "/restart")));

		// when an operator restarts it from the console
		this.mvc.perform(post("/runs/" + runId + "/restart").with(csrf()).with(user("operator").roles("OPERATOR")))
			.andExpect(status().isFound());
		JsonNode restarted = awaitEnd(runId);
		// then it completes, and no file was read twice: the restart read only the rest
		assertThat(restarted.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(fileCount(runId, "RECOGNIZED")).isEqualTo(files);
		assertThat(restarted.get("records").asInt()).isEqualTo(files);
		List<Integer> recognizeReads = this.jdbc
			.sql("""
					select s.READ_COUNT from BATCH_STEP_EXECUTION s where s.STEP_NAME = 'recognizeStep' and s.JOB_EXECUTION_ID in
					  (select p.JOB_EXECUTION_ID from BATCH_JOB_EXECUTION_PARAMS p where p.PARAMETER_NAME = 'runId'
					   and p.PARAMETER_VALUE = ?) order by s.STEP_EXECUTION_ID""")
			.param(runId)
			.query(Integer.class)
			.list();
		assertThat(recognizeReads).containsExactly(readBeforeStop, files - readBeforeStop);
		// intake was not done again: its first execution completed
		assertThat(stepStatuses(runId).stream().filter((s) -> s.startsWith("intakeStep")))
			.containsExactly("intakeStep COMPLETED");
		assertThat(audit("RUN_STOP")).contains("admin|run " + runId + "|job juminhyo");
		assertThat(audit("RUN_RESTART")).contains("operator|run " + runId + "|job juminhyo");
	}

	private JsonNode awaitEnd(String runId) throws Exception {
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(300)).until(() -> {
			JsonNode progress = JSON.readTree(
					this.mvc.perform(get("/api/runs/" + runId + "/progress").with(user("manager").roles("MANAGER")))
						.andReturn()
						.getResponse()
						.getContentAsString());
			return progress.has("running") && !progress.get("running").asBoolean();
		});
		return detail(runId).get("run");
	}

	private JsonNode detail(String runId) throws Exception {
		return JSON.readTree(this.mvc.perform(get("/api/runs/" + runId).with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

	private int fileCount(String runId, String status) {
		return this.jdbc.sql("select count(*) from dl_file where run_id = ? and status = ?")
			.params(runId, status)
			.query(Integer.class)
			.single();
	}

	private List<String> stepStatuses(String runId) throws Exception {
		return detail(runId).get("steps")
			.valueStream()
			.map((s) -> s.get("stepName").asString() + " " + s.get("status").asString())
			.toList();
	}

	private List<String> audit(String action) {
		return this.jdbc.sql("select username, target, detail from dl_audit where action = ? order by id")
			.param(action)
			.query((rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
			.list();
	}

}
