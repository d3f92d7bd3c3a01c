package jp.digilab.ocr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.digilab.ocr.FormImages.Scan;
import jp.digilab.ocr.field.JapaneseText;
import jp.digilab.ocr.template.FormTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class SearchablePdfWriterTests {

	@TempDir
	Path dir;

	@Test
	void writesAPdfWhoseTextLayerTheReaderUsesWithoutOcr() throws IOException {
		Path scan = FormImages.writePng(FormImages.render(FormImages.sampleValues(), Scan.straight(300)),
				this.dir.resolve("scan.png"), 300);
		Path pdf = this.dir.resolve("scan-searchable.pdf");
		SearchablePdfWriter.write(scan, pdf, OcrSettings.defaults(), "jpn+eng");
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			assertThat(JapaneseText.compact(new PDFTextStripper().getText(document))).contains("住民票の写し等交付請求書",
					"093-582-2102");
		}
		// read back through the text layer: the engine would fail if it were asked
		try (FormReader reader = new FormReader(OcrSettings.defaults().withEngineFactory(FakeEngine.crashing()))) {
			ScanResult result = reader.read(pdf, List.of(FormTemplate.load(FormImages.TEMPLATE)));
			assertThat(result.errors()).isEmpty();
			Map<String, FieldResult> fields = result.documents().get(0).fields();
			assertThat(fields.get("request_date").value()).isEqualTo("2025-04-01");
			assertThat(fields.get("postal_code").value()).isEqualTo("803-8501");
			assertThat(fields.get("address").value()).isEqualTo("北九州市小倉北区城内1番1号");
			assertThat(fields.get("purpose").value()).isEqualTo("年金");
		}
	}

}
