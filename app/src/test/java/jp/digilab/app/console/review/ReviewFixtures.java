package jp.digilab.app.console.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import jp.digilab.app.security.ConsoleUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Records waiting for review in the console tests' home: a template with a My Number
 * field, three jobs (single entry, single entry revealing My Numbers to reviewers, double
 * entry) and a sample scan in {@code done/}, so that crops come from a real file.
 */
final class ReviewFixtures {

	static final String KOKURA_DEPARTMENT = "小倉北区 市民課";

	static final String TEMPLATE = "review-mn";

	static final String SINGLE = "review-single";

	static final String REVEAL = "review-reveal";

	static final String DOUBLE = "review-double";

	/** The sample form's postal code box, [x, y, w, h] in mm. */
	static final double[] POSTAL_BOX = { 65, 110, 129, 12 };

	/** A valid My Number (check digit 8). */
	static final String MY_NUMBER = "123456789018";

	static ConsoleUser reviewer(String name, String department) {
		return new ConsoleUser(name, "x", true, department, List.of(new SimpleGrantedAuthority("ROLE_REVIEWER")));
	}

	static ConsoleUser admin() {
		return new ConsoleUser("review-admin", "x", true, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
	}

	private ReviewFixtures() {
	}

	/** Writes the template, the jobs and the scan (idempotent). */
	static Path prepare(Path home) {
		try {
			String template = Files.readString(home.resolve("templates/juminhyo-request.yml"))
				.replace("id: juminhyo-request", "id: " + TEMPLATE)
				.replace("review:\n", """
						  - name: my_number
						    label: 個人番号
						    box: [58, 230, 136, 12]
						    type: mynumber
						review:
						""");
			Files.writeString(home.resolve("templates/" + TEMPLATE + ".yml"), template);
			job(home, SINGLE, "");
			job(home, REVEAL, "review: { revealMyNumbers: true }\n");
			job(home, DOUBLE, "review: { doubleEntry: true, revealMyNumbers: true }\n");
			Path scan = home.resolve("done/review-fixtures/scan-001.png");
			Files.createDirectories(scan.getParent());
			if (!Files.exists(scan)) {
				Files.copy(Path.of("..", "samples", "home", "inbox", "juminhyo", "scan-001.png"), scan);
			}
			return scan;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Removes what {@link #prepare} wrote, so that other tests see the home as it was.
	 */
	static void remove(Path home, JdbcClient jdbc) {
		try {
			for (String job : List.of(SINGLE, REVEAL, DOUBLE)) {
				Files.deleteIfExists(home.resolve("jobs/" + job + ".yml"));
			}
			Files.deleteIfExists(home.resolve("templates/" + TEMPLATE + ".yml"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// records still waiting would show in other tests' queues; decided ones (and
		// their runs) stay, as the run's follow-up may still be reading them
		jdbc.sql("delete from dl_record where run_id like 'rv-%' and status = 'NEEDS_REVIEW'").update();
	}

	private static void job(Path home, String id, String review) throws IOException {
		Files.writeString(home.resolve("jobs/" + id + ".yml"), """
				id: %s
				department: %s
				templates: [%s]
				outputs: { xlsx: true, csv: true }
				hoursSaved: { manualMinutesPerItem: 5 }
				%s""".formatted(id, KOKURA_DEPARTMENT, TEMPLATE, review));
	}

	/**
	 * A record waiting for review with a sure name, a doubtful postal code and a doubtful
	 * My Number; its run is {@code rv-KEY}, its scan {@code scan} (null: none).
	 */
	static String record(JdbcClient jdbc, String key, String job, String department, Path scan) {
		String runId = "rv-" + key;
		String recordKey = runId + "-1-1";
		jdbc.sql("delete from dl_review_entry where record_key = ?").param(recordKey).update();
		jdbc.sql("delete from dl_record where run_id = ?").param(runId).update();
		jdbc.sql("delete from dl_file where run_id = ?").param(runId).update();
		jdbc.sql("delete from dl_run where run_id = ?").param(runId).update();
		jdbc.sql("""
				insert into dl_run (run_id, job_id, department, status, started_at, manual_minutes_per_item)
				values (?, ?, ?, 'COMPLETED', ?, 5)""").params(runId, job, department, LocalDateTime.now()).update();
		if (scan != null) {
			jdbc.sql("""
					insert into dl_file (run_id, seq, name, source_path, work_path, sha256, status, final_path, pages)
					values (?, 1, 'scan-001.png', ?, ?, ?, 'RECOGNIZED', ?, 1)""")
				.params(runId, scan.toString(), scan.toString(), "0".repeat(64), scan.toString())
				.update();
		}
		jdbc.sql("""
				insert into dl_record (record_key, run_id, file_seq, doc_index, source_file, pages, template_id,
				  status, fields_json)
				values (?, ?, 1, 1, 'scan-001.png', '1', ?, 'NEEDS_REVIEW', ?)""")
			.params(recordKey, runId, TEMPLATE, fieldsJson())
			.update();
		return recordKey;
	}

	private static String fieldsJson() {
		return "{" + field("name", "北九州 太郎", 0.95, new double[] { 58, 82, 136, 12 }) + ","
				+ field("postal_code", "8O3-85O1", 0.41, POSTAL_BOX) + ","
				+ field("my_number", MY_NUMBER, 0.30, new double[] { 58, 230, 136, 12 }) + "}";
	}

	private static String field(String name, String value, double confidence, double[] box) {
		return String.format(Locale.ROOT,
				"\"%s\":{\"value\":\"%s\",\"raw\":\"%s\",\"confidence\":%.2f,\"valid\":true,\"reasons\":[],"
						+ "\"page\":1,\"box\":[%s,%s,%s,%s]}",
				name, value, value, confidence, box[0], box[1], box[2], box[3]);
	}

}
