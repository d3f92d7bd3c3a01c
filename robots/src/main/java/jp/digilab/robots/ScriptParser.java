package jp.digilab.robots;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.digilab.robots.script.Template;
import jp.digilab.robots.step.Step;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a robot script from YAML, collecting every problem with its line instead of
 * stopping at the first.
 */
final class ScriptParser {

	private static final List<String> TOP_LEVEL = List.of("id", "title", "vars", "login", "perRecord", "retry", "pool");

	/**
	 * The script read (as far as it could be) and the problems found.
	 *
	 * @param script the script, or null if the file could not be read at all
	 * @param problems the problems
	 */
	record Result(RobotScript script, List<String> problems) {
	}

	private ScriptParser() {
	}

	static Result parse(Path file) {
		Problems problems = new Problems(file);
		Node root;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			root = new Yaml(new LoaderOptions()).compose(reader);
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 1;
			problems.add(line, RobotReasons.NOT_YAML.text(ex.getProblem()));
			return new Result(null, problems.list());
		}
		catch (YAMLException | IOException ex) {
			problems.add(1, RobotReasons.CANNOT_READ.text(ex.getMessage()));
			return new Result(null, problems.list());
		}
		if (!(root instanceof MappingNode)) {
			problems.add(root, RobotReasons.NOT_A_MAP.text());
			return new Result(null, problems.list());
		}
		Map<String, Node> top = Args.map(root, problems);
		top.forEach((key, value) -> {
			if (!TOP_LEVEL.contains(key)) {
				problems.add(value, RobotReasons.UNKNOWN_KEY.text(key, String.join(", ", TOP_LEVEL)));
			}
		});
		Args args = new Args("script", 1, root, problems);
		String id = (top.containsKey("id")) ? args.optional("id") : null;
		if (id == null) {
			id = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
		}
		String title = (top.containsKey("title")) ? args.optional("title") : null;
		Map<String, String> vars = vars(top.get("vars"), problems);
		StepParser steps = new StepParser(problems);
		List<Step> login = steps.steps(top.get("login"), "login");
		List<Step> perRecord = steps.steps(top.get("perRecord"), "perRecord");
		if (!top.containsKey("perRecord")) {
			problems.add(root, RobotReasons.PER_RECORD_MISSING.text());
		}
		Retry retry = retry(top.get("retry"), problems);
		int pool = pool(top.get("pool"), problems);
		RobotScript script = new RobotScript(id, (title != null) ? title : id, vars, login, perRecord, retry, pool,
				file);
		return new Result(script, problems.list());
	}

	private static Map<String, String> vars(Node node, Problems problems) {
		Map<String, String> vars = new LinkedHashMap<>();
		if (node == null) {
			return vars;
		}
		if (!(node instanceof MappingNode)) {
			problems.add(node, RobotReasons.VARS_NOT_MAP.text());
			return vars;
		}
		Args.map(node, problems).forEach((name, value) -> {
			if (value instanceof ScalarNode s) {
				vars.put(name, s.getValue());
				checkReferences(s.getValue(), value, problems, vars);
			}
			else {
				problems.add(value, RobotReasons.NOT_TEXT.text("vars." + name));
			}
		});
		return vars;
	}

	private static void checkReferences(String text, Node at, Problems problems, Map<String, String> earlier) {
		try {
			for (Template.Reference ref : Template.references(text)) {
				if (ref.namespace().equals("record")) {
					continue;
				}
				if (!ref.known()) {
					problems.add(at, RobotReasons.UNKNOWN_NAMESPACE.text(ref.namespace(), ref.text()));
				}
				else if (ref.namespace().equals("vars") && !earlier.containsKey(ref.name())) {
					problems.add(at, RobotReasons.VAR_NOT_ABOVE.text(ref.text()));
				}
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(at, ex.getMessage());
		}
	}

	private static Retry retry(Node node, Problems problems) {
		if (node == null) {
			return Retry.DEFAULT;
		}
		Args args = new Args("retry", Problems.line(node), node, problems);
		if (!args.isMap("attempts", "backoff")) {
			problems.add(node, RobotReasons.RETRY_FORM.text());
			return Retry.DEFAULT;
		}
		String attempts = args.optional("attempts");
		Duration backoff = args.duration("backoff");
		int n = Retry.DEFAULT.attempts();
		if (attempts != null) {
			if (attempts.matches("[1-9]\\d?")) {
				n = Integer.parseInt(attempts);
			}
			else {
				problems.add(args.options().get("attempts"),
						RobotReasons.IN_STEP.text("retry", RobotReasons.RETRY_ATTEMPTS.text()));
			}
		}
		return new Retry(n, (backoff != null) ? backoff : Retry.DEFAULT.backoff());
	}

	private static int pool(Node node, Problems problems) {
		if (node == null) {
			return 1;
		}
		if (node instanceof ScalarNode s && s.getValue().matches("[1-9]\\d?")) {
			return Integer.parseInt(s.getValue());
		}
		problems.add(node, RobotReasons.POOL.text());
		return 1;
	}

}
