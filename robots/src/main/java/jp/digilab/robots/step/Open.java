package jp.digilab.robots.step;

import java.time.Duration;
import java.util.List;

import jp.digilab.robots.script.Durations;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;

/**
 * {@code open: URL} or {@code open: {url: URL, timeout: 30s}}: load a page and wait until
 * it has loaded.
 */
public record Open(int line, String url, Duration timeout) implements Step {

	@Override
	public String name() {
		return "open";
	}

	@Override
	public String describe() {
		return "open " + this.url;
	}

	@Override
	public void run(StepContext ctx) {
		WebDriver.Timeouts timeouts = ctx.driver().manage().timeouts();
		boolean own = this.timeout != null;
		if (own) {
			timeouts.pageLoadTimeout(this.timeout);
		}
		try {
			ctx.driver().get(ctx.resolve(this.url));
		}
		catch (TimeoutException ex) {
			throw new TimeoutException(
					"the page did not finish loading within " + Durations.format(ctx.timeout(this.timeout)), ex);
		}
		finally {
			if (own) {
				timeouts.pageLoadTimeout(ctx.timeout(null));
			}
		}
	}

	@Override
	public List<String> texts() {
		return List.of(this.url);
	}

}
