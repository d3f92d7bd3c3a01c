package jp.digilab.jobs.pipeline;

import java.time.Duration;
import java.util.List;

import jp.digilab.jobs.cluster.ClusterNode;
import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.definition.JobDefinition;
import jp.digilab.jobs.export.ExportService;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.jobs.ledger.LedgerRepository;
import jp.digilab.jobs.run.RunRepository;
import jp.digilab.jobs.run.StoredFile;
import jp.digilab.ocr.FormReader;
import jp.digilab.ocr.template.FormTemplate;
import jp.digilab.robots.RobotRunner;
import jp.digilab.robots.RobotScript;
import jp.digilab.robots.RobotSettings;
import jp.digilab.robots.SecretStore;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pipeline job every job definition runs: intake → recognize → settle files → export
 * → entry → ledger. The job definition is a parameter ({@code jobId}); each run has its
 * own {@code runId}, so every run is its own restartable job instance.
 */
@Configuration(proxyBeanMethods = false)
public class PipelineJobConfiguration {

	/** The Spring Batch job name. */
	public static final String JOB_NAME = "pipelineJob";

	/** The Spring Batch job that finishes a run's records after review. */
	public static final String REVIEWED_JOB_NAME = "reviewedJob";

	@Bean
	Job pipelineJob(JobRepository jobRepository, Step intakeStep, Step recognizeStep, Step settleFilesStep,
			Step exportStep, Step entryStep, Step ledgerStep) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(new RunLogContext())
			.start(intakeStep)
			.next(recognizeStep)
			.next(settleFilesStep)
			.next(exportStep)
			.next(entryStep)
			.next(ledgerStep)
			.build();
	}

	/**
	 * The follow-up of a run after review: export of the approved records, entry, ledger.
	 */
	@Bean
	Job reviewedJob(JobRepository jobRepository, Step reviewedExportStep, Step entryStep, Step ledgerStep) {
		return new JobBuilder(REVIEWED_JOB_NAME, jobRepository).listener(new RunLogContext())
			.start(reviewedExportStep)
			.next(entryStep)
			.next(ledgerStep)
			.build();
	}

	@Bean
	Step reviewedExportStep(JobRepository jobRepository, PlatformTransactionManager tx, DigilabHome home,
			JobCatalog catalog, JobTemplates templates, RunRepository runs, JdbcClient jdbc) {
		return new StepBuilder("reviewedExportStep", jobRepository)
			.tasklet(new ReviewedExportTasklet(home, catalog, templates, runs, jdbc), tx)
			.build();
	}

	@Bean
	Step intakeStep(JobRepository jobRepository, PlatformTransactionManager tx, DigilabHome home, JobCatalog catalog,
			RunRepository runs, RunProgress progress, ClusterNode node,
			@Value("${digilab.inbox.settle-seconds:2}") long settleSeconds) {
		return new StepBuilder("intakeStep", jobRepository)
			.tasklet(new IntakeTasklet(home, catalog, runs, Duration.ofSeconds(settleSeconds), progress, node, tx), tx)
			.build();
	}

	@Bean
	Step recognizeStep(JobRepository jobRepository, PlatformTransactionManager tx, ClaimedFileReader claimedFileReader,
			RecognizeProcessor recognizeProcessor, RunRepository runs, RunProgress progress,
			@Value("${digilab.ocr.workers:2}") int workers) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("ocr-");
		executor.setConcurrencyLimit(workers);
		executor.setTaskDecorator(RunLogContext.propagating());
		return new StepBuilder("recognizeStep", jobRepository).<StoredFile, RecognizedFile>chunk(workers)
			.transactionManager(tx)
			.reader(claimedFileReader)
			.processor(recognizeProcessor)
			.writer(new RecognizedFileWriter(runs, progress))
			.faultTolerant()
			.skip(Exception.class)
			.skipLimit(Long.MAX_VALUE)
			.skipListener(new UnreadableFileListener(runs))
			.taskExecutor(executor)
			.build();
	}

	@Bean
	@StepScope
	ClaimedFileReader claimedFileReader(RunRepository runs, @Value("#{jobParameters['runId']}") String runId) {
		return new ClaimedFileReader(runs, runId);
	}

	@Bean
	@StepScope
	RecognizeProcessor recognizeProcessor(FormReader formReader, JobCatalog catalog, JobTemplates templates,
			@Value("#{jobParameters['jobId']}") String jobId) {
		List<FormTemplate> forms = templates.of(catalog.get(jobId));
		return new RecognizeProcessor(formReader, forms);
	}

	@Bean
	Step settleFilesStep(JobRepository jobRepository, PlatformTransactionManager tx, DigilabHome home,
			RunRepository runs) {
		return new StepBuilder("settleFilesStep", jobRepository).tasklet(new SettleFilesTasklet(home, runs), tx)
			.build();
	}

	@Bean
	Step exportStep(JobRepository jobRepository, PlatformTransactionManager tx, DigilabHome home, JobCatalog catalog,
			JobTemplates templates, RunRepository runs, JdbcClient jdbc) {
		return new StepBuilder("exportStep", jobRepository)
			.tasklet(new ExportTasklet(home, catalog, templates, runs, new ExportService(), jdbc), tx)
			.build();
	}

	@Bean
	Step entryStep(JobRepository jobRepository, PlatformTransactionManager tx, EntryRecordReader entryRecordReader,
			EntryProcessor entryProcessor, RunRepository runs, RunProgress progress) {
		return new StepBuilder("entryStep", jobRepository)
			.tasklet(new EntryTasklet(entryRecordReader, entryProcessor, new EntryOutcomeWriter(runs, progress)), tx)
			.stream(entryProcessor)
			.build();
	}

	@Bean
	@StepScope
	EntryRecordReader entryRecordReader(RunRepository runs, JobCatalog catalog,
			@Value("#{jobParameters['jobId']}") String jobId, @Value("#{jobParameters['runId']}") String runId) {
		JobDefinition job = catalog.get(jobId);
		return new EntryRecordReader(runs, runId, job.robot() != null && !job.robot().isBlank());
	}

	@Bean
	@StepScope
	EntryProcessor entryProcessor(DigilabHome home, JobCatalog catalog, RobotEnvironment environment,
			RunRepository runs, PlatformTransactionManager tx, @Value("#{jobParameters['jobId']}") String jobId,
			@Value("#{jobParameters['runId']}") String runId, @Value("#{stepExecution.id}") Long stepExecutionId) {
		// committed on its own, before the chunk's transaction (which records the
		// outcome)
		TransactionTemplate own = new TransactionTemplate(tx);
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new EntryProcessor(() -> {
			JobDefinition job = catalog.get(jobId);
			RobotScript script = RobotScript.load(home.robots().resolve(job.robot() + ".yml"));
			RobotSettings settings = new RobotSettings(environment.asMap(), SecretStore.load(home.root()),
					home.evidence(runId), script.pool(), Duration.ofSeconds(15));
			return new RobotRunner(script, settings);
		}, (record) -> Boolean.TRUE.equals(own.execute((status) -> runs.claimEntry(record,
				"started by run " + runId + ", step execution " + stepExecutionId))));
	}

	@Bean
	Step ledgerStep(JobRepository jobRepository, PlatformTransactionManager tx, JobCatalog catalog, RunRepository runs,
			LedgerRepository ledger) {
		return new StepBuilder("ledgerStep", jobRepository).tasklet(new LedgerTasklet(catalog, runs, ledger), tx)
			.build();
	}

	@Bean
	RunProgress runProgress() {
		return new RunProgress();
	}

	@Bean
	JobTemplates jobTemplates(DigilabHome home) {
		return new JobTemplates(home);
	}

}
