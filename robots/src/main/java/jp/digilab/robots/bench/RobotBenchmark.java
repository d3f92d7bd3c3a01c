package jp.digilab.robots.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.digilab.robots.RecordOutcome;
import jp.digilab.robots.RobotRunner;
import jp.digilab.robots.RobotScript;
import jp.digilab.robots.RobotSettings;
import jp.digilab.robots.SecretStore;
import jp.digilab.robots.browser.BrowserSession;
import jp.digilab.robots.browser.ChromiumLauncher;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code bench robot}: N records typed into the sample legacy system (digilab-samples,
 * taken from the classpath so that robots does not depend on it) by the robot engine with
 * the demo robot at pool 1 and pool 2, and by a minimal hand-written Selenium loop doing
 * the same entries in a browser with the same flags. Each side gets a fresh legacy
 * system; the time of each includes starting its browsers and logging in.
 *
 * <p>
 * Arguments: {@code [--records N] [--robot PATH]} (200 and
 * {@code samples/home/robots/juminhyo-entry.yml}).
 */
public final class RobotBenchmark {

	private static final String LEGACY = "jp.digilab.samples.legacy.LegacySystem";

	private static final String USER = "bench";

	private static final String PASSWORD = "bench-Pa55";

	private static final String[] PURPOSES = { "就職", "年金", "婚姻", "その他" };

