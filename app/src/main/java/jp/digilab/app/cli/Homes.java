package jp.digilab.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves and checks the home folder: {@code --home}, else DIGILAB_HOME, else
 * ./digilab-home.
 */
final class Homes {

	private Homes() {
	}

	static Path resolve(Path option) {
		if (option != null) {
			return option.toAbsolutePath().normalize();
		}
		String env = System.getenv("DIGILAB_HOME");
		return Path.of((env != null && !env.isBlank()) ? env : "digilab-home").toAbsolutePath().normalize();
	}

	/** Fails with exit code 2 and one line when the home folder cannot be used. */
	static Path checked(Path option) {
		Path home = resolve(option);
		if (!Files.isDirectory(home)) {
			throw new CliException(2, Messages.get("home.missing", home));
		}
		if (!Files.isReadable(home) || !Files.isExecutable(home)) {
			throw new CliException(2, Messages.get("home.unreadable", home));
		}
		return home;
	}

}
