package jp.digilab.robots;

import org.apache.commons.text.similarity.LevenshteinDistance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import jp.digilab.robots.step.AlertStep;
import jp.digilab.robots.step.AssertText;
import jp.digilab.robots.step.Call;
import jp.digilab.robots.step.Check;
import jp.digilab.robots.step.Clear;
import jp.digilab.robots.step.Click;
import jp.digilab.robots.step.Condition;
import jp.digilab.robots.step.Frame;
import jp.digilab.robots.step.OnlyIf;
import jp.digilab.robots.step.Open;
import jp.digilab.robots.step.Pause;
import jp.digilab.robots.step.Read;
import jp.digilab.robots.step.Screenshot;
import jp.digilab.robots.step.SelectOption;
import jp.digilab.robots.step.SkipIf;
import jp.digilab.robots.step.Step;
import jp.digilab.robots.step.Submit;
import jp.digilab.robots.step.Type;
import jp.digilab.robots.step.Upload;
import jp.digilab.robots.step.WaitFor;
import jp.digilab.robots.step.Window;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads step lists: each item a single-key map {@code - NAME: ARGUMENT} (or a bare
 * {@code - NAME} for steps without argument).
 */
final class StepParser {

	private static final List<String> CONDITIONS = List.of("exists", "text", "value", "retried", "not");

	private final Problems problems;

	private final Map<String, Function<Args, Step>> kinds = new LinkedHashMap<>();

	StepParser(Problems problems) {
		this.problems = problems;
		this.kinds.put("open", this::open);
		this.kinds.put("type", (a) -> a.isMap("into", "text", "append")
				? new Type(a.line, a.required("into"), a.required("text"), a.flag("append")) : mapExpected(a));
		this.kinds.put("clear", (a) -> new Clear(a.line, a.text()));
		this.kinds.put("select", (a) -> a.isMap("in", "option")
				? new SelectOption(a.line, a.required("in"), a.required("option")) : mapExpected(a));
		this.kinds.put("check", (a) -> new Check(a.line, a.text(), true));
		this.kinds.put("uncheck", (a) -> new Check(a.line, a.text(), false));
		this.kinds.put("click", (a) -> new Click(a.line, a.text()));
		this.kinds.put("submit", (a) -> new Submit(a.line, a.text()));
		this.kinds.put("waitFor", this::waitFor);
		this.kinds.put("assertText",
				(a) -> a.isMap("text", "in") ? new AssertText(a.line, a.required("text"), a.optional("in"))
						: new AssertText(a.line, a.text(), null));
		this.kinds.put("read", (a) -> a.isMap("from", "as", "attribute")
				? new Read(a.line, a.required("from"), a.required("as"), a.optional("attribute")) : mapExpected(a));
		this.kinds.put("frame", this::frame);
		this.kinds.put("window", this::window);
		this.kinds.put("acceptAlert", (a) -> alert(a, AlertStep.Action.ACCEPT));
		this.kinds.put("dismissAlert", (a) -> alert(a, AlertStep.Action.DISMISS));
		this.kinds.put("answerPrompt", (a) -> alert(a, AlertStep.Action.ANSWER));
		this.kinds.put("upload", (a) -> a.isMap("into", "file")
				? new Upload(a.line, a.required("into"), a.required("file")) : mapExpected(a));
		this.kinds.put("screenshot", (a) -> new Screenshot(a.line, a.isNone() ? "screenshot-" + a.line : a.text()));
		this.kinds.put("skipIf", (a) -> a.isMap("exists", "text", "value", "retried", "not", "message")
				? new SkipIf(a.line, condition(a.node(), a.step), a.optional("message")) : mapExpected(a));
		this.kinds.put("onlyIf", this::onlyIf);
		this.kinds.put("call", (a) -> new Call(a.line, a.text()));
		this.kinds.put("pause", (a) -> new Pause(a.line, a.duration(a.text(), a.node())));
	}

	/** The step names this parser knows. */
	List<String> names() {
		return List.copyOf(this.kinds.keySet());
	}

	List<Step> steps(Node node, String where) {
		List<Step> steps = new ArrayList<>();
		if (node == null || (node instanceof ScalarNode s && s.getValue().isEmpty())) {
			return steps;
		}
		if (!(node instanceof SequenceNode seq)) {
			this.problems.add(node, RobotReasons.NOT_STEPS.text(where));
			return steps;
		}
		for (Node item : seq.getValue()) {
			Step step = step(item);
			if (step != null) {
				steps.add(step);
			}
		}
		return steps;
	}

