package jp.digilab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jp.digilab.ocr.OcrSettings;
import jp.digilab.ocr.TemplateDrafter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code template draft IMAGE [--out FILE]}: a starting template from a blank form. */
@Command(name = "template", description = "form template tools", subcommands = TemplateCommand.Draft.class)
class TemplateCommand {

	@Command(name = "draft",
			description = "write a starting template from a blank form: every printed label an anchor, a field box beside it")
	static class Draft implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "IMAGE")
		Path image;

		@Option(names = "--out", paramLabel = "FILE", description = "where to write the template (default: print it)")
		Path out;

		@Option(names = "--id", description = "template id (default: the image's name)")
		String id;

		@Override
		public Integer call() throws Exception {
			if (!Files.isRegularFile(this.image)) {
				throw new CliException(2, Messages.get("run.file.unreadable", this.image));
			}
			Checks.ocr("jpn+eng");
			String id = (this.id != null) ? this.id : this.image.getFileName().toString().replaceFirst("\\.[^.]+$", "");
			String yaml = TemplateDrafter.draft(this.image, id, OcrSettings.defaults());
			PrintWriter out = this.spec.commandLine().getOut();
			if (this.out != null) {
				Files.writeString(this.out, yaml);
				out.println(Messages.get("template.draft.written", this.out.toAbsolutePath()));
			}
			else {
				out.print(yaml);
			}
			out.flush();
			return 0;
		}

	}

}
