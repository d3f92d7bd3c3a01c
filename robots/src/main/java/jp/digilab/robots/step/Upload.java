package jp.digilab.robots.step;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code upload: {into: SELECTOR, file: PATH}}: choose a file in a file input (a relative
 * path is taken from the script's folder).
 */
public record Upload(int line, String into, String file) implements Step {

	@Override
	public String name() {
		return "upload";
	}

	@Override
	public String describe() {
		return "upload " + this.file + " into " + this.into;
	}

	@Override
	public void run(StepContext ctx) {
		Path path = ctx.scriptDir().resolve(ctx.resolve(this.file)).toAbsolutePath().normalize();
		if (!Files.isRegularFile(path)) {
			throw new StepException(ctx.mask("no file " + path));
		}
		ctx.element(this.into, false).sendKeys(path.toString());
	}

	@Override
	public List<String> selectors() {
		return List.of(this.into);
	}

	@Override
	public List<String> texts() {
		return List.of(this.file);
	}

}
