package jp.digilab.robots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The catalog of robot script problems: every entry has its Japanese text and is
 * recognised; the problems the real checks find are said in Japanese with their file and
 * line, and left in English for an English reader.
 */
class RobotReasonsTests {

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

	@TempDir
	Path dir;

	@Test
	void everyEntryHasAJapaneseTextWithTheSameArguments() {
		ResourceBundle japanese = ResourceBundle.getBundle(RobotReasons.BUNDLE, Locale.JAPANESE);
		for (RobotReasons entry : RobotReasons.values()) {
			assertThat(japanese.containsKey(entry.key())).as("Japanese text of %s", entry).isTrue();
			String pattern = japanese.getString(entry.key());
			assertThat(arguments(pattern)).as("arguments of %s", entry).isEqualTo(arguments(entry.english()));
			if (entry.english().replaceAll("\\{\\d+\\}", "").codePoints().anyMatch(Character::isLetter)) {
				assertThat(pattern).as("%s is translated", entry).isNotEqualTo(entry.english());
			}
		}
		assertThat(RobotReasons.values()).extracting(RobotReasons::key).doesNotHaveDuplicates();
	}

	@Test
	void everyEntryIsRecognisedWithItsArguments() {
		ResourceBundle japanese = ResourceBundle.getBundle(RobotReasons.BUNDLE, Locale.JAPANESE);
		for (RobotReasons entry : RobotReasons.values()) {
			int count = arguments(entry.english()).stream().max(Integer::compare).map((i) -> i + 1).orElse(0);
			Object[] arguments = new Object[count];
			for (int i = 0; i < count; i++) {
				arguments[i] = String.valueOf(10 + i);
			}
			Object[] japaneseArguments = arguments.clone();
			// what must be a text is a described thing; other nested arguments are
			// reasons
			boolean what = entry == RobotReasons.NOT_TEXT;
			for (int nested : entry.nested()) {
				arguments[nested] = what ? RobotReasons.THE_ARGUMENT.text() : RobotReasons.EMPTY_SELECTOR.text();
				japaneseArguments[nested] = what ? "引数" : "セレクタが空です";
			}
			String expected = new MessageFormat(japanese.getString(entry.key()), Locale.JAPANESE)
				.format(japaneseArguments);
			String english = entry.text(arguments);
			assertThat(RobotReasons.localize(english, Locale.JAPANESE)).as("%s", entry).isEqualTo(expected);
			assertThat(RobotReasons.localize(english, Locale.ENGLISH)).isEqualTo(english);
		}
	}

	@Test
	void problemsOfTheRealChecksInJapanese() throws IOException {
		Path file = Files.writeString(this.dir.resolve("bad.yml"), """
				id: bad
				vars:
				  base: http://legacy
				login:
				  - type: { into: "label=ID", text: "${record.user}" }
				perRecord:
				  - clik: "text=登録"
				  - click: "lable=氏名"
				  - type: { into: "#name", text: "${vars.nope}" }
				  - waitFor: { text: "OK", timeout: soon }
				  - select: { in: "#p" }
				""");
		List<String> problems = new ScriptValidator().validate(file);
		String f = file.toString();
		assertThat(RobotReasons.localize(problems, Locale.JAPANESE)).containsExactlyInAnyOrder(
				f + ":7: 手順「clik」はありません（「click」の誤りではありませんか）",
				f + ":8: click: セレクタの接頭辞「lable=」はありません（CSSか、xpath=, id=, name=, css=, text=, label= のいずれかを使ってください）",
				f + ":9: type: ${vars.nope} は vars で定義されていません",
				f + ":10: waitFor: 「soon」は時間の長さではありません（例: 500ms、10s、2m）", f + ":11: select: 「option」がありません",
				f + ":5: type: ${record.user} は login では使えません（login はブラウザごとに1回実行され、1件ごとではありません）");
		assertThat(RobotReasons.localize(problems, Locale.ENGLISH)).isEqualTo(problems);
	}

	@Test
	void theExceptionsLineCountsTheOtherProblems() throws IOException {
		Path file = Files.writeString(this.dir.resolve("broken.yml"), """
				id: broken
				perRecord:
				  - tipe: { into: "#a", text: "b" }
				  - pause: soon
				  - pool: 3
				""");
		RobotScriptException ex = catchThrowableOfType(RobotScriptException.class, () -> RobotScript.load(file));
		assertThat(ex.getMessage())
			.isEqualTo(file + ":3: unknown step 'tipe' (did you mean 'type'?) (and 2 more problems)");
		assertThat(RobotReasons.localize(ex.getMessage(), Locale.JAPANESE))
			.isEqualTo(file + ":3: 手順「tipe」はありません（「type」の誤りではありませんか）（ほか2件の問題）");
	}

	@Test
	void textThatIsNoProblemComesBackUnchanged() {
		for (String text : List.of("", "robots/x.yml:3: something else", "click: boom", "scan.pdf: page 2: nothing")) {
			assertThat(RobotReasons.localize(text, Locale.JAPANESE)).isEqualTo(text);
		}
	}

	private static Set<Integer> arguments(String pattern) {
		Set<Integer> indexes = new TreeSet<>();
		Matcher m = ARGUMENT.matcher(pattern);
		while (m.find()) {
			indexes.add(Integer.valueOf(m.group(1)));
		}
		return indexes;
	}

}
