package jp.digilab.robots.step;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jp.digilab.robots.browser.Failures;
import jp.digilab.robots.browser.Locator;
import jp.digilab.robots.script.Durations;
import jp.digilab.robots.script.Interpolator;
import jp.digilab.robots.script.Masker;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a step runs against: one browser, one record's variables, the step timeout, the
 * values read so far and the windows opened. One context per record attempt (a
 * {@code call} gets a child sharing the browser, record and values).
 */
public final class StepContext {

	private static final Logger log = LoggerFactory.getLogger(StepContext.class);

	private static final Duration POLL = Duration.ofMillis(100);

	/**
	 * A script that {@code call} can run.
	 *
	 * @param source its file
	 * @param vars its variables
	 * @param steps its {@code perRecord} steps
	 */
	public record Callee(Path source, Map<String, String> vars, List<Step> steps) {
	}

	private final WebDriver driver;

	private final Interpolator interpolator;

	private final Path source;

	private final Duration stepTimeout;

	private final Path evidenceDir;

	private final Function<String, Callee> library;

	private final Masker masker;

	private final Map<String, String> values;

	private final Deque<String> windows;

	private final Set<String> knownWindows;

	private final int depth;

	private String loginUrl;

	private boolean retried;

	/**
	 * A context for one record attempt.
	 * @param driver the browser, on the start window of the record
	 * @param interpolator the variables of the record
	 * @param source the script file
	 * @param stepTimeout how long a step waits for an element, a page or an alert
	 * @param evidenceDir where the screenshots of this record go
	 * @param library finds scripts by id for {@code call}
	 * @param masker masks secrets in messages
	 * @param window the current window
	 * @param openWindows the windows open now (any other is "new")
	 */
	public StepContext(WebDriver driver, Interpolator interpolator, Path source, Duration stepTimeout, Path evidenceDir,
			Function<String, Callee> library, Masker masker, String window, Set<String> openWindows) {
		this(driver, interpolator, source, stepTimeout, evidenceDir, library, masker, new LinkedHashMap<>(),
				new ArrayDeque<>(), new HashSet<>(openWindows), 0);
		this.windows.push(window);
	}

	private StepContext(WebDriver driver, Interpolator interpolator, Path source, Duration stepTimeout,
			Path evidenceDir, Function<String, Callee> library, Masker masker, Map<String, String> values,
			Deque<String> windows, Set<String> knownWindows, int depth) {
		this.driver = driver;
		this.interpolator = interpolator;
		this.source = source;
		this.stepTimeout = stepTimeout;
		this.evidenceDir = evidenceDir;
		this.library = library;
		this.masker = masker;
		this.values = values;
		this.windows = windows;
		this.knownWindows = knownWindows;
		this.depth = depth;
	}

	/**
	 * Tell the context where the login page is, so that a step looking for an element
	 * there fails at once: the legacy system's session expired and the record is retried
	 * after logging in again.
	 * @param url the login page's URL (query and fragment are ignored), or null
	 * @return this context
	 */
	/**
	 * Say whether an earlier try of this record may have saved it (the {@code retried}
	 * condition).
	 * @param retried true when it may have
	 * @return this context
	 */
	public StepContext retried(boolean retried) {
		this.retried = retried;
		return this;
	}

	/**
	 * Whether an earlier try of this record may have saved it.
	 * @return true when it may have
	 */
	public boolean retried() {
		return this.retried;
	}

	public StepContext loginPage(String url) {
		this.loginUrl = (url != null) ? withoutQuery(url) : null;
		return this;
	}

	/**
	 * Whether the browser shows the login page (see {@link #loginPage(String)}).
	 * @return true if it does
	 */
	public boolean onLoginPage() {
		return this.loginUrl != null && this.loginUrl.equals(withoutQuery(this.driver.getCurrentUrl()));
	}

	/**
	 * A URL without query, fragment, path parameters and trailing slashes.
	 * @param url the URL
	 * @return the URL to compare
	 */
	public static String withoutQuery(String url) {
		String u = String.valueOf(url);
		int cut = u.length();
		for (char c : new char[] { '?', '#', ';' }) {
			int i = u.indexOf(c);
			if (i >= 0) {
				cut = Math.min(cut, i);
			}
		}
		return u.substring(0, cut).replaceAll("/+$", "");
	}

	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * Resolve the placeholders of a template.
	 * @param template the text
	 * @return the resolved text
	 */
	public String resolve(String template) {
		return this.interpolator.resolve(template);
	}

	/**
	 * Whether a template involves a secret (such texts are never logged).
	 * @param template the text
	 * @return true if it does
	 */
	public boolean usesSecret(String template) {
		return this.interpolator.usesSecret(template);
	}

	/**
	 * Mask secrets in a text.
	 * @param text the text
	 * @return the masked text
	 */
	public String mask(String text) {
		return this.masker.mask(text);
	}

	/**
	 * The timeout of a step.
	 * @param override the step's own timeout, or null
	 * @return the override, else the default step timeout
	 */
	public Duration timeout(Duration override) {
		return (override != null) ? override : this.stepTimeout;
	}

	/**
	 * Record a value read from the page.
	 * @param name the name
	 * @param value the value
	 */
	public void put(String name, String value) {
		this.values.put(name, value);
	}

