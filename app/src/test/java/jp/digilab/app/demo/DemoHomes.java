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

	/** Every home made in this JVM, so that the log scan knows their secrets. */
	private static final java.util.List<Path> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

	public static java.util.List<Path> created() {
		return java.util.List.copyOf(CREATED);
	}

	public static Path freshCopy() {
		try {
			Path home = Files.createTempDirectory("digilab-home").resolve("home");
			Demo.prepareHome(SAMPLES, home);
			CREATED.add(home);
			return home;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
