package jp.digilab.jobs.pipeline;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jp.digilab.jobs.run.StoredRecord;
import jp.digilab.robots.RecordOutcome;
import jp.digilab.robots.RobotRunner;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enters one record with the job's robot. The robot (a pool of browsers) is started at
 * the first record and closed when the step ends. Before the first keystroke the record
 * is claimed — marked started in this step execution's name, committed at once, and only
 * if no other entry claimed it since it was read — so that after a crash the next run
 * knows the record may already be in the legacy system and lets the script's duplicate
 * check ({@code retried: true}) run for it; a record never started skips that check. When
 * the step itself is resumed (a restart after a crash, or a dead node's run taken over),
 * every record it enters counts as tried before: the check then does not rest on the
 * started marks alone having reached the disk.
 */
class EntryProcessor implements ItemProcessor<StoredRecord, EntryProcessor.Entered>, ItemStream {

	private static final Logger log = LoggerFactory.getLogger(EntryProcessor.class);

	private final Supplier<RobotRunner> robotFactory;

	private final Predicate<StoredRecord> claim;

	/** Written into the step's context once it has begun; found there on a restart. */
	static final String BEGUN = "entry.begun";

	private RobotRunner robot;

	private volatile boolean resumed;

	EntryProcessor(Supplier<RobotRunner> robotFactory, Predicate<StoredRecord> claim) {
		this.robotFactory = robotFactory;
		this.claim = claim;
	}

	/**
	 * How many records the robot can enter at once (its pool of browsers); starts the
	 * robot.
	 * @return the pool size
	 */
	int poolSize() {
		return runner().poolSize();
	}

	/**
	 * This processor without its step-scope proxy, for threads other than the step's:
	 * called through the proxy, it returns a function bound to the processor itself.
	 * @return enters one record
	 */
	Function<StoredRecord, Entered> unscoped() {
		return this::process;
	}

	private synchronized RobotRunner runner() {
		if (this.robot == null) {
			this.robot = this.robotFactory.get();
		}
		return this.robot;
	}

	@Override
	public Entered process(StoredRecord record) {
		RobotRunner runner = runner();
		org.slf4j.MDC.put(RunLogContext.RECORD, record.key());
		try {
			// started before (and not finished), or failed: a try may have saved it
			boolean triedBefore = this.resumed || record.entryStatus() != null;
			if (!this.claim.test(record)) {
				// another entry of the record began since it was read: it is that one's
				log.info("record {}: already being entered by another run step; left to it", record.key());
				return null;
			}
			return new Entered(record, runner.enter(record.key(), record.values(), triedBefore));
		}
		finally {
			org.slf4j.MDC.remove(RunLogContext.RECORD);
		}
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.resumed = executionContext.containsKey(BEGUN);
		executionContext.putString(BEGUN, "true");
	}

	@Override
	public synchronized void close() {
		if (this.robot != null) {
			this.robot.close();
			this.robot = null;
		}
	}

	/** A record and the robot's outcome for it. */
	record Entered(StoredRecord record, RecordOutcome outcome) {
	}

}
