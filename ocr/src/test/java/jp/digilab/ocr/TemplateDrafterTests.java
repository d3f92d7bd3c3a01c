package jp.digilab.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.digilab.ocr.FormImages.Scan;
import jp.digilab.ocr.image.Images;
import jp.digilab.ocr.image.Preprocess;
import jp.digilab.ocr.template.FieldSpec;
import jp.digilab.ocr.template.FormTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TemplateDrafterTests {

	@TempDir
	Path dir;

	@Test
	void draftsALoadableTemplateWithAFieldBesideEachLabel() throws IOException {
		Path blank = FormImages.writePng(FormImages.render(new HashMap<>(), Scan.straight(300)),
				this.dir.resolve("blank.png"), 300);
		String yaml = TemplateDrafter.draft(blank, "drafted", OcrSettings.defaults());
		FormTemplate template = FormTemplate.load(Files.writeString(this.dir.resolve("drafted.yml"), yaml));
		assertThat(template.id()).isEqualTo("drafted");
		assertThat(template.title()).isEqualTo("住民票の写し等交付請求書");
		assertThat(template.match().keywords()).containsExactly("住民票の写し等交付請求書");
		assertThat(template.anchors()).extracting((a) -> a.text()).contains("請求日", "氏名", "住所", "使用目的");
		// the title is the first anchor, and the lead one
		assertThat(template.anchors().get(0).text()).isEqualTo("住民票の写し等交付請求書");
		assertThat(FormReader.lead(template).text()).isEqualTo("住民票の写し等交付請求書");
		assertThat(template.fields()).extracting(FieldSpec::name)
			.contains("request_date", "name", "name_kana", "birth_date", "postal_code", "address", "phone", "copies");
		FieldSpec name = template.fields().stream().filter((f) -> f.name().equals("name")).findFirst().orElseThrow();
		assertThat(name.type()).isEqualTo("text");
		// the value cell of the 氏名 row is [56, 59, 139, 14]: the field is 1 mm inside it
		assertThat(name.box()[0]).isCloseTo(57, within(1.0));
		assertThat(name.box()[1]).isCloseTo(60, within(1.0));
		assertThat(name.box()[2]).isCloseTo(137, within(1.5));
		assertThat(name.box()[3]).isCloseTo(12, within(1.0));
		assertThat(template.fields()
			.stream()
			.filter((f) -> f.name().equals("birth_date"))
			.findFirst()
			.orElseThrow()
			.type()).isEqualTo("date");
	}

	@Test
	void printedUnitsAndMarksAreLeftOutOfTheFieldBoxes() throws IOException {
		// the sample 児童手当 form: 〒 before the postal code, 人 and 円 after two numbers
		Path samples = Path.of("../samples/home/templates");
		assumeTrue(Files.isDirectory(samples), "samples module not present");
		String yaml = TemplateDrafter.draft(samples.resolve("jidou-teate-request.png"), "drafted",
				OcrSettings.defaults());
		FormTemplate draft = FormTemplate.load(Files.writeString(this.dir.resolve("drafted.yml"), yaml));
		FormTemplate made = FormTemplate.load(samples.resolve("jidou-teate-request.yml"));
		assertThat(draft.anchors().get(0).text()).isEqualTo(made.title());
		// on the blank form a field box holds no ink, and it is the value area the form
		// leaves (the generated template's box, made from the layout that draws the form)
		BufferedImage blank = ImageIO.read(samples.resolve("jidou-teate-request.png").toFile());
		double px = blank.getWidth() / 210.0;
		for (String label : new String[] { "郵便番号", "対象児童数", "前年の所得" }) {
			FieldSpec drafted = draft.fields()
				.stream()
				.filter((f) -> label.equals(f.label()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no field for " + label + " in\n" + yaml));
			double[] truth = made.fields()
				.stream()
				.filter((f) -> label.equals(f.label()))
				.findFirst()
				.orElseThrow()
				.box();
			double[] box = drafted.box();
			BufferedImage inBox = Images.crop(Images.toGray(blank), (int) (box[0] * px), (int) (box[1] * px),
					(int) (box[2] * px), (int) (box[3] * px));
			assertThat(Preprocess.inkBlobs(inBox)).as("ink in the %s box %s", label, java.util.Arrays.toString(box))
				.allSatisfy((blob) -> assertThat(blob.height).isLessThan((int) (1.5 * px)));
			assertThat(box[0]).as("%s left", label).isCloseTo(truth[0], within(2.0));
			assertThat(box[0] + box[2]).as("%s right", label).isCloseTo(truth[0] + truth[2], within(3.0));
		}
	}

}
