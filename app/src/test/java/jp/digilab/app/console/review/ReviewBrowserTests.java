package jp.digilab.app.console.review;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

import jp.digilab.app.security.ConsoleUsers;
import jp.digilab.app.security.Role;
import jp.digilab.robots.browser.BrowserSession;
import jp.digilab.robots.browser.ChromiumLauncher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review page's keyboard in real headless Chromium against the running console: focus
 * on the first doubtful field, Enter to the next, Alt+N to the next record, Ctrl+Enter to
 * approve, Alt+R twice to reject.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewBrowserTests extends ReviewServerTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConsoleUsers users;

	@Autowired
	PasswordEncoder encoder;

	BrowserSession browser;

	@BeforeAll
	void startTheBrowser() {
		this.users.create("keys", this.encoder.encode("keys-password-1"), "Keys", ReviewFixtures.KOKURA_DEPARTMENT,
				EnumSet.of(Role.REVIEWER));
		this.browser = new ChromiumLauncher(System.getenv(), Duration.ofSeconds(20)).start();
	}

	@AfterAll
	void stopTheBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void aReviewerWorksTheQueueFromTheKeyboard() {
		// given two records whose postal code and My Number are doubtful
		Path scan = ReviewFixtures.prepare(home);
		String first = ReviewFixtures.record(this.jdbc, "keys-a", ReviewFixtures.REVEAL,
				ReviewFixtures.KOKURA_DEPARTMENT, scan);
		String second = ReviewFixtures.record(this.jdbc, "keys-b", ReviewFixtures.REVEAL,
				ReviewFixtures.KOKURA_DEPARTMENT, scan);
		WebDriver driver = this.browser.driver();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys("keys");
		driver.findElement(By.id("password")).sendKeys("keys-password-1", Keys.ENTER);
		wait.until(ExpectedConditions.urlContains("/review"));

		// when the first record opens, its first doubtful field has the focus
		driver.get(url("/review/" + first));
		assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("f-postal_code");
		assertThat(driver.findElement(By.cssSelector("img[src*='fields/postal_code/crop.png']"))
			.getDomProperty("naturalWidth")).isNotEqualTo("0");
		// typing replaces the selected OCR value; Enter goes to the next field
		new Actions(driver).sendKeys("803-8501").sendKeys(Keys.ENTER).perform();
		assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("f-my_number");
		// Alt+N leaves it undecided and opens the next record
		new Actions(driver).keyDown(Keys.ALT).sendKeys("n").keyUp(Keys.ALT).perform();
		wait.until(ExpectedConditions.urlContains(second));
		assertThat(status(first)).isEqualTo("NEEDS_REVIEW");

		// Ctrl+Enter approves with the correction and opens the record still waiting
		new Actions(driver).sendKeys("803-8501").perform();
		new Actions(driver).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
		wait.until(ExpectedConditions.urlContains(first));
		assertThat(status(second)).isEqualTo("APPROVED");
		assertThat(this.jdbc.sql("select fields_json from dl_record where record_key = ?")
			.param(second)
			.query(String.class)
			.single()).contains("\"value\":\"803-8501\"");
		assertThat(driver.findElement(By.className("done")).getText()).contains(second).contains("承認しました");

		// Alt+R goes to the reason, Alt+R again rejects
		new Actions(driver).keyDown(Keys.ALT).sendKeys("r").keyUp(Keys.ALT).perform();
		assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("reason");
		new Actions(driver).sendKeys("不鮮明").keyDown(Keys.ALT).sendKeys("r").keyUp(Keys.ALT).perform();
		wait.until(ExpectedConditions.urlMatches(".*/review$"));
		assertThat(status(first)).isEqualTo("REJECTED");
	}

	private String status(String key) {
		return this.jdbc.sql("select status from dl_record where record_key = ?")
			.param(key)
			.query(String.class)
			.single();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
