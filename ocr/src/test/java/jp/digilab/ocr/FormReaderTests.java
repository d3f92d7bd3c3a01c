package jp.digilab.ocr;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.digilab.ocr.FormImages.Scan;
import jp.digilab.ocr.template.FormTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline on real Tesseract, with forms drawn by {@link FormImages}.
 */
class FormReaderTests {

	private static FormReader reader;

	private static FormTemplate template;

	@TempDir
	Path dir;

	@BeforeAll
	static void open() {
		reader = new FormReader(OcrSettings.defaults());
		template = FormTemplate.load(FormImages.TEMPLATE);
	}

	@AfterAll
	static void close() {
		reader.close();
	}

	@Test
	void readsAStraightScan() {
		Path file = FormImages.writePng(FormImages.render(FormImages.sampleValues(), Scan.straight(300)),
				this.dir.resolve("scan-001.png"), 300);
		ScanResult result = reader.read(file, List.of(template));
		System.out.println(OcrJson.write(result));
		assertThat(result.errors()).isEmpty();
		assertThat(result.documents()).hasSize(1);
		DocumentResult document = result.documents().get(0);
		assertThat(document.template()).isEqualTo("test-request");
		assertThat(document.pages()).containsExactly(1);
		assertValues(document);
		assertThat(document.needsReview()).isFalse();
		assertThat(document.fields().values()).allSatisfy((f) -> assertThat(f.confidence()).isBetween(0.8, 1.0));
	}

	@Test
	void alignsAShiftedScaledRotatedScanWithoutDpiMetadata() {
		BufferedImage image = FormImages.render(FormImages.sampleValues(), new Scan(4, -3, 0.97, 1.5, 200, 0.002));
		Path file = FormImages.writePng(image, this.dir.resolve("skewed.png"), 0);
		ScanResult result = reader.read(file, List.of(template));
		assertThat(result.errors()).isEmpty();
		assertValues(result.documents().get(0));
	}

	@Test
	void theTitleIsReadFirstEvenWhenAFootnoteIsLonger() throws Exception {
		Path yml = Files.writeString(this.dir.resolve("drafted.yml"), """
				id: drafted
				title: 児童手当認定請求書
				paper: A4
				anchors:
				  - text: 氏名
				    box: [14, 86, 8, 4]
				  - text: 児童手当認定請求書
				    box: [73, 26, 64, 8]
				  - text: ※太枠の中を記入してください。訂正は二重線で。
				    box: [14, 280, 120, 4]
				fields:
				  - name: name
				    box: [49, 83, 148, 10]
				    type: text
				""");
		assertThat(FormReader.lead(FormTemplate.load(yml)).text()).isEqualTo("児童手当認定請求書");
		// without a title among the anchors, the longest text
		assertThat(FormReader.lead(template).text()).isEqualTo("本籍の記載");
	}

	@Test
	void aScanShiftedFurtherThanTheFirstLookAllowsIsStillReadRight() {
		// 11 mm right and 9 mm down: the lead anchor (本籍の記載, x 18–43 mm) lies outside
		// the region first read for it, so every anchor's wider region is read instead
		BufferedImage image = FormImages.render(FormImages.sampleValues(), new Scan(11, 9, 1.0, 0, 300, 0));
		Path file = FormImages.writePng(image, this.dir.resolve("far.png"), 300);
		ScanResult result = reader.read(file, List.of(template));
		assertThat(result.errors()).isEmpty();
		assertValues(result.documents().get(0));
	}

