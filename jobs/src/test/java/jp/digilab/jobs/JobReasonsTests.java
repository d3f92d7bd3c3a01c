package jp.digilab.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.digilab.jobs.definition.DefinitionException;
import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.definition.JobDefinition;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.ocr.Reasons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The jobs module's catalog of reasons: every entry has its Japanese text, the real
 * definition checks and file lines are said in Japanese, OCR reasons inside them too, and
 * anything else is left alone.
 */
class JobReasonsTests {

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

	@TempDir
	Path dir;

	@Test
	void everyEntryHasAJapaneseTextWithTheSameArguments() {
		ResourceBundle japanese = ResourceBundle.getBundle(JobReasons.BUNDLE, Locale.JAPANESE);
		for (JobReasons entry : JobReasons.values()) {
			assertThat(japanese.containsKey(entry.key())).as("Japanese text of %s", entry).isTrue();
			assertThat(arguments(japanese.getString(entry.key()))).as("arguments of %s", entry)
				.isEqualTo(arguments(entry.english()));
		}
		assertThat(JobReasons.values()).extracting(JobReasons::key).doesNotHaveDuplicates();
	}

	@Test
	void everyEntryIsRecognisedWithItsArguments() {
		ResourceBundle japanese = ResourceBundle.getBundle(JobReasons.BUNDLE, Locale.JAPANESE);
		for (JobReasons entry : JobReasons.values()) {
			Set<Integer> indexes = arguments(entry.english());
			Object[] arguments = new Object[indexes.size()];
			Object[] expected = new Object[indexes.size()];
			for (int i = 0; i < arguments.length; i++) {
				arguments[i] = "arg" + i;
				expected[i] = "arg" + i;
			}
			for (int nested : entry.nested()) {
				arguments[nested] = JobReasons.NO_FORM_FOUND.text();
				expected[nested] = "様式に合うページがありません";
			}
			String text = entry.text(arguments);
			assertThat(JobReasons.localize(text, Locale.JAPANESE)).as("%s", entry)
				.isEqualTo(new MessageFormat(japanese.getString(entry.key()), Locale.JAPANESE).format(expected));
			assertThat(JobReasons.localize(text, Locale.ENGLISH)).isEqualTo(text);
		}
	}

	@Test
	void definitionProblemsAsStoredAndInJapanese() throws Exception {
		DigilabHome home = new DigilabHome(this.dir);
		Files.createDirectories(home.jobs());
		DefinitionException undefined = catchThrowableOfType(DefinitionException.class,
				() -> new JobCatalog(home).get("nojob"));
		assertThat(undefined.getMessage())
			.isEqualTo("Job 'nojob' is not defined: " + home.jobs().resolve("nojob.yml") + " does not exist");
		assertThat(JobReasons.localize(undefined.getMessage(), Locale.JAPANESE))
			.isEqualTo("ジョブ「nojob」は定義されていません: " + home.jobs().resolve("nojob.yml") + " がありません");

		Path noId = Files.writeString(home.jobs().resolve("noid.yml"), "templates: [t]\n");
		DefinitionException missingId = catchThrowableOfType(DefinitionException.class, () -> JobCatalog.load(noId));
		assertThat(missingId.getMessage()).isEqualTo(noId + ": 'id' is missing");
		assertThat(JobReasons.localize(missingId.getMessage(), Locale.JAPANESE)).isEqualTo(noId + ": 「id」がありません");

		Path job = Files.writeString(home.jobs().resolve("j.yml"), "id: j\ntemplates: [absent]\n");
		JobDefinition definition = JobCatalog.load(job);
		DefinitionException noTemplate = catchThrowableOfType(DefinitionException.class,
				() -> new JobCatalog(home).check(definition));
		Path template = home.templates().resolve("absent.yml");
		assertThat(noTemplate.getMessage()).isEqualTo(job + ": template 'absent' does not exist (" + template + ")");
		assertThat(JobReasons.localize(noTemplate.getMessage(), Locale.JAPANESE))
			.isEqualTo(job + ": 様式「absent」がありません（" + template + "）");
	}

