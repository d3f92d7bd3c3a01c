package jp.digilab.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;

import jp.digilab.jobs.home.DigilabHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * On the first start of the console (no users yet) creates the user {@code admin} with a
 * random password, writes it to {@code HOME/admin-password.txt} (readable by the owner
 * only) and prints it once on the console. There is no default password.
 */
class FirstAdministrator implements ApplicationRunner {

	static final String USERNAME = "admin";

	static final String FILE = "admin-password.txt";

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final ConsoleUsers users;

	private final PasswordEncoder encoder;

	private final DigilabHome home;

	FirstAdministrator(ConsoleUsers users, PasswordEncoder encoder, DigilabHome home) {
		this.users = users;
		this.encoder = encoder;
		this.home = home;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.count() > 0) {
			return;
		}
		String password = randomPassword();
		Path file = this.home.root().resolve(FILE);
		// written aside first: with several nodes starting at once on an empty database,
		// only the node whose insert wins may put its password in the file
		Path pending = file.resolveSibling("." + FILE + ".pending-" + ProcessHandle.current().pid());
		write(pending, password);
		try {
			this.users.create(USERNAME, this.encoder.encode(password), "Administrator", null, EnumSet.of(Role.ADMIN));
			Files.move(pending, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (DuplicateKeyException ex) {
			deleteQuietly(pending);
			log.info("First administrator '{}' was created by another node", USERNAME);
			return;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
		// the password goes to the console only, not into the log file
		System.out.println("Digi-Lab console: first administrator created. User: " + USERNAME + "  Password: "
				+ password + "  (also in " + file + ")");
		log.warn("First administrator '{}' created; the password is in {}", USERNAME, file);
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", file, ex.toString());
		}
	}

	static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void write(Path file, String password) {
		String text = "# Digi-Lab console: first administrator. Log in, then keep this password safe and delete this file.\n"
				+ "username=" + USERNAME + "\npassword=" + password + "\n";
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.deleteIfExists(file);
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(file);
				file.toFile().setReadable(false, false);
				file.toFile().setReadable(true, true);
			}
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

}
