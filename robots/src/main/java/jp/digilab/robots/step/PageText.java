package jp.digilab.robots.step;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The visible text of the current frame, with white space collapsed.
 */
final class PageText {

	private PageText() {
	}

	static String of(WebDriver driver) {
		Object text = ((JavascriptExecutor) driver)
			.executeScript("return document.body ? document.body.innerText : document.documentElement.textContent;");
		return normalize(String.valueOf(text));
	}

	static boolean contains(WebDriver driver, String wanted) {
		return of(driver).contains(normalize(wanted));
	}

	static String normalize(String text) {
		return (text != null) ? text.replaceAll("[\\s\\u3000]+", " ").trim() : "";
	}

}
