package jp.digilab.app.cli;

import java.io.PrintWriter;

import jp.digilab.jobs.pipeline.RunProgress;

/**
 * Shows a run's progress: a bar redrawn in place on a terminal, plain lines otherwise
 * (logs, CI, pipes).
 */
final class ProgressPrinter implements RunProgress.Listener, AutoCloseable {

	private static final int WIDTH = 30;

	private final PrintWriter out;

	private final boolean terminal;

	private String lastStage;

	private boolean open;

	ProgressPrinter(PrintWriter out, boolean terminal) {
		this.out = out;
		this.terminal = terminal;
	}

	static ProgressPrinter forConsole(PrintWriter out) {
		return new ProgressPrinter(out, System.console() != null && System.getenv("CI") == null);
	}

	@Override
	public synchronized void progress(String runId, String stage, int done, int total) {
		String label = Messages.get("progress." + stage);
		if (this.terminal) {
			int filled = (total > 0) ? done * WIDTH / total : WIDTH;
			if (this.open && !stage.equals(this.lastStage)) {
				this.out.println();
			}
			this.out.print("\r" + SummaryPrinter.pad(label) + "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled)
					+ "] " + done + "/" + total);
			this.open = true;
		}
		else {
			this.out.println(SummaryPrinter.pad(label) + done + "/" + total);
		}
		this.lastStage = stage;
		this.out.flush();
	}

	@Override
	public synchronized void close() {
		if (this.open) {
			this.out.println();
			this.out.flush();
			this.open = false;
		}
	}

}
