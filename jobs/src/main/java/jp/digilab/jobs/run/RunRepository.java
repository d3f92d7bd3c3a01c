package jp.digilab.jobs.run;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.digilab.jobs.run.StoredFile.FileStatus;
import jp.digilab.jobs.run.StoredRecord.EntryStatus;
import jp.digilab.jobs.run.StoredRecord.RecordState;
import jp.digilab.ocr.FieldResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs, their claimed files and their records, in Digi-Lab's own tables. */
public class RunRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, FieldResult>> FIELDS = new TypeReference<>() {
	};

	private static final TypeReference<LinkedHashMap<String, String>> STRINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	public RunRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean runExists(String runId) {
		return this.jdbc.sql("select count(*) from dl_run where run_id = ?")
			.param(runId)
			.query(Integer.class)
			.single() > 0;
	}

	public void createRun(String runId, String jobId, String department, long jobExecutionId,
			double manualMinutesPerItem, String nodeId) {
		this.jdbc
			.sql("""
					insert into dl_run (run_id, job_id, department, job_execution_id, status, started_at, manual_minutes_per_item, node_id)
					values (?, ?, ?, ?, 'STARTED', ?, ?, ?)""")
			.params(runId, jobId, department, jobExecutionId, LocalDateTime.now(), manualMinutesPerItem, nodeId)
			.update();
	}

	/**
	 * Makes {@code nodeId} the node that runs the run (again STARTED), if
	 * {@code previousNode} (null for a run from before nodes were recorded) still is: of
	 * several nodes taking over the same run, exactly one succeeds.
	 * @return whether this call took the run
	 */
	public boolean takeOver(String runId, String previousNode, String nodeId) {
		String set = "update dl_run set node_id = ?, status = 'STARTED', ended_at = null where run_id = ? and ";
		if (previousNode == null) {
			return this.jdbc.sql(set + "node_id is null").params(nodeId, runId).update() == 1;
		}
		return this.jdbc.sql(set + "node_id = ?").params(nodeId, runId, previousNode).update() == 1;
	}

	/** The runs not finished yet, oldest first: going, or left behind by a crash. */
	public List<RunInfo> unfinishedRuns() {
		return this.jdbc.sql(RUN_SELECT + " where status = 'STARTED' order by started_at")
			.query((rs, i) -> runInfo(rs))
			.list();
	}

	public void finishRun(String runId, String status) {
		this.jdbc.sql("update dl_run set status = ?, ended_at = ? where run_id = ?")
			.params(status, LocalDateTime.now(), runId)
			.update();
	}

	public Optional<RunInfo> findRun(String runId) {
		return this.jdbc.sql(RUN_SELECT + " where run_id = ?").param(runId).query((rs, i) -> runInfo(rs)).optional();
	}

	public Optional<RunInfo> lastRun(String jobId) {
		return this.jdbc.sql(RUN_SELECT + " where job_id = ? order by started_at desc")
			.param(jobId)
			.query((rs, i) -> runInfo(rs))
			.list()
			.stream()
			.findFirst();
	}

	private static final String RUN_SELECT = """
			select run_id, job_id, department, job_execution_id, status, started_at, ended_at, manual_minutes_per_item,
			  node_id from dl_run""";

	private static RunInfo runInfo(ResultSet rs) throws SQLException {
		return new RunInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				rs.getTimestamp(6).toLocalDateTime(),
				(rs.getTimestamp(7) != null) ? rs.getTimestamp(7).toLocalDateTime() : null, rs.getDouble(8),
				rs.getString(9));
	}

	/**
	 * A run's row.
	 *
	 * @param nodeId the node that runs or ran it (null before nodes were recorded)
	 */
	public record RunInfo(String runId, String jobId, String department, long jobExecutionId, String status,
			LocalDateTime startedAt, LocalDateTime endedAt, double manualMinutesPerItem, String nodeId) {
	}

	// files

	public void addFile(String runId, int seq, String name, Path source, Path work, String sha256) {
		this.jdbc.sql("""
				insert into dl_file (run_id, seq, name, source_path, work_path, sha256, status)
				values (?, ?, ?, ?, ?, ?, 'CLAIMED')""")
			.params(runId, seq, name, source.toString(), work.toString(), sha256)
			.update();
	}

	/** Whether a file with this content was already read successfully by any run. */
	public Optional<StoredFile> findRecognizedBySha(String sha256) {
		return this.jdbc.sql(FILE_SELECT + " where sha256 = ? and status = 'RECOGNIZED'")
			.param(sha256)
			.query((rs, i) -> file(rs))
			.list()
			.stream()
			.findFirst();
	}

	/** The run's files by the path they have in its work folder. */
	public java.util.Set<Path> workPaths(String runId) {
		return this.jdbc.sql("select work_path from dl_file where run_id = ?")
			.param(runId)
			.query(String.class)
			.list()
			.stream()
			.map(Path::of)
			.collect(java.util.stream.Collectors.toSet());
	}

	public int lastFileSeq(String runId) {
		return this.jdbc.sql("select coalesce(max(seq), 0) from dl_file where run_id = ?")
			.param(runId)
			.query(Integer.class)
			.single();
	}

	public List<StoredFile> files(String runId) {
		return this.jdbc.sql(FILE_SELECT + " where run_id = ? order by seq")
			.param(runId)
			.query((rs, i) -> file(rs))
			.list();
	}

	public List<StoredFile> files(String runId, FileStatus status) {
		return this.jdbc.sql(FILE_SELECT + " where run_id = ? and status = ? order by seq")
			.params(runId, status.name())
			.query((rs, i) -> file(rs))
			.list();
	}

	public void markFile(String runId, int seq, FileStatus status, String error, int pages, long machineMillis) {
		this.jdbc
			.sql("update dl_file set status = ?, error = ?, pages = ?, machine_ms = ? where run_id = ? and seq = ?")
			.params(status.name(), error, pages, machineMillis, runId, seq)
			.update();
	}

	public void settleFile(String runId, int seq, Path finalPath) {
		this.jdbc.sql("update dl_file set final_path = ? where run_id = ? and seq = ?")
			.params(finalPath.toString(), runId, seq)
			.update();
	}

	public long machineMillis(String runId) {
		Long files = this.jdbc.sql("select coalesce(sum(machine_ms), 0) from dl_file where run_id = ?")
			.param(runId)
			.query(Long.class)
			.single();
		Long entry = this.jdbc.sql("select coalesce(sum(entry_ms), 0) from dl_record where run_id = ?")
			.param(runId)
			.query(Long.class)
			.single();
		return files + entry;
	}

	private static final String FILE_SELECT = """
			select run_id, seq, name, source_path, work_path, sha256, status, final_path, error, pages from dl_file""";

	private static StoredFile file(ResultSet rs) throws SQLException {
		return new StoredFile(rs.getString(1), rs.getInt(2), rs.getString(3), Path.of(rs.getString(4)),
				Path.of(rs.getString(5)), rs.getString(6), FileStatus.valueOf(rs.getString(7)), rs.getString(8),
				rs.getString(9), rs.getInt(10));
	}

	// records

	public void addRecord(StoredRecord record) {
		this.jdbc
			.sql("""
					insert into dl_record (record_key, run_id, file_seq, doc_index, source_file, pages, template_id, status, fields_json)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(record.key(), record.runId(), record.fileSeq(), record.docIndex(), record.sourceFile(),
					String.join(",", record.pages().stream().map(String::valueOf).toList()), record.templateId(),
					record.status().name(), JSON.writeValueAsString(record.fields()))
			.update();
	}

	public List<StoredRecord> records(String runId) {
		return this.jdbc.sql(RECORD_SELECT + " where run_id = ? order by file_seq, doc_index")
			.param(runId)
			.query((rs, i) -> record(rs))
			.list();
	}

	/**
	 * Claims a record for entry: marks it started, in the claimant's name, only if its
	 * entry status and message are still what the caller read. Two entries of one record
	 * at once (follow-ups of a run after review on two nodes) cannot both claim it: the
	 * second finds the first one's name.
	 * @param record the record as read
	 * @param claimant who enters it (stored as the entry message until the outcome)
	 * @return true when the caller has the record
	 */
	public boolean claimEntry(StoredRecord record, String claimant) {
		String seenStatus = (record.entryStatus() != null) ? record.entryStatus().name() : "";
		String seenMessage = (record.entryMessage() != null) ? record.entryMessage() : "";
		return this.jdbc.sql("""
				update dl_record set entry_status = ?, entry_message = ?
				where record_key = ? and coalesce(entry_status, '') = ? and coalesce(entry_message, '') = ?""")
			.params(EntryStatus.STARTED.name(), claimant, record.key(), seenStatus, seenMessage)
			.update() == 1;
	}

	public void recordEntry(String recordKey, EntryStatus status, String message, Map<String, String> values,
			long millis) {
		this.jdbc.sql("""
				update dl_record set entry_status = ?, entry_message = ?, entry_values = ?, entry_ms = entry_ms + ?
				where record_key = ?""")
			.params(status.name(), message, JSON.writeValueAsString(values), millis, recordKey)
			.update();
	}

	private static final String RECORD_SELECT = """
			select record_key, run_id, file_seq, doc_index, source_file, pages, template_id, status, fields_json,
			  review_seconds, entry_status, entry_message, entry_values from dl_record""";

	private static StoredRecord record(ResultSet rs) throws SQLException {
		String pages = rs.getString(6);
		List<Integer> pageList = pages.isBlank() ? List.of()
				: Arrays.stream(pages.split(",")).map(Integer::valueOf).toList();
		String entryValues = rs.getString(13);
		return new StoredRecord(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5), pageList,
				rs.getString(7), RecordState.valueOf(rs.getString(8)), JSON.readValue(rs.getString(9), FIELDS),
				rs.getInt(10), (rs.getString(11) != null) ? EntryStatus.valueOf(rs.getString(11)) : null,
				rs.getString(12), (entryValues != null) ? JSON.readValue(entryValues, STRINGS) : Map.of());
	}

}
