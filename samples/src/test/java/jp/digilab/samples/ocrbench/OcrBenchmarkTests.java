package jp.digilab.samples.ocrbench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jp.digilab.ocr.field.FieldType;
import jp.digilab.ocr.template.FieldSpec;
import jp.digilab.ocr.template.FormTemplate;
import jp.digilab.samples.Json;
import jp.digilab.samples.ocrbench.BenchScans.BenchScan;
import jp.digilab.samples.ocrbench.OcrBenchmark.Options;
import jp.digilab.samples.ocrbench.OcrBenchmark.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OcrBenchmarkTests {

	@TempDir
	Path dir;

	@Test
	void runsEndToEndAndItsTruthMatchesTheGeneratedValues() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Result result = new OcrBenchmark(Options.parse("--count", "2", "--workers", "2", "--seed", "7", "--out",
				this.dir.toString(), "--pdf-pages", "3"))
			.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

		String report = bytes.toString(StandardCharsets.UTF_8);
		assertThat(report).contains("OCR benchmark: 2 scans", "OCR fields", "pages/s", "exact match >= 98 %",
				"juminhyo-request (tuned on)", "jidou-teate-request (not tuned on)", "mynumber", "money",
				"review gate: minConfidence 0.80");
		// the long PDF, read in a child JVM with a 512 MB heap: every page a document
		assertThat(report).contains("long PDF: 3 pages", "-Xmx512m", "exit 0; RESULT documents=3 errors=0");
		assertThat(this.dir.resolve("long-3.pdf")).isNotEmptyFile();
		FormTemplate juminhyo = FormTemplate.load(this.dir.resolve("templates/juminhyo-request.yml"));
		FormTemplate jidou = FormTemplate.load(this.dir.resolve("templates/jidou-teate-request.yml"));
		assertThat(result.scans()).hasSize(2);
		assertThat(result.scans()).extracting((s) -> s.filled().form().id())
			.containsExactly("juminhyo-request", "jidou-teate-request");
		assertThat(result.ours().tallies().all.allFields().fields)
			.isEqualTo(juminhyo.fields().size() + jidou.fields().size());
		assertThat(result.ours().tallies().byTemplate.get("jidou-teate-request").allFields().fields)
			.isEqualTo(jidou.fields().size());
		assertThat(result.ours().seconds()).isPositive();
		Map<String, Map<String, String>> truth = Json
			.parseObjects(Files.readString(this.dir.resolve("scans/truth.json"), StandardCharsets.UTF_8));
		for (BenchScan scan : result.scans()) {
			FormTemplate template = scan.filled().form().id().equals(jidou.id()) ? jidou : juminhyo;
			assertThat(scan.file()).isRegularFile();
			assertThat(truth.get(scan.name())).isEqualTo(scan.filled().truth());
			for (FieldSpec spec : template.fields()) {
				String expected = scan.filled().truth().get(spec.name());
				assertThat(expected).as(spec.name()).isNotEmpty();
				String printed = scan.filled().printed().get(spec.name());
				if (printed != null) {
					// the truth is what the product's own normaliser makes of the typed
					// text
					assertThat(FieldType.of(spec.type()).orElseThrow().normalize(printed).value()).as(spec.name())
						.isEqualTo(expected);
				}
			}
			for (FieldSpec spec : template.fields()) {
				if (spec.type().equals("choice")) {
					String ticked = scan.filled().ticked().get(spec.name());
					assertThat(spec.options()).anyMatch((o) -> o.value().equals(ticked));
					assertThat(scan.filled().truth().get(spec.name())).isEqualTo(ticked);
				}
			}
		}
		assertThat(this.dir.resolve("fields.csv")).content(StandardCharsets.UTF_8)
			.hasLineCount(1 + juminhyo.fields().size() + jidou.fields().size());
	}

	@Test
	void sameSeedSameScans() {
		RandomApplicants a = new RandomApplicants(42);
		RandomApplicants b = new RandomApplicants(42);
		for (int i = 0; i < 50; i++) {
			assertThat(a.next()).isEqualTo(b.next());
			assertThat(a.nextJidouTeate()).isEqualTo(b.nextJidouTeate());
		}
	}

	@Test
	void eraDates() {
		assertThat(RandomApplicants.era(java.time.LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
		assertThat(RandomApplicants.era(java.time.LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日");
		assertThat(RandomApplicants.era(java.time.LocalDate.of(1989, 1, 8))).isEqualTo("平成元年1月8日");
		assertThat(RandomApplicants.era(java.time.LocalDate.of(1989, 1, 7))).isEqualTo("昭和64年1月7日");
	}

	@Test
	void badUsage() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--count"))
			.withMessage("missing value after --count");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--count", "x"))
			.withMessage("not a number after --count: x");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--frobnicate", "1"))
			.withMessage("unknown option --frobnicate");
		assertThat(Options.parse()).isEqualTo(new Options(40, 2, null, 1, 0, "0.80"));
	}

	@Test
	void baselineTakesTheRestOfTheLabelledLine() {
		assertThat(Baseline.restAfter(java.util.List.of("住民票 の 写し", "氏 名 北九州 太郎", "住所 北九州市"), "氏名"))
			.isEqualTo("北九州 太郎");
		assertThat(Baseline.restAfter(java.util.List.of("なにもない"), "氏名")).isEmpty();
	}

	private static FieldSpec spec(FormTemplate template, String name) {
		return template.fields().stream().filter((f) -> f.name().equals(name)).findFirst().orElseThrow();
	}

}
