package jp.digilab.robots.step;

import java.time.Duration;

import jp.digilab.robots.script.Durations;

/**
 * {@code pause: 500ms}: wait a fixed time (prefer {@code waitFor}).
 */
public record Pause(int line, Duration duration) implements Step {

	@Override
	public String name() {
		return "pause";
	}

	@Override
	public String describe() {
		return "pause " + Durations.format(this.duration);
	}

	@Override
	public void run(StepContext ctx) {
		StepContext.sleep(this.duration);
	}

}
