package jp.digilab.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ocr} as a script calls it: the real command line in its own JVM, standard output
 * and standard error read apart.
 */
class OcrCommandProcessTests {

	private static final Path TEMPLATE = Path.of("../samples/home/templates/juminhyo-request.yml").toAbsolutePath();

	private static final Path SCAN = Path.of("../samples/home/inbox/juminhyo/scan-001.png").toAbsolutePath();

	@TempDir
	Path tmp;

	@Test
	void jsonOnStandardOutputIsJsonAloneAndLogLinesGoToStandardError() throws Exception {
		BrokenSetupTests.Result result = BrokenSetupTests.run(this.tmp, Map.of("DIGILAB_LANG", "en"), "ocr",
				SCAN.toString(), "--template", TEMPLATE.toString(), "--json");
		assertThat(result.exit()).as(result.err()).isZero();
		JsonNode json = JsonMapper.builder().build().readTree(result.out());
		JsonNode document = json.path("documents").get(0);
		assertThat(document.path("template").asString()).isEqualTo("juminhyo-request");
		assertThat(document.path("fields").path("name").path("value").asString()).isNotBlank();
		// the reader's INFO line ("scan-001.png: 1 document(s) ...") is a log line
		assertThat(result.err()).contains("scan-001.png").contains("document");
		assertThat(result.out()).doesNotContain(" INFO ");
	}

	@Test
	void aTemplateWithAYamlErrorNamesItsFileAndLine() throws Exception {
		Path bad = Files.writeString(this.tmp.resolve("broken.yml"), """
				id: broken
				title: 壊れた様式
				paper: A4
				fields:
				  - name: name
				    box: [10, 10, 50, 10
				    type: text
				""");
		BrokenSetupTests.Result result = BrokenSetupTests.run(this.tmp, Map.of("DIGILAB_LANG", "en"), "ocr",
				SCAN.toString(), "--template", bad.toString());
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.errLines()).singleElement()
			.asString()
			.contains("broken.yml:")
			.containsPattern("broken\\.yml:\\d+");
		assertThat(result.out()).isEmpty();
	}

}
