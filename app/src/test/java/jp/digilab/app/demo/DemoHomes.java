package jp.digilab.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh copies of the sample home for tests. */
public final class DemoHomes {

	public static final Path SAMPLES = Path.of("..", "samples", "home");

	private DemoHomes() {
	}

	public static Path freshCopy() {
		try {
			Path home = Files.createTempDirectory("digilab-home").resolve("home");
			Demo.prepareHome(SAMPLES, home);
			return home;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