	private Step step(Node item) {
		String name;
		Node argument;
		if (item instanceof ScalarNode s) {
			name = s.getValue();
			argument = null;
		}
		else if (item instanceof MappingNode m && m.getValue().size() == 1) {
			NodeTuple t = m.getValue().get(0);
			if (!(t.getKeyNode() instanceof ScalarNode key)) {
				this.problems.add(item, RobotReasons.STEP_NAME_NOT_TEXT.text());
				return null;
			}
			name = key.getValue();
			argument = t.getValueNode();
		}
		else if (item instanceof MappingNode m) {
			List<String> keys = m.getValue()
				.stream()
				.map((t) -> (t.getKeyNode() instanceof ScalarNode k) ? k.getValue() : "?")
				.toList();
			this.problems.add(item, RobotReasons.STEP_NAMES.text(String.join(", ", keys)));
			return null;
		}
		else {
			this.problems.add(item, RobotReasons.STEP_FORM.text());
			return null;
		}
		Function<Args, Step> factory = this.kinds.get(name);
		if (factory == null) {
			this.problems.add(item, unknownStep(name));
			return null;
		}
		int before = this.problems.list().size();
		Step step;
		try {
			step = factory.apply(new Args(name, Problems.line(item), argument, this.problems));
		}
		catch (RuntimeException ex) {
			this.problems.add(item, RobotReasons.IN_STEP.text(name, ex.getMessage()));
			return null;
		}
		return (this.problems.list().size() == before) ? step : null;
	}

	private Step open(Args a) {
		if (a.isMap("url", "timeout")) {
			return new Open(a.line, a.required("url"), a.duration("timeout"));
		}
		return new Open(a.line, a.text(), null);
	}

	private Step waitFor(Args a) {
		if (!a.isMap("text", "element", "url", "gone", "timeout")) {
			return new WaitFor(a.line, WaitFor.Kind.ELEMENT, a.text(), null);
		}
		List<String> given = a.options()
			.keySet()
			.stream()
			.filter((k) -> List.of("text", "element", "url", "gone").contains(k))
			.toList();
		if (given.size() != 1) {
			a.problem(RobotReasons.EXACTLY_ONE.text("text, element, url, gone"));
			return null;
		}
		String key = given.get(0);
		return new WaitFor(a.line, WaitFor.Kind.valueOf(key.toUpperCase()), a.required(key), a.duration("timeout"));
	}

	private Step frame(Args a) {
		if (a.isMap("name", "index", "selector")) {
			if (a.options().size() != 1 || !List.of("name", "index", "selector").containsAll(a.options().keySet())) {
				a.problem(RobotReasons.EXACTLY_ONE.text("name, index, selector"));
				return null;
			}
			String key = a.options().keySet().iterator().next();
			Frame.Target target = Frame.Target.valueOf(key.toUpperCase());
			return new Frame(a.line, target, indexChecked(a, target, a.required(key)));
		}
		String text = a.text();
		if (text == null) {
			return null;
		}
		return switch (text) {
			case "parent" -> new Frame(a.line, Frame.Target.PARENT, null);
			case "top" -> new Frame(a.line, Frame.Target.TOP, null);
			default -> new Frame(a.line, text.matches("\\d+") ? Frame.Target.INDEX : Frame.Target.NAME, text);
		};
	}

	private String indexChecked(Args a, Frame.Target target, String value) {
		if (target == Frame.Target.INDEX && value != null && !value.matches("\\d+|\\$\\{.*}")) {
			a.problem(RobotReasons.INDEX_NUMBER.text());
		}
		return value;
	}

	private Step window(Args a) {
		if (a.isMap("title", "timeout")) {
			return new Window(a.line, Window.Action.TITLE, a.required("title"), a.duration("timeout"));
		}
		String text = a.text();
		if (text == null) {
			return null;
		}
		return switch (text) {
			case "new" -> new Window(a.line, Window.Action.NEW, null, null);
			case "close" -> new Window(a.line, Window.Action.CLOSE, null, null);
			case "main" -> new Window(a.line, Window.Action.MAIN, null, null);
			default -> {
				a.problem(RobotReasons.WINDOW_USE.text());
				yield null;
			}
		};
	}

