package jp.digilab.robots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import jp.digilab.robots.browser.Selectors;
import jp.digilab.robots.script.Template;
import jp.digilab.robots.step.Call;
import jp.digilab.robots.step.Step;

/**
 * Checks a robot script without a browser ({@code robot check}): YAML and step syntax,
 * selector prefixes and XPath syntax, variables ({@code ${vars.X}} defined,
 * {@code ${record.X}} not used in {@code login}, known namespaces), and scripts named by
 * {@code call}. Every problem reads {@code file:line: reason}.
 */
public final class ScriptValidator {

	/**
	 * Check a script file.
	 * @param yml the file
	 * @return the problems, empty if the script is fine
	 */
	public List<String> validate(Path yml) {
		ScriptParser.Result result = ScriptParser.parse(yml);
		List<String> problems = new ArrayList<>(result.problems());
		if (result.script() != null) {
			problems.addAll(validate(result.script()));
		}
		return problems;
	}

	/**
	 * Check a script that was already read.
	 * @param script the script
	 * @return the problems, empty if the script is fine
	 */
	public List<String> validate(RobotScript script) {
		Problems problems = new Problems(script.source());
		check(script, script.login(), true, problems);
		check(script, script.perRecord(), false, problems);
		return problems.list();
	}

	private void check(RobotScript script, List<Step> steps, boolean login, Problems problems) {
		for (Step step : steps) {
			for (String selector : step.selectors()) {
				checkSelector(step, selector, problems);
				checkTemplate(script, step, selector, login, problems);
			}
			for (String text : step.texts()) {
				checkTemplate(script, step, text, login, problems);
			}
			if (step instanceof Call call) {
				checkCall(script, call, problems);
			}
			check(script, step.children(), login, problems);
		}
	}

	private void checkSelector(Step step, String selector, Problems problems) {
		if (selector == null) {
			return;
		}
		try {
			Selectors.Parsed parsed = Selectors.parse(selector);
			if (parsed.kind().equals("xpath")) {
				String sample = parsed.value().replaceAll("\\$\\{[^}]*}", "x");
				XPathFactory.newInstance().newXPath().compile(sample);
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(step.line(), RobotReasons.IN_STEP.text(step.name(), ex.getMessage()));
		}
		catch (XPathExpressionException ex) {
			problems.add(step.line(), RobotReasons.IN_STEP.text(step.name(), RobotReasons.NOT_XPATH.text(selector)));
		}
	}

	private void checkTemplate(RobotScript script, Step step, String text, boolean login, Problems problems) {
		if (text == null) {
			return;
		}
		try {
			for (Template.Reference ref : Template.references(text)) {
				if (!ref.known()) {
					problems.add(step.line(), RobotReasons.IN_STEP.text(step.name(),
							RobotReasons.UNKNOWN_NAMESPACE_USE.text(ref.namespace(), ref.text())));
				}
				else if (ref.namespace().equals("vars") && !script.vars().containsKey(ref.name())) {
					problems.add(step.line(),
							RobotReasons.IN_STEP.text(step.name(), RobotReasons.VAR_UNDEFINED.text(ref.text())));
				}
				else if (ref.namespace().equals("record") && login) {
					problems.add(step.line(),
							RobotReasons.IN_STEP.text(step.name(), RobotReasons.RECORD_IN_LOGIN.text(ref.text())));
				}
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(step.line(), RobotReasons.IN_STEP.text(step.name(), ex.getMessage()));
		}
	}

	private void checkCall(RobotScript script, Call call, Problems problems) {
		if (!call.script().matches("[\\w.-]+")) {
			problems.add(call.line(),
					RobotReasons.IN_STEP.text("call", RobotReasons.NOT_A_SCRIPT_ID.text(call.script())));
		}
		else if (script.source() != null && !Files.isRegularFile(script.folder().resolve(call.script() + ".yml"))) {
			problems.add(call.line(),
					RobotReasons.IN_STEP.text("call", RobotReasons.NO_SUCH_SCRIPT.text(call.script())));
		}
		else if (call.script().equals(script.id())) {
			problems.add(call.line(), RobotReasons.IN_STEP.text("call", RobotReasons.CALLS_ITSELF.text()));
		}
	}

}
