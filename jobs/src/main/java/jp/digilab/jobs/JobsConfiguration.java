package jp.digilab.jobs;

import java.nio.file.Path;

import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.jobs.ledger.LedgerRepository;
import jp.digilab.jobs.pipeline.PipelineService;
import jp.digilab.jobs.pipeline.RobotEnvironment;
import jp.digilab.jobs.review.FieldCrops;
import jp.digilab.jobs.review.ReviewService;
import jp.digilab.jobs.run.RunRepository;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The jobs module's shared beans: the home folder, definitions, repositories. */
@Configuration(proxyBeanMethods = false)
public class JobsConfiguration {

	@Bean
	DigilabHome digilabHome(@Value("${digilab.home:digilab-home}") String home) {
		return new DigilabHome(Path.of(home));
	}

	@Bean
	JobCatalog jobCatalog(DigilabHome home) {
		return new JobCatalog(home);
	}

	@Bean
	RunRepository runRepository(JdbcClient jdbc) {
		return new RunRepository(jdbc);
	}

	@Bean
	LedgerRepository ledgerRepository(JdbcClient jdbc) {
		return new LedgerRepository(jdbc);
	}

	@Bean
	RobotEnvironment robotEnvironment() {
		return new RobotEnvironment();
	}

	@Bean
	PipelineService pipelineService(JobOperator jobOperator, JobRepository jobRepository,
			@Qualifier("pipelineJob") Job pipelineJob, @Qualifier("reviewedJob") Job reviewedJob, JobCatalog catalog,
			RunRepository runs, LedgerRepository ledger, JdbcClient jdbc, DigilabHome home) {
		return new PipelineService(jobOperator, jobRepository, pipelineJob, reviewedJob, catalog, runs, ledger, jdbc,
				home);
	}

	@Bean
	ReviewService reviewService(JdbcClient jdbc, DigilabHome home) {
		return new ReviewService(jdbc, home);
	}

	@Bean
	FieldCrops fieldCrops(DigilabHome home) {
		return new FieldCrops(home);
	}

}
