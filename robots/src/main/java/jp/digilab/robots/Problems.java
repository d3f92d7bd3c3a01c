package jp.digilab.robots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Problems found in a script, each as {@code file:line: reason}.
 */
final class Problems {

	private final String file;

	private final List<String> list = new ArrayList<>();

	Problems(Path file) {
		this.file = (file != null) ? file.toString() : "script";
	}

	void add(int line, String reason) {
		this.list.add(RobotReasons.AT_LINE.text(this.file, line, reason));
	}

	void add(Node node, String reason) {
		add(line(node), reason);
	}

	static int line(Node node) {
		return (node != null) ? node.getStartMark().getLine() + 1 : 1;
	}

	boolean isEmpty() {
		return this.list.isEmpty();
	}

	List<String> list() {
		return List.copyOf(this.list);
	}

}
