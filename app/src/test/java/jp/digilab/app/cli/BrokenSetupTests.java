package jp.digilab.app.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broken setup fails with one line naming the problem and the fix, exit code 2, and no
 * stack trace. Each case runs the real command line in its own JVM with a broken
 * environment.
 */
class BrokenSetupTests {

	@TempDir
	Path tmp;

	@Test
	void missingTesseractLanguageData() throws Exception {
		Path scan = Files.writeString(this.tmp.resolve("scan.png"), "not used");
		Result result = run(Map.of("TESSDATA_PREFIX", this.tmp.resolve("no-tessdata").toString()), "ocr",
				scan.toString(), "--template",
				Path.of("../samples/home/templates/juminhyo-request.yml").toAbsolutePath().toString());
		assertThat(result.exit).isEqualTo(2);
		assertThat(result.errLines()).singleElement().asString().contains("jpn").contains("tesseract-ocr-jpn");
	}

	@Test
	void noChromium() throws Exception {
		Result result = run(Map.of("DIGILAB_CHROMIUM", "/nonexistent/chromium", "DIGILAB_LANG", "en"), "run",
				"juminhyo", "--home", Path.of("../samples/home").toAbsolutePath().toString());
		assertThat(result.exit).isEqualTo(2);
		assertThat(result.errLines()).singleElement()
			.asString()
			.contains("Chromium not found")
			.contains("apt-get install chromium");
	}

	@Test
	void homeFolderThatCannotBeUsed() throws Exception {
		Path notAFolder = Files.writeString(this.tmp.resolve("home"), "a file, not a folder");
		Result result = run(Map.of(), "report", "--home", notAFolder.toString());
		assertThat(result.exit).isEqualTo(2);
		assertThat(result.errLines()).singleElement().asString().contains("ホームフォルダ").contains(notAFolder.toString());
	}

	@Test
	void unknownJobIsAOneLineUsageError() throws Exception {
		Result result = run(Map.of("DIGILAB_LANG", "en"), "run", "no-such-job", "--home",
				Path.of("../samples/home").toAbsolutePath().toString());
		assertThat(result.exit).isEqualTo(2);
		assertThat(result.errLines()).singleElement().asString().contains("no-such-job");
	}

	record Result(int exit, String out, String err) {

		List<String> errLines() {
			return this.err.lines().filter((l) -> !l.isBlank()).toList();
		}

	}

	private Result run(Map<String, String> env, String... args) throws Exception {
		return run(this.tmp, env, args);
	}

	/**
	 * Run the real command line in its own JVM (the test classpath, which has no logging
	 * configuration for the app, as the application jar has none), in a folder.
	 */
	static Result run(Path dir, Map<String, String> env, String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), Main.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
		builder.environment().putAll(env);
		builder.redirectOutput(dir.resolve("out.txt").toFile());
		builder.redirectError(dir.resolve("err.txt").toFile());
		Process process = builder.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
				Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
	}

	static final class Main {

		static String getName() {
			return "jp.digilab.app.Main";
		}

	}

}
