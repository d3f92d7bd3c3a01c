package jp.digilab.app.runs;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the runs pages make of robot messages and step exit messages. */
class RunQueriesTests {

	@Test
	void aRobotMessageHasTheRecordsValuesMasked() {
		List<String> fields = RunQueries
			.values("{\"name\":{\"value\":\"北九州 太郎\",\"confidence\":0.9},\"honseki\":{\"value\":\"true\"},"
					+ "\"ward\":{\"value\":\"小倉北区\"},\"empty\":{\"value\":null}}");
		List<String> read = RunQueries.values("{\"receipt_no\":\"R-000123\"}");
		assertThat(fields).containsExactly("北九州 太郎", "true", "小倉北区");
		assertThat(RunQueries.masked("assertText failed: expected 北九州 太郎 of 小倉北区, saw R-000123; true", fields, read))
			// true and false stay: they are in every message about checkboxes
			.isEqualTo("assertText failed: expected *** of ***, saw ***; true");
	}

	@Test
	void aMessageWhoseValuesCannotBeReadIsHiddenWhole() {
		assertThat(RunQueries.masked("no element matches text=北九州", RunQueries.values("{not json"), List.of()))
			.isEqualTo("***");
		assertThat(RunQueries.masked(null, List.of(), List.of())).isEmpty();
	}

	@Test
	void aFailedStepShowsTheFirstLineOfItsExitMessage() {
		assertThat(RunQueries
			.reason("""
					jp.digilab.robots.RobotScriptException: robots/juminhyo-entry.yml:26: open: environment variable LEGACY_URL is not set
						at jp.digilab.robots.RobotRunner.<init>(RobotRunner.java:60)
					"""))
			.isEqualTo(
					"jp.digilab.robots.RobotScriptException: robots/juminhyo-entry.yml:26: open: environment variable LEGACY_URL is not set");
		assertThat(RunQueries.reason("x".repeat(600))).hasSize(501).endsWith("…");
		assertThat(RunQueries.reason(null)).isNull();
	}

}
