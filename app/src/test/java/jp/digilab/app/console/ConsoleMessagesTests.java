package jp.digilab.app.console;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every console text comes from the message bundles, in Japanese and in English: both
 * bundles have the same keys, every key a page names exists, and no page has text of its
 * own that Thymeleaf would not replace.
 */
class ConsoleMessagesTests {

	static final Path RESOURCES = Path.of("src", "main", "resources");

	static final Path PAGES = RESOURCES.resolve("templates");

	/** Text that is the same in every language. */
	static final Set<String> LANGUAGE_FREE = Set.of("xlsx", "csv", "#");

	/** An element's own text up to its first child, unless Thymeleaf replaces it. */
	static final Pattern ELEMENT_TEXT = Pattern.compile("<(\\w+)([^>]*)>([^<]+)<");

	static final Pattern LETTERS = Pattern.compile("[A-Za-z\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");

	/** A literal message key: #{console.x.y} or #{console.x.y(args)}. */
	static final Pattern KEY = Pattern.compile("#\\{([\\w.]+)[}(]");

	@Test
	void bothBundlesHaveTheSameKeys() throws IOException {
		Properties japanese = bundle("messages.properties");
		Properties english = bundle("messages_en.properties");
		assertThat(english.stringPropertyNames()).as("keys in messages.properties missing from messages_en")
			.containsAll(japanese.stringPropertyNames());
		assertThat(japanese.stringPropertyNames()).as("keys in messages_en.properties missing from messages")
			.containsAll(english.stringPropertyNames());
	}

	@Test
	void everyKeyAPageNamesExists() throws IOException {
		Properties japanese = bundle("messages.properties");
		List<String> missing = new ArrayList<>();
		for (Path page : pages()) {
			Matcher key = KEY.matcher(Files.readString(page));
			while (key.find()) {
				if (!japanese.containsKey(key.group(1))) {
					missing.add(PAGES.relativize(page) + ": " + key.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void noPageHasTextOfItsOwn() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path page : pages()) {
			String html = Files.readString(page);
			Matcher element = ELEMENT_TEXT.matcher(html);
			while (element.find()) {
				String tag = element.group(1);
				String attributes = element.group(2);
				String text = element.group(3).strip();
				boolean replaced = attributes.contains("th:text") || attributes.contains("th:utext")
						|| attributes.contains("th:replace");
				if (replaced || tag.equals("script") || tag.equals("style") || LANGUAGE_FREE.contains(text)
						|| !LETTERS.matcher(text).find()) {
					continue;
				}
				int line = html.substring(0, element.start()).split("\n", -1).length;
				found.add(PAGES.relativize(page) + ":" + line + ": " + text);
			}
		}
		assertThat(found).as("text not from the message bundles").isEmpty();
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static List<Path> pages() throws IOException {
		try (Stream<Path> files = Files.walk(PAGES)) {
			return files.filter((f) -> f.toString().endsWith(".html")).sorted().toList();
		}
	}

}
