package jp.digilab.ocr.template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.digilab.ocr.field.FieldType;

/**
 * Reads a template file and checks it, pointing at the line of each mistake.
 */
final class TemplateParser {

	private static final Logger logger = LoggerFactory.getLogger(TemplateParser.class);

	private static final Set<String> TEMPLATE_KEYS = Set.of("id", "title", "paper", "languages", "reference", "match",
			"anchors", "fields", "review", "units", "description");

	private static final Set<String> FIELD_KEYS = Set.of("name", "label", "box", "type", "required", "pattern",
			"options", "whitelist", "minConfidence", "description");

	private static final double TOLERANCE_MM = 0.5;

	private final Path file;

	private Paper paper;

	private double[] extent;

	private TemplateParser(Path file) {
		this.file = file;
	}

	static FormTemplate parse(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new TemplateException(file, 0, "no such file");
		}
		return new TemplateParser(file).template(YamlNode.parse(file));
	}

	private FormTemplate template(YamlNode root) {
		Map<String, YamlNode> map = root.map("a template");
		warnUnknown(map, TEMPLATE_KEYS, "template");
		String id = requiredText(root, map, "id");
		if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
			throw map.get("id").error("id must be letters, digits, '.', '_' or '-': '" + id + "'");
		}
		String title = optionalText(map, "title", id);
		this.paper = paper(map.get("paper"));
		String languages = optionalText(map, "languages", "jpn+eng");
		String reference = optionalText(map, "reference", null);
		String units = optionalText(map, "units", "mm");
		if (!units.equals("mm") && !units.equals("px")) {
			throw map.get("units").error("units must be mm or px, not '" + units + "'");
		}
		this.extent = extent(units, reference, map.get("reference"));
		Match match = match(map.get("match"));
		List<Anchor> anchors = new ArrayList<>();
		if (map.containsKey("anchors")) {
			for (YamlNode node : map.get("anchors").list("anchors")) {
				Map<String, YamlNode> a = node.map("an anchor");
				anchors.add(new Anchor(requiredText(node, a, "text"), box(node, a.get("box"), "anchor box")));
			}
		}
		if (!map.containsKey("fields")) {
			throw root.error("a template needs fields");
		}
		List<FieldSpec> fields = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (YamlNode node : map.get("fields").list("fields")) {
			FieldSpec field = field(node);
			if (!names.add(field.name())) {
				throw node.error("duplicate field name '" + field.name() + "'");
			}
			fields.add(field);
		}
		if (fields.isEmpty()) {
			throw map.get("fields").error("a template needs at least one field");
		}
		Review review = new Review(null);
		if (map.containsKey("review") && !map.get("review").isNull()) {
			Map<String, YamlNode> r = map.get("review").map("review");
			review = new Review(confidence(r.get("minConfidence")));
		}
		return new FormTemplate(id, title, this.paper, languages, reference, match, anchors, fields, review, units,
				this.file);
	}

	private Paper paper(YamlNode node) {
		if (node == null || node.isNull()) {
			return Paper.A4;
		}
		if (node.isList()) {
			List<YamlNode> size = node.list("paper");
			if (size.size() != 2) {
				throw node.error("paper must be a name or [width_mm, height_mm]");
			}
			double w = size.get(0).number("paper width");
			double h = size.get(1).number("paper height");
			if (w <= 0 || h <= 0 || w > 2000 || h > 2000) {
				throw node.error("paper size out of range: " + w + " x " + h + " mm");
			}
			return new Paper("custom", w, h);
		}
		String name = node.text("paper");
		Paper named = Paper.named(name);
		if (named == null) {
			throw node.error("unknown paper '" + name + "' (A4, A3, B4, B5, Letter or [width_mm, height_mm])");
		}
		return named;
	}

	private double[] extent(String units, String reference, YamlNode node) {
		if (units.equals("mm")) {
			return new double[] { this.paper.width(), this.paper.height() };
		}
		if (reference == null) {
			throw new TemplateException(this.file, 0, "units: px needs a reference image");
		}
		Path image = this.file.toAbsolutePath().getParent().resolve(reference);
		java.awt.Dimension size = ReferenceImages.size(image);
		if (size == null) {
			throw node.error("cannot read the reference image " + image);
		}
		return new double[] { size.width, size.height };
	}

	private Match match(YamlNode node) {
		List<String> keywords = new ArrayList<>();
		if (node != null && !node.isNull()) {
			Map<String, YamlNode> m = node.map("match");
			if (m.containsKey("keywords")) {
				for (YamlNode k : m.get("keywords").list("match.keywords")) {
					keywords.add(k.text("a keyword"));
				}
			}
		}
		return new Match(keywords);
	}

	private FieldSpec field(YamlNode node) {
		Map<String, YamlNode> f = node.map("a field");
		warnUnknown(f, FIELD_KEYS, "field");
		String name = requiredText(node, f, "name");
		String typeName = optionalText(f, "type", "text");
		FieldType type = FieldType.of(typeName)
			.orElseThrow(() -> at(f, "type", node)
				.error("unknown field type '" + typeName + "' (one of " + FieldType.names() + ")"));
		double[] box = box(node, f.get("box"), "box of field '" + name + "'");
		boolean required = f.containsKey("required") && f.get("required").bool("required");
		String pattern = optionalText(f, "pattern", null);
		if (pattern != null) {
			try {
				Pattern.compile(pattern);
			}
			catch (PatternSyntaxException ex) {
				throw f.get("pattern").error("bad pattern: " + ex.getDescription());
			}
		}
		List<ChoiceOption> options = options(f.get("options"));
		if (type == FieldType.CHOICE && options.isEmpty()) {
			throw node.error("choice field '" + name + "' needs options");
		}
		return new FieldSpec(name, optionalText(f, "label", name), box, type.id(), required, pattern, options,
				optionalText(f, "whitelist", null), confidence(f.get("minConfidence")));
	}

	private List<ChoiceOption> options(YamlNode node) {
		List<ChoiceOption> options = new ArrayList<>();
		if (node == null || node.isNull()) {
			return options;
		}
		if (node.isMap()) {
			for (Map.Entry<String, YamlNode> e : node.map("options").entrySet()) {
				options.add(new ChoiceOption(e.getKey(), e.getKey(), box(e.getValue(), e.getValue(), "option box")));
			}
			return options;
		}
		for (YamlNode o : node.list("options")) {
			if (!o.isMap()) {
				String value = o.text("an option");
				options.add(new ChoiceOption(value, value, null));
				continue;
			}
			Map<String, YamlNode> m = o.map("an option");
			String value = optionalText(m, "value", optionalText(m, "label", optionalText(m, "text", null)));
			if (value == null) {
				throw o.error("an option needs a value");
			}
			double[] box = m.containsKey("box") ? box(o, m.get("box"), "option box") : null;
			options.add(new ChoiceOption(value, optionalText(m, "label", value), box));
		}
		return options;
	}

	private double[] box(YamlNode owner, YamlNode node, String what) {
		if (node == null) {
			throw owner.error(what + " is missing");
		}
		List<YamlNode> values = node.list(what);
		if (values.size() != 4) {
			throw node.error(what + " must be [x, y, width, height]");
		}
		double[] box = new double[4];
		for (int i = 0; i < 4; i++) {
			box[i] = values.get(i).number(what);
		}
		double tolerance = "custom".equals(this.paper.name()) || this.extent[0] == this.paper.width() ? TOLERANCE_MM
				: 2;
		if (box[2] <= 0 || box[3] <= 0) {
			throw node.error(what + " must have a positive width and height");
		}
		if (box[0] < -tolerance || box[1] < -tolerance || box[0] + box[2] > this.extent[0] + tolerance
				|| box[1] + box[3] > this.extent[1] + tolerance) {
			throw node.error(what + " " + format(box) + " lies outside the paper (" + fmt(this.extent[0]) + " x "
					+ fmt(this.extent[1]) + ")");
		}
		return box;
	}

	private Double confidence(YamlNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		double value = node.number("minConfidence");
		if (value < 0 || value > 1) {
			throw node.error("minConfidence must be between 0 and 1");
		}
		return value;
	}

	private static YamlNode at(Map<String, YamlNode> map, String key, YamlNode fallback) {
		return map.containsKey(key) ? map.get(key) : fallback;
	}

	private static String requiredText(YamlNode owner, Map<String, YamlNode> map, String key) {
		YamlNode node = map.get(key);
		if (node == null || node.isNull() || node.text(key).isBlank()) {
			throw owner.error("'" + key + "' is missing");
		}
		return node.text(key).strip();
	}

	private static String optionalText(Map<String, YamlNode> map, String key, String fallback) {
		YamlNode node = map.get(key);
		return (node == null || node.isNull()) ? fallback : node.text(key);
	}

	private void warnUnknown(Map<String, YamlNode> map, Set<String> known, String what) {
		for (Map.Entry<String, YamlNode> e : map.entrySet()) {
			if (!known.contains(e.getKey())) {
				logger.warn("{}:{}: unknown {} key '{}' ignored", this.file, e.getValue().line(), what, e.getKey());
			}
		}
	}

	private static String format(double[] box) {
		return "[" + fmt(box[0]) + ", " + fmt(box[1]) + ", " + fmt(box[2]) + ", " + fmt(box[3]) + "]";
	}

	private static String fmt(double v) {
		return (v == Math.rint(v)) ? String.valueOf((long) v) : String.valueOf(v);
	}

}
