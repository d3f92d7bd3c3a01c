package jp.digilab.app.console.runs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jp.digilab.app.demo.Demo;
import jp.digilab.app.demo.DemoHomes;
import jp.digilab.app.security.ConsoleUsers;
import jp.digilab.app.security.Role;
import jp.digilab.jobs.pipeline.RobotEnvironment;
import jp.digilab.robots.browser.BrowserSession;
import jp.digilab.robots.browser.ChromiumLauncher;
import jp.digilab.samples.legacy.LegacySystem;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live progress bar in real headless Chromium against the running application: an
 * operator logs in, clicks "run now", watches the stages fill while the run goes (server-
 * sent events through Spring Security), and the page shows 完了 when it ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.quartz.auto-startup=false", "digilab.inbox.enabled=false", "digilab.ocr.workers=1",
				"digilab.inbox.settle-seconds=0" })
class RunProgressBrowserTests {

	static final Path home = DemoHomes.freshCopy();

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		registry.add("digilab.home", home::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	ConsoleUsers users;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	RobotEnvironment robotEnvironment;

	@Test
	void theBarFillsWhileTheRunGoesAndThePageShowsTheEnd() throws Exception {
		LegacySystem legacy = Demo.startLegacySystem(home);
		this.robotEnvironment.put("LEGACY_URL", legacy.url().toString().replaceAll("/$", ""));
		this.users.create("progress-op", this.encoder.encode("progress-pw-1"), "Operator", null,
				EnumSet.of(Role.OPERATOR));
		BrowserSession session = new ChromiumLauncher(Map.of(), Duration.ofSeconds(15)).start();
		try {
			WebDriver browser = session.driver();
			browser.get(url("/login"));
			browser.findElement(By.name("username")).sendKeys("progress-op");
			browser.findElement(By.name("password")).sendKeys("progress-pw-1");
			browser.findElement(By.cssSelector("button[type=submit]")).click();
			browser.get(url("/runs"));
			// the sample home has two jobs; only juminhyo has scans in its inbox
			new Select(browser.findElement(By.id("job"))).selectByValue("juminhyo");
			browser.findElement(By.cssSelector("#run-now button")).click();
			List<String> seen = watch(browser, Duration.ofSeconds(150));
			// while it ran: 実行中, with stages filled (intake 4/4 at once, then recognition
			// and entry)
			assertThat(seen).anySatisfy((s) -> assertThat(s).startsWith("実行中").contains("受付 4/4=100"));
			assertThat(seen).anySatisfy((s) -> assertThat(s).startsWith("実行中").contains("読取 4/4=100"));
			// and at the end the page reloaded with the result
			assertThat(seen.get(seen.size() - 1)).isEqualTo("完了");
			assertThat(browser.findElement(By.id("run-counts")).getText())
				.startsWith("ファイル 4 件 (失敗 0 件)、レコード 4 件 (承認 4 件、要確認 0 件)、基幹入力 4 件");
			assertThat(browser.findElements(By.id("progress"))).isEmpty();
		}
		finally {
			session.quit();
			legacy.close();
		}
	}

	/** What the page shows every 300 ms: the state and each stage's count and bar. */
	private static List<String> watch(WebDriver browser, Duration timeout) throws InterruptedException {
		List<String> seen = new ArrayList<>();
		long end = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < end) {
			try {
				String state = browser.findElement(By.id("run-status")).getText();
				List<String> stages = browser.findElements(By.cssSelector("#progress .stage"))
					.stream()
					.map((e) -> e.findElement(By.className("label")).getText() + " "
							+ e.findElement(By.className("count")).getText() + "="
							+ e.findElement(By.tagName("progress")).getDomProperty("value"))
					.toList();
				seen.add((state + " " + String.join(", ", stages)).strip());
				if (state.equals("完了") || state.equals("失敗") || state.equals("停止")) {
					return seen;
				}
			}
			catch (WebDriverException ex) {
				// the page is reloading
			}
			Thread.sleep(300);
		}
		return seen;
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
