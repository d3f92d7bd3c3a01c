package jp.digilab.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import jp.digilab.robots.browser.ChromiumLauncher;

/**
 * Checks the machine's prerequisites from inside the engine, so that a broken setup fails
 * with one line naming the problem and the fix (exit 2) instead of a stack trace. The
 * launcher installs them; these checks catch what changed since or what an override
 * broke.
 */
final class Checks {

	private Checks() {
	}

	static Path tessdata() {
		String prefix = System.getenv("TESSDATA_PREFIX");
		Path dir = Path.of((prefix != null && !prefix.isBlank()) ? prefix : "/usr/share/tesseract-ocr/5/tessdata");
		return dir;
	}

	static void ocr(String languages) {
		Path dir = tessdata();
		for (String lang : languages.split("\\+")) {
			if (!Files.isRegularFile(dir.resolve(lang + ".traineddata"))) {
				throw new CliException(2, Messages.get("check.tessdata", lang, dir));
			}
		}
	}

	static void browser() {
		String chromium = ChromiumLauncher.chromium(System.getenv());
		String driver = envOr("DIGILAB_CHROMEDRIVER", "/usr/bin/chromedriver");
		if (!Files.isExecutable(Path.of(chromium))) {
			throw new CliException(2, Messages.get("check.chromium", chromium));
		}
		if (!Files.isExecutable(Path.of(driver))) {
			throw new CliException(2, Messages.get("check.chromedriver", driver));
		}
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
