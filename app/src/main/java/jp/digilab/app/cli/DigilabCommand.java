package jp.digilab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import jp.digilab.jobs.definition.DefinitionException;
import jp.digilab.ocr.template.TemplateException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code digilab} command line (BRIEF.md "Command line"). */
@Command(name = "digilab", mixinStandardHelpOptions = true, version = "Digi-Lab Batch 0.1",
		description = "Digi-Lab Batch: batch AI-OCR and RPA for a city back office",
		subcommands = { DemoCommand.class, RunCommand.class, OcrCommand.class, ReportCommand.class, ServeCommand.class,
				RobotCommand.class, TemplateCommand.class })
public class DigilabCommand {

	@Option(names = "--home", scope = CommandLine.ScopeType.INHERIT,
			description = "home folder (default: $DIGILAB_HOME, else ./digilab-home)")
	Path home;

	@Option(names = "--lang", scope = CommandLine.ScopeType.INHERIT, description = "ja (default) or en")
	void lang(String lang) {
		Messages.use(lang);
	}

	/**
	 * Log lines go to standard error until Spring (for the commands that start it)
	 * configures logging its own way.
	 */
	public static void logToStandardError() {
		CliLogging.toStandardError();
	}

	/** Runs the command line and returns the process exit code. */
	public static int execute(String... args) {
		return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
	}

	public static int execute(PrintWriter out, PrintWriter err, String... args) {
		Messages.reset();
		CommandLine cli = new CommandLine(new DigilabCommand());
		cli.setOut(out);
		cli.setErr(err);
		cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			Throwable cause = rootCause(ex);
			if (ex instanceof CliException cliException) {
				err.println("digilab: " + cliException.getMessage());
				return cliException.exitCode();
			}
			if (cause instanceof TemplateException template) {
				// file, line and reason; a YAML parser's own message would lose the file
				err.println("digilab: " + Messages.reason(template.getMessage()));
				return 2;
			}
			if (cause instanceof DefinitionException || ex instanceof DefinitionException) {
				err.println("digilab: " + Messages.reason(cause.getMessage()));
				return 2;
			}
			err.println("digilab: " + Messages.get("error.failed", Messages.reason(describe(cause))));
			if (System.getenv("DIGILAB_DEBUG") != null) {
				ex.printStackTrace(err);
			}
			return 1;
		});
		cli.setParameterExceptionHandler((ex, args2) -> {
			err.println("digilab: " + ex.getMessage());
			ex.getCommandLine().usage(err);
			return 2;
		});
		return cli.execute(args);
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			if (cause instanceof DefinitionException || cause instanceof TemplateException) {
				return cause;
			}
			cause = cause.getCause();
		}
		return cause;
	}

	private static String describe(Throwable ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
