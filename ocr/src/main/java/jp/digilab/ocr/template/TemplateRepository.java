package jp.digilab.ocr.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The templates of a home folder (templates/*.yml), loaded and checked once.
 */
public final class TemplateRepository {

	private final Map<String, FormTemplate> templates;

	private TemplateRepository(Map<String, FormTemplate> templates) {
		this.templates = templates;
	}

	/**
	 * Load every {@code *.yml} / {@code *.yaml} file of a folder.
	 * @param templatesDir the folder; a missing folder gives an empty repository
	 * @return the repository
	 * @throws TemplateException when a file is not a valid template or two files share an
	 * id
	 */
	public static TemplateRepository load(Path templatesDir) {
		Map<String, FormTemplate> templates = new LinkedHashMap<>();
		if (!Files.isDirectory(templatesDir)) {
			return new TemplateRepository(templates);
		}
		List<Path> files;
		try (Stream<Path> list = Files.list(templatesDir)) {
			files = list.filter((p) -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
				.sorted(Comparator.comparing(Path::toString))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list templates in " + templatesDir, ex);
		}
		for (Path file : files) {
			FormTemplate template = FormTemplate.load(file);
			FormTemplate previous = templates.putIfAbsent(template.id(), template);
			if (previous != null) {
				throw new TemplateException(file, 0, TemplateReasons.ID_TAKEN.text(template.id(), previous.source()));
			}
		}
		return new TemplateRepository(templates);
	}

	/**
	 * Make a repository of templates already loaded.
	 * @param templates the templates
	 * @return the repository
	 */
	public static TemplateRepository of(List<FormTemplate> templates) {
		Map<String, FormTemplate> map = new LinkedHashMap<>();
		templates.forEach((t) -> map.put(t.id(), t));
		return new TemplateRepository(map);
	}

	public Optional<FormTemplate> find(String id) {
		return Optional.ofNullable(this.templates.get(id));
	}

	public List<FormTemplate> all() {
		return new ArrayList<>(this.templates.values());
	}

}
