package jp.digilab.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jp.digilab.ocr.template.FormTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands that need no database, run in-process on the sample home. */
class CommandLineTests {

	static final Path SAMPLES = Path.of("..", "samples", "home").toAbsolutePath().normalize();

	static final Path EXPECTED = Path.of("..", "samples", "expected", "juminhyo.json");

	@TempDir
	Path tmp;

	@Test
	void ocrJsonPrintsTheBriefShapeWithTheValuesOfTheScan() throws Exception {
		Result result = run("ocr", SAMPLES.resolve("inbox/juminhyo/scan-004.pdf").toString(), "--template",
				"juminhyo-request", "--json", "--home", SAMPLES.toString());
		assertThat(result.exit).isZero();
		Map<String, Object> json = JsonMapper.builder().build().readValue(result.out, new TypeReference<>() {
		});
		assertThat(json.get("file")).isEqualTo("scan-004.pdf");
		assertThat((List<?>) json.get("errors")).isEmpty();
		@SuppressWarnings("unchecked")
		Map<String, Object> document = ((List<Map<String, Object>>) json.get("documents")).get(0);
		assertThat(document.get("template")).isEqualTo("juminhyo-request");
		assertThat(document.get("pages")).isEqualTo(List.of(1));
		assertThat(document.get("needsReview")).isEqualTo(false);
		Map<String, Map<String, String>> expected = JsonMapper.builder()
			.build()
			.readValue(EXPECTED.toFile(), new TypeReference<>() {
			});
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> fields = (Map<String, Map<String, Object>>) document.get("fields");
		expected.get("scan-004.pdf").forEach((name, value) -> {
			assertThat(fields.get(name).get("value")).as(name).isEqualTo(value);
			assertThat(fields.get(name).get("valid")).as(name).isEqualTo(true);
			assertThat(fields.get(name).get("page")).as(name).isEqualTo(1);
		});
	}

	@Test
	void ocrWithATemplateIdIsNotStoppedByAnotherBrokenTemplate() throws Exception {
		Path templates = Files.createDirectories(this.tmp.resolve("home/templates"));
		Files.copy(SAMPLES.resolve("templates/juminhyo-request.yml"), templates.resolve("juminhyo-request.yml"));
		Files.copy(SAMPLES.resolve("templates/juminhyo-request.png"), templates.resolve("juminhyo-request.png"));
		Files.writeString(templates.resolve("half-written.yml"), "id: half-written\nfields: [\n");
		Result result = run("ocr", SAMPLES.resolve("inbox/juminhyo/scan-001.png").toString(), "--template",
				"juminhyo-request", "--json", "--home", this.tmp.resolve("home").toString());
		assertThat(result.exit).as(result.err).isZero();
		Map<String, Object> json = JsonMapper.builder().build().readValue(result.out, new TypeReference<>() {
		});
		assertThat(json.get("documents")).asString().contains("template=juminhyo-request");
	}

	@Test
	void ocrTableShowsJapaneseLabels() throws Exception {
		Result result = run("ocr", SAMPLES.resolve("inbox/juminhyo/scan-001.png").toString(), "--template",
				SAMPLES.resolve("templates/juminhyo-request.yml").toString(), "--lang", "ja");
		assertThat(result.exit).isZero();
		assertThat(result.out).contains("== scan-001.png").contains("氏名").contains("北九州太郎").contains("確認不要");
	}

	@Test
	void ocrTableGivesTheReasonsInTheUsersLanguage() throws Exception {
		// the sample template with a pattern the sample's postal code does not match
		Files.copy(SAMPLES.resolve("templates/juminhyo-request.png"), this.tmp.resolve("juminhyo-request.png"));
		Path template = Files.writeString(this.tmp.resolve("juminhyo-request.yml"),
				Files.readString(SAMPLES.resolve("templates/juminhyo-request.yml"))
					.replace("    type: postal\n", "    type: postal\n    pattern: \"^999-.*\"\n"));
		Path empty = Files.write(this.tmp.resolve("empty.png"), new byte[0]);
		Result japanese = run("ocr", SAMPLES.resolve("inbox/juminhyo/scan-001.png").toString(), empty.toString(),
				"--template", template.toString(), "--lang", "ja");
		assertThat(japanese.exit).isEqualTo(3);
		assertThat(japanese.out).contains("803-8501").contains("✗ 形式 ^999-.* に合いません").contains("! empty.png: ファイルが空です");
		Result english = run("ocr", empty.toString(), "--template", template.toString(), "--lang", "en");
		assertThat(english.out).contains("! empty.png: file is empty");
		Result json = run("ocr", empty.toString(), "--template", template.toString(), "--json", "--lang", "ja");
		assertThat(json.out).contains("\"errors\":[\"empty.png: file is empty\"]");
	}

