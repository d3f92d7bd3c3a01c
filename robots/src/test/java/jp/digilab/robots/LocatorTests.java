package jp.digilab.robots;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import jp.digilab.robots.browser.BrowserSession;
import jp.digilab.robots.browser.ChromiumLauncher;
import jp.digilab.robots.browser.Locator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which element a step acts on: the first one shown, judged by the browser in one round
 * trip, the way Selenium's {@code isDisplayed} judges it.
 */
class LocatorTests {

	static LegacySystem legacy;

	static BrowserSession browser;

	@BeforeAll
	static void open() throws Exception {
		legacy = new LegacySystem();
		browser = new ChromiumLauncher(Map.of(), Duration.ofSeconds(5)).start();
		browser.driver().get(legacy.url() + "/page/visibility.html");
	}

	@AfterAll
	static void close() {
		browser.quit();
		legacy.close();
	}

	@Test
	void theShownOneOfTwoFieldsWithTheSameNameIsChosen() {
		WebDriver driver = browser.driver();
		WebElement shown = Locator.firstShown(driver, Locator.findAll(driver, "name=twin"));
		assertThat(shown.getDomAttribute("id")).isEqualTo("twin-shown");
	}

	@Test
	void fieldsHiddenAnyWayAreNotShownAsSeleniumAlsoJudgesThem() {
		WebDriver driver = browser.driver();
		for (String name : new String[] { "inside", "faded", "ghost", "secret" }) {
			WebElement element = driver.findElement(By.name(name));
			assertThat(element.isDisplayed()).as("Selenium on %s", name).isFalse();
			assertThat(Locator.firstShown(driver, Locator.findAll(driver, "name=" + name))).as(name).isNull();
		}
	}

	@Test
	void anOptionIsShownWhenItsSelectIs() {
		WebDriver driver = browser.driver();
		WebElement option = Locator.firstShown(driver, Locator.findAll(driver, "#first-option"));
		assertThat(option).isNotNull();
		assertThat(option.isDisplayed()).isTrue();
		assertThat(option.getText()).isEqualTo("就職");
	}

}
