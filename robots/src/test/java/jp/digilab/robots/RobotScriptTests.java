package jp.digilab.robots;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jp.digilab.robots.script.Interpolator;
import jp.digilab.robots.script.Masker;
import jp.digilab.robots.step.AlertStep;
import jp.digilab.robots.step.Condition;
import jp.digilab.robots.step.OnlyIf;
import jp.digilab.robots.step.Open;
import jp.digilab.robots.step.SkipIf;
import jp.digilab.robots.step.Type;
import jp.digilab.robots.step.WaitFor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Reading scripts and resolving variables, without a browser.
 */
class RobotScriptTests {

	private static final Path ENTRY = Path.of("src/test/resources/robots/entry.yml");

	@Test
	void readsTheEntryScript() {
		RobotScript script = RobotScript.load(ENTRY);

		assertThat(script.id()).isEqualTo("entry");
		assertThat(script.title()).isEqualTo("住民票請求 入力 (テスト)");
		assertThat(script.vars()).containsEntry("base", "${env:LEGACY_URL}");
		assertThat(script.login()).hasSize(5);
		assertThat(script.login().get(0)).isEqualTo(new Open(6, "${vars.base}/login", null));
		assertThat(script.login().get(1)).isEqualTo(new Type(7, "label=利用者ID", "${secret:LEGACY_USER}", false));
		assertThat(script.perRecord().get(1)).isInstanceOfSatisfying(SkipIf.class, (skip) -> {
			assertThat(skip.line()).isEqualTo(13);
			assertThat(skip.message()).isEqualTo("already entered");
			assertThat(skip.condition()).isInstanceOf(Condition.Exists.class);
		});
		assertThat(script.perRecord().get(5)).isInstanceOfSatisfying(OnlyIf.class, (only) -> {
			assertThat(only.condition()).isEqualTo(new Condition.ValueEquals("${record.honseki}", "true"));
			assertThat(only.then()).singleElement()
				.satisfies((s) -> assertThat(s.describe()).isEqualTo("check #honseki"));
		});
		assertThat(script.perRecord()).contains(new AlertStep(28, AlertStep.Action.ACCEPT, "登録しますか", null, null),
				new WaitFor(29, WaitFor.Kind.TEXT, "登録しました", Duration.ofSeconds(5)));
		assertThat(script.retry()).isEqualTo(new Retry(2, Duration.ofMillis(100)));
		assertThat(script.pool()).isEqualTo(1);
		assertThat(script.source()).isEqualTo(ENTRY);
	}

	@Test
	void resolvesVariablesAndRegistersSecretsForMasking() {
		Masker masker = new Masker();
		Map<String, String> secrets = Map.of("PW", "hunter2");
		Interpolator interpolator = new Interpolator(Map.of("name", "北九州 太郎"),
				Map.of("base", "${env:URL}/app", "login", "${vars.base}/login"), Map.of("URL", "http://legacy"),
				(n) -> Optional.ofNullable(secrets.get(n)), masker);

		assertThat(interpolator.resolve("${vars.login}?u=${record.name}"))
			.isEqualTo("http://legacy/app/login?u=北九州 太郎");
		assertThat(interpolator.resolve("$${literal}")).isEqualTo("${literal}");
		assertThat(masker.mask("pw is hunter2")).isEqualTo("pw is hunter2");
		assertThat(interpolator.resolve("${secret:PW}")).isEqualTo("hunter2");
		assertThat(masker.mask("pw is hunter2")).isEqualTo("pw is ***");
		assertThat(interpolator.usesSecret("${vars.login}")).isFalse();
		assertThat(interpolator.usesSecret("x${secret:PW}")).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> interpolator.resolve("${record.missing}"))
			.withMessage("the record has no field 'missing'");
		assertThatIllegalArgumentException().isThrownBy(() -> interpolator.resolve("${secret:NOPE}"))
			.withMessageContaining("secret NOPE is not set");
		assertThatIllegalArgumentException().isThrownBy(() -> interpolator.resolve("${record.name"))
			.withMessageContaining("is not closed");
	}

	@Test
	void secretsComeFromTheEnvironmentFirstThenTheFile(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
		java.nio.file.Files.writeString(home.resolve("secrets.properties"), "A=from-file\nB=パスワード\n");

		SecretStore store = SecretStore.load(home, Map.of("A", "from-env"));

		assertThat(store.get("A")).contains("from-env");
		assertThat(store.get("B")).contains("パスワード");
		assertThat(store.get("C")).isEmpty();
		assertThat(store.toString()).doesNotContain("from-file").doesNotContain("パスワード");
	}

	@Test
	void retryBackoffDoubles() {
		Retry retry = new Retry(4, Duration.ofSeconds(2));

		assertThat(retry.delayBefore(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(retry.delayBefore(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(retry.delayBefore(4)).isEqualTo(Duration.ofSeconds(8));
	}

}
