package jp.digilab.ocr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import jp.digilab.ocr.template.TemplateRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo scans of the samples module, checked against their ground truth (skipped when
 * the module is not next to this one).
 */
class SampleScansTests {

	private static final Path HOME = Path.of("../samples/home");

	private static final Path EXPECTED = Path.of("../samples/expected/juminhyo.json");

	@Test
	void readsEverySampleScanExactly() throws IOException {
		assumeTrue(Files.isRegularFile(EXPECTED) && Files.isDirectory(HOME.resolve("templates")),
				"samples module not present");
		TemplateRepository templates = TemplateRepository.load(HOME.resolve("templates"));
		JsonNode expected = JsonMapper.builder().build().readTree(Files.readString(EXPECTED));
		try (FormReader reader = new FormReader(OcrSettings.defaults())) {
			for (Map.Entry<String, JsonNode> scan : expected.properties()) {
				ScanResult result = reader.read(HOME.resolve("inbox/juminhyo").resolve(scan.getKey()), templates.all());
				assertThat(result.errors()).as(scan.getKey()).isEmpty();
				DocumentResult document = result.documents().get(0);
				assertThat(document.template()).isEqualTo("juminhyo-request");
				for (Map.Entry<String, JsonNode> field : scan.getValue().properties()) {
					assertThat(document.fields().get(field.getKey()).value()).as(scan.getKey() + " " + field.getKey())
						.isEqualTo(field.getValue().asString());
				}
				assertThat(document.needsReview()).as(scan.getKey()).isFalse();
			}
		}
	}

	@Test
	void aPageIsClassifiedFromItsTitleAndItsOwnLabelsOnly() {
		assumeTrue(Files.isDirectory(HOME.resolve("templates")), "samples module not present");
		TemplateRepository templates = TemplateRepository.load(HOME.resolve("templates"));
		assertThat(templates.all()).hasSizeGreaterThanOrEqualTo(2);
		// every read of a region with layout analysis (the classification's; fields are
		// read as lines, words or blocks) on the reduced page, its size without the white
		// border
		List<double[]> reads = Collections.synchronizedList(new ArrayList<>());
		OcrEngineFactory real = OcrSettings.defaults().engineFactory();
		OcrEngineFactory recording = (tessdata, languages) -> {
			OcrEngine engine = real.create(tessdata, languages);
			return new OcrEngine() {
				@Override
				public OcrText recognize(BufferedImage image, int dpi, SegMode mode, String whitelist) {
					if (mode == SegMode.AUTO || mode == SegMode.SPARSE) {
						double mm = 25.4 / dpi;
						int border = 2 * FormReader.REGION_BORDER;
						reads.add(new double[] { (image.getWidth() - border) * mm, (image.getHeight() - border) * mm });
					}
					return engine.recognize(image, dpi, mode, whitelist);
				}

				@Override
				public void close() {
					engine.close();
				}
			};
		};
		try (FormReader reader = new FormReader(OcrSettings.defaults().withEngineFactory(recording), 1)) {
			ScanResult result = reader.read(HOME.resolve("inbox/juminhyo/scan-002.png"), templates.all());
			assertThat(result.errors()).isEmpty();
			assertThat(result.documents().get(0).template()).isEqualTo("juminhyo-request");
			assertThat(result.documents().get(0).needsReview()).isFalse();
		}
		// the merged title regions, then this form's two other labels in small regions
		// placed from its title: about 4,000 mm², where the regions round every anchor of
		// both templates cover about 10,000 mm²
		assertThat(reads).hasSize(3);
		double area = reads.stream().mapToDouble((r) -> r[0] * r[1]).sum();
		assertThat(area).isLessThan(5000);
		assertThat(reads.get(1)[0] * reads.get(1)[1] + reads.get(2)[0] * reads.get(2)[1]).isLessThan(1000);
	}

}
