package jp.digilab.jobs.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's records to the outputs its job asks for (xlsx, csv) in
 * {@code out/JOB/YYYY-MM-DD/}, with a manifest. All of a run's files appear together or
 * not at all. Plain Java: no Spring, so it can be used and tested alone.
 */
public final class ExportService {

	/** How many problems the manifest lists (all are counted). */
	static final int MANIFEST_PROBLEMS = 1000;

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final Clock clock;

	public ExportService() {
		this(Clock.systemDefaultZone());
	}

	public ExportService(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock == null");
	}

	/**
	 * Exports one run.
	 * @param jobId the job ({@code juminhyo}); the folder and the start of each file name
	 * @param runId the run; in each file name, so that runs never collide
	 * @param spec the job's {@code outputs:}; null (a job without one) for
	 * {@link OutputsSpec#DEFAULT}
	 * @param columns the template's fields, in order
	 * @param records gives the records from the start; called once per output, so that
	 * they need not all be in memory (an iterator that is {@link AutoCloseable} is
	 * closed)
	 * @param outRoot {@code HOME/out}
	 * @param date the run's date, the folder under the job
	 * @return the files written and the records that had problems
	 * @throws ExportException when the run could not be exported; nothing is left in
	 * {@code out/}
	 */
	public ExportResult export(String jobId, String runId, OutputsSpec spec, List<ExportColumn> columns,
			Supplier<Iterator<ExportRecord>> records, Path outRoot, LocalDate date) {
		if (spec == null) {
			spec = OutputsSpec.DEFAULT;
		}
		Objects.requireNonNull(columns, "columns == null");
		Objects.requireNonNull(records, "records == null");
		Objects.requireNonNull(outRoot, "outRoot == null");
		Objects.requireNonNull(date, "date == null");
		XlsxExporter xlsx = spec.xlsx() ? new XlsxExporter(columns, spec.allowMyNumber()) : null;
		CsvExporter csv = (spec.csv() != null) ? new CsvExporter(spec.csv(), columns, spec.allowMyNumber()) : null;
		List<String> formats = new ArrayList<>();
		if (xlsx != null) {
			formats.add("xlsx");
		}
		if (csv != null) {
			formats.add("csv");
		}
		RunOutputs outputs = RunOutputs.open(outRoot, jobId, runId, date, formats);
		Problems problems = new Problems();
		try {
			List<OutputFile> files = new ArrayList<>();
			if (xlsx != null) {
				files.add(outputs.write("xlsx", (out) -> each(records, (it) -> xlsx.write(it, out, problems))));
			}
			if (csv != null) {
				// a CSV feeds a legacy import: only approved records go into it; the xlsx
				// shows all
				files.add(outputs.write("csv",
						(out) -> each(records, (it) -> csv.write(approvedOnly(it), out, problems))));
			}
			List<RecordProblem> found = problems.list();
			outputs.writeManifest(manifest(jobId, runId, date, files, found));
			outputs.commit();
			return new ExportResult(List.copyOf(files), found, outputs.manifest());
		}
		catch (ExportException ex) {
			outputs.rollback();
			throw ex;
		}
		catch (RuntimeException ex) {
			outputs.rollback();
			throw new ExportException("export of run " + runId + " failed: " + ex, ex);
		}
	}

	private static Iterator<ExportRecord> approvedOnly(Iterator<ExportRecord> records) {
		return new Iterator<>() {

			private ExportRecord next = advance();

			private ExportRecord advance() {
				while (records.hasNext()) {
					ExportRecord candidate = records.next();
					if (candidate.status() == RecordStatus.APPROVED) {
						return candidate;
					}
				}
				return null;
			}

			@Override
			public boolean hasNext() {
				return this.next != null;
			}

			@Override
			public ExportRecord next() {
				if (this.next == null) {
					throw new java.util.NoSuchElementException();
				}
				ExportRecord current = this.next;
				this.next = advance();
				return current;
			}

		};
	}

	private static long each(Supplier<Iterator<ExportRecord>> records, Writing writing) throws IOException {
		Iterator<ExportRecord> iterator = Objects.requireNonNull(records.get(), "records.get() == null");
		try {
			return writing.write(iterator);
		}
		finally {
			if (iterator instanceof AutoCloseable closeable) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					throw new UncheckedIOException(new IOException("closing the records failed: " + ex, ex));
				}
			}
		}
	}

	private byte[] manifest(String jobId, String runId, LocalDate date, List<OutputFile> files,
			List<RecordProblem> problems) {
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("job", jobId);
		manifest.put("runId", runId);
		manifest.put("date", date.toString());
		manifest.put("createdAt", OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.SECONDS).toString());
		List<Map<String, Object>> listed = new ArrayList<>();
		for (OutputFile file : files) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", file.path().getFileName().toString());
			entry.put("format", file.format());
			entry.put("rows", file.rows());
			entry.put("sha256", file.sha256());
			listed.add(entry);
		}
		manifest.put("files", listed);
		Map<String, Object> problemSummary = new LinkedHashMap<>();
		problemSummary.put("count", problems.size());
		problemSummary.put("skipped", problems.stream().filter(RecordProblem::skipped).count());
		problemSummary.put("listed", problems.stream().limit(MANIFEST_PROBLEMS).map((problem) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("key", problem.key());
			entry.put("format", problem.format());
			entry.put("reason", problem.reason());
			entry.put("skipped", problem.skipped());
			return entry;
		}).toList());
		manifest.put("problems", problemSummary);
		return JSON.writeValueAsBytes(manifest);
	}

	@FunctionalInterface
	private interface Writing {

		long write(Iterator<ExportRecord> records) throws IOException;

	}

}