	@Test
	void templateDraftWritesATemplateWithTheFormsLabelsAsAnchors() throws Exception {
		Path out = this.tmp.resolve("draft.yml");
		Result result = run("template", "draft", SAMPLES.resolve("templates/juminhyo-request.png").toString(), "--out",
				out.toString(), "--id", "draft");
		assertThat(result.exit).isZero();
		FormTemplate draft = FormTemplate.load(out);
		assertThat(draft.id()).isEqualTo("draft");
		assertThat(draft.anchors()).extracting((a) -> a.text()).contains("氏名", "住所", "電話番号");
		assertThat(draft.fields()).isNotEmpty();
	}

	@Test
	void robotCheckAcceptsTheSampleRobot() throws Exception {
		Result result = run("robot", "check", "juminhyo-entry", "--home", SAMPLES.toString(), "--lang", "en");
		assertThat(result.exit).isZero();
		assertThat(result.out).contains("No problems");
	}

	@Test
	void robotCheckNamesFileAndLineOfEachProblem() throws Exception {
		Path robot = Files.writeString(this.tmp.resolve("broken.yml"), """
				id: broken
				perRecord:
				  - open: https://example.invalid/
				  - clik: "text=登録"
				  - type: { into: "foo=bar", text: "${vars.missing}" }
				""");
		Result result = run("robot", "check", robot.toString());
		assertThat(result.exit).isEqualTo(2);
		assertThat(result.err).contains("broken.yml:4").contains("clik").contains("broken.yml:5");
	}

	@Test
	void aBrokenTemplatesLineIsInJapaneseByDefaultAndInEnglishWithLangEn() throws Exception {
		Path template = Files.writeString(this.tmp.resolve("broken.yml"), """
				id: broken
				paper: A4
				fields:
				  - name: 氏名
				    box: [150, 52, 100, 10]
				""");
		String scan = SAMPLES.resolve("inbox/juminhyo/scan-001.png").toString();
		Result japanese = run("ocr", scan, "--template", template.toString());
		assertThat(japanese.exit).isEqualTo(2);
		assertThat(japanese.err.strip())
			.isEqualTo("digilab: " + template + ":5: 項目「氏名」の読取枠 [150, 52, 100, 10] が用紙（210 × 297）の外にあります");
		Result english = run("ocr", scan, "--template", template.toString(), "--lang", "en");
		assertThat(english.exit).isEqualTo(2);
		assertThat(english.err.strip()).isEqualTo(
				"digilab: " + template + ":5: box of field '氏名' [150, 52, 100, 10] lies outside the paper (210 x 297)");
		// the next run without --lang is Japanese again
		assertThat(run("ocr", scan, "--template", template.toString()).err).contains("用紙（210 × 297）の外にあります");
	}

	@Test
	void robotCheckSaysEachProblemInJapaneseByDefaultAndInEnglishWithLangEn() throws Exception {
		Path robot = Files.writeString(this.tmp.resolve("broken.yml"), """
				id: broken
				perRecord:
				  - clik: "text=登録"
				  - pause: soon
				""");
		Result japanese = run("robot", "check", robot.toString());
		assertThat(japanese.exit).isEqualTo(2);
		assertThat(japanese.err.lines()).containsExactly(robot + ":3: 手順「clik」はありません（「click」の誤りではありませんか）",
				robot + ":4: pause: 「soon」は時間の長さではありません（例: 500ms、10s、2m）");
		Result english = run("robot", "check", robot.toString(), "--lang", "en");
		assertThat(english.exit).isEqualTo(2);
		assertThat(english.err.lines()).containsExactly(robot + ":3: unknown step 'clik' (did you mean 'click'?)",
				robot + ":4: pause: 'soon' is not a duration (e.g. 500ms, 10s, 2m)");
	}

	@Test
	void unknownCommandIsBadUsage() throws Exception {
		assertThat(run("frobnicate").exit).isEqualTo(2);
	}

	record Result(int exit, String out, String err) {
	}

	static Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = DigilabCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
		return new Result(exit, out.toString(), err.toString());
	}

}
