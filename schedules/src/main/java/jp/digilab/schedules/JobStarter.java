package jp.digilab.schedules;

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
	void start(String jobId, String scheduleId) throws Exception;

}
