package jp.digilab.jobs.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.definition.JobDefinition;
import jp.digilab.jobs.export.ExportColumn;
import jp.digilab.jobs.export.ExportRecord;
import jp.digilab.jobs.export.ExportResult;
import jp.digilab.jobs.export.ExportService;
import jp.digilab.jobs.export.OutputsSpec;
import jp.digilab.jobs.export.RecordStatus;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.jobs.run.RunRepository;
import jp.digilab.jobs.run.StoredFile;
import jp.digilab.jobs.run.StoredFile.FileStatus;
import jp.digilab.jobs.run.StoredRecord;
import jp.digilab.jobs.run.StoredRecord.RecordState;
import jp.digilab.ocr.FieldResult;
import jp.digilab.ocr.OcrSettings;
import jp.digilab.ocr.SearchablePdfWriter;
import jp.digilab.ocr.template.FormTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Export: writes the run's records to xlsx and csv under {@code out/JOB/YYYY-MM-DD/}. */
class ExportTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ExportTasklet.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DigilabHome home;

	private final JobCatalog catalog;

	private final JobTemplates templates;

	private final RunRepository runs;

	private final ExportService exporter;

	private final JdbcClient jdbc;

	ExportTasklet(DigilabHome home, JobCatalog catalog, JobTemplates templates, RunRepository runs,
			ExportService exporter, JdbcClient jdbc) {
		this.home = home;
		this.catalog = catalog;
		this.templates = templates;
		this.runs = runs;
		this.exporter = exporter;
		this.jdbc = jdbc;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		var parameters = contribution.getStepExecution().getJobParameters();
		String runId = RunParameters.runId(parameters);
		JobDefinition job = this.catalog.get(RunParameters.jobId(parameters));
		List<StoredRecord> records = this.runs.records(runId);
		if (records.isEmpty()) {
			log.info("Run {}: no records, nothing to export", runId);
			return RepeatStatus.FINISHED;
		}
		OutputsSpec spec = JSON.convertValue(job.outputs(), OutputsSpec.class);
		List<ExportColumn> columns = columns(this.templates.of(job));
		List<ExportRecord> rows = records.stream().map(ExportTasklet::toExportRecord).toList();
		this.jdbc.sql("delete from dl_output where run_id = ?").param(runId).update();
		ExportResult result = this.exporter.export(job.id(), runId, spec, columns, rows::iterator, this.home.out(),
				LocalDate.now());
		new RunOutputsLog(this.jdbc).recordExport(runId, job.id(), result, contribution);
		if (spec.searchablePdf()) {
			writeSearchablePdfs(runId, job, LocalDate.now(), contribution);
		}
		// a problem's reason can quote a value: the log names the record, the manifest
		// says why
		result.problems()
			.forEach((p) -> log.warn("Run {}: export ({}): record {} {}; the reason is in the run's manifest", runId,
					p.format(), p.key(), p.skipped() ? "left out" : "written with a note"));
		return RepeatStatus.FINISHED;
	}

	/**
	 * Writes a searchable PDF (the scan with Tesseract's text layer) of each file read in
	 * the run, beside the run's other outputs.
	 */
	private void writeSearchablePdfs(String runId, JobDefinition job, LocalDate date, StepContribution contribution)
			throws Exception {
		Path dir = this.home.out().resolve(job.id()).resolve(date.toString());
		Files.createDirectories(dir);
		String languages = this.templates.of(job).get(0).languages();
		for (StoredFile file : this.runs.files(runId)) {
			if (file.status() != FileStatus.RECOGNIZED || file.finalPath() == null) {
				continue;
			}
			String stem = file.name().replaceFirst("\\.[^.]+$", "");
			Path target = FileMover.freeName(dir, stem + "_" + runId + ".pdf");
			// Tesseract names its PDF after the base name it is given, adding .pdf
			Path temp = dir.resolve("." + stem + "_" + runId + ".tmp.pdf");
			SearchablePdfWriter.write(Path.of(file.finalPath()), temp, OcrSettings.defaults(), languages);
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			new RunOutputsLog(this.jdbc).record(runId, target, "pdf", 0, FileMover.sha256(target));
		}
	}

	static List<ExportColumn> columns(List<FormTemplate> templates) {
		Map<String, ExportColumn> columns = new LinkedHashMap<>();
		for (FormTemplate template : templates) {
			template.fields()
				.forEach((f) -> columns.putIfAbsent(f.name(), new ExportColumn(f.name(), f.label(), f.type())));
		}
		return List.copyOf(columns.values());
	}

	static ExportRecord toExportRecord(StoredRecord record) {
		Map<String, Double> confidences = new LinkedHashMap<>();
		Map<String, List<String>> reasons = new LinkedHashMap<>();
		boolean invalid = false;
		for (Map.Entry<String, FieldResult> field : record.fields().entrySet()) {
			confidences.put(field.getKey(), field.getValue().confidence());
			reasons.put(field.getKey(), field.getValue().reasons());
			invalid |= !field.getValue().valid();
		}
		RecordStatus status = invalid ? RecordStatus.INVALID
				: (record.status() == RecordState.APPROVED) ? RecordStatus.APPROVED : RecordStatus.NEEDS_REVIEW;
		return new ExportRecord(record.key(), record.sourceFile(), record.pages(), status, record.values(), confidences,
				reasons);
	}

}
