package jp.digilab.ocr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.digilab.ocr.template.FormTemplate;
import jp.digilab.ocr.template.TemplateException;
import jp.digilab.ocr.template.TemplateReasons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The catalog of template mistakes: every entry has its Japanese text and is recognised;
 * the mistakes the real parser finds are said in Japanese with their file and line, and
 * left in English for an English reader.
 */
class TemplateReasonsTests {

	private static final String HEAD = """
			id: juminhyo-request
			paper: A4
			""";

	@TempDir
	Path dir;

	@Test
	void everyEntryHasAJapaneseTextWithTheSameArguments() {
		ResourceBundle japanese = ResourceBundle.getBundle(TemplateReasons.BUNDLE, Locale.JAPANESE);
		for (TemplateReasons entry : TemplateReasons.values()) {
			assertThat(japanese.containsKey(entry.key())).as("Japanese text of %s", entry).isTrue();
			String pattern = japanese.getString(entry.key());
			assertThat(ReasonsTests.arguments(pattern)).as("arguments of %s", entry)
				.isEqualTo(ReasonsTests.arguments(entry.english()));
			if (!ReasonLocalizer.isPunctuation(entry)) {
				assertThat(pattern).as("%s is translated", entry).isNotEqualTo(entry.english());
			}
		}
		assertThat(TemplateReasons.values()).extracting(TemplateReasons::key).doesNotHaveDuplicates();
	}

	@Test
	void everyEntryIsRecognisedWithItsArguments() {
		ResourceBundle japanese = ResourceBundle.getBundle(TemplateReasons.BUNDLE, Locale.JAPANESE);
		for (TemplateReasons entry : TemplateReasons.values()) {
			Object[] arguments = sampleArguments(entry);
			Object[] japaneseArguments = arguments.clone();
			for (int nested : entry.nested()) {
				arguments[nested] = TemplateReasons.WHAT_FIELD.text();
				japaneseArguments[nested] = "項目";
			}
			String expected = new MessageFormat(japanese.getString(entry.key()), Locale.JAPANESE)
				.format(japaneseArguments);
			String english = entry.text(arguments);
			assertThat(TemplateReasons.localize(english, Locale.JAPANESE)).as("%s", entry).isEqualTo(expected);
			assertThat(TemplateReasons.localize(english, Locale.ENGLISH)).isEqualTo(english);
		}
	}

	@Test
	void mistakesOfTheRealParserInJapanese() throws IOException {
		assertThat(mistake(HEAD + """
				fields:
				  - name: birth
				    box: [50, 66, 140, 10]
				    type: kana
				""")).isEqualTo(this.dir.resolve("t.yml") + ":6: 項目の種類「kana」はありません（text, katakana, digits, "
				+ "integer, money, date, postal, phone, email, checkbox, choice, mynumber のいずれか）");
		assertThat(mistake(HEAD + """
				fields:
				  - name: 氏名
				    box: [150, 52, 100, 10]
				""")).endsWith("t.yml:5: 項目「氏名」の読取枠 [150, 52, 100, 10] が用紙（210 × 297）の外にあります");
		assertThat(mistake(HEAD + """
				fields:
				  - name: name
				    box: [50, 52, 100, 10]
				  - name: name
				    box: [50, 72, 100, 10]
				""")).endsWith("t.yml:6: 項目名「name」が重複しています");
		assertThat(mistake("""
				paper: A4
				fields:
				  - name: name
				    box: [50, 52, 100, 10]
				""")).endsWith("t.yml:1: 「id」がありません");
		assertThat(mistake(HEAD + """
				units: cm
				fields:
				  - name: name
				    box: [50, 52, 100, 10]
				""")).endsWith("t.yml:3: units は mm か px で指定してください（「cm」とあります）");
		assertThat(mistake(HEAD + """
				fields:
				  - name: name
				    box: [50, 52, 100, ten]
				""")).endsWith("t.yml:5: 項目「name」の読取枠は数値で書いてください（「ten」は数値ではありません）");
		assertThat(mistake(HEAD + """
				fields:
				  - name: name
				    box: [50, 52, 100, 10
				  - name: other
				""")).matches(".*t\\.yml:\\d+: YAMLの書き方に誤りがあります: .*flow sequence.*");
		assertThat(mistake("")).endsWith("t.yml: ファイルが空です");
	}

	@Test
	void mistakesStayInEnglishForAnEnglishReader() throws IOException {
		TemplateException ex = load(HEAD + """
				fields:
				  - name: name
				    box: [150, 52, 100, 10]
				""");
		assertThat(ex.getMessage()).isEqualTo(this.dir.resolve("t.yml")
				+ ":5: box of field 'name' [150, 52, 100, 10] lies outside the paper (210 x 297)");
		assertThat(TemplateReasons.localize(ex.getMessage(), Locale.ENGLISH)).isEqualTo(ex.getMessage());
	}

	@Test
	void warningsAndKeysShownAsTheyAre() {
		assertThat(TemplateReasons.localize("templates/x.yml:4: unknown field key 'colour' ignored", Locale.JAPANESE))
			.isEqualTo("templates/x.yml:4: 項目のキー「colour」は不明のため無視しました");
		// a key (not a described thing) is shown as it is
		assertThat(TemplateReasons.localize("templates/x.yml:9: review must be a mapping", Locale.JAPANESE))
			.isEqualTo("templates/x.yml:9: reviewは「キー: 値」の形で書いてください");
		// "'id' is missing" is the key's entry, not "{0} is missing"
		assertThat(TemplateReasons.localize("'name' is missing", Locale.JAPANESE)).isEqualTo("「name」がありません");
		// a page's line is not a file's line
		assertThat(TemplateReasons.localize("scan.pdf: page 2: file is empty", Locale.JAPANESE))
			.isEqualTo("scan.pdf: page 2: ファイルが空です");
		for (String text : List.of("templates/x.yml:3: something else", "a template!", "no such file here")) {
			assertThat(TemplateReasons.localize(text, Locale.JAPANESE)).isEqualTo(text);
		}
	}

	private String mistake(String yaml) throws IOException {
		TemplateException ex = load(yaml);
		assertThat(ex).as("a mistake in %s", yaml).isNotNull();
		return TemplateReasons.localize(ex.getMessage(), Locale.JAPANESE);
	}

	private TemplateException load(String yaml) throws IOException {
		Path file = Files.writeString(this.dir.resolve("t.yml"), yaml);
		return catchThrowableOfType(TemplateException.class, () -> FormTemplate.load(file));
	}

	private static Object[] sampleArguments(Reason entry) {
		int count = ReasonsTests.arguments(entry.english()).stream().max(Integer::compare).map((i) -> i + 1).orElse(0);
		Object[] arguments = new Object[count];
		for (int i = 0; i < count; i++) {
			arguments[i] = String.valueOf(10 + i);
		}
		return arguments;
	}

}
