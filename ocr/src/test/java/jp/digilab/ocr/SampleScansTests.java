package jp.digilab.ocr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

}
