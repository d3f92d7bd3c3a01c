package jp.digilab.jobs.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jp.digilab.jobs.cluster.ClusterNode;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake: claims the run's input files by moving them from the inbox into
 * {@code work/RUN/} (or copying the files named on the command line), skipping content
 * already read by an earlier run into {@code duplicates/}.
 *
 * <p>
 * A claim is one atomic move (a rename on the same file system): when several nodes share
 * the inbox and list the same file, exactly one move succeeds and the others find the
 * file gone and pass over it quietly. The run's row is committed before any file moves,
 * so a crash part-way leaves a run another node (or the next start) can take over; its
 * restarted intake adopts the files already in {@code work/RUN/} and claims the rest.
 */
class IntakeTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(IntakeTasklet.class);

	private final DigilabHome home;

	private final JobCatalog catalog;

	private final RunRepository runs;

	private final Duration settle;

	private final RunProgress progress;

	private final ClusterNode node;

	private final TransactionTemplate ownTransaction;

	IntakeTasklet(DigilabHome home, JobCatalog catalog, RunRepository runs, Duration settle, RunProgress progress,
			ClusterNode node, PlatformTransactionManager tx) {
		this.progress = progress;
		this.home = home;
		this.catalog = catalog;
		this.runs = runs;
		this.settle = settle;
		this.node = node;
		this.ownTransaction = new TransactionTemplate(tx);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		JobParameters parameters = contribution.getStepExecution().getJobParameters();
		String runId = RunParameters.runId(parameters);
		JobDefinition job = this.catalog.get(RunParameters.jobId(parameters));
		this.home.createWorkFolders();
		if (!this.runs.runExists(runId)) {
			long execution = contribution.getStepExecution().getJobExecutionId();
			this.ownTransaction.executeWithoutResult((status) -> this.runs.createRun(runId, job.id(), job.department(),
					execution, job.hoursSaved().manualMinutesPerItem(), this.node.id()));
		}
		Path workDir = this.home.work().resolve(runId);
		int seq = this.runs.lastFileSeq(runId);
		// files a crashed attempt moved in before its transaction committed
		for (Path adopted : unrecorded(runId, workDir)) {
			seq = record(runId, seq, adopted, adopted, contribution);
		}
		List<Path> explicit = RunParameters.files(parameters);
		List<Path> inputs = explicit.isEmpty() ? inboxFiles(job.id()) : explicit;
		Path inbox = this.home.inbox(job.id()).toAbsolutePath().normalize();
		for (Path input : inputs) {
			if (!Files.isRegularFile(input, LinkOption.NOFOLLOW_LINKS)) {
				log.warn("Run {}: {} is gone or not a regular file; not claimed", runId, input.getFileName());
				continue;
			}
			boolean move = input.toAbsolutePath().normalize().startsWith(inbox);
			Path work;
			try {
				if (move) {
					Optional<Path> claimed = FileMover.claim(input, workDir);
					if (claimed.isEmpty()) {
						log.info("Run {}: {} was taken by another run; passed over", runId, input.getFileName());
						continue;
					}
					work = claimed.get();
				}
				else {
					work = FileMover.copyInto(input, workDir);
				}
			}
			catch (IOException ex) {
				// e.g. a file locked or made immutable by another program: it stays in
				// the
				// inbox, visibly, and is handed again later
				log.warn("Run {}: {} cannot be moved out of the inbox ({}: {}); not claimed, left where it is", runId,
						input.getFileName(), ex.getClass().getSimpleName(), reason(ex));
				continue;
			}
			seq = record(runId, seq, input, work, contribution);
		}
		log.info("Run {}: {} file(s) claimed for job {} on node {}", runId, seq, job.id(), this.node.id());
		this.progress.report(runId, "intake", seq, seq);
		return RepeatStatus.FINISHED;
	}

	/** The file system's reason without the path, which the line already names. */
	private static String reason(IOException ex) {
		return (ex instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) ? fs.getReason()
				: "no detail";
	}

	/**
	 * Records a claimed file as the run's, or sets it aside in {@code duplicates/} when
	 * its content was already read.
	 */
	private int record(String runId, int seq, Path source, Path work, StepContribution contribution)
			throws IOException {
		String sha;
		try {
			sha = FileMover.sha256(work);
		}
		catch (IOException ex) {
			// one unreadable file must not fail the run's other files: it goes back where
			// it
			// came from (the watcher hands it again later) with one line saying why
			log.warn("Run {}: {} cannot be read ({}: {}); not claimed, put back", runId, source.getFileName(),
					ex.getClass().getSimpleName(), reason(ex));
			if (!work.equals(source)) {
				if (Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
					Files.deleteIfExists(work);
				}
				else {
					Files.move(work, source);
				}
			}
			return seq;
		}
		var earlier = this.runs.findRecognizedBySha(sha);
		if (earlier.isPresent()) {
			Path moved = FileMover.moveInto(work, this.home.duplicates());
			Files.writeString(FileMover.sidecar(moved, ".duplicate.txt"),
					"Same content (SHA-256 " + sha + ") was already read by run " + earlier.get().runId() + " as "
							+ earlier.get().name() + System.lineSeparator());
			log.warn("Run {}: {} is a duplicate of a file read by run {}; moved to duplicates/", runId,
					source.getFileName(), earlier.get().runId());
			contribution.incrementFilterCount(1);
			return seq;
		}
		this.runs.addFile(runId, seq + 1, source.getFileName().toString(), source, work, sha);
		contribution.incrementReadCount();
		return seq + 1;
	}

	private List<Path> unrecorded(String runId, Path workDir) throws IOException {
		if (!Files.isDirectory(workDir)) {
			return List.of();
		}
		var recorded = this.runs.workPaths(runId);
		try (Stream<Path> files = Files.list(workDir)) {
			return files.filter((p) -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
				.filter((p) -> !recorded.contains(p))
				.sorted()
				.toList();
		}
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