	@Test
	void aBrokenTemplateOrRobotInsideAJobsFailureInJapanese() throws Exception {
		DigilabHome home = new DigilabHome(this.dir);
		Files.createDirectories(home.jobs());
		Files.createDirectories(home.templates());
		Files.createDirectories(home.robots());
		Path template = Files.writeString(home.templates().resolve("t.yml"), """
				id: t
				fields:
				  - name: when
				    box: [10, 10, 50, 10]
				    type: dat
				""");
		Path job = Files.writeString(home.jobs().resolve("j.yml"), "id: j\ntemplates: [t]\n");
		DefinitionException broken = catchThrowableOfType(DefinitionException.class,
				() -> new JobCatalog(home).check(JobCatalog.load(job)));
		assertThat(broken.getMessage()).startsWith("job 'j' cannot run: " + template + ":5: unknown field type 'dat'");
		assertThat(JobReasons.localize(broken.getMessage(), Locale.JAPANESE))
			.startsWith("ジョブ「j」を実行できません: " + template + ":5: 項目の種類「dat」はありません（");

		Files.writeString(template, "id: t\nfields:\n  - name: when\n    box: [10, 10, 50, 10]\n");
		Path robot = Files.writeString(home.robots().resolve("r.yml"), """
				id: r
				perRecord:
				  - clik: "text=登録"
				  - pause: soon
				""");
		Path robotJob = Files.writeString(home.jobs().resolve("rj.yml"), "id: rj\ntemplates: [t]\nrobot: r\n");
		DefinitionException brokenRobot = catchThrowableOfType(DefinitionException.class,
				() -> new JobCatalog(home).check(JobCatalog.load(robotJob)));
		assertThat(brokenRobot.getMessage()).isEqualTo("job 'rj' cannot run: robot " + robot
				+ ":3: unknown step 'clik' (did you mean 'click'?) (and 1 more problem)");
		assertThat(JobReasons.localize(brokenRobot.getMessage(), Locale.JAPANESE))
			.isEqualTo("ジョブ「rj」を実行できません: ロボット " + robot + ":3: 手順「clik」はありません（「click」の誤りではありませんか）（ほか1件の問題）");
		assertThat(JobReasons.localize(brokenRobot.getMessage(), Locale.ENGLISH)).isEqualTo(brokenRobot.getMessage());
	}

	@Test
	void aFailedFileLineWithSeveralPageErrorsInJapanese() {
		String stored = JobReasons.joined(List.of(Reasons.IN_PAGE.text("batch.tif", 2, Reasons.BLANK_PAGE.text()),
				Reasons.IN_PAGE.text("batch.tif", 3, Reasons.UNKNOWN_FORM.text("test-request 0%"))));
		assertThat(stored)
			.isEqualTo("batch.tif: page 2: blank page; batch.tif: page 3: unknown form (best match: test-request 0%)");
		assertThat(JobReasons.localize(stored, Locale.JAPANESE))
			.isEqualTo("batch.tif: 2ページ目: 白紙のページです; batch.tif: 3ページ目: 様式を判別できません（近い様式: test-request 0%）");
		assertThat(JobReasons.localize("scan.png: no form found", Locale.JAPANESE))
			.isEqualTo("scan.png: 様式に合うページがありません");
		assertThat(JobReasons.localize("scan.png: file is empty; something else", Locale.JAPANESE))
			.isEqualTo("scan.png: ファイルが空です; something else");
	}

	@Test
	void anOcrEngineFailureInsideAFailedFileLineInJapanese() {
		String stored = JobReasons.joined(List.of(
				Reasons.IN_PAGE.text("scan.pdf", 1,
						Reasons.ENGINE_LANGUAGE_MISSING.text("jpn", "/usr/share/tesseract-ocr/5/tessdata")),
				Reasons.IN_PAGE.text("scan.pdf", 2, Reasons.ENGINE_FAILED.text(2480, 3508))));
		assertThat(stored).isEqualTo("scan.pdf: page 1: Tesseract language 'jpn' not found in "
				+ "/usr/share/tesseract-ocr/5/tessdata; scan.pdf: page 2: Tesseract failed to recognise a 2480x3508 image");
		assertThat(JobReasons.localize(stored, Locale.JAPANESE))
			.isEqualTo("scan.pdf: 1ページ目: Tesseract の言語データ「jpn」が /usr/share/tesseract-ocr/5/tessdata にありません; "
					+ "scan.pdf: 2ページ目: Tesseract が 2480×3508 ピクセルの画像を読み取れませんでした");
		assertThat(JobReasons.localize(stored, Locale.ENGLISH)).isEqualTo(stored);
	}

	@Test
	void otherTextComesBackUnchanged() {
		for (String text : List.of("something; else", "robot 'x' failed: timeout", "a.png: b; c: d",
				"java.lang.IllegalStateException: boom")) {
			assertThat(JobReasons.localize(text, Locale.JAPANESE)).isEqualTo(text);
		}
		assertThat(JobReasons.localize(List.of("blank page", "x"), Locale.JAPANESE)).containsExactly("白紙のページです", "x");
	}

	// a guard against a hang, not a measure of speed: without remembering what was
	// tried, each tail of such a line was tried again for every split (2^n)
	@Test
	@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void aLineOfManyProblemsIsSaidPartByPart() {
		List<String> unknown = new ArrayList<>();
		List<String> known = new ArrayList<>();
		List<String> japanese = new ArrayList<>();
		for (int page = 1; page <= 300; page++) {
			unknown.add("scan.pdf: something odd " + page);
			known.add(Reasons.IN_PAGE.text("scan.pdf", page, Reasons.BLANK_PAGE.text()));
			japanese.add("scan.pdf: " + page + "ページ目: 白紙のページです");
		}
		assertThat(JobReasons.localize(JobReasons.joined(unknown), Locale.JAPANESE))
			.isEqualTo(JobReasons.joined(unknown));
		assertThat(JobReasons.localize(JobReasons.joined(known), Locale.JAPANESE))
			.isEqualTo(String.join("; ", japanese));
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
