package jp.digilab.robots.step;

import java.util.List;

/**
 * One step of a robot script: an immutable value read from YAML that knows how to run
 * itself in a {@link StepContext}. Texts and selectors are kept as written (templates),
 * so that a step's description never contains a resolved secret.
 */
public interface Step {

	/**
	 * The line of the step in its YAML file (1-based).
	 * @return the line
	 */
	int line();

	/**
	 * The step's name as written in YAML, e.g. {@code click}.
	 * @return the name
	 */
	String name();

	/**
	 * A one-line description for logs and evidence, with templates unresolved.
	 * @return e.g. {@code click text=登録}
	 */
	String describe();

	/**
	 * Run the step.
	 * @param ctx the browser, the record and its variables
	 */
	void run(StepContext ctx);

	/**
	 * The selectors the step uses (templates), for validation.
	 * @return the selectors
	 */
	default List<String> selectors() {
		return List.of();
	}

	/**
	 * The other texts the step resolves (templates), for validation.
	 * @return the texts
	 */
	default List<String> texts() {
		return List.of();
	}

	/**
	 * Nested steps (for {@code onlyIf}).
	 * @return the nested steps
	 */
	default List<Step> children() {
		return List.of();
	}

}
