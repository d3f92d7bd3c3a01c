package jp.digilab.jobs.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code ${env:X}} variables robots see: the process environment, plus values set by
 * the application (the demo points {@code LEGACY_URL} at the sample legacy system it
 * started).
 */
public class RobotEnvironment {

	private final Map<String, String> overrides = new ConcurrentHashMap<>();

	public void put(String name, String value) {
		this.overrides.put(name, value);
	}

	public Map<String, String> asMap() {
		Map<String, String> env = new HashMap<>(System.getenv());
		env.putAll(this.overrides);
		return env;
	}

}
