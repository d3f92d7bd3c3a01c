package jp.digilab.app.console.templates;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import jp.digilab.app.console.ConsoleTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The templates page: the sample template's fields, its boxes drawn over its reference
 * image, templates without an image, broken templates, and images served by id only.
 */
class TemplatesControllerTests extends ConsoleTestSupport {

	static final String SAMPLE = "juminhyo-request";

	@Test
	void anOperatorSeesTheTemplatesAndTheirFields() throws Exception {
		this.mvc.perform(get("/templates").with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("templates/juminhyo-request.yml")))
			.andExpect(content().string(containsString("住民票の写し等交付請求書")));
		this.mvc.perform(get("/templates/" + SAMPLE).with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			// name, label, type, required, minConfidence (the template's 0.60 inherited)
			.andExpect(content().string(containsString("<td>postal_code</td>")))
			.andExpect(content().string(containsString("<td>郵便番号</td>")))
			.andExpect(content().string(containsString("<td>postal</td>")))
			.andExpect(content().string(containsString("0.60 (既定)")))
			.andExpect(content().string(containsString("就職, 年金, 婚姻, その他")))
			.andExpect(content().string(containsString("60, 191.5, 5, 5")))
			.andExpect(content().string(containsString("/templates/juminhyo-request/overlay.png")));
	}

	@Test
	void thePagesAreInEnglishOnRequest() throws Exception {
		this.mvc.perform(get("/templates/" + SAMPLE).param("lang", "en").with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<th>Review threshold</th>")))
			.andExpect(content().string(containsString("0.60 (default)")))
			.andExpect(content().string(containsString("id=\"lang-switch\"")))
			.andExpect(content().string(not(containsString("確認の閾値"))));
	}

	@Test
	void onlyOperatorsAndAdministratorsSeeTemplates() throws Exception {
		this.mvc.perform(get("/templates").with(user("a").roles("ADMIN"))).andExpect(status().isOk());
		this.mvc.perform(get("/templates").with(user("m").roles("MANAGER"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/templates/" + SAMPLE + "/overlay.png").with(user("r").roles("REVIEWER")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theOverlayHasTheReferenceImagesSizeAndItsBoxesDrawn() throws Exception {
		BufferedImage reference = ImageIO.read(home.resolve("templates/juminhyo-request.png").toFile());
		BufferedImage overlay = overlay(SAMPLE);
		assertThat(overlay.getWidth()).isEqualTo(reference.getWidth());
		assertThat(overlay.getHeight()).isEqualTo(reference.getHeight());
		double pxPerMm = reference.getWidth() / 210.0;
		// field "name" box [58, 82, 136, 12]: its left edge, halfway down, is red
		assertThat(color(overlay, 58 * pxPerMm, 88 * pxPerMm)).isEqualTo(TemplateOverlay.FIELD);
		// choice option 就職 [60, 163.5, 5, 5]: green; anchor 氏名 [17.5, 85.7, 8.2, 4.6]:
		// blue
		assertThat(color(overlay, 60 * pxPerMm, 166 * pxPerMm)).isEqualTo(TemplateOverlay.OPTION);
		assertThat(color(overlay, 17.5 * pxPerMm, 88 * pxPerMm)).isEqualTo(TemplateOverlay.ANCHOR);
		// the bottom margin has no box: the reference image shows through unchanged
		int x = (int) Math.round(100 * pxPerMm);
		int y = (int) Math.round(285 * pxPerMm);
		assertThat(new Color(overlay.getRGB(x, y)).getRed()).isEqualTo(reference.getRaster().getSample(x, y, 0));
	}

	@Test
	void aTemplateWithoutReferenceImageIsDrawnOnBlankPaperOfItsSize() throws Exception {
		Path file = home.resolve("templates/no-image.yml");
		Path outside = home.resolve("outside.png");
		// the review tests put a file of the same name in this shared home
		Files.copy(home.resolve("templates/juminhyo-request.png"), outside,
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		try {
			// B5 (182 × 257 mm), and a reference outside templates/ that must not be
			// served
			Files.writeString(file, """
					id: no-image
					title: B5 form
					paper: B5
					reference: ../outside.png
					fields:
					  - name: amount
					    box: [20, 30, 100, 15]
					    type: money
					""");
			BufferedImage overlay = overlay("no-image");
			assertThat(overlay.getWidth()).isEqualTo((int) Math.round(182 / 25.4 * TemplateOverlay.BLANK_DPI));
			assertThat(overlay.getHeight()).isEqualTo((int) Math.round(257 / 25.4 * TemplateOverlay.BLANK_DPI));
			double pxPerMm = TemplateOverlay.BLANK_DPI / 25.4;
			assertThat(color(overlay, 20 * pxPerMm, 37 * pxPerMm)).isEqualTo(TemplateOverlay.FIELD);
			assertThat(color(overlay, 150 * pxPerMm, 200 * pxPerMm)).isEqualTo(Color.WHITE);
			this.mvc.perform(get("/templates/no-image").with(user("op").roles("OPERATOR")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("用紙サイズの白紙")));
		}
		finally {
			Files.deleteIfExists(file);
			Files.deleteIfExists(outside);
		}
	}

	@Test
	void aBrokenTemplateShowsItsFileLineAndReason() throws Exception {
		Path file = home.resolve("templates/broken.yml");
		try {
			Files.writeString(file, """
					id: broken
					paper: A4
					fields:
					  - name: when
					    box: [10, 10, 50, 10]
					    type: dat
					""");
			this.mvc.perform(get("/templates").with(user("op").roles("OPERATOR")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("templates/broken.yml:6: 項目の種類「dat」はありません")))
				// the other templates are still listed
				.andExpect(content().string(containsString("href=\"/templates/juminhyo-request\"")));
			this.mvc.perform(get("/templates").param("lang", "en").with(user("op").roles("OPERATOR")))
				.andExpect(status().isOk())
				.andExpect(
						content().string(containsString("templates/broken.yml:6: unknown field type &#39;dat&#39;")));
			this.mvc.perform(get("/templates/broken/overlay.png").with(user("op").roles("OPERATOR")))
				.andExpect(status().isNotFound());
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void imagesAreServedByTemplateIdOnly() throws Exception {
		this.mvc.perform(get("/templates/nothing/overlay.png").with(user("op").roles("OPERATOR")))
			.andExpect(status().isNotFound());
		for (String path : new String[] { "/templates/..%2F..%2Fadmin-password.txt/overlay.png",
				"/templates/%2e%2e/overlay.png", "/templates/juminhyo-request.png/overlay.png" }) {
			MockHttpServletResponse response = this.mvc.perform(get(path).with(user("op").roles("OPERATOR")))
				.andExpect(content().string(not(containsString("password="))))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(path).isBetween(400, 499);
		}
	}

	private BufferedImage overlay(String id) throws Exception {
		byte[] png = this.mvc.perform(get("/templates/" + id + "/overlay.png").with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return ImageIO.read(new ByteArrayInputStream(png));
	}

	private static Color color(BufferedImage image, double x, double y) {
		return new Color(image.getRGB((int) Math.round(x), (int) Math.round(y)));
	}

}
