package jp.digilab.robots.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One headless Chromium with its own driver process and fresh profile folder, and whether
 * the robot has logged in with it.
 */
public final class BrowserSession {

	private static final Logger log = LoggerFactory.getLogger(BrowserSession.class);

	private final WebDriver driver;

	private final ChromeDriverService service;

	private final Path profileDir;

	private final String mainWindow;

	private volatile boolean loggedIn;

	BrowserSession(WebDriver driver, ChromeDriverService service, Path profileDir) {
		this.driver = driver;
		this.service = service;
		this.profileDir = profileDir;
		this.mainWindow = driver.getWindowHandle();
	}

	public WebDriver driver() {
		return this.driver;
	}

	public String mainWindow() {
		return this.mainWindow;
	}

	public boolean loggedIn() {
		return this.loggedIn;
	}

	public void loggedIn(boolean value) {
		this.loggedIn = value;
	}

	/**
	 * Back to the first window and the top frame, closing windows a previous record left
	 * open.
	 * @return the open windows (just the main one)
	 */
	public Set<String> prepare() {
		Set<String> handles = this.driver.getWindowHandles();
		if (handles.size() > 1) {
			for (String handle : handles) {
				if (!handle.equals(this.mainWindow)) {
					this.driver.switchTo().window(handle).close();
				}
			}
			this.driver.switchTo().window(this.mainWindow);
			handles = this.driver.getWindowHandles();
		}
		this.driver.switchTo().defaultContent();
		return handles;
	}

	/**
	 * Whether the browser still answers (an open alert counts as answering).
	 * @return true if the session can be used
	 */
	public boolean isAlive() {
		try {
			this.driver.getWindowHandles();
			return true;
		}
		catch (UnhandledAlertException ex) {
			return true;
		}
		catch (WebDriverException ex) {
			return false;
		}
	}

	/**
	 * Dismiss an open dialog, if any.
	 * @return its text, or null if there was none
	 */
	public String dismissAlert() {
		try {
			var alert = this.driver.switchTo().alert();
			String text = alert.getText();
			alert.dismiss();
			return text;
		}
		catch (NoAlertPresentException ex) {
			return null;
		}
		catch (WebDriverException ex) {
			return null;
		}
	}

	/**
	 * Forget the legacy system's session: dismiss dialogs, close extra windows, delete
	 * cookies, so that the next record logs in again.
	 */
	public void reset() {
		this.loggedIn = false;
		try {
			dismissAlert();
			prepare();
			this.driver.manage().deleteAllCookies();
		}
		catch (WebDriverException ex) {
			log.debug("reset failed: {}", Failures.reason(ex));
		}
	}

	/**
	 * Quit the browser and its driver and delete the profile folder.
	 */
	public void quit() {
		try {
			this.driver.quit();
		}
		catch (RuntimeException ex) {
			log.debug("quit: {}", Failures.reason(ex));
		}
		try {
			this.service.stop();
		}
		catch (RuntimeException ex) {
			log.debug("stopping chromedriver: {}", ex.toString());
		}
		deleteTree(this.profileDir);
	}

	static void deleteTree(Path dir) {
		if (dir == null || !Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((p) -> {
				try {
					Files.deleteIfExists(p);
				}
				catch (IOException ex) {
					// Chromium may still be writing; the folder is in the temp directory
				}
			});
		}
		catch (IOException | RuntimeException ex) {
			log.debug("cannot delete {}: {}", dir, ex.toString());
		}
	}

}
