package jp.digilab.robots;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.digilab.robots.script.Durations;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The argument of one step in YAML (a text, a map of options, or nothing), with helpers
 * that report problems at the right line.
 */
final class Args {

	final String step;

	final int line;

	private final Node node;

	private final Problems problems;

	private Map<String, Node> options;

	Args(String step, int line, Node node, Problems problems) {
		this.step = step;
		this.line = line;
		this.node = node;
		this.problems = problems;
	}

	boolean isNone() {
		return this.node == null
				|| (this.node instanceof ScalarNode s && (s.getTag().equals(Tag.NULL) || s.getValue().isEmpty()));
	}

	boolean isScalar() {
		return this.node instanceof ScalarNode && !isNone();
	}

	/**
	 * Whether the argument is a map; if so, its keys are checked against the allowed
	 * ones.
	 */
	boolean isMap(String... allowed) {
		if (!(this.node instanceof MappingNode)) {
			return false;
		}
		Map<String, Node> map = options();
		List<String> known = Arrays.asList(allowed);
		for (Map.Entry<String, Node> e : map.entrySet()) {
			if (!known.contains(e.getKey())) {
				this.problems.add(e.getValue(), RobotReasons.IN_STEP.text(this.step,
						RobotReasons.UNKNOWN_OPTION.text(e.getKey(), String.join(", ", allowed))));
			}
		}
		return true;
	}

	Map<String, Node> options() {
		if (this.options == null) {
			this.options = map(this.node, this.problems);
		}
		return this.options;
	}

	static Map<String, Node> map(Node node, Problems problems) {
		Map<String, Node> map = new LinkedHashMap<>();
		if (node instanceof MappingNode m) {
			for (NodeTuple t : m.getValue()) {
				String key = (t.getKeyNode() instanceof ScalarNode k) ? k.getValue() : String.valueOf(t.getKeyNode());
				if (map.put(key, t.getValueNode()) != null) {
					problems.add(t.getKeyNode(), RobotReasons.GIVEN_TWICE.text(key));
				}
			}
		}
		return map;
	}

	/** The whole argument as a text. */
	String text() {
		return text(this.node, RobotReasons.THE_ARGUMENT.text());
	}

	/** A required option. */
	String required(String key) {
		Node value = options().get(key);
		if (value == null) {
			this.problems.add(this.line, RobotReasons.IN_STEP.text(this.step, RobotReasons.OPTION_MISSING.text(key)));
			return null;
		}
		return text(value, "'" + key + "'");
	}

	/** An optional option, or null. */
	String optional(String key) {
		Node value = options().get(key);
		return (value != null) ? text(value, "'" + key + "'") : null;
	}

	Duration duration(String key) {
		String text = optional(key);
		return (text != null) ? duration(text, options().get(key)) : null;
	}

	Duration duration(String text, Node at) {
		try {
			return Durations.parse(text);
		}
		catch (IllegalArgumentException ex) {
			this.problems.add((at != null) ? at : this.node, RobotReasons.IN_STEP.text(this.step, ex.getMessage()));
			return null;
		}
	}

	boolean flag(String key) {
		String text = optional(key);
		return text != null && (text.equals("true") || text.equals("yes"));
	}

	String text(Node value, String what) {
		if (value instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
			return s.getValue();
		}
		this.problems.add((value != null) ? value : this.node,
				RobotReasons.IN_STEP.text(this.step, RobotReasons.NOT_TEXT.text(what)));
		return null;
	}

	void problem(String reason) {
		this.problems.add(this.line, RobotReasons.IN_STEP.text(this.step, reason));
	}

	Node node() {
		return this.node;
	}

}
