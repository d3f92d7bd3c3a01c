package jp.digilab.ocr;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code ocr --json} output: one JSON object per file.
 */
public final class OcrJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private OcrJson() {
	}

	/**
	 * Write a result as the BRIEF.md JSON.
	 * @param result the result
	 * @return one JSON object on one line
	 */
	public static String write(ScanResult result) {
		return MAPPER.writeValueAsString(tree(result));
	}

	/**
	 * The JSON tree of a result.
	 * @param result the result
	 * @return the tree
	 */
	public static ObjectNode tree(ScanResult result) {
		ObjectNode root = MAPPER.createObjectNode();
		root.put("file", result.file());
		ArrayNode documents = root.putArray("documents");
		for (DocumentResult document : result.documents()) {
			ObjectNode d = documents.addObject();
			ArrayNode pages = d.putArray("pages");
			document.pages().forEach(pages::add);
			d.put("template", document.template());
			d.put("needsReview", document.needsReview());
			ObjectNode fields = d.putObject("fields");
			for (Map.Entry<String, FieldResult> e : document.fields().entrySet()) {
				FieldResult field = e.getValue();
				ObjectNode f = fields.putObject(e.getKey());
				f.put("value", field.value());
				f.put("raw", field.raw());
				f.put("confidence", Math.round(field.confidence() * 100) / 100.0);
				f.put("valid", field.valid());
				ArrayNode reasons = f.putArray("reasons");
				field.reasons().forEach(reasons::add);
				f.put("page", field.page());
				ArrayNode box = f.putArray("box");
				for (double v : field.box()) {
					if (v == Math.rint(v) && Math.abs(v) < 1e9) {
						box.add((long) v);
					}
					else {
						box.add(v);
					}
				}
			}
		}
		ArrayNode errors = root.putArray("errors");
		result.errors().forEach(errors::add);
		return root;
	}

}
