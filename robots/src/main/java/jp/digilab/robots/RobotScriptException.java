package jp.digilab.robots;

import java.util.List;

/**
 * A robot script that cannot be used; each problem reads {@code file:line: reason}.
 */
public final class RobotScriptException extends RuntimeException {

	private final List<String> problems;

	public RobotScriptException(List<String> problems) {
		super(message(problems));
		this.problems = List.copyOf(problems);
	}

	public RobotScriptException(String problem) {
		this(List.of(problem));
	}

	private static String message(List<String> problems) {
		if (problems.isEmpty()) {
			return RobotReasons.INVALID.text();
		}
		if (problems.size() == 1) {
			return problems.get(0);
		}
		return (problems.size() == 2) ? RobotReasons.ONE_MORE.text(problems.get(0))
				: RobotReasons.MORE.text(problems.get(0), problems.size() - 1);
	}

	/**
	 * Every problem found.
	 * @return the problems, each {@code file:line: reason}
	 */
	public List<String> problems() {
		return this.problems;
	}

}
