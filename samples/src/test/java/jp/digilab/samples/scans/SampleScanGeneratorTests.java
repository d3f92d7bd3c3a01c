package jp.digilab.samples.scans;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jp.digilab.ocr.template.FieldSpec;
import jp.digilab.ocr.template.FormTemplate;
import jp.digilab.samples.Json;
import jp.digilab.samples.scans.FormLayout.Kind;
import jp.digilab.samples.scans.FormLayout.Row;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SampleScanGeneratorTests {

	static final List<String> FILES = List.of("templates/juminhyo-request.png", "templates/juminhyo-request.yml",
			"templates/jidou-teate-request.png", "templates/jidou-teate-request.yml", "inbox/juminhyo/scan-001.png",
			"inbox/juminhyo/scan-002.png", "inbox/juminhyo/scan-003.png", "inbox/juminhyo/scan-004.pdf");

	static final Pattern BOX = Pattern.compile("box: \\[([\\d.]+), ([\\d.]+), ([\\d.]+), ([\\d.]+)\\]");

	@TempDir
	static Path tmp;

	static Path home;

	static Path again;

	@BeforeAll
	static void generateTwice() throws Exception {
		home = tmp.resolve("home");
		again = tmp.resolve("again");
		SampleScanGenerator generator = new SampleScanGenerator();
		generator.generate(home, tmp.resolve("expected.json"));
		generator.generate(again, tmp.resolve("expected-again.json"));
	}

	@Test
	void writesTheFormTheScansAndTheTemplate() throws Exception {
		for (String file : FILES) {
			assertThat(home.resolve(file)).as(file).isNotEmptyFile();
		}
		for (String file : FILES.stream().filter((f) -> f.endsWith(".png")).toList()) {
			BufferedImage image = ImageIO.read(home.resolve(file).toFile());
			assertThat(image.getWidth()).as(file).isEqualTo(2480);
			assertThat(image.getHeight()).as(file).isEqualTo(3508);
		}
	}

	@Test
	void pdfIsOneImageOnlyA4Page() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(home.resolve("inbox/juminhyo/scan-004.pdf").toFile())) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			PDRectangle box = pdf.getPage(0).getMediaBox();
			assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getWidth(),
					org.assertj.core.api.Assertions.within(0.5f));
			assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getHeight(),
					org.assertj.core.api.Assertions.within(0.5f));
			assertThat(new PDFTextStripper().getText(pdf)).isBlank();
		}
	}

	@Test
	void templateBoxesLieInsideThePage() throws Exception {
		String yaml = Files.readString(home.resolve("templates/juminhyo-request.yml"), StandardCharsets.UTF_8);
		assertThat(yaml).contains("id: juminhyo-request", "paper: A4", "reference: juminhyo-request.png",
				"keywords: [住民票, 交付請求書]", "minConfidence: 0.60");
		List<double[]> boxes = new ArrayList<>();
		Matcher m = BOX.matcher(yaml);
		while (m.find()) {
			boxes.add(new double[] { Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
					Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)) });
		}
		// 3 anchors, 10 fields, 4 purpose options
		assertThat(boxes).hasSize(17);
		for (double[] b : boxes) {
			assertThat(b[2]).isPositive();
			assertThat(b[3]).isPositive();
			assertThat(b[0] + b[2]).isLessThanOrEqualTo(FormLayout.PAPER_WIDTH);
			assertThat(b[1] + b[3]).isLessThanOrEqualTo(FormLayout.PAPER_HEIGHT);
		}
		for (String field : List.of("request_date", "name", "name_kana", "birth_date", "postal_code", "address",
				"phone", "purpose", "copies", "honseki")) {
			assertThat(yaml).contains("- name: " + field + "\n");
		}
		assertThat(yaml).contains("type: choice", "{ value: 年金, box: [", "type: checkbox", "type: katakana");
	}

	@Test
	void secondFormHasItsOwnTemplateWithOtherFieldTypes() throws Exception {
		String yaml = Files.readString(home.resolve("templates/jidou-teate-request.yml"), StandardCharsets.UTF_8);
		assertThat(yaml).contains("id: jidou-teate-request", "reference: jidou-teate-request.png",
				"keywords: [児童手当, 認定請求書]", "type: mynumber", "type: money", "type: digits", "{ value: 当座, box: [");
		assertThat(home.resolve("templates/jidou-teate-request.png")).isNotEmptyFile();
		FormTemplate template = FormTemplate.load(home.resolve("templates/jidou-teate-request.yml"));
		assertThat(template.fields()).extracting(FieldSpec::name)
			.containsExactly("request_date", "name_kana", "name", "sex", "birth_date", "my_number", "postal_code",
					"address", "phone", "children", "income", "account_type", "account_no", "civil_servant");
	}

	@ParameterizedTest
	@ValueSource(strings = { "juminhyo-request", "jidou-teate-request" })
	void fieldBoxesOfTheBlankFormHoldNoPrintedInk(String id) throws Exception {
		FormLayout form = form(id);
		BufferedImage blank = ImageIO.read(home.resolve("templates/" + id + ".png").toFile());
		for (Row row : form.rows()) {
			if (row.kind() == Kind.BAND) {
				continue;
			}
			if (row.kind() == Kind.TEXT || row.kind() == Kind.POSTAL || row.kind() == Kind.UNIT) {
				assertThat(darkest(blank, row.valueBox(), 0)).as(row.field()).isGreaterThan(250);
			}
			else if (row.kind() == Kind.CHOICE || row.kind() == Kind.CHECKBOX) {
				int options = row.options().size();
				for (int i = 0; i < options; i++) {
					// the printed square, but nothing inside it
					assertThat(darkest(blank, row.tickBox(i), 0)).isLessThan(100);
					assertThat(darkest(blank, row.tickBox(i), 0.15)).isGreaterThan(250);
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "juminhyo-request", "jidou-teate-request" })
	void typedValuesLieInsideTheirBoxes(String id) {
		FormLayout form = form(id);
		FormRenderer renderer = new FormRenderer();
		BufferedImage blank = renderer.blank(form);
		BufferedImage filled = (form == FormLayout.JUMINHYO) ? renderer.filled(Applicant.ALL.get(0))
				: renderer.filled(form, LONGEST_JIDOU_TEATE, Map.of("sex", "女", "account_type", "普通"));
		for (Row row : form.rows()) {
			if (row.kind() != Kind.TEXT && row.kind() != Kind.POSTAL && row.kind() != Kind.UNIT) {
				continue;
			}
			// every pixel the typed value darkened is inside the field box, with 0.5 mm
			// to spare
			double[] box = row.valueBox();
			double[] inner = { box[0] + 0.5, box[1] + 0.5, box[2] - 1, box[3] - 1 };
			int inkInside = 0;
			for (int y = FormLayout.px(row.top()); y < FormLayout.px(row.bottom()); y++) {
				for (int x = FormLayout.px(form.valueLeft) + 4; x < FormLayout.WIDTH_PX; x++) {
					int before = blank.getRaster().getSample(x, y, 0);
					int after = filled.getRaster().getSample(x, y, 0);
					if (after < before) {
						assertThat(inside(inner, x, y)).as(row.field() + " at " + x + "," + y).isTrue();
						inkInside++;
					}
				}
			}
			assertThat(inkInside).as(row.field()).isPositive();
		}
	}

	@Test
	void expectedValuesCoverEveryScanAndField() throws Exception {
		Map<String, Map<String, String>> expected = Json
			.parseObjects(Files.readString(tmp.resolve("expected.json"), StandardCharsets.UTF_8));
		assertThat(expected).containsOnlyKeys("scan-001.png", "scan-002.png", "scan-003.png", "scan-004.pdf");
		assertThat(expected.values()).allSatisfy((values) -> assertThat(values).containsOnlyKeys("request_date", "name",
				"name_kana", "birth_date", "postal_code", "address", "phone", "purpose", "copies", "honseki"));
		assertThat(expected.get("scan-001.png")).containsEntry("name", "北九州太郎")
			.containsEntry("birth_date", "1980-04-01")
			.containsEntry("honseki", "true");
	}

	@Test
	void generatesTheSameBytesEveryTime() throws Exception {
		for (String file : FILES) {
			assertThat(Files.readAllBytes(again.resolve(file))).as(file)
				.isEqualTo(Files.readAllBytes(home.resolve(file)));
		}
		assertThat(Files.readAllBytes(tmp.resolve("expected-again.json")))
			.isEqualTo(Files.readAllBytes(tmp.resolve("expected.json")));
	}

	@Test
	void scanShiftsStayBelowOneMillimetre() {
		assertThat(Applicant.ALL).allSatisfy((a) -> {
			assertThat(Math.abs(a.shiftX())).isLessThanOrEqualTo(ScannerEffects.MAX_SHIFT);
			assertThat(Math.abs(a.shiftY())).isLessThanOrEqualTo(ScannerEffects.MAX_SHIFT);
		});
		assertThat(FormLayout.mm(ScannerEffects.MAX_SHIFT)).isLessThan(1);
	}

	/** The longest values the benchmark types on 児童手当 認定請求書. */
	static final Map<String, String> LONGEST_JIDOU_TEATE = Map.ofEntries(Map.entry("request_date", "令和8年12月28日"),
			Map.entry("name_kana", "キタキュウシュウ ユウイチロウ"), Map.entry("name", "長谷川 雄一郎"),
			Map.entry("birth_date", "平成17年12月28日"), Map.entry("my_number", "1234 5678 9018"),
			Map.entry("postal_code", "808-0000"), Map.entry("address", "北九州市八幡西区大里本町五丁目30番25号"),
			Map.entry("phone", "090-0000-0000"), Map.entry("children", "4"), Map.entry("income", "8,999,000"),
			Map.entry("account_no", "0123456"));

	private static FormLayout form(String id) {
		return FormLayout.ALL.stream().filter((f) -> f.id().equals(id)).findFirst().orElseThrow();
	}

	private static boolean inside(double[] box, int x, int y) {
		return x >= FormLayout.px(box[0]) && x < FormLayout.px(box[0] + box[2]) && y >= FormLayout.px(box[1])
				&& y < FormLayout.px(box[1] + box[3]);
	}

	/**
	 * The darkest grey inside a box (mm), shrunk by a fraction of its size on each side.
	 */
	private static int darkest(BufferedImage image, double[] box, double shrink) {
		int x0 = FormLayout.px(box[0] + box[2] * shrink);
		int y0 = FormLayout.px(box[1] + box[3] * shrink);
		int x1 = FormLayout.px(box[0] + box[2] * (1 - shrink));
		int y1 = FormLayout.px(box[1] + box[3] * (1 - shrink));
		int min = 255;
		for (int y = y0; y < y1; y++) {
			for (int x = x0; x < x1; x++) {
				min = Math.min(min, image.getRaster().getSample(x, y, 0));
			}
		}
		return min;
	}

}
