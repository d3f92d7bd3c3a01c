package jp.digilab.app.console.templates;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.digilab.ocr.template.FormTemplate;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The templates page: every template of the home, its fields, and its boxes drawn over
 * its reference image. Images are found by template id only — never by a path taken from
 * the request.
 */
@Controller
class TemplatesController {

	private final TemplateCatalog catalog;

	/**
	 * Rendered overlays by template id, kept while the files behind them are unchanged.
	 */
	private final Map<String, Overlay> overlays = new ConcurrentHashMap<>();

	TemplatesController(TemplateCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/templates")
	String list(Model model) {
		model.addAttribute("entries", this.catalog.all());
		return "templates/list";
	}

	@GetMapping("/templates/{id}")
	String detail(@PathVariable String id, Model model) {
		FormTemplate template = template(id);
		model.addAttribute("template", template);
		model.addAttribute("hasReference", this.catalog.reference(template).isPresent());
		Map<String, String> boxes = new LinkedHashMap<>();
		template.fields().forEach((f) -> boxes.put(f.name(), box(f.box())));
		model.addAttribute("boxes", boxes);
		return "templates/detail";
	}

	@GetMapping("/templates/{id}/overlay.png")
	ResponseEntity<byte[]> overlay(@PathVariable String id) throws IOException {
		FormTemplate template = template(id);
		Path reference = this.catalog.reference(template).orElse(null);
		String stamp = stamp(template.source()) + "/" + stamp(reference);
		Overlay cached = this.overlays.get(id);
		if (cached == null || !cached.stamp().equals(stamp)) {
			cached = new Overlay(stamp, TemplateOverlay.png(template, reference));
			this.overlays.put(id, cached);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(cached.png());
	}

	/** [x, y, width, height] as written in templates: 58, 163.5, 5, 5. */
	static String box(double[] box) {
		if (box == null) {
			return "";
		}
		return String.join(", ",
				Arrays.stream(box)
					.mapToObj((v) -> BigDecimal.valueOf(v).stripTrailingZeros().toPlainString())
					.toList());
	}

	private FormTemplate template(String id) {
		return this.catalog.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No template " + id));
	}

	private static String stamp(Path file) throws IOException {
		return (file != null && Files.isRegularFile(file)) ? file + "@" + Files.getLastModifiedTime(file).toMillis()
				: "-";
	}

	private record Overlay(String stamp, byte[] png) {
	}

}
