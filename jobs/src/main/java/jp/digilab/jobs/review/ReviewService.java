package jp.digilab.jobs.review;

import java.nio.file.Path;
import java.text.Normalizer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.digilab.jobs.JobReasons;
import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.definition.JobDefinition;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.ocr.FieldResult;
import jp.digilab.ocr.Reasons;
import jp.digilab.ocr.field.FieldType;
import jp.digilab.ocr.field.Normalized;
import jp.digilab.ocr.template.ChoiceOption;
import jp.digilab.ocr.template.FieldSpec;
import jp.digilab.ocr.template.FormTemplate;
import jp.digilab.ocr.template.TemplateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
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

	private static final TypeReference<LinkedHashMap<String, String>> VALUES = new TypeReference<>() {
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
	 * value). A correction is normalised and validated by its field's type as recognition
	 * does ("令和8年4月1日" → 2026-04-01, "〒8038501" → 803-8501; "true"/"false" for ticks, an
	 * option's value for a choice); an invalid one is refused with the reason.
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
			String value = checked(item, change.getKey(), change.getValue());
			fields.put(change.getKey(),
					new FieldResult(value, field.raw(), 1.0, true, List.of(), field.page(), field.box()));
		}
		for (String name : item.doubtfulFields()) {
			FieldResult field = fields.get(name);
			if (!corrected.containsKey(name) && !field.valid()) {
				throw new ReviewException(ReviewException.Problem.UNCORRECTED,
						"Record " + recordKey + ": field '" + name + "' is invalid ("
								+ String.join(", ", field.reasons()) + ") and was not corrected",
						item.label(name), JobReasons.joined(field.reasons()));
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
			throw new ReviewException(ReviewException.Problem.NOT_WAITING,
					"Record " + recordKey + " is not waiting for review (" + status + ")", status);
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

	// --- double entry (job definition: review: { doubleEntry: true }) ---

	/** What one reviewer's entry led to. */
	public enum EntryOutcome {

		/** The first blind entry is stored; the record waits for a second person. */
		WAITING_FOR_SECOND,
		/**
		 * The second entry disagrees with the first; the record waits for a third person.
		 */
		MISMATCH,
		/** The entries agreed (or the third person decided): the record is approved. */
		APPROVED

	}

	/** Whether the record's job asks for double entry. */
	public boolean doubleEntry(ReviewItem item) {
		return job(item).map((job) -> job.review().doubleEntry()).orElse(false);
	}

	/** The job definition of a record, empty when it was removed from the home folder. */
	public Optional<JobDefinition> job(ReviewItem item) {
		try {
			return new JobCatalog(this.home).find(item.jobId());
		}
		catch (RuntimeException ex) {
			log.warn("Job definition {} unreadable: {}", item.jobId(), ex.getMessage());
			return Optional.empty();
		}
	}

	/** The double entries of a record so far, in round order. */
	public List<ReviewEntry> entries(String recordKey) {
		return this.jdbc.sql("""
				select record_key, round, username, values_json, seconds, entered_at
				from dl_review_entry where record_key = ? order by round""")
			.param(recordKey)
			.query((rs, i) -> new ReviewEntry(rs.getString(1), rs.getInt(2), rs.getString(3),
					JSON.readValue(rs.getString(4), VALUES), rs.getInt(5), rs.getTimestamp(6).toLocalDateTime()))
			.list();
	}

	/** Where the record stands for this reviewer. */
	public ReviewStage stage(ReviewItem item, String reviewer) {
		return stage(item, reviewer, doubleEntry(item));
	}

	/**
	 * Where the record stands for this reviewer, its job's double-entry setting known
	 * (saves reading the job definition again for each record of a queue).
	 */
	public ReviewStage stage(ReviewItem item, String reviewer, boolean doubleEntry) {
		if (!doubleEntry) {
			return ReviewStage.SINGLE;
		}
		List<ReviewEntry> entries = entries(item.recordKey());
		if (entries.stream().anyMatch((e) -> e.username().equals(reviewer))) {
			return ReviewStage.ENTERED_BY_YOU;
		}
		return switch (entries.size()) {
			case 0 -> ReviewStage.FIRST_ENTRY;
			case 1 -> ReviewStage.SECOND_ENTRY;
			default -> ReviewStage.THIRD_REVIEW;
		};
	}

	/**
	 * One reviewer's entry of the doubtful fields in double-entry mode. The first two
	 * entries must come from different people; when they agree (compared after NFKC
	 * normalisation and trimming) the record is approved with that value, otherwise it
	 * waits for a third person, whose entry decides. The seconds spent count towards the
	 * record's review time at once.
	 */
	@Transactional
	public EntryOutcome enter(String recordKey, Map<String, String> values, long seconds, String reviewer) {
		ReviewItem item = waiting(recordKey);
		ReviewStage stage = stage(item, reviewer);
		if (stage == ReviewStage.SINGLE) {
			throw new ReviewException(ReviewException.Problem.NOT_DOUBLE_ENTRY,
					"Record " + recordKey + " is not reviewed by double entry");
		}
		if (stage == ReviewStage.ENTERED_BY_YOU) {
			throw new ReviewException(ReviewException.Problem.ALREADY_ENTERED,
					"Record " + recordKey + ": " + reviewer + " has already entered it; another reviewer must");
		}
		Map<String, String> typed = new LinkedHashMap<>();
		for (String name : item.doubtfulFields()) {
			String value = values.get(name);
			if (value == null) {
				throw new ReviewException(ReviewException.Problem.NOT_ENTERED,
						"Record " + recordKey + ": field '" + name + "' was not entered", item.label(name));
			}
			typed.put(name, checked(item, name, value));
		}
		int round = (stage == ReviewStage.FIRST_ENTRY) ? 1 : (stage == ReviewStage.SECOND_ENTRY) ? 2 : 3;
		long spent = Math.max(0, seconds);
		try {
			this.jdbc.sql("""
					insert into dl_review_entry (record_key, round, username, values_json, seconds, entered_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(recordKey, round, reviewer, JSON.writeValueAsString(typed), spent, LocalDateTime.now())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ReviewException(ReviewException.Problem.TAKEN, "Record " + recordKey + ": entry " + round
					+ " was just made by someone else; open the record again");
		}
		this.jdbc.sql("update dl_record set review_seconds = review_seconds + ? where record_key = ?")
			.params(spent, recordKey)
			.update();
		log.info("Record {}: entry {} by {} after {} s", recordKey, round, reviewer, spent);
		if (round == 1) {
			return EntryOutcome.WAITING_FOR_SECOND;
		}
		if (round == 2 && !agree(entries(recordKey).get(0).values(), typed)) {
			log.info("Record {}: the two entries disagree; waiting for a third reviewer", recordKey);
			return EntryOutcome.MISMATCH;
		}
		approve(recordKey, typed, 0, reviewer);
		return EntryOutcome.APPROVED;
	}

	/**
	 * A reviewer's value for a field, normalised and validated as recognition does it
	 * (type, required, pattern); fields whose template is unknown are taken as typed.
	 */
	static String checked(ReviewItem item, String name, String typed) {
		String value = (typed != null) ? typed.strip() : "";
		FieldSpec spec = item.specs().get(name);
		if (spec == null) {
			return value;
		}
		List<String> problems = new ArrayList<>();
		FieldType type = FieldType.of(spec.type()).orElse(FieldType.TEXT);
		if (type == FieldType.CHECKBOX) {
			if (!value.equals("true") && !value.equals("false")) {
				problems.add(JobReasons.NOT_A_TICK.text());
			}
		}
		else if (type == FieldType.CHOICE) {
			List<String> options = spec.options().stream().map(ChoiceOption::value).toList();
			if (!value.isEmpty() && !options.isEmpty() && !options.contains(value)) {
				problems.add(JobReasons.NOT_AN_OPTION.text(String.join(", ", options)));
			}
		}
		else if (!value.isEmpty()) {
			Normalized normalized = type.normalize(value);
			if (normalized.valid()) {
				value = normalized.value();
			}
			else {
				problems.addAll(normalized.reasons());
			}
		}
		if (spec.required() && (value.isEmpty() || (type == FieldType.CHECKBOX && value.equals("false")))) {
			problems.add(value.isEmpty() ? Reasons.REQUIRED_EMPTY.text() : Reasons.REQUIRED_NOT_TICKED.text());
		}
		if (problems.isEmpty() && !value.isEmpty() && spec.pattern() != null
				&& !Pattern.compile(spec.pattern()).matcher(value).matches()) {
			problems.add(Reasons.PATTERN_MISMATCH.text(spec.pattern()));
		}
		if (!problems.isEmpty()) {
			throw new ReviewException(
					ReviewException.Problem.INVALID, "Record " + item.recordKey() + ": field '" + name + "' ("
							+ item.label(name) + "): " + String.join(", ", problems),
					item.label(name), JobReasons.joined(problems));
		}
		return value;
	}

	static boolean agree(Map<String, String> first, Map<String, String> second) {
		return first.keySet().equals(second.keySet()) && first.keySet()
			.stream()
			.allMatch((name) -> canonical(first.get(name)).equals(canonical(second.get(name))));
	}

	/** Full- and half-width forms of one character count as the same typing. */
	private static String canonical(String value) {
		return Normalizer.normalize((value != null) ? value : "", Normalizer.Form.NFKC).strip();
	}

	private TemplateRepository templates() {
		return TemplateRepository.load(this.home.templates());
	}

	private static final String SELECT = """
			select d.record_key, d.run_id, r.job_id, r.department, d.source_file,
			  coalesce(f.final_path, f.work_path), d.pages,
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
		Map<String, FieldSpec> specs = new LinkedHashMap<>();
		template.ifPresent((t) -> t.fields().forEach((spec) -> specs.put(spec.name(), spec)));
		return new ReviewItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				(rs.getString(6) != null) ? Path.of(rs.getString(6)) : null,
				pages.isBlank() ? List.of() : Arrays.stream(pages.split(",")).map(Integer::valueOf).toList(),
				templateId, fields, List.copyOf(doubtful), specs);
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
