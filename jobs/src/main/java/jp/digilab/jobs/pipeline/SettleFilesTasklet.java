package jp.digilab.jobs.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.jobs.run.RunRepository;
import jp.digilab.jobs.run.StoredFile;
import jp.digilab.jobs.run.StoredFile.FileStatus;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Moves each recognised file to {@code done/} and each failed one to {@code failed/}
 * beside a {@code NAME.error.txt} that says why. Runs after recognition has committed, so
 * a crash never leaves a file moved but unrecorded; it is idempotent on restart.
 */
class SettleFilesTasklet implements Tasklet {

	private final DigilabHome home;

	private final RunRepository runs;

	SettleFilesTasklet(DigilabHome home, RunRepository runs) {
		this.home = home;
		this.runs = runs;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		String runId = RunParameters.runId(contribution.getStepExecution().getJobParameters());
		for (StoredFile file : this.runs.files(runId)) {
			if (file.finalPath() != null || file.status() == FileStatus.CLAIMED || !Files.exists(file.workPath())) {
				continue;
			}
			if (file.status() == FileStatus.FAILED) {
				Path moved = FileMover.moveInto(file.workPath(), this.home.failed());
				Files.writeString(FileMover.sidecar(moved, ".error.txt"),
						file.error() + System.lineSeparator() + "run: " + runId + System.lineSeparator());
				this.runs.settleFile(runId, file.seq(), moved);
			}
			else {
				this.runs.settleFile(runId, file.seq(), FileMover.moveInto(file.workPath(), this.home.done()));
			}
			contribution.incrementWriteCount(1);
		}
		Path workDir = this.home.work().resolve(runId);
		if (Files.isDirectory(workDir)) {
			try (var left = Files.list(workDir)) {
				if (left.findAny().isEmpty()) {
					Files.delete(workDir);
				}
			}
		}
		return RepeatStatus.FINISHED;
	}

}
