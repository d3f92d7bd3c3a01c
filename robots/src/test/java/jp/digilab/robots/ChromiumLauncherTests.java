package jp.digilab.robots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import jp.digilab.robots.browser.BrowserSession;
import jp.digilab.robots.browser.ChromiumLauncher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which browser the robots start: the headless shell by default (installed by the
 * launcher), the full Chromium when pointed at it, and both really drive a page.
 */
class ChromiumLauncherTests {

	static LegacySystem legacy;

	@BeforeAll
	static void open() throws Exception {
		legacy = new LegacySystem();
	}

	@AfterAll
	static void close() {
		legacy.close();
	}

	@Test
	void theHeadlessShellIsTheDefaultAndAnOverrideWins() {
		assertThat(Path.of(ChromiumLauncher.HEADLESS_SHELL)).as("installed by ./digilab's prerequisites")
			.isExecutable();
		assertThat(ChromiumLauncher.chromium(Map.of())).isEqualTo(ChromiumLauncher.HEADLESS_SHELL);
		assertThat(ChromiumLauncher.chromium(Map.of("DIGILAB_CHROMIUM", "/opt/chrome/chrome")))
			.isEqualTo("/opt/chrome/chrome");
		assertThat(ChromiumLauncher.chromium(Map.of("DIGILAB_CHROMIUM", " ")))
			.isEqualTo(ChromiumLauncher.HEADLESS_SHELL);
	}

	@Test
	void theHeadlessShellDrivesALoginAndTakesAScreenshot() {
		drive(Map.of(), "HeadlessChrome");
	}

	@Test
	void theFullChromiumStillWorksWhenChosen() {
		assertThat(Files.isExecutable(Path.of(ChromiumLauncher.FULL_CHROMIUM))).isTrue();
		drive(Map.of("DIGILAB_CHROMIUM", ChromiumLauncher.FULL_CHROMIUM), "HeadlessChrome");
	}

	private void drive(Map<String, String> env, String userAgent) {
		BrowserSession browser = new ChromiumLauncher(env, Duration.ofSeconds(10)).start();
		try {
			var driver = browser.driver();
			driver.get(legacy.url() + "/login");
			driver.findElement(By.name("uid")).sendKeys(LegacySystem.USER);
			driver.findElement(By.name("pw")).sendKeys(LegacySystem.PASSWORD);
			driver.findElement(By.cssSelector("input[type=submit]")).click();
			new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/menu"));
			assertThat(legacy.logins()).isPositive();
			assertThat((String) ((JavascriptExecutor) driver).executeScript("return navigator.userAgent"))
				.contains(userAgent);
			byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
			assertThat(png).startsWith(0x89, 'P', 'N', 'G');
			assertThat(png.length).isGreaterThan(1000);
		}
		finally {
			browser.quit();
		}
	}

}
