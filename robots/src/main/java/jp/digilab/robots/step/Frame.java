package jp.digilab.robots.step;

import java.util.List;

import org.openqa.selenium.NoSuchFrameException;

/**
 * {@code frame: NAME} (name or id), {@code frame: 2} (index), {@code frame: {selector:
 * S}}, {@code frame: parent}, {@code frame: top}: switch the frame the next steps work
 * in.
 */
public record Frame(int line, Target target, String value) implements Step {

	/** How the frame is named. */
	public enum Target {

		NAME, INDEX, SELECTOR, PARENT, TOP

	}

	@Override
	public String name() {
		return "frame";
	}

	@Override
	public String describe() {
		return switch (this.target) {
			case PARENT -> "frame parent";
			case TOP -> "frame top";
			default -> "frame " + this.target.name().toLowerCase() + " " + this.value;
		};
	}

	@Override
	public void run(StepContext ctx) {
		switch (this.target) {
			case TOP -> ctx.driver().switchTo().defaultContent();
			case PARENT -> ctx.driver().switchTo().parentFrame();
			case SELECTOR -> ctx.driver().switchTo().frame(ctx.element(this.value, false));
			case INDEX -> {
				int index = Integer.parseInt(ctx.resolve(this.value));
				ctx.await(ctx.timeout(null), "frame " + index,
						() -> trySwitch(ctx, "frame " + index, () -> ctx.driver().switchTo().frame(index)));
			}
			case NAME -> {
				String name = ctx.resolve(this.value);
				ctx.await(ctx.timeout(null), "frame '" + name + "'",
						() -> trySwitch(ctx, "frame '" + name + "'", () -> ctx.driver().switchTo().frame(name)));
			}
		}
	}

	private static boolean trySwitch(StepContext ctx, String what, Runnable switcher) {
		try {
			switcher.run();
			return true;
		}
		catch (NoSuchFrameException ex) {
			// an expired session shows the login page instead of the frameset: fail now
			// so
			// that the runner logs in again, rather than waiting the whole step timeout
			if (ctx.onLoginPage()) {
				throw new StepException("no " + ctx.mask(what) + ": the browser is on the login page");
			}
			return false;
		}
	}

	@Override
	public List<String> selectors() {
		return (this.target == Target.SELECTOR) ? List.of(this.value) : List.of();
	}

	@Override
	public List<String> texts() {
		return (this.target == Target.NAME || this.target == Target.INDEX) ? List.of(this.value) : List.of();
	}

}
