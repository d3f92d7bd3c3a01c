package jp.digilab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.digilab.app.demo.Demo;
import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.definition.JobDefinition;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.jobs.pipeline.RunProgress;
import jp.digilab.jobs.pipeline.RunSummary;
import jp.digilab.samples.legacy.LegacySystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code demo}: the whole pipeline on a fresh copy of the sample home. */
@Command(name = "demo", description = "run the whole pipeline on a fresh copy of the sample home")
class DemoCommand implements Callable<Integer> {

	@ParentCommand
	DigilabCommand parent;

	@Spec
	CommandSpec spec;

	@Option(names = "--samples", paramLabel = "DIR", description = "the sample home to copy (samples/home)")
	Path samples = Path.of("samples", "home");

	@Override
	public Integer call() throws Exception {
		if (!Files.isDirectory(this.samples.resolve("jobs"))) {
			throw new CliException(2, Messages.get("demo.samples.missing", this.samples.toAbsolutePath()));
		}
		Path home = ((this.parent.home != null) ? this.parent.home : Path.of("digilab-demo")).toAbsolutePath()
			.normalize();
		PrintWriter out = this.spec.commandLine().getOut();
		try {
			Demo.prepareHome(this.samples, home);
		}
		catch (IllegalStateException ex) {
			throw new CliException(2, ex.getMessage());
		}
		JobDefinition job = new JobCatalog(new DigilabHome(home)).get(Demo.JOB);
		RunCommand.preflight(job);
		out.println(Messages.get("demo.home", home));
		try (LegacySystem legacy = Demo.startLegacySystem(home)) {
			out.println(Messages.get("demo.legacy", legacy.url()));
			out.println(Messages.get("run.starting", job.id(), job.title()));
			out.flush();
			try (ConfigurableApplicationContext context = SpringContexts.start(home, false, Map.of())) {
				RunSummary summary;
				try (ProgressPrinter progress = ProgressPrinter.forConsole(out)) {
					context.getBean(RunProgress.class).add(progress);
					summary = Demo.run(context, legacy);
				}
				SummaryPrinter.print(summary, job.title(), out);
				out.println(Messages.get("demo.legacy.entries", legacy.entries().size()));
				out.println(Messages.get("demo.next", home));
				return summary.exitCode();
			}
		}
	}

}
