package jp.digilab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.digilab.robots.RecordOutcome;
import jp.digilab.robots.RobotRunner;
import jp.digilab.robots.RobotScript;
import jp.digilab.robots.RobotScriptException;
import jp.digilab.robots.RobotSettings;
import jp.digilab.robots.ScriptValidator;
import jp.digilab.robots.records.OutcomeCsv;
import jp.digilab.robots.records.RecordFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code robot run ROBOT --records FILE} and {@code robot check ROBOT}. */
@Command(name = "robot", description = "run or validate a robot script",
		subcommands = { RobotCommand.Run.class, RobotCommand.Check.class })
class RobotCommand {

	@ParentCommand
	DigilabCommand parent;

	static Path script(DigilabCommand parent, String robot) {
		Path path = Path.of(robot);
		if (!robot.endsWith(".yml") && !robot.endsWith(".yaml")) {
			path = Homes.resolve(parent.home).resolve("robots").resolve(robot + ".yml");
		}
		if (!Files.isRegularFile(path)) {
			throw new CliException(2, Messages.get("robot.missing", robot, path));
		}
		return path;
	}

	@Command(name = "check", description = "validate a robot script: steps, selectors, variables")
	static class Check implements Callable<Integer> {

		@ParentCommand
		RobotCommand robot;

		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "ROBOT")
		String name;

		@Override
		public Integer call() {
			Path file = script(this.robot.parent, this.name);
			List<String> problems = new ScriptValidator().validate(file);
			PrintWriter out = this.spec.commandLine().getOut();
			if (problems.isEmpty()) {
				out.println(Messages.get("robot.check.ok", file));
				return 0;
			}
			PrintWriter err = this.spec.commandLine().getErr();
			problems.forEach((problem) -> err.println(Messages.reason(problem)));
			err.flush();
			return 2;
		}

	}

	@Command(name = "run", description = "enter the records of a CSV or XLSX file with a robot")
	static class Run implements Callable<Integer> {

		@ParentCommand
		RobotCommand robot;

		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "ROBOT")
		String name;

		@Option(names = "--records", required = true, paramLabel = "CSV|XLSX")
		Path records;

		@Option(names = "--pool", paramLabel = "N", description = "browsers in parallel (default: the script's pool)")
		int pool;

		@Option(names = "--key", paramLabel = "COLUMN",
				description = "column naming each record (default: key, else the row number)")
		String keyColumn = "key";

		@Option(names = "--out", paramLabel = "CSV", description = "results file (default: RECORDS.results.csv)")
		Path out;

		@Override
		public Integer call() throws Exception {
			Path file = script(this.robot.parent, this.name);
			if (!Files.isRegularFile(this.records)) {
				throw new CliException(2, Messages.get("run.file.unreadable", this.records));
			}
			RobotScript script;
			try {
				script = RobotScript.load(file);
			}
			catch (RobotScriptException ex) {
				throw new CliException(2, Messages.reason(ex.getMessage()));
			}
			Checks.browser();
			List<Map<String, String>> rows = RecordFiles.read(this.records);
			Path home = Homes.resolve(this.robot.parent.home);
			String runId = "robot-" + script.id() + "-"
					+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
			RobotSettings settings = RobotSettings.forHome(home, runId).withPoolSize(this.pool);
			List<RecordOutcome> outcomes = new ArrayList<>();
			PrintWriter out = this.spec.commandLine().getOut();
			try (RobotRunner runner = new RobotRunner(script, settings)) {
				ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, runner.poolSize()));
				try {
					List<Future<RecordOutcome>> futures = new ArrayList<>();
					for (int i = 0; i < rows.size(); i++) {
						Map<String, String> row = rows.get(i);
						String key = row.getOrDefault(this.keyColumn, "").isBlank() ? "row-" + (i + 2)
								: row.get(this.keyColumn);
						futures.add(workers.submit(() -> runner.enter(key, row)));
					}
					for (Future<RecordOutcome> future : futures) {
						RecordOutcome outcome = future.get();
						outcomes.add(outcome);
						out.println("  " + outcome.key() + "  " + outcome.status()
								+ ((outcome.message() != null && !outcome.message().isBlank())
										? "  " + outcome.message() : ""));
						out.flush();
					}
				}
				finally {
					workers.shutdownNow();
				}
			}
			catch (RobotScriptException ex) {
				throw new CliException(2, Messages.reason(ex.getMessage()));
			}
			Path results = (this.out != null) ? this.out
					: this.records.resolveSibling(this.records.getFileName() + ".results.csv");
			OutcomeCsv.write(results, outcomes);
			long failed = outcomes.stream().filter((o) -> o.status() == RecordOutcome.Status.FAILED).count();
			long skipped = outcomes.stream().filter((o) -> o.status() == RecordOutcome.Status.SKIPPED).count();
			out.println(Messages.get("robot.run.done", outcomes.size() - failed - skipped, skipped, failed, results));
			return (failed > 0 || skipped > 0) ? 3 : 0;
		}

	}

}