	@Test
	void readsAScannedPdfAndAMultiPageTiffWithBlankAndUnknownPages() {
		BufferedImage form = FormImages.render(FormImages.sampleValues(), Scan.straight(300));
		Path pdf = FormImages.writePdf(List.of(form), this.dir.resolve("scan.pdf"));
		ScanResult fromPdf = reader.read(pdf, List.of(template));
		assertThat(fromPdf.errors()).isEmpty();
		assertValues(fromPdf.documents().get(0));

		BufferedImage other = FormImages.blank(200);
		java.awt.Graphics2D g = other.createGraphics();
		g.setColor(java.awt.Color.BLACK);
		g.scale(200 / 25.4, 200 / 25.4);
		FormImages.text(g, "国民健康保険 資格取得届", 30, 20, 8);
		FormImages.text(g, "世帯主の氏名と加入する方の氏名を記入してください", 20, 40, 5);
		g.dispose();
		Map<String, String> second = new java.util.HashMap<>(FormImages.sampleValues());
		second.put("name", "小倉　花子");
		second.put("purpose", "その他");
		second.put("honseki", "false");
		second.put("copies", "1");
		Path tiff = FormImages.writeTiff(List.of(FormImages.render(FormImages.sampleValues(), Scan.straight(200)),
				FormImages.blank(200), other, FormImages.render(second, Scan.straight(200))),
				this.dir.resolve("batch.tif"));
		ScanResult result = reader.read(tiff, List.of(template));
		assertThat(result.documents()).extracting(DocumentResult::pages).containsExactly(List.of(1), List.of(4));
		assertThat(result.errors()).containsExactly("batch.tif: page 2: blank page",
				"batch.tif: page 3: unknown form (best match: test-request 0%)");
		Map<String, FieldResult> fourth = result.documents().get(1).fields();
		assertThat(fourth.get("name").value()).isEqualTo("小倉 花子");
		assertThat(fourth.get("purpose").value()).isEqualTo("その他");
		assertThat(fourth.get("honseki").value()).isEqualTo("false");
		// a thin single digit is not mistaken for an empty box
		assertThat(fourth.get("copies").value()).isEqualTo("1");
	}

	@Test
	void pageWorkersReadTheSamePagesInTheSameOrder() {
		BufferedImage form = FormImages.render(FormImages.sampleValues(), Scan.straight(200));
		Path tiff = FormImages.writeTiff(List.of(form, FormImages.blank(200), form, form),
				this.dir.resolve("parallel.tif"));
		ScanResult sequential = reader.read(tiff, List.of(template));
		try (FormReader parallel = new FormReader(OcrSettings.defaults(), 2)) {
			ScanResult result = parallel.read(tiff, List.of(template));
			assertThat(result.errors()).containsExactly("parallel.tif: page 2: blank page")
				.isEqualTo(sequential.errors());
			assertThat(result.documents()).extracting(DocumentResult::pages)
				.containsExactly(List.of(1), List.of(3), List.of(4));
			for (int i = 0; i < 3; i++) {
				assertThat(result.documents().get(i).fields()).as("document %d", i)
					.usingRecursiveComparison()
					.isEqualTo(sequential.documents().get(i).fields());
			}
		}
	}

	@Test
	void turnsAnUpsideDownPage() {
		BufferedImage image = jp.digilab.ocr.image.Preprocess
			.rotate(FormImages.render(FormImages.sampleValues(), Scan.straight(200)), 180);
		ScanResult result = reader.read(FormImages.writePng(image, this.dir.resolve("upside-down.png"), 200),
				List.of(template));
		assertThat(result.errors()).isEmpty();
		assertValues(result.documents().get(0));
	}

	static void assertValues(DocumentResult document) {
		Map<String, FieldResult> f = document.fields();
		assertThat(f.keySet()).containsExactly("request_date", "name", "name_kana", "birth_date", "postal_code",
				"address", "phone", "copies", "my_number", "purpose", "honseki");
		assertThat(f.get("request_date").value()).isEqualTo("2025-04-01");
		assertThat(f.get("name").value()).isEqualTo("北九州 太郎");
		assertThat(f.get("name_kana").value()).isEqualTo("キタキュウシュウ タロウ");
		assertThat(f.get("birth_date").value()).isEqualTo("1985-05-03");
		assertThat(f.get("postal_code").value()).isEqualTo("803-8501");
		assertThat(f.get("address").value()).isEqualTo("北九州市小倉北区城内1番1号");
		assertThat(f.get("phone").value()).isEqualTo("093-582-2102");
		assertThat(f.get("copies").value()).isEqualTo("2");
		assertThat(f.get("my_number").value()).isEqualTo("********9018");
		assertThat(f.get("purpose").value()).isEqualTo("年金");
		assertThat(f.get("honseki").value()).isEqualTo("true");
		assertThat(f.values()).allSatisfy((field) -> assertThat(field.valid()).isTrue());
	}

}
