package jp.digilab.app.console.review;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import jp.digilab.app.console.ConsoleTestSupport;
import jp.digilab.app.security.ConsoleUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * /api/review: department-scoped JSON, My Numbers masked unless allowed, approvals and
 * rejections with CSRF, double entry with a third reviewer on a mismatch, crops.
 */
class ReviewApiControllerTests extends ConsoleTestSupport {

	static final String DEPARTMENT = ReviewFixtures.KOKURA_DEPARTMENT;

	static final ConsoleUser KOKURA = ReviewFixtures.reviewer("api-kokura", DEPARTMENT);

	static final ConsoleUser YAHATA = ReviewFixtures.reviewer("api-yahata", "八幡西区 市民課");

	@Autowired
	JdbcClient jdbc;

	Path scan;

	@BeforeEach
	void reviewFixtures() {
		this.scan = ReviewFixtures.prepare(home);
	}

	@AfterEach
	void removeReviewFixtures() {
		ReviewFixtures.remove(home, this.jdbc);
	}

	@Test
	void withoutALoginIs401AndForAManagerIs403() throws Exception {
		String key = ReviewFixtures.record(this.jdbc, "api-auth", ReviewFixtures.SINGLE, DEPARTMENT, this.scan);
		this.mvc.perform(get("/api/review")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/review/" + key)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/review/" + key + "/fields/postal_code/crop.png"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/review").with(user("manager").roles("MANAGER"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/review").with(user("operator").roles("OPERATOR"))).andExpect(status().isForbidden());
	}

	@Test
	void theQueueIsScopedToTheReviewersDepartmentAndHoldsNoValues() throws Exception {
		String key = ReviewFixtures.record(this.jdbc, "api-queue", ReviewFixtures.SINGLE, DEPARTMENT, this.scan);
		this.mvc.perform(get("/api/review").with(user(KOKURA)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].recordKey", hasItem(key)))
			.andExpect(jsonPath("$[?(@.recordKey == '" + key + "')].doubtfulFields[*]",
					contains("postal_code", "my_number")))
			.andExpect(content().string(not(containsString("8O3-85O1"))));
		this.mvc.perform(get("/api/review").with(user(YAHATA)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].recordKey", not(hasItem(key))));
		this.mvc.perform(get("/api/review/" + key).with(user(YAHATA))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/review/no-such-record").with(user(KOKURA))).andExpect(status().isNotFound());
	}

	@Test
	void anItemShowsTheDoubtfulFieldsWithMyNumbersMaskedUnlessAllowed() throws Exception {
		String key = ReviewFixtures.record(this.jdbc, "api-item", ReviewFixtures.SINGLE, DEPARTMENT, this.scan);
		this.mvc.perform(get("/api/review/" + key).with(user(KOKURA)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("SINGLE"))
			.andExpect(jsonPath("$.fields[*].name", contains("postal_code", "my_number")))
			.andExpect(jsonPath("$.fields[0].label").value("郵便番号"))
			.andExpect(jsonPath("$.fields[0].value").value("8O3-85O1"))
			.andExpect(jsonPath("$.fields[0].confidence").value(0.41))
			.andExpect(jsonPath("$.fields[0].crop").value(true))
			.andExpect(jsonPath("$.fields[1].value").value("********9018"))
			.andExpect(jsonPath("$.fields[1].masked").value(true))
			.andExpect(jsonPath("$.fields[1].crop").value(false))
			.andExpect(content().string(not(containsString(ReviewFixtures.MY_NUMBER))));
		this.mvc.perform(get("/api/review/" + key).with(user(ReviewFixtures.admin())))
			.andExpect(jsonPath("$.fields[1].value").value(ReviewFixtures.MY_NUMBER))
			.andExpect(jsonPath("$.fields[1].masked").value(false));
		String revealed = ReviewFixtures.record(this.jdbc, "api-reveal", ReviewFixtures.REVEAL, DEPARTMENT, this.scan);
		this.mvc.perform(get("/api/review/" + revealed).with(user(KOKURA)))
			.andExpect(jsonPath("$.fields[1].value").value(ReviewFixtures.MY_NUMBER));
	}

	@Test
	void approvingNeedsTheCsrfTokenAndRecordsCorrectionTimeAndAudit() throws Exception {
		String key = ReviewFixtures.record(this.jdbc, "api-approve", ReviewFixtures.SINGLE, DEPARTMENT, this.scan);
		String body = """
				{"fields": {"postal_code": "803-8501"}, "seconds": 42}""";
		this.mvc
			.perform(post("/api/review/" + key + "/approve").with(user(KOKURA))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/review/" + key + "/approve").with(user(KOKURA))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("APPROVED"));
		var row = this.jdbc
			.sql("select status, review_seconds, reviewed_by, fields_json from dl_record where record_key = ?")
			.param(key)
			.query()
			.singleRow();
		assertThat(row.get("status")).isEqualTo("APPROVED");
		assertThat(((Number) row.get("review_seconds")).intValue()).isEqualTo(42);
		assertThat(row.get("reviewed_by")).isEqualTo("api-kokura");
		assertThat((String) row.get("fields_json")).contains("803-8501").contains(ReviewFixtures.MY_NUMBER);
		assertThat(audit(key)).containsExactly("REVIEW_APPROVE api-kokura corrected fields: postal_code");
		// decided: a second decision is refused with the reason
		approve(key, KOKURA, body).andExpect(status().isConflict())
			.andExpect(jsonPath("$.problem", containsString("not waiting for review")));
	}

	@Test
	void correctionsAreNormalisedByTypeAndInvalidOnesRefused() throws Exception {
		String key = ReviewFixtures.record(this.jdbc, "api-check", ReviewFixtures.SINGLE, DEPARTMENT, this.scan);
		approve(key, KOKURA, "{\"fields\": {\"postal_code\": \"803-85\"}}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.problem", containsString("'postal_code' (郵便番号): a postal code has 7 digits")));
		assertThat(recordStatus(key)).isEqualTo("NEEDS_REVIEW");
		approve(key, KOKURA, "{\"fields\": {\"postal_code\": \"〒８０３８５０１\"}}")
			.andExpect(jsonPath("$.outcome").value("APPROVED"));
		assertThat(this.jdbc.sql("select fields_json from dl_record where record_key = ?")
			.param(key)
			.query(String.class)
			.single()).contains("\"postal_code\":{\"value\":\"803-8501\"");
	}

	@Test
	void rejectingTakesTheRecordOutOfTheQueue() throws Exception {
		String key = ReviewFixtures.record(this.jdbc, "api-reject", ReviewFixtures.SINGLE, DEPARTMENT, this.scan);
		this.mvc
			.perform(post("/api/review/" + key + "/reject").with(user(KOKURA))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"不鮮明\", \"seconds\": 15}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("REJECTED"));
		assertThat(this.jdbc.sql("select status || ' ' || review_note from dl_record where record_key = ?")
			.param(key)
			.query(String.class)
			.single()).isEqualTo("REJECTED 不鮮明");
		assertThat(audit(key)).containsExactly("REVIEW_REJECT api-kokura null");
		this.mvc.perform(get("/api/review").with(user(KOKURA)))
			.andExpect(jsonPath("$[*].recordKey", not(hasItem(key))));
	}

	@Test
	void doubleEntryMismatchGoesToAThirdReviewerWhoDecides() throws Exception {
		String key = ReviewFixtures.record(this.jdbc, "api-double", ReviewFixtures.DOUBLE, DEPARTMENT, this.scan);
		ConsoleUser first = ReviewFixtures.reviewer("api-first", DEPARTMENT);
		ConsoleUser second = ReviewFixtures.reviewer("api-second", DEPARTMENT);
		ConsoleUser third = ReviewFixtures.reviewer("api-third", DEPARTMENT);
		// the first entry is blind
		this.mvc.perform(get("/api/review/" + key).with(user(first)))
			.andExpect(jsonPath("$.stage").value("FIRST_ENTRY"))
			.andExpect(jsonPath("$.fields[0].value").value(""))
			.andExpect(jsonPath("$.fields[0].confidence").value(nullValue()))
			.andExpect(jsonPath("$.entries", empty()));
		approve(key, first, entry("803-8501", 20)).andExpect(jsonPath("$.outcome").value("WAITING_FOR_SECOND"));
		// the same person cannot make the second entry
		approve(key, first, entry("803-8501", 5)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.problem", containsString("already entered")))
			.andExpect(jsonPath("$.code").value("ALREADY_ENTERED"));
		// the second does not see the first's value nor the OCR value
		this.mvc.perform(get("/api/review/" + key).with(user(second)))
			.andExpect(jsonPath("$.stage").value("SECOND_ENTRY"))
			.andExpect(content().string(not(containsString("803-8501"))))
			.andExpect(content().string(not(containsString("8O3-85O1"))));
		approve(key, second, entry("803-8051", 25)).andExpect(jsonPath("$.outcome").value("MISMATCH"));
		assertThat(recordStatus(key)).isEqualTo("NEEDS_REVIEW");
		this.mvc.perform(get("/api/review").with(user(first))).andExpect(jsonPath("$[*].recordKey", not(hasItem(key))));
		approve(key, second, entry("803-8501", 5)).andExpect(status().isConflict());
		// the third sees both entries and decides
		this.mvc.perform(get("/api/review").with(user(third))).andExpect(jsonPath("$[*].recordKey", hasItem(key)));
		this.mvc.perform(get("/api/review/" + key).with(user(third)))
			.andExpect(jsonPath("$.stage").value("THIRD_REVIEW"))
			.andExpect(jsonPath("$.fields[0].value").value("8O3-85O1"))
			.andExpect(jsonPath("$.entries[0].username").value("api-first"))
			.andExpect(jsonPath("$.entries[0].values.postal_code").value("803-8501"))
			.andExpect(jsonPath("$.entries[1].values.postal_code").value("803-8051"));
		approve(key, third, entry("803-8501", 10)).andExpect(jsonPath("$.outcome").value("APPROVED"));
		var row = this.jdbc.sql("select status, review_seconds, fields_json from dl_record where record_key = ?")
			.param(key)
			.query()
			.singleRow();
		assertThat(row.get("status")).isEqualTo("APPROVED");
		assertThat(((Number) row.get("review_seconds")).intValue()).isEqualTo(55);
		assertThat((String) row.get("fields_json")).contains("\"value\":\"803-8501\"");
		assertThat(this.jdbc.sql("select username from dl_review_entry where record_key = ? order by round")
			.param(key)
			.query(String.class)
			.list()).containsExactly("api-first", "api-second", "api-third");
		assertThat(audit(key)).containsExactly("REVIEW_ENTRY api-first round 1: WAITING_FOR_SECOND",
				"REVIEW_ENTRY api-second round 2: MISMATCH", "REVIEW_ENTRY api-third round 3: APPROVED",
				"REVIEW_APPROVE api-third double entry: decided by a third reviewer");
	}

	@Test
	void doubleEntriesThatAgreeApproveTheRecord() throws Exception {
		String key = ReviewFixtures.record(this.jdbc, "api-agree", ReviewFixtures.DOUBLE, DEPARTMENT, this.scan);
		approve(key, ReviewFixtures.reviewer("api-one", DEPARTMENT), entry("803-8501", 10))
			.andExpect(jsonPath("$.outcome").value("WAITING_FOR_SECOND"));
		approve(key, ReviewFixtures.reviewer("api-two", DEPARTMENT), entry(" 803-8501 ", 12))
			.andExpect(jsonPath("$.outcome").value("APPROVED"));
		assertThat(recordStatus(key)).isEqualTo("APPROVED");
		assertThat(audit(key)).last().isEqualTo("REVIEW_APPROVE api-two double entry: entries agree");
	}

	@Test
	void theCropComesAsAPngForRecordsTheUserMaySee() throws Exception {
		String key = ReviewFixtures.record(this.jdbc, "api-crop", ReviewFixtures.SINGLE, DEPARTMENT, this.scan);
		byte[] png = this.mvc.perform(get("/api/review/" + key + "/fields/postal_code/crop.png").with(user(KOKURA)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		BufferedImage crop = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(crop.getWidth()).isBetween(795, 799);
		this.mvc.perform(get("/api/review/" + key + "/fields/postal_code/crop.png").with(user(YAHATA)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/review/" + key + "/fields/my_number/crop.png").with(user(KOKURA)))
			.andExpect(status().isForbidden());
		var traversal = this.mvc
			.perform(get("/api/review/" + key + "/fields/..%2F..%2Fdata%2Fdigilab.mv.db/crop.png").with(user(KOKURA)))
			.andReturn()
			.getResponse();
		assertThat(traversal.getStatus()).isBetween(400, 404);
	}

	private ResultActions approve(String key, ConsoleUser user, String body) throws Exception {
		return this.mvc.perform(post("/api/review/" + key + "/approve").with(user(user))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private static String entry(String postal, int seconds) {
		return """
				{"fields": {"postal_code": "%s", "my_number": "%s"}, "seconds": %d}""".formatted(postal,
				ReviewFixtures.MY_NUMBER, seconds);
	}

	private String recordStatus(String key) {
		return this.jdbc.sql("select status from dl_record where record_key = ?")
			.param(key)
			.query(String.class)
			.single();
	}

	/** The audit entries of a record: action, user and detail. */
	private java.util.List<String> audit(String key) {
		return this.jdbc.sql("select action, username, detail from dl_audit where target = ? order by id")
			.param(key)
			.query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list();
	}

}
