package jp.digilab.jobs.review;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.ocr.FieldResult;
import jp.digilab.ocr.template.FieldSpec;
import jp.digilab.ocr.template.FormTemplate;
import jp.digilab.ocr.template.TemplateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review gate's other side: records that need a person, and what the person decided.
 * An approved record (with the reviewer's corrections) goes on to export and entry
 * through {@code PipelineService.finishReviewed}; the time spent reviewing is subtracted
 * from the hours saved. Logs name record keys and reviewers, never field values.
 */
public class ReviewService {

	private static final Logger log = LoggerFactory.getLogger(ReviewService.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, FieldResult>> FIELDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final DigilabHome home;

	public ReviewService(JdbcClient jdbc, DigilabHome home) {
		this.jdbc = jdbc;
		this.home = home;
	}

	/**
	 * Records waiting for review, oldest run first; {@code department} null means all.
	 */
	public List<ReviewItem> queue(String department) {
		String sql = SELECT + " where d.status = 'NEEDS_REVIEW'" + ((department != null) ? " and r.department = ?" : "")
				+ " order by r.started_at, d.record_key";
		var statement = this.jdbc.sql(sql);
		if (department != null) {
			statement = statement.param(department);
		}
		TemplateRepository templates = templates();
		return statement.query((rs, i) -> item(rs, templates)).list();
	}

	public Optional<ReviewItem> find(String recordKey) {
		TemplateRepository templates = templates();
		return this.jdbc.sql(SELECT + " where d.record_key = ?")
			.param(recordKey)
			.query((rs, i) -> item(rs, templates))
			.optional();
	}

	/**
	 * Approves a record waiting for review, with the reviewer's corrections (field name →
	 * value as it should be, already normalised: ISO dates, "true"/"false" for ticks).
	 */
	@Transactional
	public ReviewItem approve(String recordKey, Map<String, String> corrected, long reviewSeconds, String reviewer) {
		ReviewItem item = waiting(recordKey);
		Map<String, FieldResult> fields = new LinkedHashMap<>(item.fields());
		for (Map.Entry<String, String> change : corrected.entrySet()) {
			FieldResult field = fields.get(change.getKey());
			if (field == null) {
				throw new ReviewException("Record " + recordKey + " has no field '" + change.getKey() + "'");
			}
			fields.put(change.getKey(),
					new FieldResult(change.getValue(), field.raw(), 1.0, true, List.of(), field.page(), field.box()));
		}
		for (String name : item.doubtfulFields()) {
			FieldResult field = fields.get(name);
			if (!corrected.containsKey(name) && !field.valid()) {
				throw new ReviewException("Record " + recordKey + ": field '" + name + "' is invalid ("
						+ String.join(", ", field.reasons()) + ") and was not corrected");
			}
			if (!corrected.containsKey(name)) {
				// confirmed as read
				fields.put(name,
						new FieldResult(field.value(), field.raw(), 1.0, true, List.of(), field.page(), field.box()));
			}
		}
		decide(recordKey, "APPROVED", JSON.writeValueAsString(fields), reviewSeconds, reviewer, null);
		log.info("Record {} approved by {} after {} s ({} field(s) corrected)", recordKey, reviewer, reviewSeconds,
				corrected.size());
		return find(recordKey).orElseThrow();
	}

	/** Rejects a record: it is neither exported nor entered, and saves no time. */
	@Transactional
	public void reject(String recordKey, String reason, long reviewSeconds, String reviewer) {
		ReviewItem item = waiting(recordKey);
		decide(recordKey, "REJECTED", JSON.writeValueAsString(item.fields()), reviewSeconds, reviewer, reason);
		log.info("Record {} rejected by {} after {} s", recordKey, reviewer, reviewSeconds);
	}

	private ReviewItem waiting(String recordKey) {
		ReviewItem item = find(recordKey).orElseThrow(() -> new ReviewException("No record " + recordKey));
		String status = this.jdbc.sql("select status from dl_record where record_key = ?")
			.param(recordKey)
			.query(String.class)
			.single();
		if (!"NEEDS_REVIEW".equals(status)) {
			throw new ReviewException("Record " + recordKey + " is not waiting for review (" + status + ")");
		}
		return item;
	}

	private void decide(String recordKey, String status, String fieldsJson, long reviewSeconds, String reviewer,
			String note) {
		this.jdbc.sql("""
				update dl_record set status = ?, fields_json = ?, review_seconds = review_seconds + ?,
				  reviewed_by = ?, reviewed_at = ?, review_note = ?
				where record_key = ? and status = 'NEEDS_REVIEW'""")
			.params(status, fieldsJson, Math.max(0, reviewSeconds), reviewer, LocalDateTime.now(), note, recordKey)
			.update();
	}

	private TemplateRepository templates() {
		return TemplateRepository.load(this.home.templates());
	}

	private static final String SELECT = """
			select d.record_key, d.run_id, r.job_id, r.department, d.source_file, f.final_path, d.pages,
			  d.template_id, d.fields_json
			from dl_record d
			join dl_run r on r.run_id = d.run_id
			left join dl_file f on f.run_id = d.run_id and f.seq = d.file_seq""";

	private static ReviewItem item(ResultSet rs, TemplateRepository templates) throws SQLException {
		Map<String, FieldResult> fields = JSON.readValue(rs.getString(9), FIELDS);
		String templateId = rs.getString(8);
		Optional<FormTemplate> template = (templateId != null) ? templates.find(templateId) : Optional.empty();
		List<String> doubtful = new ArrayList<>();
		fields.forEach((name, field) -> {
			if (!field.valid() || field.confidence() < threshold(template, name)) {
				doubtful.add(name);
			}
		});
		String pages = rs.getString(7);
		return new ReviewItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				(rs.getString(6) != null) ? Path.of(rs.getString(6)) : null,
				pages.isBlank() ? List.of() : Arrays.stream(pages.split(",")).map(Integer::valueOf).toList(),
				templateId, fields, List.copyOf(doubtful));
	}

	private static double threshold(Optional<FormTemplate> template, String field) {
		if (template.isEmpty()) {
			return 0.80;
		}
		Double own = template.get()
			.fields()
			.stream()
			.filter((f) -> f.name().equals(field))
			.map(FieldSpec::minConfidence)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
		if (own != null) {
			return own;
		}
		return (template.get().review() != null) ? template.get().review().minConfidenceOrDefault() : 0.80;
	}

}
