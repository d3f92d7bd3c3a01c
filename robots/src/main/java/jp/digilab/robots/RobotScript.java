package jp.digilab.robots;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.digilab.robots.step.Step;

/**
 * A robot script ({@code robots/ID.yml}): the steps that log in to a legacy system once
 * per browser session and the steps that enter one record.
 *
 * <pre>
 * id: juminhyo-entry
 * vars:
 *   base: ${env:LEGACY_URL}
 * login:
 *   - open: ${vars.base}/login
 *   - type: { into: "label=利用者ID", text: "${secret:LEGACY_USER}" }
 *   - click: "text=ログイン"
 * perRecord:
 *   - open: ${vars.base}/entry
 *   - skipIf: { exists: "xpath=//td[normalize-space()='${record.application_no}']" }
 *   - onlyIf:
 *       value: { of: "${record.honseki}", equals: "true" }
 *       then:
 *         - check: "#honseki"
 *   - read: { from: "#receipt-no", as: receipt_no }
 * retry: { attempts: 3, backoff: 2s }
 * pool: 2
 * </pre>
 *
 * <p>
 * Conditions ({@code skipIf}, {@code onlyIf}) are one of {@code exists: SELECTOR},
 * {@code text: TEXT} (on the page), {@code value: { of: TEXT, equals: TEXT }} or
 * {@code not: CONDITION}; {@code skipIf} may add {@code message:}, {@code onlyIf} takes
 * the steps to run in {@code then:}. See {@code docs/robots.md} for every step.
 *
 * @param id the script's id (defaults to the file name)
 * @param title a human title (defaults to the id)
 * @param vars variables, {@code ${vars.NAME}}; their values may use placeholders
 * @param login steps run once per browser session
 * @param perRecord steps run for each record
 * @param retry tries per record for transient failures
 * @param pool browsers used in parallel (default 1)
 * @param source the YAML file (null for scripts built in code)
 */
public record RobotScript(String id, String title, Map<String, String> vars, List<Step> login, List<Step> perRecord,
		Retry retry, int pool, Path source) {

	public RobotScript {
		vars = Collections.unmodifiableMap(new LinkedHashMap<>((vars != null) ? vars : Map.of()));
		login = List.copyOf((login != null) ? login : List.of());
		perRecord = List.copyOf((perRecord != null) ? perRecord : List.of());
		retry = (retry != null) ? retry : Retry.DEFAULT;
		pool = Math.max(pool, 1);
	}

	/**
	 * Read and check a script.
	 * @param yml the file
	 * @return the script
	 * @throws RobotScriptException listing every problem as {@code file:line: reason}
	 * (YAML syntax, unknown steps or options, bad selectors, undefined variables, missing
	 * called scripts)
	 */
	public static RobotScript load(Path yml) {
		ScriptParser.Result result = ScriptParser.parse(yml);
		if (!result.problems().isEmpty()) {
			throw new RobotScriptException(result.problems());
		}
		List<String> problems = new ScriptValidator().validate(result.script());
		if (!problems.isEmpty()) {
			throw new RobotScriptException(problems);
		}
		return result.script();
	}

	/**
	 * The folder of the script (where called scripts and relative upload files are looked
	 * up).
	 * @return the folder, or the working directory for scripts built in code
	 */
	public Path folder() {
		Path parent = (this.source != null) ? this.source.toAbsolutePath().getParent() : null;
		return (parent != null) ? parent : Path.of("").toAbsolutePath();
	}

}
