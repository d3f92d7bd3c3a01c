package jp.digilab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.definition.JobDefinition;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.jobs.pipeline.PipelineService;
import jp.digilab.jobs.pipeline.RunBusyException;
import jp.digilab.jobs.pipeline.RunProgress;
import jp.digilab.jobs.pipeline.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code run JOB [--files F…] [--restart]}: runs a job now and prints its summary. */
@Command(name = "run", description = "run a job now, show progress, print the summary")
class RunCommand implements Callable<Integer> {

	@ParentCommand
	DigilabCommand parent;

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "JOB")
	String job;

	@Option(names = "--files", arity = "1..*", paramLabel = "F")
	List<Path> files = List.of();

	@Option(names = "--restart", description = "restart the job's last run that did not complete")
	boolean restart;

	@Override
	public Integer call() throws Exception {
		Path home = Homes.checked(this.parent.home);
		JobDefinition definition = new JobCatalog(new DigilabHome(home)).get(this.job);
		for (Path file : this.files) {
			if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
				throw new CliException(2, Messages.get("run.file.unreadable", file));
			}
		}
		preflight(definition);
		PrintWriter out = this.spec.commandLine().getOut();
		out.println(Messages.get("run.starting", definition.id(), definition.title()));
		out.flush();
		try (ConfigurableApplicationContext context = SpringContexts.start(home, false, Map.of())) {
			PipelineService pipeline = context.getBean(PipelineService.class);
			RunSummary summary;
			try (ProgressPrinter progress = ProgressPrinter.forConsole(out)) {
				context.getBean(RunProgress.class).add(progress);
				if (this.restart) {
					try {
						summary = pipeline.restartLast(this.job)
							.orElseThrow(() -> new CliException(2, Messages.get("run.nothing.to.restart", this.job)));
					}
					catch (RunBusyException ex) {
						throw new CliException(1, Messages.get("run.busy", ex.runId(), ex.nodeId()));
					}
				}
				else {
					summary = pipeline.run(this.job, this.files);
				}
			}
			SummaryPrinter.print(summary, definition.title(), out);
			return summary.exitCode();
		}
	}

	static void preflight(JobDefinition definition) {
		Checks.ocr("jpn+eng");
		if (definition.robot() != null && !definition.robot().isBlank()) {
			Checks.browser();
		}
	}

}
