package jp.digilab.schedules.inbox;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What the watcher knows about one job's inbox, for the console.
 *
 * @param jobId the job
 * @param folder the watched folder ({@code HOME/inbox/JOB})
 * @param waiting files seen but not yet stable (still being written, busy, or waiting to
 * be retried)
 * @param queued stable files waiting for the next run
 * @param inRun files handed to the run that is going
 * @param running whether a run started by the watcher is going
 * @param lastPickup when files were last handed to a run, or {@code null}
 * @param lastError the last problem met (one line, names files, never their contents), or
 * {@code null}
 * @param lastErrorAt when that problem was met, or {@code null}
 */
public record InboxStatus(String jobId, Path folder, int waiting, int queued, int inRun, boolean running,
		Instant lastPickup, String lastError, Instant lastErrorAt) {

	/** Files in the inbox that no run has taken yet. */
	public int pending() {
		return this.waiting + this.queued;
	}

}
