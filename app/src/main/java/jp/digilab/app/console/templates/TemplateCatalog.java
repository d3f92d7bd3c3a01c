package jp.digilab.app.console.templates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.ocr.template.FormTemplate;
import jp.digilab.ocr.template.TemplateException;
import jp.digilab.ocr.template.TemplateReasons;

import org.springframework.stereotype.Component;

/**
 * The home's templates for the console, each file read on its own so that one broken file
 * shows its file, line and reason without hiding the others. Files are read again on
 * every call: staff edit them while the server runs.
 */
@Component
class TemplateCatalog {

	private final DigilabHome home;

	TemplateCatalog(DigilabHome home) {
		this.home = home;
	}

	/** Every {@code templates/*.yml}, valid or not, by file name. */
	List<Entry> all() {
		List<Entry> entries = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (Path file : files()) {
			String name = file.getFileName().toString();
			try {
				FormTemplate template = FormTemplate.load(file);
				if (!ids.add(template.id())) {
					entries.add(Entry.broken(name, 0, TemplateReasons.ID_USED.text(template.id())));
				}
				else {
					entries.add(new Entry(name, template, 0, null));
				}
			}
			catch (TemplateException ex) {
				entries.add(Entry.broken(name, ex.line(), reason(ex)));
			}
			catch (RuntimeException ex) {
				entries.add(Entry.broken(name, 0, ex.getMessage()));
			}
		}
		return entries;
	}

	/** A valid template by id; ids are looked up among the loaded templates only. */
	Optional<FormTemplate> find(String id) {
		return all().stream().filter((e) -> e.ok() && e.template().id().equals(id)).map(Entry::template).findFirst();
	}

	/**
	 * The template's reference image, if it has a readable one inside the templates
	 * folder: a {@code reference: ../../x.png} pointing elsewhere is not served.
	 */
	Optional<Path> reference(FormTemplate template) {
		Path path = template.referencePath();
		if (path == null) {
			return Optional.empty();
		}
		Path folder = this.home.templates().toAbsolutePath().normalize();
		Path normalized = path.toAbsolutePath().normalize();
		return (normalized.startsWith(folder) && Files.isRegularFile(normalized)) ? Optional.of(normalized)
				: Optional.empty();
	}

	private List<Path> files() {
		Path dir = this.home.templates();
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> list = Files.list(dir)) {
			return list.filter((p) -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	/**
	 * The reason of a template exception, without the "file:line: " its message starts
	 * with.
	 */
	static String reason(TemplateException ex) {
		String prefix = ex.file() + ((ex.line() > 0) ? ":" + ex.line() : "") + ": ";
		String message = ex.getMessage();
		return (message != null && message.startsWith(prefix)) ? message.substring(prefix.length()) : message;
	}

	/**
	 * One template file: the template, or why it cannot be used.
	 *
	 * @param file the file name in templates/
	 * @param template the template, or null when the file has an error
	 * @param line the line of the error (0: the whole file)
	 * @param error the reason, or null
	 */
	public record Entry(String file, FormTemplate template, int line, String error) {

		static Entry broken(String file, int line, String error) {
			return new Entry(file, null, line, error);
		}

		public boolean ok() {
			return this.error == null;
		}

	}

}
