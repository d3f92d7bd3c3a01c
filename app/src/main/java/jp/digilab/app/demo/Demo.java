package jp.digilab.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import jp.digilab.jobs.pipeline.PipelineService;
import jp.digilab.jobs.pipeline.RobotEnvironment;
import jp.digilab.jobs.pipeline.RunSummary;
import jp.digilab.samples.legacy.LegacySystem;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo: a fresh copy of the sample home, the sample legacy system started on a free
 * localhost port with a one-time password, and the sample job run through the whole
 * pipeline.
 */
public final class Demo {

	/** The sample job. */
	public static final String JOB = "juminhyo";

	/**
	 * Marks a folder as a demo home, so that only such a folder is ever wiped by the
	 * demo.
	 */
	static final String MARKER = ".digilab-demo";

	static final String LEGACY_USER = "digilab";

	private Demo() {
	}

	/** Copies the sample home into {@code home}, replacing an earlier demo home there. */
	public static void prepareHome(Path samples, Path home) {
		try {
			if (Files.exists(home)) {
				if (!Files.exists(home.resolve(MARKER))) {
					throw new IllegalStateException(home + " exists and is not a demo home; "
							+ "choose another folder with --home or remove it");
				}
				deleteTree(home);
			}
			copyTree(samples, home);
			Files.writeString(home.resolve(MARKER), "This folder is recreated by ./digilab demo\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the demo home " + home + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Starts the sample legacy system for {@code home} and stores its one-time
	 * credentials in the home's secrets file, readable by the owner only.
	 */
	public static LegacySystem startLegacySystem(Path home) throws IOException {
		byte[] random = new byte[12];
		new SecureRandom().nextBytes(random);
		String password = HexFormat.of().formatHex(random);
		Path secrets = home.resolve("secrets.properties");
		Files.writeString(secrets, "LEGACY_USER=" + LEGACY_USER + "\nLEGACY_PASSWORD=" + password + "\n");
		try {
			Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: nothing more to do
		}
		return LegacySystem.start(0, home.resolve("legacy-system"), LEGACY_USER, password);
	}

	/** Runs the sample job against a started legacy system. */
	public static RunSummary run(ConfigurableApplicationContext context, LegacySystem legacy) throws Exception {
		context.getBean(RobotEnvironment.class).put("LEGACY_URL", legacy.url().toString().replaceAll("/$", ""));
		return context.getBean(PipelineService.class).run(JOB, List.of());
	}

	static void copyTree(Path from, Path to) throws IOException {
		Files.walkFileTree(from, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				Files.createDirectories(to.resolve(from.relativize(dir).toString()));
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
				return FileVisitResult.CONTINUE;
			}
		});
	}

	static void deleteTree(Path root) throws IOException {
		Files.walkFileTree(root, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
				Files.delete(dir);
				return FileVisitResult.CONTINUE;
			}
		});
	}

}
