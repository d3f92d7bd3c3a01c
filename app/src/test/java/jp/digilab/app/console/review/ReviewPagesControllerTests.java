package jp.digilab.app.console.review;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import javax.imageio.ImageIO;

import jp.digilab.app.console.ConsoleTestSupport;
import jp.digilab.app.security.ConsoleUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review queue: own department only, keyboard-first, time measured, crops of the
 * scan, My Numbers masked, double entry.
 */
class ReviewPagesControllerTests extends ConsoleTestSupport {

	static final String DEPARTMENT = "小倉北区 市民課";

	static final ConsoleUser KOKURA = new ConsoleUser("kokura", "x", true, DEPARTMENT,
			List.of(new SimpleGrantedAuthority("ROLE_REVIEWER")));

	static final ConsoleUser YAHATA = new ConsoleUser("yahata", "x", true, "八幡西区 市民課",
			List.of(new SimpleGrantedAuthority("ROLE_REVIEWER")));

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void aRecordWaitingForReview() {
		this.jdbc.sql("delete from dl_record where run_id = 'review-run'").update();
		this.jdbc.sql("delete from dl_run where run_id = 'review-run'").update();
		this.jdbc.sql("""
				insert into dl_run (run_id, job_id, department, status, started_at, manual_minutes_per_item)
				values ('review-run', 'juminhyo', ?, 'COMPLETED', ?, 6.5)""")
			.params(DEPARTMENT, LocalDateTime.now())
			.update();
		this.jdbc.sql("""
				insert into dl_record (record_key, run_id, file_seq, doc_index, source_file, pages, template_id,
				  status, fields_json)
				values ('review-run-1-1', 'review-run', 1, 1, 'scan-001.pdf', '1', null, 'NEEDS_REVIEW', ?)""")
			.param("""
					{"name":{"value":"北九州 太郎","raw":"北九州 太郎","confidence":0.95,"valid":true,"reasons":[],"page":1,"box":[50,52,140,10]},
					 "postal":{"value":"8O3-85O1","raw":"8O3-85O1","confidence":0.41,"valid":true,"reasons":[],"page":1,"box":[50,80,60,10]}}""")
			.update();
	}

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
	void aManagerIsRefusedTheReviewQueue() throws Exception {
		this.mvc.perform(get("/review").with(user("manager").roles("MANAGER"))).andExpect(status().isForbidden());
	}

	@Test
	void aReviewerSeesOnlyTheirDepartmentsRecords() throws Exception {
		this.mvc.perform(get("/review").with(user(KOKURA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("review-run-1-1")));
		this.mvc.perform(get("/review").with(user(YAHATA)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("review-run-1-1"))));
		this.mvc.perform(get("/review/review-run-1-1").with(user(YAHATA))).andExpect(status().isNotFound());
	}

