package jp.digilab.jobs.pipeline;

import java.util.function.Supplier;

import jp.digilab.jobs.run.StoredRecord;
import jp.digilab.robots.RecordOutcome;
import jp.digilab.robots.RobotRunner;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * Enters one record with the job's robot. The robot (a pool of browsers) is started at
 * the first record and closed when the step ends.
 */
class EntryProcessor implements ItemProcessor<StoredRecord, EntryProcessor.Entered>, ItemStream {

	private final Supplier<RobotRunner> robotFactory;

	private RobotRunner robot;

	EntryProcessor(Supplier<RobotRunner> robotFactory) {
		this.robotFactory = robotFactory;
	}

	@Override
	public Entered process(StoredRecord record) {
		RobotRunner runner;
		synchronized (this) {
			if (this.robot == null) {
				this.robot = this.robotFactory.get();
			}
			runner = this.robot;
		}
		org.slf4j.MDC.put(RunLogContext.RECORD, record.key());
		try {
			return new Entered(record, runner.enter(record.key(), record.values()));
		}
		finally {
			org.slf4j.MDC.remove(RunLogContext.RECORD);
		}
	}

	@Override
	public void open(ExecutionContext executionContext) {
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
