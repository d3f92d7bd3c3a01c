package jp.digilab.ocr.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FormTemplateTests {

	private static final String HEAD = """
			id: juminhyo-request
			title: 住民票の写し等交付請求書
			paper: A4
			match:
			  keywords: [住民票, 交付請求書]
			""";

	@TempDir
	Path dir;

	@Test
	void misspeltKeysInsideMatchReviewAnchorsAndOptionsAreWarnedAboutWithTheirLines() throws IOException {
		Logger logger = (Logger) LoggerFactory.getLogger(TemplateParser.class);
		ListAppender<ILoggingEvent> warnings = new ListAppender<>();
		warnings.start();
		logger.addAppender(warnings);
		try {
			Path file = write("""
					id: misspelt
					paper: A4
					match:
					  keyword: [住民票]
					anchors:
					  - text: 氏名
					    bx: [10, 10, 10, 5]
					    box: [10, 10, 10, 5]
					fields:
					  - name: sex
					    type: choice
					    box: [50, 50, 100, 10]
					    options:
					      - { value: male, lable: 男 }
					review:
					  minConfidance: 0.9
					""");
			FormTemplate template = FormTemplate.load(file);
			assertThat(template.match().keywords()).isEmpty();
			assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage)
				.containsExactlyInAnyOrder(file + ":4: unknown match key 'keyword' ignored",
						file + ":7: unknown anchor key 'bx' ignored", file + ":14: unknown option key 'lable' ignored",
						file + ":16: unknown review key 'minConfidance' ignored");
		}
		finally {
			logger.detachAppender(warnings);
		}
	}

	@Test
	void loadsTheBriefExample() throws IOException {
		FormTemplate template = FormTemplate.load(write("""
				id: juminhyo-request
				title: 住民票の写し等交付請求書
				paper: A4                 # A4, A3, B4, B5, Letter, or [width_mm, height_mm]
				languages: jpn+eng        # Tesseract languages
				match:                    # how a scanned page is recognised as this form
				  keywords: [住民票, 交付請求書]
				anchors:
				  - text: 氏名
				    box: [20, 52, 25, 10]
				fields:
				  - name: name
				    label: 氏名
				    box: [50, 52, 140, 10]
				    type: text
				    required: true
				  - name: birth_date
				    label: 生年月日
				    box: [50, 66, 140, 10]
				    type: date
				    minConfidence: 0.9
				review:
				  minConfidence: 0.85
				"""));
		assertThat(template.id()).isEqualTo("juminhyo-request");
		assertThat(template.paper()).isEqualTo(new Paper("A4", 210, 297));
		assertThat(template.languages()).isEqualTo("jpn+eng");
		assertThat(template.match().keywords()).containsExactly("住民票", "交付請求書");
		assertThat(template.anchors()).singleElement().satisfies((a) -> {
			assertThat(a.text()).isEqualTo("氏名");
			assertThat(a.box()).containsExactly(20, 52, 25, 10);
		});
		assertThat(template.fields()).extracting(FieldSpec::name).containsExactly("name", "birth_date");
		FieldSpec name = template.fields().get(0);
		assertThat(name.required()).isTrue();
		assertThat(name.type()).isEqualTo("text");
		assertThat(name.minConfidence()).isNull();
		assertThat(template.fields().get(1).minConfidence()).isEqualTo(0.9);
		assertThat(template.review().minConfidenceOrDefault()).isEqualTo(0.85);
		assertThat(template.units()).isEqualTo("mm");
		assertThat(template.source()).isEqualTo(this.dir.resolve("t.yml"));
	}

	@Test
	void defaultsAndCustomPaperAndChoiceOptions() throws IOException {
		FormTemplate template = FormTemplate.load(write("""
				id: small
				paper: [100, 148]
				fields:
				  - name: purpose
				    type: choice
				    box: [10, 10, 80, 10]
				    options:
				      - value: 就職
				        box: [10, 12, 5, 5]
				      - { value: 年金, box: [40, 12, 5, 5] }
				  - name: kind
				    type: choice
				    box: [10, 30, 80, 10]
				    options: [個人, 法人]
				"""));
		assertThat(template.title()).isEqualTo("small");
		assertThat(template.paper()).isEqualTo(new Paper("custom", 100, 148));
		assertThat(template.languages()).isEqualTo("jpn+eng");
		assertThat(template.review().minConfidenceOrDefault()).isEqualTo(0.80);
		assertThat(template.fields().get(0).options()).extracting(ChoiceOption::value).containsExactly("就職", "年金");
		assertThat(template.fields().get(0).options().get(1).box()).containsExactly(40, 12, 5, 5);
		assertThat(template.fields().get(1).options()).extracting(ChoiceOption::box).containsOnlyNulls();
	}

	@Test
	void rejectsAnUnknownTypeWithItsLine() throws IOException {
		Path file = write(HEAD + """
				fields:
				  - name: birth
				    box: [50, 66, 140, 10]
				    type: dat
				""");
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> FormTemplate.load(file))
			.withMessage(file + ":9: unknown field type 'dat' (one of text, katakana, digits, integer, money, date, "
					+ "postal, phone, email, checkbox, choice, mynumber)")
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(9));
	}

	@Test
	void rejectsABoxOutsideThePaper() throws IOException {
		Path file = write(HEAD + """
				fields:
				  - name: name
				    box: [150, 52, 100, 10]
				""");
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> FormTemplate.load(file))
			.withMessage(file + ":8: box of field 'name' [150, 52, 100, 10] lies outside the paper (210 x 297)");
	}

	@Test
	void rejectsADuplicateFieldName() throws IOException {
		Path file = write(HEAD + """
				fields:
				  - name: name
				    box: [50, 52, 100, 10]
				  - name: name
				    box: [50, 72, 100, 10]
				""");
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> FormTemplate.load(file))
			.withMessage(file + ":9: duplicate field name 'name'");
	}

	@Test
	void rejectsBadYamlWithItsLine() throws IOException {
		Path file = write(HEAD + """
				fields:
				  - name: name
				    box: [50, 52, 100, 10
				  - name: other
				""");
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> FormTemplate.load(file))
			.withMessageStartingWith(file + ":")
			.withMessageContaining("YAML error")
			.satisfies((ex) -> assertThat(ex.line()).isBetween(8, 10))
			// one line: the parser's statements without its echo of the source and carets
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n").contains("flow sequence"));
	}

	@Test
	void rejectsOtherMistakes() throws IOException {
		assertRejected(HEAD, ":1: a template needs fields");
		assertRejected("title: x\nfields: []\n", ":1: 'id' is missing");
		assertRejected(HEAD + "paper: A9\n", ":6: duplicate key 'paper'");
		assertRejected(HEAD.replace("A4", "A9") + "fields: []\n",
				":3: unknown paper 'A9' (A4, A3, B4, B5, Letter or " + "[width_mm, height_mm])");
		assertRejected(HEAD + "fields: []\n", ":6: a template needs at least one field");
		assertRejected(HEAD + "fields:\n  - name: a\n    box: [1, 2, 3]\n",
				":8: box of field 'a' must be [x, y, width, height]");
		assertRejected(HEAD + "fields:\n  - name: a\n    box: [1, 2, 3, 4]\n    pattern: '[0-9'\n",
				":9: bad pattern: Unclosed character class");
		assertRejected(HEAD + "fields:\n  - name: a\n    box: [1, 2, 3, 4]\n    type: choice\n",
				":7: choice field 'a' needs options");
		assertRejected(HEAD + "fields:\n  - name: a\n    box: [1, 2, 3, 4]\n    minConfidence: 80\n",
				":9: minConfidence must be between 0 and 1");
		assertRejected(HEAD + "fields:\n  - name: a\n    box: [1, 2, x, 4]\n",
				":8: box of field 'a' must be a number, not 'x'");
		assertRejected("", ": file is empty");
	}

	@Test
	void repositoryLoadsAFolderAndRejectsDuplicateIds() throws IOException {
		Path templates = Files.createDirectories(this.dir.resolve("templates"));
		Files.copy(Path.of("src/test/resources/templates/test-request.yml"), templates.resolve("a.yml"));
		TemplateRepository repository = TemplateRepository.load(templates);
		assertThat(repository.find("test-request")).isPresent();
		assertThat(repository.find("other")).isEmpty();
		assertThat(repository.all()).hasSize(1);
		assertThat(TemplateRepository.load(this.dir.resolve("missing")).all()).isEmpty();
		Files.copy(templates.resolve("a.yml"), templates.resolve("b.yml"));
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> TemplateRepository.load(templates))
			.withMessageContaining("template id 'test-request' is already used by");
	}

	private void assertRejected(String yaml, String expected) throws IOException {
		Path file = write(yaml);
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> FormTemplate.load(file))
			.withMessage(file + expected);
	}

	private Path write(String yaml) throws IOException {
		return Files.writeString(this.dir.resolve("t.yml"), yaml);
	}

}
