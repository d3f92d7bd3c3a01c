package jp.digilab.ocr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.digilab.ocr.FormImages.Scan;
import jp.digilab.ocr.template.FormTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline around the engine, with fake engines: normalisation, review, errors,
 * threads.
 */
class FormReaderPipelineTests {

	private static FormTemplate template;

	private static Path form;

	@TempDir
	static Path dir;

	@BeforeAll
	static void drawForm() {
		template = FormTemplate.load(FormImages.TEMPLATE);
		form = FormImages.writePng(FormImages.render(FormImages.sampleValues(), Scan.straight(150)),
				dir.resolve("form.png"), 150);
	}

	@Test
	void normalisesValidatesAndFlagsForReview() {
		try (FormReader reader = reader(FakeEngine.reading("令和7年4月1日", 0.95))) {
			ScanResult result = reader.read(form, List.of(template));
			assertThat(result.errors()).isEmpty();
			DocumentResult document = result.documents().get(0);
			Map<String, FieldResult> f = document.fields();
			assertThat(f.get("request_date").value()).isEqualTo("2025-04-01");
			assertThat(f.get("request_date").raw()).isEqualTo("令和7年4月1日");
			assertThat(f.get("request_date").valid()).isTrue();
			assertThat(f.get("request_date").reasons()).isEmpty();
			assertThat(f.get("request_date").page()).isEqualTo(1);
			assertThat(f.get("request_date").box()).containsExactly(58, 47, 136, 10);
			assertThat(f.get("postal_code").valid()).isFalse();
			assertThat(f.get("postal_code").reasons()).containsExactly("a postal code has 7 digits");
			assertThat(f.get("name_kana").reasons()).containsExactly("not katakana");
			// read by ink, never by OCR
			assertThat(f.get("honseki").value()).isEqualTo("true");
			assertThat(f.get("purpose").value()).isEqualTo("年金");
			assertThat(document.needsReview()).isTrue();
		}
	}

	@Test
	void lowConfidenceNeedsReviewAndMyNumbersAreMasked() {
		try (FormReader reader = reader(FakeEngine.reading("123456789018", 0.5))) {
			DocumentResult document = reader.read(form, List.of(template)).documents().get(0);
			FieldResult myNumber = document.fields().get("my_number");
			assertThat(myNumber.value()).isEqualTo("********9018");
			assertThat(myNumber.raw()).isEqualTo("********9018");
			assertThat(myNumber.valid()).isTrue();
			assertThat(myNumber.reasons()).containsExactly("confidence 0.50 below 0.80");
			assertThat(document.needsReview()).isTrue();
		}
		OcrSettings reveal = OcrSettings.defaults()
			.withEngineFactory(FakeEngine.reading("123456789018", 0.99))
			.withRevealMyNumbers(true);
		try (FormReader reader = new FormReader(reveal)) {
			FieldResult myNumber = reader.read(form, List.of(template)).documents().get(0).fields().get("my_number");
			assertThat(myNumber.value()).isEqualTo("123456789018");
		}
	}

	@Test
	void requiredEmptyFieldsNeedReview() throws IOException {
		Map<String, String> values = FormImages.sampleValues();
		values.put("name", "");
		Path file = FormImages.writePng(FormImages.render(values, Scan.straight(150)), dir.resolve("no-name.png"), 150);
		try (FormReader reader = reader(FakeEngine.reading("北九州 太郎", 0.99))) {
			DocumentResult document = reader.read(file, List.of(template)).documents().get(0);
			FieldResult name = document.fields().get("name");
			assertThat(name.value()).isEmpty();
			assertThat(name.confidence()).isEqualTo(1.0);
			assertThat(name.valid()).isFalse();
			assertThat(name.reasons()).containsExactly("required but empty");
			assertThat(document.needsReview()).isTrue();
		}
	}

	@Test
	void aCrashingEngineGivesAnErrorLineNotAnException() {
		try (FormReader reader = reader(FakeEngine.crashing())) {
			ScanResult result = reader.read(form, List.of(template));
			assertThat(result.documents()).isEmpty();
			assertThat(result.errors()).containsExactly("form.png: page 1: engine crashed on purpose");
		}
	}

