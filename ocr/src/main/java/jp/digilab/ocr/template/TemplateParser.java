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
			throw new TemplateException(file, 0, TemplateReasons.NO_SUCH_FILE.text());
		}
		return new TemplateParser(file).template(YamlNode.parse(file));
	}

	private FormTemplate template(YamlNode root) {
		Map<String, YamlNode> map = root.map(TemplateReasons.WHAT_TEMPLATE.text());
		warnUnknown(map, TEMPLATE_KEYS, TemplateReasons.UNKNOWN_TEMPLATE_KEY);
		String id = requiredText(root, map, "id");
		if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
			throw map.get("id").error(TemplateReasons.BAD_ID.text(id));
		}
		String title = optionalText(map, "title", id);
		this.paper = paper(map.get("paper"));
		String languages = optionalText(map, "languages", "jpn+eng");
		String reference = optionalText(map, "reference", null);
		String units = optionalText(map, "units", "mm");
		if (!units.equals("mm") && !units.equals("px")) {
			throw map.get("units").error(TemplateReasons.BAD_UNITS.text(units));
		}
		this.extent = extent(units, reference, map.get("reference"));
		Match match = match(map.get("match"));
		List<Anchor> anchors = new ArrayList<>();
		if (map.containsKey("anchors")) {
			for (YamlNode node : map.get("anchors").list("anchors")) {
				Map<String, YamlNode> a = node.map(TemplateReasons.WHAT_ANCHOR.text());
				warnUnknown(a, Set.of("text", "box"), TemplateReasons.UNKNOWN_ANCHOR_KEY);
				anchors.add(new Anchor(requiredText(node, a, "text"),
						box(node, a.get("box"), TemplateReasons.WHAT_ANCHOR_BOX.text())));
			}
		}
		if (!map.containsKey("fields")) {
			throw root.error(TemplateReasons.NO_FIELDS.text());
		}
		List<FieldSpec> fields = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (YamlNode node : map.get("fields").list("fields")) {
			FieldSpec field = field(node);
			if (!names.add(field.name())) {
				throw node.error(TemplateReasons.DUPLICATE_FIELD.text(field.name()));
			}
			fields.add(field);
		}
		if (fields.isEmpty()) {
			throw map.get("fields").error(TemplateReasons.NO_FIELD.text());
		}
		Review review = new Review(null);
		if (map.containsKey("review") && !map.get("review").isNull()) {
			Map<String, YamlNode> r = map.get("review").map("review");
			warnUnknown(r, Set.of("minConfidence"), TemplateReasons.UNKNOWN_REVIEW_KEY);
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
				throw node.error(TemplateReasons.PAPER_FORM.text());
			}
			double w = size.get(0).number(TemplateReasons.WHAT_PAPER_WIDTH.text());
			double h = size.get(1).number(TemplateReasons.WHAT_PAPER_HEIGHT.text());
			if (w <= 0 || h <= 0 || w > 2000 || h > 2000) {
				throw node.error(TemplateReasons.PAPER_RANGE.text(w, h));
			}
			return new Paper("custom", w, h);
		}
		String name = node.text("paper");
		Paper named = Paper.named(name);
		if (named == null) {
			throw node.error(TemplateReasons.UNKNOWN_PAPER.text(name));
		}
		return named;
	}

	private double[] extent(String units, String reference, YamlNode node) {
		if (units.equals("mm")) {
			return new double[] { this.paper.width(), this.paper.height() };
		}
		if (reference == null) {
			throw new TemplateException(this.file, 0, TemplateReasons.PX_WITHOUT_REFERENCE.text());
		}
		Path image = this.file.toAbsolutePath().getParent().resolve(reference);
		java.awt.Dimension size = ReferenceImages.size(image);
		if (size == null) {
			throw node.error(TemplateReasons.REFERENCE_UNREADABLE.text(image));
		}
		return new double[] { size.width, size.height };
	}

	private Match match(YamlNode node) {
		List<String> keywords = new ArrayList<>();
		if (node != null && !node.isNull()) {
			Map<String, YamlNode> m = node.map("match");
			// a misspelt key (keyword:) would silently leave the template without
			// keywords
			warnUnknown(m, Set.of("keywords"), TemplateReasons.UNKNOWN_MATCH_KEY);
			if (m.containsKey("keywords")) {
				for (YamlNode k : m.get("keywords").list("match.keywords")) {
					keywords.add(k.text(TemplateReasons.WHAT_KEYWORD.text()));
				}
			}
		}
		return new Match(keywords);
	}

	private FieldSpec field(YamlNode node) {
		Map<String, YamlNode> f = node.map(TemplateReasons.WHAT_FIELD.text());
		warnUnknown(f, FIELD_KEYS, TemplateReasons.UNKNOWN_FIELD_KEY);
		String name = requiredText(node, f, "name");
		String typeName = optionalText(f, "type", "text");
		FieldType type = FieldType.of(typeName)
			.orElseThrow(() -> at(f, "type", node)
				.error(TemplateReasons.UNKNOWN_FIELD_TYPE.text(typeName, FieldType.names())));
		double[] box = box(node, f.get("box"), TemplateReasons.WHAT_FIELD_BOX.text(name));
		boolean required = f.containsKey("required") && f.get("required").bool("required");
		String pattern = optionalText(f, "pattern", null);
		if (pattern != null) {
			try {
				Pattern.compile(pattern);
			}
			catch (PatternSyntaxException ex) {
				throw f.get("pattern").error(TemplateReasons.BAD_PATTERN.text(ex.getDescription()));
			}
		}
		List<ChoiceOption> options = options(f.get("options"));
		if (type == FieldType.CHOICE && options.isEmpty()) {
			throw node.error(TemplateReasons.CHOICE_WITHOUT_OPTIONS.text(name));
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
				options.add(new ChoiceOption(e.getKey(), e.getKey(),
						box(e.getValue(), e.getValue(), TemplateReasons.WHAT_OPTION_BOX.text())));
			}
			return options;
		}
		for (YamlNode o : node.list("options")) {
			if (!o.isMap()) {
				String value = o.text(TemplateReasons.WHAT_OPTION.text());
				options.add(new ChoiceOption(value, value, null));
				continue;
			}
			Map<String, YamlNode> m = o.map(TemplateReasons.WHAT_OPTION.text());
			warnUnknown(m, Set.of("value", "label", "text", "box"), TemplateReasons.UNKNOWN_OPTION_KEY);
			String value = optionalText(m, "value", optionalText(m, "label", optionalText(m, "text", null)));
			if (value == null) {
				throw o.error(TemplateReasons.OPTION_WITHOUT_VALUE.text());
			}
			double[] box = m.containsKey("box") ? box(o, m.get("box"), TemplateReasons.WHAT_OPTION_BOX.text()) : null;
			options.add(new ChoiceOption(value, optionalText(m, "label", value), box));
		}
		return options;
	}

	private double[] box(YamlNode owner, YamlNode node, String what) {
		if (node == null) {
			throw owner.error(TemplateReasons.MISSING.text(what));
		}
		List<YamlNode> values = node.list(what);
		if (values.size() != 4) {
			throw node.error(TemplateReasons.BOX_FORM.text(what));
		}
		double[] box = new double[4];
		for (int i = 0; i < 4; i++) {
			box[i] = values.get(i).number(what);
		}
		double tolerance = "custom".equals(this.paper.name()) || this.extent[0] == this.paper.width() ? TOLERANCE_MM
				: 2;
		if (box[2] <= 0 || box[3] <= 0) {
			throw node.error(TemplateReasons.BOX_EMPTY.text(what));
		}
		if (box[0] < -tolerance || box[1] < -tolerance || box[0] + box[2] > this.extent[0] + tolerance
				|| box[1] + box[3] > this.extent[1] + tolerance) {
			throw node
				.error(TemplateReasons.BOX_OUTSIDE.text(what, numbers(box), fmt(this.extent[0]), fmt(this.extent[1])));
		}
		return box;
	}

	private Double confidence(YamlNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		double value = node.number("minConfidence");
		if (value < 0 || value > 1) {
			throw node.error(TemplateReasons.CONFIDENCE_RANGE.text());
		}
		return value;
	}

	private static YamlNode at(Map<String, YamlNode> map, String key, YamlNode fallback) {
		return map.containsKey(key) ? map.get(key) : fallback;
	}

	private static String requiredText(YamlNode owner, Map<String, YamlNode> map, String key) {
		YamlNode node = map.get(key);
		if (node == null || node.isNull() || node.text(key).isBlank()) {
			throw owner.error(TemplateReasons.KEY_MISSING.text(key));
		}
		return node.text(key).strip();
	}

	private static String optionalText(Map<String, YamlNode> map, String key, String fallback) {
		YamlNode node = map.get(key);
		return (node == null || node.isNull()) ? fallback : node.text(key);
	}

	private void warnUnknown(Map<String, YamlNode> map, Set<String> known, TemplateReasons unknown) {
		for (Map.Entry<String, YamlNode> e : map.entrySet()) {
			if (!known.contains(e.getKey())) {
				logger.warn(TemplateReasons.AT_LINE.text(this.file, e.getValue().line(), unknown.text(e.getKey())));
			}
		}
	}

	private static String numbers(double[] box) {
		return fmt(box[0]) + ", " + fmt(box[1]) + ", " + fmt(box[2]) + ", " + fmt(box[3]);
	}

	private static String fmt(double v) {
		return (v == Math.rint(v)) ? String.valueOf((long) v) : String.valueOf(v);
	}

}
