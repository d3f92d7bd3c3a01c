package jp.digilab.jobs.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

	private final Duration settle;

	private final RunProgress progress;

	IntakeTasklet(DigilabHome home, JobCatalog catalog, RunRepository runs, Duration settle, RunProgress progress) {
		this.progress = progress;
		this.home = home;
		this.catalog = catalog;
		this.runs = runs;
		this.settle = settle;
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
		Path inbox = this.home.inbox(job.id()).toAbsolutePath().normalize();
		int seq = 0;
		for (Path input : inputs) {
			if (!Files.isRegularFile(input, LinkOption.NOFOLLOW_LINKS)) {
				log.warn("Run {}: {} is gone or not a regular file; not claimed", runId, input.getFileName());
				continue;
			}
			boolean move = input.toAbsolutePath().normalize().startsWith(inbox);
			String sha;
			try {
				sha = FileMover.sha256(input);
			}
			catch (IOException ex) {
				// one unreadable file must not fail the run's other files: it stays where
				// it
				// is (the watcher hands it again later) with one line saying why
				log.warn("Run {}: {} cannot be read ({}); not claimed, left where it is", runId, input.getFileName(),
						ex.getClass().getSimpleName());
				continue;
			}
			var earlier = this.runs.findRecognizedBySha(sha);
			if (earlier.isPresent()) {
				Path moved = move ? FileMover.moveInto(input, this.home.duplicates())
						: FileMover.copyInto(input, this.home.duplicates());
				Files.writeString(FileMover.sidecar(moved, ".duplicate.txt"),
						"Same content (SHA-256 " + sha + ") was already read by run " + earlier.get().runId() + " as "
								+ earlier.get().name() + System.lineSeparator());
				log.warn("Run {}: {} is a duplicate of a file read by run {}; moved to duplicates/", runId,
						input.getFileName(), earlier.get().runId());
				contribution.incrementFilterCount(1);
				continue;
			}
			Path work;
			try {
				work = move ? FileMover.moveInto(input, workDir) : FileMover.copyInto(input, workDir);
			}
			catch (IOException ex) {
				// e.g. a file locked or made immutable by another program: it stays in
				// the
				// inbox, visibly, and is handed again later
				log.warn("Run {}: {} cannot be moved out of the inbox ({}: {}); not claimed, left where it is", runId,
						input.getFileName(), ex.getClass().getSimpleName(), reason(ex));
				continue;
			}
			this.runs.addFile(runId, ++seq, input.getFileName().toString(), input, work, sha);
			contribution.incrementReadCount();
		}
		log.info("Run {}: {} file(s) claimed for job {}", runId, seq, job.id());
		this.progress.report(runId, "intake", seq, seq);
		return RepeatStatus.FINISHED;
	}

	/** The file system's reason without the path, which the line already names. */
	private static String reason(IOException ex) {
		return (ex instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) ? fs.getReason()
				: "no detail";
	}

	private static boolean settled(Path file, Instant before) {
		try {
			return Files.getLastModifiedTime(file).toInstant().isBefore(before);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private List<Path> inboxFiles(String jobId) throws IOException {
		Path inbox = this.home.inbox(jobId);
		if (!Files.isDirectory(inbox)) {
			return List.of();
		}
		List<Path> files = new ArrayList<>();
		Instant settledBefore = Instant.now().minus(this.settle);
		try (Stream<Path> walk = Files.walk(inbox)) {
			walk.filter((p) -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
				.filter((p) -> !p.getFileName().toString().startsWith("."))
				.filter((p) -> settled(p, settledBefore))
				.sorted()
				.forEach(files::add);
		}
		return files;
	}

}
