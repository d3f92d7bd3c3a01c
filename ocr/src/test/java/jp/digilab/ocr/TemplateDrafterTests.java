package jp.digilab.ocr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.digilab.ocr.FormImages.Scan;
import jp.digilab.ocr.template.FieldSpec;
import jp.digilab.ocr.template.FormTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

}
