package jp.digilab.jobs.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jp.digilab.jobs.run.StoredRecord;
import org.slf4j.MDC;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Enters the run's pending records with the job's robot, as many at a time as the robot
 * has browsers ({@code pool} in its script): each round reads that many records, enters
 * them side by side and commits their outcomes together, then Spring Batch looks for a
 * stop request before the next round. A chunk-oriented step would fix the number of
 * records per round when the job is built, before the robot (and its pool) is known;
 * hence a tasklet. Each record is marked started, committed on its own, before the robot
 * types it (see {@link EntryProcessor}), so a crash inside a round loses no record and
 * enters none twice.
 */
class EntryTasklet implements Tasklet {

	private final EntryRecordReader reader;

	private final EntryProcessor processor;

	private final EntryOutcomeWriter writer;

	EntryTasklet(EntryRecordReader reader, EntryProcessor processor, EntryOutcomeWriter writer) {
		this.reader = reader;
		this.processor = processor;
		this.writer = writer;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		StoredRecord first = this.reader.read();
		if (first == null) {
			return RepeatStatus.FINISHED;
		}
		List<StoredRecord> round = new ArrayList<>(List.of(first));
		int pool = this.processor.poolSize();
		StoredRecord next;
		while (round.size() < pool && (next = this.reader.read()) != null) {
			round.add(next);
		}
		List<EntryProcessor.Entered> entered = new ArrayList<>();
		if (round.size() == 1) {
			entered.add(this.processor.process(first));
		}
		else {
			entered.addAll(sideBySide(round));
		}
		// a record another entry claimed first is left to it: no outcome here
		entered.removeIf(java.util.Objects::isNull);
		this.writer.write(new Chunk<>(entered));
		round.forEach((record) -> contribution.incrementReadCount());
		contribution.incrementWriteCount(entered.size());
		return RepeatStatus.CONTINUABLE;
	}

	/**
	 * Enter the records on threads of their own, in the caller's logging context. The
	 * processor is a step-scoped bean, whose proxy only works on the step's thread: the
	 * threads get the processor itself.
	 */
	private List<EntryProcessor.Entered> sideBySide(List<StoredRecord> round)
			throws InterruptedException, ExecutionException {
		Map<String, String> logContext = MDC.getCopyOfContextMap();
		Function<StoredRecord, EntryProcessor.Entered> enter = this.processor.unscoped();
		AtomicInteger threads = new AtomicInteger();
		ExecutorService workers = Executors.newFixedThreadPool(round.size(), (task) -> {
			Thread thread = new Thread(task, "robot-entry-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<EntryProcessor.Entered>> futures = new ArrayList<>();
			for (StoredRecord record : round) {
				futures.add(workers.submit(() -> {
					if (logContext != null) {
						MDC.setContextMap(logContext);
					}
					try {
						return enter.apply(record);
					}
					finally {
						MDC.clear();
					}
				}));
			}
			List<EntryProcessor.Entered> entered = new ArrayList<>();
			for (Future<EntryProcessor.Entered> future : futures) {
				entered.add(future.get());
			}
			return entered;
		}
		finally {
			workers.shutdown();
		}
	}

}
