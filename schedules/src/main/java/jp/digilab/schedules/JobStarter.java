package jp.digilab.schedules;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Starts a run of a job when one of its schedules fires. Implemented by the application
 * (it calls the Spring Batch pipeline); this module only triggers.
 */
public interface JobStarter {

	/**
	 * Runs the job and blocks until the run ends.
	 * @param jobId the job definition ({@code jobs/ID.yml})
	 * @param scheduleId the schedule that fired ({@code schedules/ID.yml})
	 * @throws Exception if the run could not be started or failed
	 */
	default void start(String jobId, String scheduleId) throws Exception {
		start(jobId, scheduleId, List.of());
	}

	/**
	 * Runs the job for one firing of a schedule. With several nodes, the fire time tells
	 * the firings apart; the default ignores it.
	 * @param jobId the job definition ({@code jobs/ID.yml})
	 * @param scheduleId the schedule that fired ({@code schedules/ID.yml})
	 * @param fireTime the fire time the firing was scheduled for
	 * @throws Exception if the run could not be started or failed
	 */
	default void start(String jobId, String scheduleId, Instant fireTime) throws Exception {
		start(jobId, scheduleId);
	}

	/**
	 * Runs the job on the given files and blocks until the run ends. Files inside the
	 * job's inbox are moved into the run; an empty list means "whatever is in the inbox".
	 * @param jobId the job definition ({@code jobs/ID.yml})
	 * @param trigger what started the run (a schedule id, or the watched folder)
	 * @param files the files to process, or an empty list
	 * @throws Exception if the run could not be started or failed
	 */
	void start(String jobId, String trigger, List<Path> files) throws Exception;

}
