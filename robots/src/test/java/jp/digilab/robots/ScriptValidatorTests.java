package jp.digilab.robots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Problems are reported with file and line, all at once, before any browser starts.
 */
class ScriptValidatorTests {

	@TempDir
	Path dir;

	private Path write(String name, String yaml) throws IOException {
		return Files.writeString(this.dir.resolve(name), yaml);
	}

	@Test
	void theSampleScriptsAreValid() {
		ScriptValidator validator = new ScriptValidator();

		assertThat(validator.validate(Path.of("src/test/resources/robots/entry.yml"))).isEmpty();
		assertThat(validator.validate(Path.of("src/test/resources/robots/tour.yml"))).isEmpty();
	}

	@Test
	void reportsEveryProblemWithFileAndLine() throws IOException {
		Path file = write("bad.yml", """
				id: bad
				vars:
				  base: http://legacy
				login:
				  - open: ${vars.base}/login
				  - type: { into: "label=ID", text: "${record.user}" }
				perRecord:
				  - clik: "text=登録"
				  - click: "lable=氏名"
				  - type: { into: "#name", text: "${vars.nope}" }
				  - type: { into: "#name", text: "${foo.x}" }
				  - click: "xpath=//td[@id='x'"
				  - select: { in: "#p" }
				  - waitFor: { text: "OK", timeout: soon }
				  - call: nowhere
				  - skipIf: { retried: perhaps }
				  - type:
				    into: "#a"
				""");

		List<String> problems = new ScriptValidator().validate(file);

		String f = file.toString();
		assertThat(problems).containsExactlyInAnyOrder(f + ":8: unknown step 'clik' (did you mean 'click'?)",
				f + ":13: select: 'option' is missing",
				f + ":14: waitFor: 'soon' is not a duration (e.g. 500ms, 10s, 2m)",
				f + ":16: skipIf: retried takes true or false",
				f + ":17: a step has one name, found type, into (indent a step's options under it, e.g. '- type: { into: ..., text: ... }')",
				f + ":6: type: ${record.user} cannot be used in login (it runs once per browser, not per record)",
				f + ":9: click: unknown selector prefix 'lable=' (use CSS, or one of xpath=, id=, name=, css=, text=, label=)",
				f + ":10: type: ${vars.nope} is not defined in vars",
				f + ":11: type: unknown variable namespace 'foo' in ${foo.x} (use record., vars., env: or secret:)",
				f + ":12: click: not a valid XPath: xpath=//td[@id='x'",
				f + ":15: call: no script nowhere.yml next to this one");
	}

	@Test
	void loadRefusesABrokenScriptWithAllItsProblems() throws IOException {
		Path file = write("broken.yml", """
				id: broken
				perRecord:
				  - open: "x"
				  - tipe: { into: "#a", text: "b" }
				  - waitFor: { txt: "done" }
				""");

		assertThatExceptionOfType(RobotScriptException.class).isThrownBy(() -> RobotScript.load(file))
			.withMessage(file + ":4: unknown step 'tipe' (did you mean 'type'?) (and 2 more problems)")
			.satisfies((ex) -> assertThat(ex.problems()).hasSize(3)
				.contains(file + ":5: waitFor: unknown option 'txt' (expected text, element, url, gone, timeout)",
						file + ":5: waitFor: give exactly one of text, element, url, gone"));
	}

	@Test
	void reportsYamlSyntaxErrorsWithTheirLine() throws IOException {
		Path file = write("syntax.yml", "id: s\nperRecord:\n  - open: \"unclosed\n  - click: x\n");

		assertThat(new ScriptValidator().validate(file)).singleElement()
			.asString()
			.startsWith(file + ":")
			.contains("not valid YAML");
	}

	@Test
	void runnerRefusesAScriptWhoseSecretIsNotSet() throws IOException {
		Path file = write("needs-secret.yml", """
				id: needs-secret
				perRecord:
				  - type: { into: "#pw", text: "${secret:LEGACY_PASSWORD}" }
				""");
		RobotScript script = RobotScript.load(file);

		assertThatExceptionOfType(RobotScriptException.class)
			.isThrownBy(() -> new RobotRunner(script, new RobotSettings(java.util.Map.of(), null, this.dir, 1, null)))
			.withMessage(file
					+ ":3: type: secret LEGACY_PASSWORD is not set (environment, or secrets.properties in the home folder)");
	}

}