	/**
	 * The values read so far.
	 * @return the values, in reading order
	 */
	public Map<String, String> values() {
		return this.values;
	}

	/**
	 * The folder of this record's evidence (created on first use).
	 * @return the folder
	 */
	public Path evidenceDir() {
		try {
			return Files.createDirectories(this.evidenceDir);
		}
		catch (java.io.IOException ex) {
			throw new StepException("cannot create " + this.evidenceDir + ": " + ex.getMessage());
		}
	}

	/**
	 * The folder of the running script (relative upload paths are resolved against it).
	 * @return the folder
	 */
	public Path scriptDir() {
		Path parent = (this.source != null) ? this.source.toAbsolutePath().getParent() : null;
		return (parent != null) ? parent : Path.of("").toAbsolutePath();
	}

	/**
	 * Run steps in order. A failing step is reported as a {@link StepFailure} naming it.
	 * @param steps the steps
	 */
	public void run(List<Step> steps) {
		for (Step step : steps) {
			if (log.isDebugEnabled()) {
				log.debug("{}:{} {}", fileName(), step.line(), step.describe());
			}
			try {
				step.run(this);
			}
			catch (StepFailure | RecordSkipped ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				throw new StepFailure(step, this.source, mask(Failures.reason(ex)), ex);
			}
		}
	}

	/**
	 * Run another script's {@code perRecord} steps with its own variables, in this
	 * browser and for this record.
	 * @param scriptId the id of the script
	 */
	public void call(String scriptId) {
		if (this.depth > 8) {
			throw new StepException("call: scripts call each other too deeply");
		}
		Callee callee = this.library.apply(scriptId);
		if (callee == null) {
			throw new StepException("no script '" + scriptId + "' next to " + fileName());
		}
		new StepContext(this.driver, this.interpolator.withVars(callee.vars()), callee.source(), this.stepTimeout,
				this.evidenceDir, this.library, this.masker, this.values, this.windows, this.knownWindows,
				this.depth + 1)
			.loginPage(this.loginUrl)
			.retried(this.retried)
			.run(callee.steps());
	}

	/**
	 * Elements the selector names right now (no waiting).
	 * @param selector the selector (a template)
	 * @return the elements
	 */
	public List<WebElement> findNow(String selector) {
		return Locator.findAll(this.driver, resolve(selector));
	}

	/**
	 * Wait for the element a selector names.
	 * @param selector the selector (a template)
	 * @param visible whether the element must be displayed
	 * @return the first matching element (the first displayed one if {@code visible})
	 * @throws StepException if none appears within the step timeout
	 */
	public WebElement element(String selector, boolean visible) {
		String resolved = resolve(selector);
		long deadline = System.nanoTime() + this.stepTimeout.toNanos();
		boolean present = false;
		boolean first = true;
		while (true) {
			List<WebElement> found = Locator.findAll(this.driver, resolved);
			present |= !found.isEmpty();
			if (found.isEmpty() && first && onLoginPage()) {
				throw new StepException(
						"no element matches '" + mask(resolved) + "': the browser is on the login page");
			}
			first = false;
			if (!found.isEmpty() && !visible) {
				return found.get(0);
			}
			try {
				WebElement shown = Locator.firstShown(this.driver, found);
				if (shown != null) {
					return shown;
				}
			}
			catch (StaleElementReferenceException ex) {
				// the page changed under us: look again
			}
			if (System.nanoTime() > deadline) {
				throw new StepException((present ? "no visible element matches '" : "no element matches '")
						+ mask(resolved) + "' within " + Durations.format(this.stepTimeout));
			}
			sleep(POLL);
		}
	}

	/**
	 * Find a visible element and act on it, looking again if the page changed in between
	 * or something covered the element, until the step timeout.
	 * @param selector the selector (a template)
	 * @param action what to do with the element
	 */
	public void act(String selector, Consumer<WebElement> action) {
		long deadline = System.nanoTime() + this.stepTimeout.toNanos();
		while (true) {
			WebElement element = element(selector, true);
			try {
				action.accept(element);
				return;
			}
			catch (StaleElementReferenceException | ElementNotInteractableException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				sleep(POLL);
			}
		}
	}

	/**
	 * Poll until a probe returns something other than null or false.
	 * @param <T> the probe's result
	 * @param timeout how long to wait
	 * @param what what is awaited, for the message
	 * @param probe the probe
	 * @return the probe's result
	 * @throws TimeoutException if the time runs out
	 */
	public <T> T await(Duration timeout, String what, Supplier<T> probe) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			T result = probe.get();
			if (result != null && !Boolean.FALSE.equals(result)) {
				return result;
			}
			if (System.nanoTime() > deadline) {
				throw new TimeoutException("waited " + Durations.format(timeout) + " for " + mask(what));
			}
			sleep(POLL);
		}
	}

	/**
	 * The windows this record switched through, the current one on top.
	 * @return the window handles
	 */
	Deque<String> windows() {
		return this.windows;
	}

	/**
	 * The window handles already seen by this record (a "new" window is any other).
	 * @return the handles
	 */
	Set<String> knownWindows() {
		return this.knownWindows;
	}

	/**
	 * Pause.
	 * @param duration how long
	 */
	public static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StepException("interrupted");
		}
	}

	private String fileName() {
		return (this.source != null && this.source.getFileName() != null) ? this.source.getFileName().toString()
				: "script";
	}

}
