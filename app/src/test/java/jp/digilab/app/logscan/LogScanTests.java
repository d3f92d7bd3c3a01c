package jp.digilab.app.logscan;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.digilab.app.demo.DemoHomes;
import jp.digilab.ocr.field.MyNumber;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test class of this module (see junit-platform.properties) and
 * reads every log line they wrote ({@link TestRunLog}): no secret used by the tests (the
 * legacy system's password and user of each home's {@code secrets.properties}, each first
 * administrator's password) and no My Number (any 12 digits with a valid check digit) may
 * appear in any of them.
 */
@Order(Integer.MAX_VALUE)
class LogScanTests {

	private static final Pattern TWELVE_DIGITS = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");

	@Test
	void noSecretAndNoMyNumberInAnyLogLineOfTheTestRun() throws IOException {
		assertThat(TestRunLog.FILE).exists();
		List<String> lines = Files.readAllLines(TestRunLog.FILE, StandardCharsets.UTF_8);
		assertThat(leaks(lines, secrets())).as("in %s", TestRunLog.FILE).isEmpty();
	}

	@Test
	void theScanFindsAPlantedSecretAndMyNumber() {
		String first11 = "12345678901";
		String myNumber = first11 + MyNumber.checkDigit(first11);
		assertThat(leaks(List.of("ok", "name " + myNumber + " x", "pw s3cr3t-value"), Set.of("s3cr3t-value")))
			.containsExactly("line 2: a My Number " + MyNumber.mask(myNumber), "line 3: a secret (12 characters)");
		// a 12-digit number whose check digit does not match is not a My Number
		assertThat(leaks(List.of(first11 + ((MyNumber.checkDigit(first11) + 1) % 10)), Set.of())).isEmpty();
	}

	static List<String> leaks(List<String> lines, Set<String> secrets) {
		List<String> leaks = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			for (String secret : secrets) {
				if (line.contains(secret)) {
					leaks.add("line " + (i + 1) + ": a secret (" + secret.length() + " characters)");
				}
			}
			Matcher digits = TWELVE_DIGITS.matcher(line);
			while (digits.find()) {
				String number = digits.group();
				if (MyNumber.checkDigit(number.substring(0, 11)) == number.charAt(11) - '0') {
					leaks.add("line " + (i + 1) + ": a My Number " + MyNumber.mask(number));
				}
			}
		}
		return leaks;
	}

	@Test
	void theScanIsNotEmpty() throws IOException {
		// the appender really captured this JVM's lines (at least this class's start)
		TestRunLog.install();
		org.slf4j.LoggerFactory.getLogger(LogScanTests.class).info("log scan: {} homes", DemoHomes.created().size());
		assertThat(Files.readString(TestRunLog.FILE)).contains("log scan: ");
	}

	/**
	 * The secrets of the homes made in this JVM: DemoHomes' copies, and any other home
	 * under the temporary folder written since the JVM started.
	 */
	private static Set<String> secrets() throws IOException {
		Set<Path> homes = new LinkedHashSet<>(DemoHomes.created());
		FileTime started = FileTime.fromMillis(ManagementFactory.getRuntimeMXBean().getStartTime());
		try (Stream<Path> files = Files.find(Path.of(System.getProperty("java.io.tmpdir")), 4,
				(p, a) -> (p.endsWith("secrets.properties") || p.endsWith("admin-password.txt"))
						&& a.lastModifiedTime().compareTo(started) >= 0)) {
			files.forEach((f) -> homes.add(f.getParent()));
		}
		catch (java.io.UncheckedIOException ex) {
			// a folder of another process that cannot be read: not one of ours
		}
		Set<String> secrets = new LinkedHashSet<>();
		for (Path home : homes) {
			for (String name : List.of("secrets.properties", "admin-password.txt")) {
				Path file = home.resolve(name);
				if (Files.isRegularFile(file)) {
					Properties properties = new Properties();
					try (var reader = Files.newBufferedReader(file)) {
						properties.load(reader);
					}
					properties.forEach((key, value) -> {
						if (!"username".equals(key) && String.valueOf(value).length() >= 8) {
							secrets.add(String.valueOf(value));
						}
					});
				}
			}
		}
		return secrets;
	}

}
