package jp.digilab.app.console.browser;

import org.openqa.selenium.By;

/**
 * Every element the browser tests look for, in one place, so that a page's markup can
 * change with one edit here. Stable ids and form field names only.
 */
final class ConsolePages {

	// login.html
	static final By LOGIN_USERNAME = By.id("username");

	static final By LOGIN_PASSWORD = By.id("password");

	static final By LOGIN_SUBMIT = By.cssSelector("form[action$='/login'] [type=submit]");

	// fragments.html (header of every page)
	static final By LANGUAGE_SWITCH = By.id("lang-switch");

	static final By CURRENT_USER = By.id("current-user");

	// dashboard.html
	static final By HOURS_HEADLINE = By.id("headline");

	// error/403.html
	static final By FORBIDDEN = By.id("forbidden");

	// review/queue.html and review/item.html (reworked by the review helper: adjust here)
	static final By REVIEW_START = By.id("start");

	static final By REVIEW_APPROVE = By.cssSelector("#approve [type=submit]");

	/** The input of a doubtful field on the review page. */
	static By reviewField(String name) {
		return By.name("field." + name);
	}

	static final By PAGE_TITLE = By.tagName("h1");

	private ConsolePages() {
	}

}
