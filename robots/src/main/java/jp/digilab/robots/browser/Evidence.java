package jp.digilab.robots.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.digilab.robots.script.Masker;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves what an operator needs to see why a record failed: {@code step.txt} (the failing
 * step, its line, the reason), {@code page.html} and {@code screenshot.png}, all with
 * secrets masked (in the screenshot, fields and texts holding a secret are overwritten
 * first, in every same-origin frame of the window).
 */
public final class Evidence {

	private static final Logger log = LoggerFactory.getLogger(Evidence.class);

	private static final String MASK_SCRIPT = """
			const secrets = arguments[0];
			const mask = s => { let r = s; for (const x of secrets) r = r.split(x).join('***'); return r; };
			const hit = s => s && secrets.some(x => s.includes(x));
			const fix = doc => {
			  for (const e of doc.querySelectorAll('input,textarea')) {
			    if (hit(e.value)) e.value = mask(e.value);
			  }
			  const walker = doc.createTreeWalker(doc.body || doc.documentElement, NodeFilter.SHOW_TEXT);
			  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			    if (hit(n.nodeValue)) n.nodeValue = mask(n.nodeValue);
			  }
			  for (const f of doc.querySelectorAll('frame,iframe')) {
			    let d = null;
			    try { d = f.contentDocument; } catch (e) { d = null; }
			    if (d) fix(d);
			  }
			};
			let root = document;
			try { if (window.top.document) root = window.top.document; } catch (e) { root = document; }
			fix(root);
			""";

	private Evidence() {
	}

	/**
	 * Folder name for a record key (characters that file systems refuse become
	 * {@code _}).
	 * @param key the record key
	 * @return a safe folder name
	 */
	public static String folderName(String key) {
		String name = String.valueOf(key).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
		return (name.isEmpty() || name.equals(".") || name.equals("..")) ? "_" : name;
	}

	/**
	 * Save the evidence of a failed record.
	 * @param dir the evidence folder of the record
	 * @param driver the browser, or null if it is gone
	 * @param masker masks secrets
	 * @param stepText what failed (already masked or not: it is masked again)
	 */
	public static void save(Path dir, WebDriver driver, Masker masker, String stepText) {
		StringBuilder text = new StringBuilder(stepText);
		try {
			Files.createDirectories(dir);
			if (driver != null) {
				capture(dir, driver, masker, text);
			}
			else {
				text.append("\nThe browser had stopped: no screenshot or page source.\n");
			}
			Files.writeString(dir.resolve("step.txt"), masker.mask(text.toString()), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			log.warn("cannot save evidence in {}: {}", dir, ex.getMessage());
		}
	}

	private static void capture(Path dir, WebDriver driver, Masker masker, StringBuilder text) throws IOException {
		try {
			text.append("\nURL: ").append(driver.getCurrentUrl()).append('\n');
			text.append("Title: ").append(driver.getTitle()).append('\n');
			Files.writeString(dir.resolve("page.html"), masker.mask(driver.getPageSource()), StandardCharsets.UTF_8);
		}
		catch (WebDriverException ex) {
			text.append("\nNo page source: ").append(Failures.reason(ex)).append('\n');
		}
		try {
			if (!masker.values().isEmpty()) {
				((JavascriptExecutor) driver).executeScript(MASK_SCRIPT, masker.values());
			}
			byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
			Files.write(dir.resolve("screenshot.png"), png);
		}
		catch (WebDriverException ex) {
			text.append("\nNo screenshot: ").append(Failures.reason(ex)).append('\n');
		}
	}

}
