package jp.digilab.app.observability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jp.digilab.robots.browser.ChromiumLauncher;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The robots' browser is installed: the Chromium binary and its chromedriver exist and
 * can be run ({@code DIGILAB_CHROMIUM} and {@code DIGILAB_CHROMEDRIVER} override them as
 * for the robots). Starting a browser takes seconds, so it is not started here; the
 * robots' own runs say when one fails to start.
 */
class ChromiumHealthIndicator extends AbstractHealthIndicator {

	private final Map<String, String> env;

	ChromiumHealthIndicator(Map<String, String> env) {
		super("Chromium health check failed");
		this.env = env;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Path chromium = Path.of(ChromiumLauncher.chromium(this.env));
		Path driver = Path.of(this.env.getOrDefault("DIGILAB_CHROMEDRIVER", ChromiumLauncher.DEFAULT_CHROMEDRIVER));
		builder.withDetail("chromium", chromium.toString()).withDetail("chromedriver", driver.toString());
		if (!Files.isExecutable(chromium)) {
			builder.down()
				.withDetail("error", chromium + " is missing or not executable (install chromium-headless-shell)");
		}
		else if (!Files.isExecutable(driver)) {
			builder.down().withDetail("error", driver + " is missing or not executable (install chromium-driver)");
		}
		else {
			builder.up();
		}
	}

}
