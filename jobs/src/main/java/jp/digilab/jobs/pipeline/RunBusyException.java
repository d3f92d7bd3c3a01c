package jp.digilab.jobs.pipeline;

/** A run cannot be restarted here: it is still going on a live node. */
public class RunBusyException extends IllegalStateException {

	private final String runId;

	private final String nodeId;

	RunBusyException(String runId, String nodeId) {
		super("Run " + runId + " is still going on node " + nodeId);
		this.runId = runId;
		this.nodeId = nodeId;
	}

	public String runId() {
		return this.runId;
	}

	public String nodeId() {
		return this.nodeId;
	}

}
