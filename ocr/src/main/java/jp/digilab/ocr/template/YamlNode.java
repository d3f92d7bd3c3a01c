package jp.digilab.ocr.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML tree that remembers the line of every node, so that template errors can point at
 * it. Scalars keep their text; maps keep key order.
 */
final class YamlNode {

	private static final YAMLMapper MAPPER = YAMLMapper.builder().build();

	private final Path file;

	private final int line;

	private final Object value;

	private YamlNode(Path file, int line, Object value) {
		this.file = file;
		this.line = line;
		this.value = value;
	}

	/**
	 * The YAML parser's message on one line: its problem statements without the echoed
	 * source lines and carets under them ("while parsing a flow sequence; expected ',' or
	 * ']', but got :"). The file and line are given beside it.
	 */
	static String oneLine(String message) {
		if (message == null) {
			return "";
		}
		String[] lines = message.split("\\R");
		List<String> kept = new ArrayList<>();
		for (int i = 0; i + 1 < lines.length; i++) {
			// a statement is followed by its mark: " in reader, line 6, column 10:"
			if (!lines[i].isBlank() && lines[i + 1].strip().startsWith("in ")) {
				kept.add(lines[i].strip());
			}
		}
		return kept.isEmpty() ? lines[0].strip() : String.join("; ", kept);
	}

	static YamlNode parse(Path file) {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				JsonParser parser = MAPPER.createParser(reader)) {
			JsonToken token = parser.nextToken();
			if (token == null) {
				throw new TemplateException(file, 0, TemplateReasons.FILE_EMPTY.text());
			}
			return read(file, parser, token);
		}
		catch (JacksonException ex) {
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : 0;
			throw new TemplateException(file, line, TemplateReasons.YAML_ERROR.text(oneLine(ex.getOriginalMessage())),
					ex);
		}
		catch (IOException ex) {
			throw new TemplateException(file, 0, TemplateReasons.CANNOT_READ.text(ex.getMessage()), ex);
		}
	}

	private static YamlNode read(Path file, JsonParser parser, JsonToken token) {
		int line = parser.currentTokenLocation().getLineNr();
		if (token == JsonToken.START_OBJECT) {
			Map<String, YamlNode> map = new LinkedHashMap<>();
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String key = parser.currentName();
				int keyLine = parser.currentTokenLocation().getLineNr();
				if (map.containsKey(key)) {
					throw new TemplateException(file, keyLine, TemplateReasons.DUPLICATE_KEY.text(key));
				}
				map.put(key, read(file, parser, parser.nextToken()));
			}
			return new YamlNode(file, line, map);
		}
		if (token == JsonToken.START_ARRAY) {
			List<YamlNode> list = new ArrayList<>();
			JsonToken next;
			while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
				list.add(read(file, parser, next));
			}
			return new YamlNode(file, line, list);
		}
		if (token == JsonToken.VALUE_NULL) {
			return new YamlNode(file, line, null);
		}
		return new YamlNode(file, line, parser.getString());
	}

	int line() {
		return this.line;
	}

	boolean isMap() {
		return this.value instanceof Map;
	}

	boolean isList() {
		return this.value instanceof List;
	}

	boolean isNull() {
		return this.value == null;
	}

	TemplateException error(String reason) {
		return new TemplateException(this.file, this.line, reason);
	}

	@SuppressWarnings("unchecked")
	Map<String, YamlNode> map(String what) {
		if (!isMap()) {
			throw error(TemplateReasons.NOT_A_MAPPING.text(what));
		}
		return (Map<String, YamlNode>) this.value;
	}

	@SuppressWarnings("unchecked")
	List<YamlNode> list(String what) {
		if (isNull()) {
			return List.of();
		}
		if (!isList()) {
			throw error(TemplateReasons.NOT_A_LIST.text(what));
		}
		return (List<YamlNode>) this.value;
	}

	String text(String what) {
		if (isMap() || isList()) {
			throw error(TemplateReasons.NOT_A_VALUE.text(what));
		}
		return (String) this.value;
	}

	double number(String what) {
		String text = text(what);
		try {
			return Double.parseDouble(text);
		}
		catch (NumberFormatException | NullPointerException ex) {
			throw error(TemplateReasons.NOT_A_NUMBER.text(what, text));
		}
	}

	boolean bool(String what) {
		String text = text(what);
		if ("true".equalsIgnoreCase(text) || "yes".equalsIgnoreCase(text)) {
			return true;
		}
		if ("false".equalsIgnoreCase(text) || "no".equalsIgnoreCase(text)) {
			return false;
		}
		throw error(TemplateReasons.NOT_A_BOOLEAN.text(what, text));
	}

}
