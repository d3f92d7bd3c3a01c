package jp.digilab.robots.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * Starts headless Chromium through the system chromedriver (never Selenium Manager), each
 * browser with a fresh profile folder. {@code DIGILAB_CHROMIUM} and
 * {@code DIGILAB_CHROMEDRIVER} override the binaries.
 *
 * <p>
 * The browser is Chromium's headless shell (Debian's {@code chromium-headless-shell}, the
 * same engine without the desktop browser's UI layer) when it is installed, else the full
 * {@code chromium} in its {@code --headless=new} mode. With the shell one browser enters
 * records about a sixth faster and two browsers, which are short of CPU on two cores,
 * about 30 % faster (docs/benchmarks.md, robots): that is what lets a pool of two nearly
 * double the rate. chromedriver must be told it drives the shell ({@code browserName}),
 * or it waits for a first tab the shell never opens.
 */
public final class ChromiumLauncher {

	/**
	 * Chromium's headless shell (Debian's chromium-headless-shell package). The binary
	 * itself, not the /usr/bin wrapper script, so that the process chromedriver starts is
	 * the browser.
	 */
	public static final String HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";

	/** The full browser (Debian's chromium package), used when the shell is missing. */
	public static final String FULL_CHROMIUM = "/usr/bin/chromium";

	/** Default driver binary (Debian's chromium-driver package). */
	public static final String DEFAULT_CHROMEDRIVER = "/usr/bin/chromedriver";

	private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
			"--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
			"--disable-sync", "--no-first-run", "--window-size=1280,1024", "--lang=ja", "--disable-features=Translate",
			"--password-store=basic");

	private final String chromium;

	private final String chromedriver;

	private final Duration stepTimeout;

	public ChromiumLauncher(Map<String, String> env, Duration stepTimeout) {
		this.chromium = chromium(env);
		this.chromedriver = env.getOrDefault("DIGILAB_CHROMEDRIVER", DEFAULT_CHROMEDRIVER);
		this.stepTimeout = stepTimeout;
	}

	/**
	 * The browser binary to start: {@code DIGILAB_CHROMIUM} when set, else the headless
	 * shell when installed, else the full Chromium.
	 * @param env the environment
	 * @return the path of the browser binary
	 */
	public static String chromium(Map<String, String> env) {
		String configured = env.get("DIGILAB_CHROMIUM");
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		return Files.isExecutable(Path.of(HEADLESS_SHELL)) ? HEADLESS_SHELL : FULL_CHROMIUM;
	}

	static boolean isHeadlessShell(String binary) {
		return binary.endsWith("headless-shell");
	}

	/**
	 * Start a browser.
	 * @return the session
	 * @throws WebDriverException if the browser cannot start
	 */
	public BrowserSession start() {
		if (!new File(this.chromedriver).canExecute()) {
			throw new WebDriverException("chromedriver not found at " + this.chromedriver
					+ " (install chromium-driver or set DIGILAB_CHROMEDRIVER)");
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("digilab-chromium-");
		}
		catch (IOException ex) {
			throw new WebDriverException("cannot create a browser profile folder", ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(this.chromium);
		if (isHeadlessShell(this.chromium)) {
			options.setCapability("browserName", "chrome-headless-shell");
		}
		options.addArguments(FLAGS);
		options.addArguments("--user-data-dir=" + profile);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja,en-US,en"));
		options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
		options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(this.chromedriver))
			.usingAnyFreePort()
			.build();
		Duration readTimeout = this.stepTimeout.multipliedBy(3).plusSeconds(30);
		try {
			ChromeDriver driver = new ChromeDriver(service, options,
					ClientConfig.defaultConfig().readTimeout(readTimeout).connectionTimeout(Duration.ofSeconds(10)));
			driver.manage().timeouts().pageLoadTimeout(this.stepTimeout);
			driver.manage().timeouts().scriptTimeout(this.stepTimeout);
			return new BrowserSession(driver, service, profile);
		}
		catch (RuntimeException ex) {
			service.stop();
			BrowserSession.deleteTree(profile);
			throw ex;
		}
	}

}
