package jp.digilab.robots;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.digilab.robots.browser.BrowserPool;
import jp.digilab.robots.browser.BrowserSession;
import jp.digilab.robots.browser.ChromiumLauncher;
import jp.digilab.robots.browser.Evidence;
import jp.digilab.robots.browser.Failures;
import jp.digilab.robots.script.Durations;
import jp.digilab.robots.script.Interpolator;
import jp.digilab.robots.script.Masker;
import jp.digilab.robots.step.RecordSkipped;
import jp.digilab.robots.step.StepContext;
import jp.digilab.robots.step.StepFailure;
import org.openqa.selenium.WebDriverException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enters records with a robot script, on a pool of headless Chromium sessions. Each
 * session runs the {@code login} steps once, then {@code perRecord} for every record it
 * is lent.
 *
 * <p>
 * A record that fails for a transient reason (a timeout, a stale element, an unexpected
 * dialog, a browser that died, the legacy system's session that expired) is tried again
 * after the script's backoff; a dead browser is replaced and logged in again first. After
 * the last try the record is FAILED and its evidence is saved under
 * {@code EVIDENCE/RECORD_KEY/}; other records go on. {@link #enter} is thread-safe: with
 * a pool of N, N threads can enter records at once.
 */
public final class RobotRunner implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RobotRunner.class);

	private final RobotScript script;

	private final RobotSettings settings;

	private final ScriptLibrary library;

	private final Masker masker = new Masker();

	private final BrowserPool pool;

	private final String loginUrl;

	/**
	 * Prepare a runner; no browser starts before the first record.
	 * @param script the script
	 * @param settings environment, secrets, evidence folder, pool size, step timeout
	 * @throws RobotScriptException if the script has problems, or uses an environment
	 * variable or secret that is not set
	 */
	public RobotRunner(RobotScript script, RobotSettings settings) {
		this.script = script;
		this.settings = settings;
		List<String> problems = new ScriptValidator().validate(script);
		if (!problems.isEmpty()) {
			throw new RobotScriptException(problems);
		}
		this.library = new ScriptLibrary(script);
		List<String> missing = this.library.checkEnvironment(settings.env(), settings.secrets(), this.masker);
		if (!missing.isEmpty()) {
			throw new RobotScriptException(missing);
		}
		this.loginUrl = this.library.loginUrl(interpolator(Map.of()));
		int size = (settings.poolSize() > 0) ? settings.poolSize() : script.pool();
		ChromiumLauncher launcher = new ChromiumLauncher(settings.env(), settings.stepTimeout());
		this.pool = new BrowserPool(launcher::start, size);
	}

	public RobotScript script() {
		return this.script;
	}

	/**
	 * The number of browsers this runner uses at most.
	 * @return the pool size
	 */
	public int poolSize() {
		return this.pool.size();
	}

	/**
	 * Enter one record that may have been entered before (the script's
	 * {@code retried: true} checks run on every try). Never throws for a failing record:
	 * the outcome says FAILED.
	 * @param recordKey the key of the record (names its evidence folder)
	 * @param record the fields of the record, {@code ${record.FIELD}}
	 * @return the outcome
	 */
	public RecordOutcome enter(String recordKey, Map<String, String> record) {
		return enter(recordKey, record, true);
	}

	/**
	 * Enter one record. Never throws for a failing record: the outcome says FAILED.
	 * @param recordKey the key of the record (names its evidence folder)
	 * @param record the fields of the record, {@code ${record.FIELD}}
	 * @param triedBefore whether an earlier run may have saved the record (it started the
	 * record and did not record how it ended); when false, the script's
	 * {@code retried: true} checks run only from this run's second try on
	 * @return the outcome
	 */
	public RecordOutcome enter(String recordKey, Map<String, String> record, boolean triedBefore) {
		long start = System.nanoTime();
		Retry retry = this.script.retry();
		String message = "";
		for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
			if (attempt > 1) {
				StepContext.sleep(retry.delayBefore(attempt));
			}
			Lent lent;
			try {
				lent = borrowWorking();
			}
			catch (WebDriverException ex) {
				message = "no working browser: " + Failures.reason(ex);
				log.warn("record {}: try {}/{}: {}", recordKey, attempt, retry.attempts(), message);
				continue;
			}
			Attempt result = attempt(lent.session(), lent.windows(), recordKey, record, triedBefore || attempt > 1,
					attempt == retry.attempts());
			if (result.outcome() != null) {
				return finish(recordKey, result.outcome(), result.values(), result.message(), start);
			}
			message = result.message();
			log.warn("record {}: try {}/{} failed, will try again: {}", recordKey, attempt, retry.attempts(), message);
		}
		return finish(recordKey, RecordOutcome.Status.FAILED, Map.of(), message, start);
	}

	private record Attempt(RecordOutcome.Status outcome, Map<String, String> values, String message) {
	}

	private record Lent(BrowserSession session, Set<String> windows) {
	}

	/**
	 * A session from the pool, on its main window and top frame; one whose browser died
	 * since its last record (crashed, or killed) is replaced by a new one straight away.
	 */
	private Lent borrowWorking() {
		BrowserSession session = this.pool.borrow();
		try {
			return new Lent(session, session.prepare());
		}
		catch (WebDriverException ex) {
			if (!session.isAlive()) {
				log.warn("a browser had stopped ({}); starting a new one", Failures.reason(ex));
				this.pool.discard(session);
				session = this.pool.borrow();
			}
			else {
				session.dismissAlert();
			}
		}
		try {
			return new Lent(session, session.prepare());
		}
		catch (WebDriverException ex) {
			this.pool.discard(session);
			throw ex;
		}
	}

	private Attempt attempt(BrowserSession session, Set<String> openWindows, String key, Map<String, String> record,
			boolean retried, boolean lastTry) {
		boolean inLogin = false;
		StepContext ctx;
		Path evidence = this.settings.evidenceDir().resolve(Evidence.folderName(key));
		try {
			Set<String> windows = openWindows;
			if (!session.loggedIn()) {
				inLogin = true;
				context(session, Map.of(), evidence, windows).run(this.script.login());
				session.loggedIn(true);
				inLogin = false;
				windows = session.prepare();
			}
			ctx = context(session, record, evidence, windows).loginPage(this.loginUrl).retried(retried);
			ctx.run(this.script.perRecord());
			this.pool.release(session);
			return new Attempt(RecordOutcome.Status.OK, ctx.values(), "");
		}
		catch (RecordSkipped skipped) {
			this.pool.release(session);
			return new Attempt(RecordOutcome.Status.SKIPPED, Map.of(), skipped.getMessage());
		}
		catch (RuntimeException ex) {
			return failed(session, key, ex, inLogin, lastTry, evidence);
		}
	}

	private Attempt failed(BrowserSession session, String key, RuntimeException ex, boolean inLogin, boolean lastTry,
			Path evidence) {
		boolean alive = session.isAlive();
		boolean expired = alive && !inLogin && onLoginPage(session);
		boolean retryable = !alive || expired || Failures.isTransient(ex);
		String message = this.masker.mask(describe(ex, inLogin, alive, expired));
		if (lastTry || !retryable) {
			String alert = alive ? session.dismissAlert() : null;
			Evidence.save(evidence, alive ? session.driver() : null, this.masker, stepText(key, ex, message, alert));
		}
		if (!alive) {
			this.pool.discard(session);
		}
		else {
			if (retryable) {
				session.reset();
			}
			else {
				session.dismissAlert();
			}
			this.pool.release(session);
		}
		return retryable && !lastTry ? new Attempt(null, Map.of(), message)
				: new Attempt(RecordOutcome.Status.FAILED, Map.of(), message);
	}

	private String describe(RuntimeException ex, boolean inLogin, boolean alive, boolean expired) {
		String reason = (ex instanceof StepFailure) ? ex.getMessage() : Failures.reason(ex);
		StringBuilder message = new StringBuilder(inLogin ? "login failed: " : "").append(reason);
		if (!alive) {
			message.append(" (the browser had stopped)");
		}
		else if (expired) {
			message.append(" (the legacy system's session had expired)");
		}
		return message.toString();
	}

	private String stepText(String key, RuntimeException ex, String message, String alert) {
		StringBuilder text = new StringBuilder();
		text.append("Robot: ").append(this.script.id()).append('\n');
		text.append("Record: ").append(key).append('\n');
		if (ex instanceof StepFailure failure) {
			text.append("Script: ").append(failure.source()).append('\n');
			text.append("Line: ").append(failure.step().line()).append('\n');
			text.append("Step: ").append(failure.step().describe()).append('\n');
		}
		text.append("Message: ").append(message).append('\n');
		if (alert != null) {
			text.append("Open dialog (dismissed): ").append(alert).append('\n');
		}
		return text.toString();
	}

	private boolean onLoginPage(BrowserSession session) {
		if (this.loginUrl == null) {
			return false;
		}
		try {
			return StepContext.withoutQuery(session.driver().getCurrentUrl())
				.equals(StepContext.withoutQuery(this.loginUrl));
		}
		catch (WebDriverException ex) {
			return false;
		}
	}

	private StepContext context(BrowserSession session, Map<String, String> record, Path evidence,
			Set<String> windows) {
		return new StepContext(session.driver(), interpolator(record), this.script.source(),
				this.settings.stepTimeout(), evidence, this.library::callee, this.masker, session.mainWindow(),
				windows);
	}

	private Interpolator interpolator(Map<String, String> record) {
		return new Interpolator(record, this.script.vars(), this.settings.env(), this.settings.secrets()::get,
				this.masker);
	}

	private RecordOutcome finish(String key, RecordOutcome.Status status, Map<String, String> values, String message,
			long start) {
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		Map<String, String> masked = new java.util.LinkedHashMap<>();
		values.forEach((k, v) -> masked.put(k, this.masker.mask(v)));
		RecordOutcome outcome = new RecordOutcome(key, status, this.masker.mask(message), masked, took);
		if (status == RecordOutcome.Status.FAILED) {
			log.warn("record {}: FAILED in {}: {}", key, Durations.format(took), outcome.message());
		}
		else {
			log.info("record {}: {} in {}{}", key, status, Durations.format(took),
					outcome.message().isEmpty() ? "" : ": " + outcome.message());
		}
		return outcome;
	}

	/**
	 * The browser sessions now open (for tests).
	 * @return the sessions
	 */
	List<BrowserSession> sessions() {
		return this.pool.sessions();
	}

	/**
	 * Quit every browser.
	 */
	@Override
	public void close() {
		this.pool.close();
	}

}
