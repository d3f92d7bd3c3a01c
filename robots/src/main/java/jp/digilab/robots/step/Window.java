package jp.digilab.robots.step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.WebDriver;

/**
 * {@code window: new} (switch to the window that just opened), {@code window: {title: T}}
 * (switch to the window whose title contains T), {@code window: close} (close this window
 * and go back to the previous one), {@code window: main} (back to the record's first
 * window).
 */
public record Window(int line, Action action, String title, Duration timeout) implements Step {

	/** What to do. */
	public enum Action {

		NEW, TITLE, CLOSE, MAIN

	}

	@Override
	public String name() {
		return "window";
	}

	@Override
	public String describe() {
		return "window " + ((this.action == Action.TITLE) ? "title " + this.title : this.action.name().toLowerCase());
	}

	@Override
	public void run(StepContext ctx) {
		WebDriver driver = ctx.driver();
		Duration limit = ctx.timeout(this.timeout);
		switch (this.action) {
			case NEW -> {
				String handle = ctx.await(limit, "a new window",
						() -> driver.getWindowHandles()
							.stream()
							.filter((h) -> !ctx.knownWindows().contains(h))
							.findFirst()
							.orElse(null));
				enter(ctx, handle);
			}
			case TITLE -> {
				String wanted = ctx.resolve(this.title);
				String current = driver.getWindowHandle();
				String handle = ctx.await(limit, "a window titled '" + wanted + "'", () -> findByTitle(driver, wanted));
				if (handle == null) {
					driver.switchTo().window(current);
				}
				enter(ctx, handle);
			}
			case CLOSE -> {
				driver.close();
				ctx.windows().pop();
				List<String> open = new ArrayList<>(driver.getWindowHandles());
				while (!ctx.windows().isEmpty() && !open.contains(ctx.windows().peek())) {
					ctx.windows().pop();
				}
				if (ctx.windows().isEmpty() && !open.isEmpty()) {
					ctx.windows().push(open.get(0));
				}
				if (!ctx.windows().isEmpty()) {
					driver.switchTo().window(ctx.windows().peek());
				}
			}
			case MAIN -> {
				String main = ctx.windows().peekLast();
				ctx.windows().clear();
				ctx.windows().push(main);
				driver.switchTo().window(main);
			}
		}
	}

	private static void enter(StepContext ctx, String handle) {
		ctx.driver().switchTo().window(handle);
		ctx.windows().push(handle);
		ctx.knownWindows().add(handle);
	}

	private static String findByTitle(WebDriver driver, String wanted) {
		for (String handle : driver.getWindowHandles()) {
			driver.switchTo().window(handle);
			if (String.valueOf(driver.getTitle()).contains(wanted)) {
				return handle;
			}
		}
		return null;
	}

	@Override
	public List<String> texts() {
		return (this.title != null) ? List.of(this.title) : List.of();
	}

}