	private Step alert(Args a, AlertStep.Action action) {
		boolean prompt = action == AlertStep.Action.ANSWER;
		if (a.isNone()) {
			if (prompt) {
				a.problem(RobotReasons.ANSWER_MISSING.text());
				return null;
			}
			return new AlertStep(a.line, action, null, null, null);
		}
		if (prompt ? a.isMap("text", "expect", "timeout") : a.isMap("expect", "timeout")) {
			return new AlertStep(a.line, action, a.optional("expect"), prompt ? a.required("text") : null,
					a.duration("timeout"));
		}
		String text = a.text();
		return prompt ? new AlertStep(a.line, action, null, text, null)
				: new AlertStep(a.line, action, text, null, null);
	}

	private Step onlyIf(Args a) {
		if (!a.isMap("exists", "text", "value", "retried", "not", "then")) {
			return mapExpected(a);
		}
		Node then = a.options().get("then");
		if (then == null) {
			a.problem(RobotReasons.THEN_MISSING.text());
			return null;
		}
		Condition condition = condition(a.node(), a.step);
		List<Step> nested = steps(then, "onlyIf 'then'");
		return (condition != null) ? new OnlyIf(a.line, condition, nested) : null;
	}

	private Condition condition(Node node, String step) {
		Map<String, Node> map = Args.map(node, this.problems);
		List<String> given = map.keySet().stream().filter(CONDITIONS::contains).toList();
		if (given.size() != 1) {
			this.problems.add(node, RobotReasons.IN_STEP.text(step, RobotReasons.ONE_CONDITION.text()));
			return null;
		}
		String key = given.get(0);
		Node value = map.get(key);
		Args args = new Args(step, Problems.line(value), value, this.problems);
		return switch (key) {
			case "exists" -> new Condition.Exists(args.text());
			case "text" -> new Condition.TextPresent(args.text());
			case "value" -> args.isMap("of", "equals") ? new Condition.ValueEquals(args.required("of"),
					Objects.requireNonNullElse(args.optional("equals"), "")) : conditionMapExpected(args);
			case "retried" -> switch (Objects.requireNonNullElse(args.text(), "")) {
				case "true" -> new Condition.Retried();
				case "false" -> new Condition.Not(new Condition.Retried());
				default -> {
					args.problem(RobotReasons.RETRIED.text());
					yield null;
				}
			};
			default -> {
				Condition inner = (value instanceof MappingNode) ? condition(value, step) : null;
				if (inner == null && !(value instanceof MappingNode)) {
					args.problem(RobotReasons.NOT_CONDITION.text());
				}
				yield (inner != null) ? new Condition.Not(inner) : null;
			}
		};
	}

	private Condition conditionMapExpected(Args a) {
		a.problem(RobotReasons.VALUE_FORM.text());
		return null;
	}

	private Step mapExpected(Args a) {
		a.problem(RobotReasons.OPTIONS_EXPECTED.text(example(a.step)));
		return null;
	}

	private static String example(String step) {
		return switch (step) {
			case "type" -> "type: { into: \"label=氏名\", text: \"${record.name}\" }";
			case "select" -> "select: { in: \"#purpose\", option: \"${record.purpose}\" }";
			case "read" -> "read: { from: \"#receipt-no\", as: receipt_no }";
			case "upload" -> "upload: { into: \"#file\", file: \"${record.file}\" }";
			case "skipIf" -> "skipIf: { exists: \"text=${record.no}\" }";
			case "onlyIf" -> "onlyIf: { value: { of: \"${record.x}\", equals: \"1\" }, then: [ ... ] }";
			default -> step + ": { ... }";
		};
	}

	private String unknownStep(String name) {
		String near = nearest(name);
		return (near != null) ? RobotReasons.UNKNOWN_STEP_NEAR.text(name, near) : RobotReasons.UNKNOWN_STEP.text(name);
	}

	private String nearest(String name) {
		String best = null;
		int bestDistance = 3;
		for (String known : this.kinds.keySet()) {
			int d = LevenshteinDistance.getDefaultInstance().apply(name.toLowerCase(), known.toLowerCase());
			if (d < bestDistance) {
				best = known;
				bestDistance = d;
			}
		}
		return best;
	}

}
