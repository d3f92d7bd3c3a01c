package jp.digilab.robots.step;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * {@code screenshot: NAME}: save the browser's viewport as
 * {@code EVIDENCE/RECORD/NAME.png}.
 */
public record Screenshot(int line, String fileName) implements Step {

	@Override
	public String name() {
		return "screenshot";
	}

	@Override
	public String describe() {
		return "screenshot " + this.fileName;
	}

	@Override
	public void run(StepContext ctx) {
		String name = ctx.resolve(this.fileName).replaceAll("[\\\\/:*?\"<>|\\s]", "_");
		byte[] png = ((TakesScreenshot) ctx.driver()).getScreenshotAs(OutputType.BYTES);
		try {
			Files.write(ctx.evidenceDir().resolve(name.endsWith(".png") ? name : name + ".png"), png);
		}
		catch (IOException ex) {
			throw new StepException("cannot save screenshot: " + ex.getMessage());
		}
	}

	@Override
	public List<String> texts() {
		return List.of(this.fileName);
	}

}
