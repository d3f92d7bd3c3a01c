package jp.digilab.jobs.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.definition.JobDefinition;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.jobs.run.RunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Intake: claims the run's input files by moving them from the inbox into
 * {@code work/RUN/} (or copying the files named on the command line), skipping content
 * already read by an earlier run into {@code duplicates/}. On a restart the run's files
 * are already claimed and nothing is done again.
 */
class IntakeTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(IntakeTasklet.class);

	private final DigilabHome home;

	private final JobCatalog catalog;

	private final RunRepository runs;

	IntakeTasklet(DigilabHome home, JobCatalog catalog, RunRepository runs) {
		this.home = home;
		this.catalog = catalog;
		this.runs = runs;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		JobParameters parameters = contribution.getStepExecution().getJobParameters();
		String runId = RunParameters.runId(parameters);
		if (this.runs.runExists(runId)) {
			log.info("Run {}: files already claimed, intake skipped on restart", runId);
			return RepeatStatus.FINISHED;
		}
		JobDefinition job = this.catalog.get(RunParameters.jobId(parameters));
		this.home.createWorkFolders();
		this.runs.createRun(runId, job.id(), job.department(), contribution.getStepExecution().getJobExecutionId(),
				job.hoursSaved().manualMinutesPerItem());
		List<Path> explicit = RunParameters.files(parameters);
		List<Path> inputs = explicit.isEmpty() ? inboxFiles(job.id()) : explicit;
		Path workDir = this.home.work().resolve(runId);
		int seq = 0;
		for (Path input : inputs) {
			String sha = FileMover.sha256(input);
			var earlier = this.runs.findRecognizedBySha(sha);
			if (earlier.isPresent()) {
				Path moved = explicit.isEmpty() ? FileMover.moveInto(input, this.home.duplicates())
						: FileMover.copyInto(input, this.home.duplicates());
				Files.writeString(moved.resolveSibling(moved.getFileName() + ".duplicate.txt"),
						"Same content (SHA-256 " + sha + ") was already read by run " + earlier.get().runId() + " as "
								+ earlier.get().name() + System.lineSeparator());
				log.warn("Run {}: {} is a duplicate of a file read by run {}; moved to duplicates/", runId,
						input.getFileName(), earlier.get().runId());
				contribution.incrementFilterCount(1);
				continue;
			}
			Path work = explicit.isEmpty() ? FileMover.moveInto(input, workDir) : FileMover.copyInto(input, workDir);
			this.runs.addFile(runId, ++seq, input.getFileName().toString(), input, work, sha);
			contribution.incrementReadCount();
		}
		log.info("Run {}: {} file(s) claimed for job {}", runId, seq, job.id());
		return RepeatStatus.FINISHED;
	}

	private List<Path> inboxFiles(String jobId) throws IOException {
		Path inbox = this.home.inbox(jobId);
		if (!Files.isDirectory(inbox)) {
			return List.of();
		}
		List<Path> files = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(inbox)) {
			walk.filter(Files::isRegularFile)
				.filter((p) -> !p.getFileName().toString().startsWith("."))
				.sorted()
				.forEach(files::add);
		}
		return files;
	}

}