	@Test
	void oneEnginePerThreadCreatedOnceAndClosedOnClose() throws Exception {
		FakeEngine.owners.clear();
		int createdBefore = FakeEngine.created.get();
		int closedBefore = FakeEngine.closed.get();
		FormReader reader = reader(FakeEngine.reading("2", 0.99));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<ScanResult>> results = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				results.add(pool.submit(() -> reader.read(form, List.of(template))));
			}
			for (Future<ScanResult> result : results) {
				assertThat(result.get().documents()).hasSize(1);
			}
		}
		finally {
			pool.shutdown();
		}
		int engines = FakeEngine.created.get() - createdBefore;
		// per thread: one for the template's jpn+eng, one for jpn alone (text fields)
		assertThat(engines).isBetween(2, 4);
		assertThat(FakeEngine.owners).doesNotHaveDuplicates();
		reader.close();
		assertThat(FakeEngine.closed.get() - closedBefore).isEqualTo(engines);
	}

	@Test
	void noTemplateToMatch() {
		try (FormReader reader = reader(FakeEngine.reading("", 0))) {
			assertThat(reader.read(form, List.of()).errors())
				.containsExactly("form.png: no template to match the pages against");
		}
	}

	@Test
	void anUnknownFormSaysWhatWasClosest() throws IOException {
		OcrEngineFactory other = (tessdata, languages) -> new FakeEngine("国民健康保険 資格取得届\n世帯主 氏名",
				(whitelist) -> OcrText.empty());
		try (FormReader reader = reader(other)) {
			assertThat(reader.read(form, List.of(template)).errors())
				.containsExactly("form.png: page 1: unknown form (best match: test-request 0%)");
		}
	}

	@Test
	void aCircledOptionWinsOverThePrintedLabelsOfTheOthers() throws IOException {
		// the option boxes are the printed labels (no tick squares): each holds ink
		Files.writeString(dir.resolve("circled.yml"), """
				id: circled
				paper: A4
				match:
				  keywords: [住民票]
				fields:
				  - name: purpose
				    type: choice
				    box: [58, 173, 136, 10]
				    options:
				      - { value: 就職, box: [66, 173.5, 14, 9] }
				      - { value: 年金, box: [100, 173.5, 14, 9] }
				      - { value: 婚姻, box: [134, 173.5, 14, 9] }
				      - { value: その他, box: [168, 173.5, 19, 9] }
				""");
		FormTemplate circled = FormTemplate.load(dir.resolve("circled.yml"));
		try (FormReader reader = reader(FakeEngine.reading("2", 0.99))) {
			for (String option : FormImages.OPTIONS) {
				Map<String, String> values = FormImages.sampleValues();
				values.put("purpose", option);
				values.put("purpose_mark", "circle");
				Path file = FormImages.writePng(FormImages.render(values, Scan.straight(150)),
						dir.resolve("circled-" + option + ".png"), 150);
				FieldResult purpose = reader.read(file, List.of(circled)).documents().get(0).fields().get("purpose");
				System.out
					.println(option + " -> " + purpose.value() + " " + purpose.raw() + " " + purpose.confidence());
				assertThat(purpose.value()).as(purpose.raw()).isEqualTo(option);
				assertThat(purpose.confidence()).as(purpose.raw()).isGreaterThanOrEqualTo(0.8);
			}
			Map<String, String> none = FormImages.sampleValues();
			none.put("purpose", "");
			none.put("purpose_mark", "circle");
			Path file = FormImages.writePng(FormImages.render(none, Scan.straight(150)),
					dir.resolve("circled-none.png"), 150);
			FieldResult purpose = reader.read(file, List.of(circled)).documents().get(0).fields().get("purpose");
			assertThat(purpose.value()).as(purpose.raw()).isEmpty();
		}
	}

	@Test
	void aChoiceReadAsTextTakesTheOneOptionWrittenAndRefusesSeveral() throws IOException {
		// options without boxes: the box is read as text and the option named there wins
		Files.writeString(dir.resolve("written.yml"), """
				id: written
				paper: A4
				match:
				  keywords: [住民票]
				fields:
				  - name: purpose
				    type: choice
				    box: [58, 173, 136, 10]
				    options:
				      - { value: job, label: 就職 }
				      - { value: pension, label: 年金 }
				""");
		FormTemplate written = FormTemplate.load(dir.resolve("written.yml"));
		try (FormReader reader = reader(FakeEngine.reading("年金", 0.95))) {
			FieldResult purpose = reader.read(form, List.of(written)).documents().get(0).fields().get("purpose");
			assertThat(purpose.value()).isEqualTo("pension");
			assertThat(purpose.valid()).isTrue();
		}
		// both printed in the box: which one is marked cannot be read from the text
		try (FormReader reader = reader(FakeEngine.reading("就職 年金", 0.95))) {
			DocumentResult document = reader.read(form, List.of(written)).documents().get(0);
			FieldResult purpose = document.fields().get("purpose");
			assertThat(purpose.value()).isEmpty();
			assertThat(purpose.valid()).isFalse();
			assertThat(purpose.reasons()).contains("several options in the box (就職, 年金): give each option its own box");
			assertThat(document.needsReview()).isTrue();
		}
	}

	@Test
	void pixelUnitsAreMappedThroughTheReferenceImage() throws IOException {
		// the reference image is the blank form at 100 DPI: 1 mm = 100 / 25.4 px
		Path templates = Files.createDirectories(dir.resolve("px-templates"));
		FormImages.writePng(FormImages.render(new java.util.HashMap<>(), Scan.straight(100)),
				templates.resolve("blank.png"), 100);
		double px = 100 / 25.4;
		Files.writeString(templates.resolve("px.yml"), String.format(java.util.Locale.ROOT, """
				id: px-form
				paper: A4
				reference: blank.png
				units: px
				match:
				  keywords: [住民票]
				fields:
				  - name: honseki
				    type: checkbox
				    box: [%1$.1f, %2$.1f, %3$.1f, %3$.1f]
				  - name: purpose
				    type: choice
				    box: [%4$.1f, %5$.1f, %6$.1f, %7$.1f]
				    options:
				      - { value: 就職, box: [%4$.1f, %8$.1f, %3$.1f, %3$.1f] }
				      - { value: 年金, box: [%9$.1f, %8$.1f, %3$.1f, %3$.1f] }
				""", 60 * px, 189 * px, 6 * px, 58 * px, 173 * px, 136 * px, 10 * px, 175 * px, 94 * px));
		FormTemplate pxTemplate = FormTemplate.load(templates.resolve("px.yml"));
		try (FormReader reader = reader(FakeEngine.reading("2", 0.99))) {
			DocumentResult document = reader.read(form, List.of(pxTemplate)).documents().get(0);
			assertThat(document.fields().get("honseki").value()).isEqualTo("true");
			assertThat(document.fields().get("purpose").value()).isEqualTo("年金");
		}
	}

	@Test
	void readsAPdfTextLayerWithoutOcr() throws IOException {
		Path pdf = dir.resolve("invoice.pdf");
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				text(content, font, 16, 80, 20, "INVOICE");
				text(content, font, 10, 20, 30, "City of Kitakyushu");
				text(content, font, 12, 20, 45, "Customer");
				text(content, font, 12, 62, 45, "Kokura Trading Co.");
				text(content, font, 12, 20, 65, "Amount");
				text(content, font, 12, 62, 65, "12,800");
				text(content, font, 12, 20, 85, "Issued");
				text(content, font, 12, 62, 85, "2025/4/1");
			}
			document.save(pdf.toFile());
		}
		FormTemplate invoice = FormTemplate.load(Path.of("src/test/resources/templates/text-invoice.yml"));
		try (FormReader reader = reader(FakeEngine.crashing())) {
			ScanResult result = reader.read(pdf, List.of(template, invoice));
			assertThat(result.errors()).isEmpty();
			DocumentResult document = result.documents().get(0);
			assertThat(document.template()).isEqualTo("text-invoice");
			assertThat(document.fields().get("customer").value()).isEqualTo("Kokura Trading Co.");
			assertThat(document.fields().get("amount").value()).isEqualTo("12800");
			assertThat(document.fields().get("issued").value()).isEqualTo("2025-04-01");
			assertThat(document.fields().values()).allSatisfy((f) -> assertThat(f.confidence()).isEqualTo(1.0));
			assertThat(document.needsReview()).isFalse();
		}
	}

	/** Write text with its baseline at (x, y) mm from the top-left corner. */
	private static void text(PDPageContentStream content, PDType1Font font, float size, float xMm, float yMm,
			String text) throws IOException {
		float pt = 72 / 25.4f;
		content.beginText();
		content.setFont(font, size);
		content.newLineAtOffset(xMm * pt, PDRectangle.A4.getHeight() - yMm * pt);
		content.showText(text);
		content.endText();
	}

	static FormReader reader(OcrEngineFactory factory) {
		return new FormReader(OcrSettings.defaults().withEngineFactory(factory));
	}

	static Path copy(Path source, String name) throws IOException {
		return Files.copy(source, dir.resolve(name));
	}

}
