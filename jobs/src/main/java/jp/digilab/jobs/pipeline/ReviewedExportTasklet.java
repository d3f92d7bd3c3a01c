package jp.digilab.jobs.pipeline;

import java.time.LocalDate;
import java.util.List;

import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.definition.JobDefinition;
import jp.digilab.jobs.export.ExportRecord;
import jp.digilab.jobs.export.ExportResult;
import jp.digilab.jobs.export.ExportService;
import jp.digilab.jobs.export.OutputsSpec;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.jobs.run.RunRepository;
import jp.digilab.jobs.run.StoredRecord;
import jp.digilab.jobs.run.StoredRecord.RecordState;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Export of the records a reviewer approved after the run: they go out in their own files
 * ({@code JOB_RUN-rN.xlsx/csv}), so that the run's first outputs stay as they were and a
 * legacy import never sees a record twice.
 */
class ReviewedExportTasklet implements Tasklet {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DigilabHome home;

	private final JobCatalog catalog;

	private final JobTemplates templates;

	private final RunRepository runs;

	private final JdbcClient jdbc;

	ReviewedExportTasklet(DigilabHome home, JobCatalog catalog, JobTemplates templates, RunRepository runs,
			JdbcClient jdbc) {
		this.home = home;
		this.catalog = catalog;
		this.templates = templates;
		this.runs = runs;
		this.jdbc = jdbc;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		var parameters = contribution.getStepExecution().getJobParameters();
		String runId = RunParameters.runId(parameters);
		String exportId = runId + "-" + parameters.getString(RunParameters.FOLLOW_UP);
		JobDefinition job = this.catalog.get(RunParameters.jobId(parameters));
		List<String> keys = this.jdbc.sql("""
				select record_key from dl_record
				where run_id = ? and status = 'APPROVED' and reviewed_at is not null and exported_in is null""")
			.param(runId)
			.query(String.class)
			.list();
		List<ExportRecord> rows = this.runs.records(runId)
			.stream()
			.filter((r) -> keys.contains(r.key()) && r.status() == RecordState.APPROVED)
			.map(ExportTasklet::toExportRecord)
			.toList();
		if (rows.isEmpty()) {
			return RepeatStatus.FINISHED;
		}
		OutputsSpec spec = JSON.convertValue(job.outputs(), OutputsSpec.class);
		OutputsSpec withoutPdf = new OutputsSpec(spec.xlsx(), spec.csv(), false, spec.allowMyNumber());
		ExportResult result = new ExportService().export(job.id(), exportId, withoutPdf,
				ExportTasklet.columns(this.templates.of(job)), rows::iterator, this.home.out(), LocalDate.now());
		new RunOutputsLog(this.jdbc).recordExport(runId, job.id(), result, contribution);
		for (StoredRecord record : this.runs.records(runId)) {
			if (keys.contains(record.key())) {
				this.jdbc.sql("update dl_record set exported_in = ? where record_key = ?")
					.params(exportId, record.key())
					.update();
			}
		}
		return RepeatStatus.FINISHED;
	}

}
