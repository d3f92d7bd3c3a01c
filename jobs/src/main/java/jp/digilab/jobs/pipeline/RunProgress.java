package jp.digilab.jobs.pipeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where a run stands, for whoever shows it: the command line's progress bar, later the
 * console. Stages are {@code intake}, {@code recognize}, {@code export}, {@code entry}
 * and {@code ledger}.
 */
public class RunProgress {

	/**
	 * Receives progress; called on the batch threads, so implementations must be quick.
	 */
	@FunctionalInterface
	public interface Listener {

		void progress(String runId, String stage, int done, int total);

	}

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	public void add(Listener listener) {
		this.listeners.add(listener);
	}

	public void remove(Listener listener) {
		this.listeners.remove(listener);
	}

	void report(String runId, String stage, int done, int total) {
		for (Listener listener : this.listeners) {
			listener.progress(runId, stage, done, total);
		}
	}

}
