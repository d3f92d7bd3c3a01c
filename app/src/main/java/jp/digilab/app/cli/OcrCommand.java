package jp.digilab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.digilab.ocr.DocumentResult;
import jp.digilab.ocr.FieldResult;
import jp.digilab.ocr.FormReader;
import jp.digilab.ocr.OcrJson;
import jp.digilab.ocr.OcrSettings;
import jp.digilab.ocr.ScanResult;
import jp.digilab.ocr.template.FormTemplate;
import jp.digilab.ocr.template.TemplateRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ocr FILE… --template ID|PATH [--json]}: reads files with a template. No
 * database.
 */
@Command(name = "ocr", description = "read files with a template and print the fields")
class OcrCommand implements Callable<Integer> {

	@ParentCommand
	DigilabCommand parent;

	@Spec
	CommandSpec spec;

	@Parameters(arity = "1..*", paramLabel = "FILE")
	List<Path> files;

	@Option(names = "--template", required = true, paramLabel = "ID|PATH")
	String template;

	@Option(names = "--json", description = "print one JSON object per file (BRIEF.md format)")
	boolean json;

	@Override
	public Integer call() {
		FormTemplate form = resolveTemplate();
		Checks.ocr(form.languages());
		PrintWriter out = this.spec.commandLine().getOut();
		boolean problems = false;
		try (FormReader reader = new FormReader(OcrSettings.defaults())) {
			for (Path file : this.files) {
				ScanResult result = reader.read(file, List.of(form));
				problems |= !result.errors().isEmpty() || result.documents().isEmpty()
						|| result.documents().stream().anyMatch(DocumentResult::needsReview);
				if (this.json) {
					out.println(OcrJson.write(result));
				}
				else {
					printText(result, form, out);
				}
			}
		}
		out.flush();
		return problems ? 3 : 0;
	}

	private FormTemplate resolveTemplate() {
		Path path = Path.of(this.template);
		if (this.template.endsWith(".yml") || this.template.endsWith(".yaml") || Files.isRegularFile(path)) {
			if (!Files.isRegularFile(path)) {
				throw new CliException(2, Messages.get("ocr.template.missing", this.template));
			}
			return FormTemplate.load(path);
		}
		Path templates = Homes.resolve(this.parent.home).resolve("templates");
		// templates/ID.yml alone, as jobs find it: a mistake in another template of the
		// home must not stop this one being tried
		Path own = templates.resolve(this.template + ".yml");
		if (Files.isRegularFile(own)) {
			FormTemplate found = FormTemplate.load(own);
			if (found.id().equals(this.template)) {
				return found;
			}
		}
		return TemplateRepository.load(templates)
			.find(this.template)
			.orElseThrow(() -> new CliException(2, Messages.get("ocr.template.missing", this.template)));
	}

	private static void printText(ScanResult result, FormTemplate form, PrintWriter out) {
		out.println("== " + result.file());
		int n = 0;
		for (DocumentResult document : result.documents()) {
			out.println(Messages.get("ocr.document", ++n, document.template(), document.pages(),
					document.needsReview() ? Messages.get("ocr.needs.review") : Messages.get("ocr.ok")));
			for (Map.Entry<String, FieldResult> entry : document.fields().entrySet()) {
				FieldResult field = entry.getValue();
				String label = form.fields()
					.stream()
					.filter((f) -> f.name().equals(entry.getKey()))
					.map((f) -> f.label())
					.findFirst()
					.orElse(entry.getKey());
				out.printf("  %s %s  (%.2f)%s%n", SummaryPrinter.pad(label), field.value(), field.confidence(),
						field.valid() ? "" : "  ✗ " + Messages.reasons(field.reasons()));
			}
		}
		result.errors().forEach((e) -> out.println("  ! " + Messages.reason(e)));
	}

}
