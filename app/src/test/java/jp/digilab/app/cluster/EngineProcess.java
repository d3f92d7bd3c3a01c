package jp.digilab.app.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.digilab.app.Main;

/**
 * The engine's command line ({@link Main}) in a JVM of its own, started from the test
 * class path, so that a test can kill it with {@code kill -9} (and the browsers it
 * started with it) as a crash would.
 */
final class EngineProcess implements AutoCloseable {

	private final Process process;

	private final Path output;

	private final String name;

	private EngineProcess(String name, Process process, Path output) {
		this.name = name;
		this.process = process;
		this.output = output;
	}

	/**
	 * Starts {@code Main args…} with the given environment added (a null value removes a
	 * variable); stdout and stderr go to {@code output}.
	 */
	static EngineProcess start(String name, Path output, Map<String, String> env, String... args) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp", classPath(),
						Main.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().put("OMP_THREAD_LIMIT", "1");
		builder.environment().put("DIGILAB_LANG", "en");
		builder.environment().remove("DIGILAB_DB_URL");
		env.forEach((key, value) -> {
			if (value == null) {
				builder.environment().remove(key);
			}
			else {
				builder.environment().put(key, value);
			}
		});
		try {
			return new EngineProcess(name, builder.start(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Surefire runs tests from a manifest-only jar; the real class path is here. */
	private static String classPath() {
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	String output() {
		try {
			return Files.exists(this.output) ? Files.readString(this.output, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * The last progress count printed for a stage label ({@code Reading}, {@code Entry}),
	 * or -1.
	 */
	int progress(String label) {
		Matcher matcher = Pattern.compile("(?m)^" + label + "\\s+(\\d+)/(\\d+)").matcher(output());
		int last = -1;
		while (matcher.find()) {
			last = Integer.parseInt(matcher.group(1));
		}
		return last;
	}

	/** Waits until the process prints a progress count of at least {@code count}. */
	void awaitProgress(String label, int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (progress(label) < count) {
			if (!this.process.isAlive()) {
				throw new AssertionError(this.name + " ended before " + label + " reached " + count + ":\n" + output());
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError(this.name + ": " + label + " did not reach " + count + ":\n" + output());
			}
			Thread.sleep(20);
		}
	}

	/**
	 * {@code kill -9}: the JVM gets no chance to clean up. The browsers and drivers it
	 * started would live on as orphans, so they are killed too, after it.
	 */
	void kill() throws InterruptedException {
		List<ProcessHandle> children = this.process.descendants().toList();
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
		for (ProcessHandle child : children) {
			child.destroyForcibly();
		}
	}

	/** Waits for the process to end on its own and returns its exit code. */
	int awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError(this.name + " did not end within " + timeout + ":\n" + output());
		}
		return this.process.exitValue();
	}

	/** A clean stop (SIGTERM), then kill -9 if it does not end. */
	@Override
	public void close() throws InterruptedException {
		if (!this.process.isAlive()) {
			return;
		}
		List<ProcessHandle> children = this.process.descendants().toList();
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

}