	@Test
	void theDoubtfulFieldHasTheFocusAndApprovingRecordsTheCorrectionAndTime() throws Exception {
		this.mvc.perform(get("/review/review-run-1-1").with(user(KOKURA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"field.postal\"")))
			.andExpect(content().string(containsString("autofocus")))
			.andExpect(content().string(not(containsString("name=\"field.name\""))));
		long renderedAt = System.currentTimeMillis() - 42_000;
		this.mvc
			.perform(post("/review/review-run-1-1/approve").with(user(KOKURA))
				.with(csrf())
				.param("renderedAt", Long.toString(renderedAt))
				.param("field.postal", "803-8501"))
			.andExpect(redirectedUrl("/review"));
		var row = this.jdbc.sql(
				"select status, review_seconds, reviewed_by, fields_json from dl_record where record_key = 'review-run-1-1'")
			.query()
			.singleRow();
		assertThat(row.get("status")).isEqualTo("APPROVED");
		assertThat(((Number) row.get("review_seconds")).intValue()).isBetween(42, 60);
		assertThat(row.get("reviewed_by")).isEqualTo("kokura");
		assertThat((String) row.get("fields_json")).contains("803-8501");
		assertThat(this.jdbc
			.sql("select count(*) from dl_audit where action = 'REVIEW_APPROVE' and target = 'review-run-1-1'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theReasonsBesideADoubtfulFieldAreInTheUsersLanguage() throws Exception {
		// as the form reader stores them: English
		this.jdbc.sql("update dl_record set fields_json = ? where record_key = 'review-run-1-1'")
			.param("""
					{"name":{"value":"北九州 太郎","raw":"北九州 太郎","confidence":0.95,"valid":true,"reasons":[],"page":1,"box":[50,52,140,10]},
					 "postal":{"value":"8O3-85O1","raw":"8O3-85O1","confidence":0.41,"valid":false,
					   "reasons":["a postal code has 7 digits","confidence 0.41 below 0.80"],"page":1,"box":[50,80,60,10]}}""")
			.update();
		this.mvc.perform(get("/review/review-run-1-1").with(user(KOKURA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("郵便番号は7桁です、確信度 0.41 が基準 0.80 未満")))
			.andExpect(content().string(not(containsString("a postal code has 7 digits"))));
		this.mvc.perform(get("/review/review-run-1-1").with(user(KOKURA)).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("a postal code has 7 digits, confidence 0.41 below 0.80")))
			.andExpect(content().string(not(containsString("郵便番号は7桁です"))));
		// the API gives the stored text, whatever the language
		this.mvc.perform(get("/api/review/review-run-1-1").with(user(KOKURA)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("\"reasons\":[\"a postal code has 7 digits\",\"confidence 0.41 below 0.80\"]")));
	}

	@Test
	void rejectingNeedsTheCsrfToken() throws Exception {
		this.mvc
			.perform(post("/review/review-run-1-1/reject").with(user(KOKURA))
				.param("renderedAt", "0")
				.param("reason", "unreadable"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/review/review-run-1-1/reject").with(user(KOKURA))
				.with(csrf())
				.param("renderedAt", Long.toString(System.currentTimeMillis()))
				.param("reason", "unreadable"))
			.andExpect(redirectedUrl("/review"));
		assertThat(this.jdbc.sql("select status from dl_record where record_key = 'review-run-1-1'")
			.query(String.class)
			.single()).isEqualTo("REJECTED");
	}

	@Test
	void eachDoubtfulFieldShowsItsCropAndThePageDocumentsTheShortcuts() throws Exception {
		String first = ReviewFixtures.record(this.jdbc, "page-a", ReviewFixtures.SINGLE, DEPARTMENT, this.scan);
		String second = ReviewFixtures.record(this.jdbc, "page-b", ReviewFixtures.SINGLE, DEPARTMENT, this.scan);
		this.mvc.perform(get("/review/" + first).with(user(KOKURA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/review/" + first + "/fields/postal_code/crop.png")))
			.andExpect(content().string(containsString("郵便番号")))
			.andExpect(content().string(containsString("Ctrl+Enter または Alt+A で承認")))
			.andExpect(content().string(containsString("Alt+N で次のレコード")))
			.andExpect(content().string(containsString("id=\"next\" href=\"/review/" + second + "\"")))
			.andExpect(content().string(containsString("/js/review.js")))
			// the sure field is not asked about
			.andExpect(content().string(not(containsString("name=\"field.name\""))));
		this.mvc.perform(get("/review/" + first).with(user(KOKURA)).param("lang", "en"))
			.andExpect(content().string(containsString("Ctrl+Enter or Alt+A: approve")));
	}

	@Test
	void myNumbersAreMaskedForReviewersUnlessTheJobRevealsThem() throws Exception {
		String masked = ReviewFixtures.record(this.jdbc, "page-mask", ReviewFixtures.SINGLE, DEPARTMENT, this.scan);
		this.mvc.perform(get("/review/" + masked).with(user(KOKURA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"********9018\"")))
			.andExpect(content().string(not(containsString(ReviewFixtures.MY_NUMBER))))
			.andExpect(content().string(not(containsString("fields/my_number/crop.png"))))
			.andExpect(content().string(containsString("個人番号はマスク表示です")));
		this.mvc.perform(get("/review/" + masked).with(user(ReviewFixtures.admin())))
			.andExpect(content().string(containsString("value=\"" + ReviewFixtures.MY_NUMBER + "\"")))
			.andExpect(content().string(containsString("fields/my_number/crop.png")));
		String revealed = ReviewFixtures.record(this.jdbc, "page-reveal", ReviewFixtures.REVEAL, DEPARTMENT, this.scan);
		this.mvc.perform(get("/review/" + revealed).with(user(KOKURA)))
			.andExpect(content().string(containsString("value=\"" + ReviewFixtures.MY_NUMBER + "\"")));
		// a masked reviewer's approval leaves the My Number as it was read
		this.mvc
			.perform(post("/review/" + masked + "/approve").with(user(KOKURA))
				.with(csrf())
				.param("renderedAt", Long.toString(System.currentTimeMillis()))
				.param("field.postal_code", "803-8501")
				.param("field.my_number", "999999999999"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("done", "console.review.outcome.APPROVED"));
		String fields = this.jdbc.sql("select fields_json from dl_record where record_key = ?")
			.param(masked)
			.query(String.class)
			.single();
		assertThat(fields).contains(ReviewFixtures.MY_NUMBER).contains("803-8501").doesNotContain("999999999999");
	}

	@Test
	void anInvalidCorrectionIsRefusedWithTheReasonInTheUsersLanguage() throws Exception {
		String key = ReviewFixtures.record(this.jdbc, "page-invalid", ReviewFixtures.SINGLE, DEPARTMENT, this.scan);
		List<String> problem = List.of("console.review.problem.INVALID", "郵便番号", "a postal code has 7 digits");
		this.mvc
			.perform(post("/review/" + key + "/approve").with(user(KOKURA))
				.with(csrf())
				.param("renderedAt", Long.toString(System.currentTimeMillis()))
				.param("field.postal_code", "803-85"))
			.andExpect(redirectedUrl("/review/" + key))
			.andExpect(flash().attribute("problem", problem));
		this.mvc.perform(get("/review/" + key).with(user(KOKURA)).flashAttr("problem", problem))
			.andExpect(content().string(containsString("郵便番号 の入力値が正しくありません（郵便番号は7桁です）")));
		this.mvc.perform(get("/review/" + key).with(user(KOKURA)).flashAttr("problem", problem).param("lang", "en"))
			.andExpect(content()
				.string(containsString("郵便番号: the value typed is not valid (a postal code has 7 digits)")));
		assertThat(this.jdbc.sql("select status from dl_record where record_key = ?")
			.param(key)
			.query(String.class)
			.single()).isEqualTo("NEEDS_REVIEW");
	}

	@Test
	void theCropIsAPngOfTheFieldsBoxWithAMarginFromTheStoredScan() throws Exception {
		String key = ReviewFixtures.record(this.jdbc, "page-crop", ReviewFixtures.SINGLE, DEPARTMENT, this.scan);
		byte[] png = this.mvc.perform(get("/review/" + key + "/fields/postal_code/crop.png").with(user(KOKURA)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		BufferedImage crop = ImageIO.read(new ByteArrayInputStream(png));
		// 129 × 12 mm and 3 mm round it, at 150 DPI
		double[] box = ReviewFixtures.POSTAL_BOX;
		assertThat(crop.getWidth()).isCloseTo((int) Math.round((box[2] + 6) / 25.4 * 150), within(2));
		assertThat(crop.getHeight()).isCloseTo((int) Math.round((box[3] + 6) / 25.4 * 150), within(2));
		// the printed postal code is in it: ink, not a blank strip
		assertThat(darkPixels(crop)).isGreaterThan(200);
	}

	@Test
	void cropsAreOnlyServedForRecordsTheUserMaySee() throws Exception {
		String key = ReviewFixtures.record(this.jdbc, "page-scope", ReviewFixtures.SINGLE, DEPARTMENT, this.scan);
		this.mvc.perform(get("/review/" + key + "/fields/postal_code/crop.png").with(user(YAHATA)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/review/" + key + "/fields/postal_code/crop.png").with(user("manager").roles("MANAGER")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/review/" + key + "/fields/my_number/crop.png").with(user(KOKURA)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/review/" + key + "/fields/my_number/crop.png").with(user(ReviewFixtures.admin())))
			.andExpect(status().isOk());
		this.mvc.perform(get("/review/" + key + "/fields/no_such_field/crop.png").with(user(KOKURA)))
			.andExpect(status().isNotFound());
	}

	@Test
	void cropsNeverComeFromOutsideTheScanFoldersNorFromARequestPath() throws Exception {
		// a stored path that leads out of done/ (a tampered row) is not followed
		Path outside = home.resolve("done/../outside.png");
		Files.copy(this.scan, home.resolve("outside.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		String key = ReviewFixtures.record(this.jdbc, "page-outside", ReviewFixtures.SINGLE, DEPARTMENT, outside);
		this.mvc.perform(get("/review/" + key + "/fields/postal_code/crop.png").with(user(KOKURA)))
			.andExpect(status().isNotFound());
		String good = ReviewFixtures.record(this.jdbc, "page-good", ReviewFixtures.SINGLE, DEPARTMENT, this.scan);
		for (String path : List.of("/review/" + good + "/fields/..%2F..%2F..%2Fetc%2Fpasswd/crop.png",
				"/review/..%2F..%2Fetc%2Fpasswd/fields/postal_code/crop.png",
				"/review/" + good + "/fields/../../../../etc/passwd/crop.png",
				"/review/%2e%2e/fields/postal_code/crop.png")) {
			var response = this.mvc.perform(get(path).with(user(KOKURA))).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isBetween(400, 404);
			assertThat(response.getContentType()).as(path).isNotEqualTo("image/png");
		}
	}

	@Test
	void doubleEntryIsBlindAndTwoAgreeingEntriesApprove() throws Exception {
		String key = ReviewFixtures.record(this.jdbc, "page-double", ReviewFixtures.DOUBLE, DEPARTMENT, this.scan);
		var first = ReviewFixtures.reviewer("kokura1", DEPARTMENT);
		var second = ReviewFixtures.reviewer("kokura2", DEPARTMENT);
		this.mvc.perform(get("/review/" + key).with(user(first)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("二重入力（1人目）")))
			.andExpect(content().string(not(containsString("8O3-85O1"))))
			.andExpect(content().string(not(containsString(ReviewFixtures.MY_NUMBER))));
		this.mvc
			.perform(post("/review/" + key + "/approve").with(user(first))
				.with(csrf())
				.param("renderedAt", Long.toString(System.currentTimeMillis() - 20_000))
				.param("field.postal_code", "803-8501")
				.param("field.my_number", ReviewFixtures.MY_NUMBER))
			.andExpect(flash().attribute("done", "console.review.outcome.WAITING_FOR_SECOND"));
		// the first reviewer no longer has it in their queue
		this.mvc.perform(get("/review").with(user(first))).andExpect(content().string(not(containsString(key))));
		this.mvc.perform(get("/review/" + key).with(user(second)))
			.andExpect(content().string(containsString("二重入力（2人目）")))
			.andExpect(content().string(not(containsString("803-8501"))));
		this.mvc
			.perform(post("/review/" + key + "/approve").with(user(second))
				.with(csrf())
				.param("renderedAt", Long.toString(System.currentTimeMillis() - 30_000))
				.param("field.postal_code", "８０３-８５０１")
				.param("field.my_number", ReviewFixtures.MY_NUMBER))
			.andExpect(flash().attribute("done", "console.review.outcome.APPROVED"));
		var row = this.jdbc.sql("select status, review_seconds, fields_json from dl_record where record_key = ?")
			.param(key)
			.query()
			.singleRow();
		assertThat(row.get("status")).isEqualTo("APPROVED");
		assertThat(((Number) row.get("review_seconds")).intValue()).isBetween(50, 70);
		assertThat((String) row.get("fields_json")).contains("\"postal_code\":{\"value\":\"803-8501\"");
		assertThat(this.jdbc.sql("select action from dl_audit where target = ? order by id")
			.param(key)
			.query(String.class)
			.list()).containsExactly("REVIEW_ENTRY", "REVIEW_ENTRY", "REVIEW_APPROVE");
	}

	private static int darkPixels(BufferedImage image) {
		int dark = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) & 0xff) < 128) {
					dark++;
				}
			}
		}
		return dark;
	}

}
