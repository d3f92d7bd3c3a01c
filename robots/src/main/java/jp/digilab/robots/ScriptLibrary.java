package jp.digilab.robots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.digilab.robots.script.Interpolator;
import jp.digilab.robots.script.Masker;
import jp.digilab.robots.script.Template;
import jp.digilab.robots.step.Call;
import jp.digilab.robots.step.Open;
import jp.digilab.robots.step.Step;
import jp.digilab.robots.step.StepContext;

/**
 * A script and every script it calls (directly or not), read once before the run.
 */
final class ScriptLibrary {

	private final RobotScript main;

	private final Map<String, RobotScript> called = new LinkedHashMap<>();

	ScriptLibrary(RobotScript main) {
		this.main = main;
		collect(main);
	}

	private void collect(RobotScript script) {
		for (Step step : all(script)) {
			if (step instanceof Call call && !this.called.containsKey(call.script())
					&& !call.script().equals(this.main.id())) {
				RobotScript callee = RobotScript.load(script.folder().resolve(call.script() + ".yml"));
				this.called.put(call.script(), callee);
				collect(callee);
			}
		}
	}

	StepContext.Callee callee(String id) {
		RobotScript script = this.called.get(id);
		return (script != null) ? new StepContext.Callee(script.source(), script.vars(), script.perRecord()) : null;
	}

	/**
	 * Check that every {@code ${env:X}} and {@code ${secret:X}} the scripts use is set,
	 * and register the secrets with the masker before any of them is typed.
	 */
	List<String> checkEnvironment(Map<String, String> env, SecretStore secrets, Masker masker) {
		List<String> problems = new ArrayList<>();
		List<RobotScript> scripts = new ArrayList<>(List.of(this.main));
		scripts.addAll(this.called.values());
		for (RobotScript script : scripts) {
			Problems found = new Problems(script.source());
			for (Step step : all(script)) {
				List<String> templates = new ArrayList<>(step.selectors());
				templates.addAll(step.texts());
				for (String template : templates) {
					check(script, step, template, env, secrets, masker, found, 0);
				}
			}
			found.list().stream().distinct().forEach(problems::add);
		}
		return problems;
	}

	private void check(RobotScript script, Step step, String template, Map<String, String> env, SecretStore secrets,
			Masker masker, Problems found, int depth) {
		if (template == null || depth > 10) {
			return;
		}
		for (Template.Reference ref : Template.references(template)) {
			switch (ref.namespace()) {
				case "env" -> {
					if (!env.containsKey(ref.name())) {
						found.add(step.line(),
								RobotReasons.IN_STEP.text(step.name(), RobotReasons.ENV_NOT_SET.text(ref.name())));
					}
				}
				case "secret" -> {
					Optional<String> value = secrets.get(ref.name());
					if (value.isEmpty()) {
						found.add(step.line(),
								RobotReasons.IN_STEP.text(step.name(), RobotReasons.SECRET_NOT_SET.text(ref.name())));
					}
					value.ifPresent(masker::add);
				}
				case "vars" ->
					check(script, step, script.vars().get(ref.name()), env, secrets, masker, found, depth + 1);
				default -> {
				}
			}
		}
	}

	/**
	 * The URL of the login page (the first {@code open} of {@code login}), used to tell
	 * that the legacy system's session expired: a record that fails on that page is
	 * retried after logging in again.
	 */
	String loginUrl(Interpolator interpolator) {
		for (Step step : this.main.login()) {
			if (step instanceof Open open) {
				try {
					return interpolator.resolve(open.url());
				}
				catch (IllegalArgumentException ex) {
					return null;
				}
			}
		}
		return null;
	}

	private static List<Step> all(RobotScript script) {
		List<Step> steps = new ArrayList<>();
		addAll(script.login(), steps);
		addAll(script.perRecord(), steps);
		return steps;
	}

	private static void addAll(List<Step> from, List<Step> to) {
		for (Step step : from) {
			to.add(step);
			addAll(step.children(), to);
		}
	}

}