	private RobotBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int records = 200;
		Path robot = Path.of("samples", "home", "robots", "juminhyo-entry.yml");
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--records" -> records = Integer.parseInt(args[++i]);
				case "--robot" -> robot = Path.of(args[++i]);
				default -> {
					System.err.println("usage: RobotBenchmark [--records N] [--robot PATH]");
					System.exit(2);
				}
			}
		}
		quietLogs();
		RobotScript script = RobotScript.load(robot);
		Path work = Files.createTempDirectory("digilab-robot-bench-");
		System.out.printf("RobotBenchmark: %d records, robot %s, %d CPUs, Java %s%n", records, robot,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		// warm-up: JIT, disk cache, a first Chromium start
		hand(work.resolve("warm-hand"), 5);
		robot(script, work.resolve("warm-robot"), 5, 1);
		Duration hand = hand(work.resolve("hand"), records);
		report("hand-written Selenium loop", records, hand);
		Duration pool1 = robot(script, work.resolve("pool1"), records, 1);
		report("robot engine, pool 1", records, pool1);
		Duration pool2 = robot(script, work.resolve("pool2"), records, 2);
		report("robot engine, pool 2", records, pool2);
		double timeRatio = seconds(pool1) / seconds(hand);
		double speedUp = seconds(pool1) / seconds(pool2);
		System.out.printf(Locale.ROOT, "pool 1 time / hand-written time: %.2fx (target <= 1.15x: %s)%n", timeRatio,
				(timeRatio <= 1.15) ? "met" : "NOT met");
		System.out.printf(Locale.ROOT, "pool 2 throughput / pool 1 throughput: %.2fx (target >= 1.6x: %s)%n", speedUp,
				(speedUp >= 1.6) ? "met" : "NOT met");
	}

	/**
	 * Only warnings (failed tries) are logged, so that logging is not what is measured.
	 */
	private static void quietLogs() {
		Object root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		try {
			Class<?> level = Class.forName("ch.qos.logback.classic.Level");
			root.getClass().getMethod("setLevel", level).invoke(root, level.getField("WARN").get(null));
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			// not logback: leave the logging as configured
		}
	}

	private static void report(String what, int records, Duration took) {
		System.out.printf(Locale.ROOT, "%-28s %d records in %7.1f s = %6.1f records/min%n", what + ":", records,
				seconds(took), records * 60 / seconds(took));
	}

	private static double seconds(Duration d) {
		return d.toNanos() / 1e9;
	}

	static Map<String, String> record(int i) {
		Map<String, String> r = new LinkedHashMap<>();
		r.put("request_date", "2026-11-20");
		r.put("name", "試験太郎" + i);
		r.put("name_kana", "シケンタロウ");
		r.put("birth_date", String.format("19%02d-04-01", 40 + i % 60));
		r.put("postal_code", "803-8501");
		r.put("address", "北九州市小倉北区城内" + i + "番1号");
		r.put("phone", "093-582-2102");
		r.put("purpose", PURPOSES[i % PURPOSES.length]);
		r.put("copies", Integer.toString(1 + i % 3));
		r.put("honseki", String.valueOf(i % 2 == 0));
		return r;
	}

	private static Duration robot(RobotScript script, Path dir, int records, int pool) throws Exception {
		try (Legacy legacy = Legacy.start(dir.resolve("legacy"))) {
			RobotSettings settings = new RobotSettings(Map.of("LEGACY_URL", legacy.url().toString()),
					SecretStore.of(Map.of("LEGACY_USER", USER, "LEGACY_PASSWORD", PASSWORD)), dir.resolve("evidence"),
					pool, RobotSettings.DEFAULT_STEP_TIMEOUT);
			long start = System.nanoTime();
			List<RecordOutcome> outcomes = new ArrayList<>();
			try (RobotRunner runner = new RobotRunner(script, settings)) {
				ExecutorService threads = Executors.newFixedThreadPool(pool);
				List<Future<RecordOutcome>> futures = new ArrayList<>();
				for (int i = 1; i <= records; i++) {
					int n = i;
					// fresh records, as the robot-entry job sees them from its ledger:
					// never started, so the script's duplicate check (retried: true)
					// does not run
					futures.add(threads.submit(() -> runner.enter("B-" + n, record(n), false)));
				}
				for (Future<RecordOutcome> f : futures) {
					outcomes.add(f.get());
				}
				threads.shutdown();
			}
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			long ok = outcomes.stream().filter((o) -> o.status() == RecordOutcome.Status.OK).count();
			check(legacy, records, ok);
			return took;
		}
	}

	/** The least code that does the same entries: ids instead of labels, no retries. */
	private static Duration hand(Path dir, int records) throws Exception {
		try (Legacy legacy = Legacy.start(dir.resolve("legacy"))) {
			String base = legacy.url().toString();
			long start = System.nanoTime();
			BrowserSession browser = new ChromiumLauncher(Map.of(), RobotSettings.DEFAULT_STEP_TIMEOUT).start();
			try {
				WebDriver d = browser.driver();
				// polled as often as the engine's steps poll (Selenium's default is 500
				// ms,
				// which would slow the floor down)
				WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10), Duration.ofMillis(100));
				d.get(base + "/login");
				d.findElement(By.id("userid")).sendKeys(USER);
				d.findElement(By.id("password")).sendKeys(PASSWORD);
				d.findElement(By.cssSelector("input[type=submit]")).click();
				wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("menu"));
				wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "業務メニュー"));
				for (int i = 1; i <= records; i++) {
					Map<String, String> r = record(i);
					// fresh records: no duplicate check, like the robot's (it checks only
					// records an earlier try may have saved)
					d.get(base + "/entry");
					type(d, "seikyubi", r.get("request_date"));
					type(d, "shimei", r.get("name"));
					type(d, "kana", r.get("name_kana"));
					type(d, "seinengappi", r.get("birth_date"));
					type(d, "yubin", r.get("postal_code"));
					type(d, "jusho", r.get("address"));
					type(d, "denwa", r.get("phone"));
					new Select(d.findElement(By.id("purpose"))).selectByVisibleText(r.get("purpose"));
					type(d, "tsusu", r.get("copies"));
					if ("true".equals(r.get("honseki"))) {
						d.findElement(By.id("honseki")).click();
					}
					d.findElement(By.cssSelector("input[value='登録']")).click();
					Alert alert = wait.until(ExpectedConditions.alertIsPresent());
					alert.accept();
					// the receipt page replaces the form while we look: an element found
					// on the way may be gone the next moment
					wait.ignoring(StaleElementReferenceException.class)
						.until((driver) -> driver.findElement(By.id("receipt-no")).getText());
				}
			}
			finally {
				browser.quit();
			}
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			check(legacy, records, records);
			return took;
		}
	}

	private static void type(WebDriver d, String id, String text) {
		WebElement e = d.findElement(By.id(id));
		e.clear();
		e.sendKeys(text);
	}

	private static void check(Legacy legacy, int records, long ok) throws Exception {
		int entered = legacy.entries().size();
		if (entered != records || ok != records) {
			throw new IllegalStateException(
					"expected " + records + " entries, the legacy system holds " + entered + " (" + ok + " OK)");
		}
	}

	/**
	 * The sample legacy system, through reflection: robots does not depend on samples.
	 */
	private record Legacy(Object system) implements AutoCloseable {

		static Legacy start(Path data) throws Exception {
			Class<?> type;
			try {
				type = Class.forName(LEGACY);
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException("the sample legacy system is not on the classpath: add "
						+ "samples/target/classes (digilab-samples)", ex);
			}
			Method start = type.getMethod("start", int.class, Path.class, String.class, String.class);
			return new Legacy(start.invoke(null, 0, data, USER, PASSWORD));
		}

		URI url() throws Exception {
			return (URI) call("url");
		}

		@SuppressWarnings("unchecked")
		List<Map<String, String>> entries() throws Exception {
			return (List<Map<String, String>>) call("entries");
		}

		@Override
		public void close() throws Exception {
			call("close");
		}

		private Object call(String name) throws Exception {
			try {
				return this.system.getClass().getMethod(name).invoke(this.system);
			}
			catch (InvocationTargetException ex) {
				throw (ex.getCause() instanceof Exception cause) ? cause : ex;
			}
		}

	}

}
