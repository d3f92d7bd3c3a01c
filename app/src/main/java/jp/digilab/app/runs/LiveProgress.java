package jp.digilab.app.runs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jp.digilab.jobs.pipeline.RunProgress;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A run's progress for the console's live bar: the stages the pipeline reports
 * ({@link RunProgress}) and the run's state, pushed as server-sent events
 * ({@code progress}, then one {@code end}) and readable as JSON for polling. Progress
 * arrives on the batch threads, so it is only noted there; sending happens on this
 * class's own thread.
 */
@Service
public class LiveProgress implements RunProgress.Listener, DisposableBean {

	/** The stages the pipeline reports, in their order. */
	public static final List<String> STAGES = List.of("intake", "recognize", "entry");

	private static final long EMITTER_TIMEOUT_MILLIS = 30 * 60 * 1000L;

	/** Latest stage progress of recent runs (bounded: old runs fall out). */
	private final Map<String, Map<String, Stage>> stages = java.util.Collections
		.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Map<String, Stage>> eldest) {
				return size() > 200;
			}
		});

	private final Map<String, List<SseEmitter>> emitters = new ConcurrentHashMap<>();

	private final RunProgress progress;

	private final RunQueries queries;

	private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "console-progress");
		thread.setDaemon(true);
		return thread;
	});

	public LiveProgress(RunProgress progress, RunQueries queries) {
		this.progress = progress;
		this.queries = queries;
		progress.add(this);
		// state changes that no stage reports (a stop, a failure, the end) are seen here
		this.sender.scheduleWithFixedDelay(this::pushAll, 1, 1, TimeUnit.SECONDS);
	}

	/** One stage of a run: how many of how many. */
	public record Stage(String stage, int done, int total) {

		public int percent() {
			return (this.total > 0) ? Math.min(100, this.done * 100 / this.total) : 100;
		}

	}

	/**
	 * Where a run stands.
	 *
	 * @param stages the stages reported so far, in pipeline order
	 * @param step the Spring Batch step running now, or null
	 */
	public record View(String runId, String jobId, String status, boolean running, long durationSeconds, int files,
			int records, List<Stage> stages, String step) {
	}

	@Override
	public void progress(String runId, String stage, int done, int total) {
		this.stages.computeIfAbsent(runId, (id) -> new ConcurrentHashMap<>()).put(stage, new Stage(stage, done, total));
		if (this.emitters.containsKey(runId)) {
			this.sender.execute(() -> push(runId));
		}
	}

	/** The run's progress now; throws {@link ConsoleProblem} for an unknown run. */
	public View view(String runId) {
		RunRow run = this.queries.get(runId);
		Map<String, Stage> known = this.stages.getOrDefault(runId, Map.of());
		List<Stage> ordered = new ArrayList<>();
		for (String stage : STAGES) {
			if (known.containsKey(stage)) {
				ordered.add(known.get(stage));
			}
		}
		String step = null;
		if (run.running()) {
			step = this.queries.steps(runId)
				.stream()
				.filter((s) -> "STARTED".equals(s.status()) || "STARTING".equals(s.status()))
				.reduce((a, b) -> b)
				.map(RunDetail.StepRow::stepName)
				.orElse(null);
		}
		return new View(run.runId(), run.jobId(), run.status(), run.running(), run.durationSeconds(), run.files(),
				run.records(), ordered, step);
	}

	/** Server-sent events of a run's progress until it ends. */
	public SseEmitter subscribe(String runId) {
		View first = view(runId);
		SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT_MILLIS);
		if (!first.running()) {
			send(emitter, "end", first);
			emitter.complete();
			return emitter;
		}
		List<SseEmitter> list = this.emitters.computeIfAbsent(runId, (id) -> new CopyOnWriteArrayList<>());
		list.add(emitter);
		Runnable remove = () -> list.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((ex) -> remove.run());
		this.sender.execute(() -> push(runId));
		return emitter;
	}

	private void pushAll() {
		for (String runId : List.copyOf(this.emitters.keySet())) {
			push(runId);
		}
	}

	private void push(String runId) {
		List<SseEmitter> list = this.emitters.get(runId);
		if (list == null || list.isEmpty()) {
			this.emitters.remove(runId);
			return;
		}
		View view;
		try {
			view = view(runId);
		}
		catch (RuntimeException ex) {
			// the database is busy or the run is gone: the next tick tries again
			return;
		}
		String event = view.running() ? "progress" : "end";
		for (SseEmitter emitter : list) {
			if (send(emitter, event, view) && !view.running()) {
				emitter.complete();
			}
		}
		if (!view.running()) {
			this.emitters.remove(runId);
		}
	}

	private static boolean send(SseEmitter emitter, String event, View view) {
		try {
			emitter.send(SseEmitter.event().name(event).data(view, MediaType.APPLICATION_JSON));
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			// the browser went away; its emitter is dropped by the completion callback
			emitter.completeWithError(ex);
			return false;
		}
	}

	@Override
	public void destroy() {
		this.progress.remove(this);
		this.sender.shutdownNow();
		this.emitters.values().forEach((list) -> list.forEach(SseEmitter::complete));
	}

}
