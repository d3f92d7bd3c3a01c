package jp.digilab.schedules.definition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.quartz.CronExpression;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads schedule files ({@code schedules/ID.yml}). Each unusable file gives one line
 * naming the file, the line when known, and what is wrong.
 */
public class ScheduleLoader {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private static final String SUFFIX = ".yml";

	private final Path folder;

	private final Path jobsFolder;

	/**
	 * @param folder the schedules folder
	 * @param jobsFolder the job definitions folder, to check that a schedule's job
	 * exists; or {@code null} not to check
	 */
	public ScheduleLoader(Path folder, Path jobsFolder) {
		this.folder = folder;
		this.jobsFolder = jobsFolder;
	}

	/**
	 * The loader of a home folder: {@code HOME/schedules}, jobs checked in
	 * {@code HOME/jobs}.
	 */
	public static ScheduleLoader forHome(Path home) {
		return new ScheduleLoader(home.resolve("schedules"), home.resolve("jobs"));
	}

	public Path folder() {
		return this.folder;
	}

	/** Every schedule file of the folder (none if it does not exist), in name order. */
	public List<Path> files() throws IOException {
		if (!Files.isDirectory(this.folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.folder)) {
			return files.filter(ScheduleLoader::isScheduleFile).sorted().toList();
		}
	}

	/**
	 * The job definition files' names, when jobs are checked; the reload watches them
	 * too.
	 */
	public List<String> jobFileNames() throws IOException {
		if (this.jobsFolder == null || !Files.isDirectory(this.jobsFolder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.jobsFolder)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	/** Reads every file; unusable ones become problems, the others schedules. */
	public ScheduleFiles loadAll() {
		List<ScheduleDefinition> schedules = new ArrayList<>();
		List<ScheduleProblem> problems = new ArrayList<>();
		Set<String> ids = new LinkedHashSet<>();
		List<Path> files;
		try {
			files = files();
		}
		catch (IOException ex) {
			problems.add(new ScheduleProblem("", this.folder, this.folder + ": cannot list the folder: " + ex));
			return new ScheduleFiles(schedules, problems, ids, this.folder, false);
		}
		for (Path file : files) {
			ids.add(idOf(file));
			try {
				schedules.add(load(file));
			}
			catch (ScheduleException ex) {
				problems.add(new ScheduleProblem(idOf(file), file, ex.getMessage()));
			}
		}
		return new ScheduleFiles(schedules, problems, ids, this.folder, true);
	}

	/** Reads and checks one file. */
	public ScheduleDefinition load(Path file) {
		String text;
		try {
			text = Files.readString(file);
		}
		catch (IOException ex) {
			throw new ScheduleException(file + ": cannot read the file: " + ex, ex);
		}
		ScheduleYaml yaml = parse(file, text);
		if (yaml == null) {
			throw new ScheduleException(file + ": the file is empty");
		}
		String id = required(file, text, "id", yaml.id());
		if (!id.equals(idOf(file))) {
			throw problem(file, text, "id", "id '" + id + "' does not match the file name '" + idOf(file) + "'");
		}
		String job = required(file, text, "job", yaml.job());
		if (this.jobsFolder != null && !Files.isRegularFile(this.jobsFolder.resolve(job + SUFFIX))) {
			throw problem(file, text, "job",
					"job '" + job + "' is not defined (" + this.jobsFolder.resolve(job + SUFFIX) + " does not exist)");
		}
		String cron = required(file, text, "cron", yaml.cron()).trim();
		ZoneId zone = zone(file, text, yaml.timeZone());
		checkCron(file, text, cron, zone);
		Misfire misfire = Misfire.RUN_ONCE;
		if (yaml.misfire() != null) {
			misfire = Misfire.of(yaml.misfire().trim())
				.orElseThrow(() -> problem(file, text, "misfire",
						"misfire '" + yaml.misfire() + "' is not one of run-once, skip"));
		}
		boolean skipHolidays = Boolean.TRUE.equals(yaml.skipHolidays());
		return new ScheduleDefinition(id, job, cron, zone, skipHolidays, misfire);
	}

	private static ScheduleYaml parse(Path file, String text) {
		try {
			return YAML.readValue(text, ScheduleYaml.class);
		}
		catch (UnrecognizedPropertyException ex) {
			String key = ex.getPropertyName();
			throw new ScheduleException(
					file + lineOf(text, key) + ": unknown key '" + key + "' (known keys: " + ScheduleYaml.KEYS + ")",
					ex);
		}
		catch (MismatchedInputException ex) {
			if (ex.getPath().isEmpty()) {
				boolean empty = ex.getCurrentToken() == null;
				throw new ScheduleException(file
						+ (empty ? ": the file is empty" : line(ex) + ": expected keys such as " + ScheduleYaml.KEYS),
						ex);
			}
			String key = ex.getPath().get(0).getPropertyName();
			throw new ScheduleException(
					file + lineOf(text, key) + ": bad value for '" + key + "'" + expected(ex.getTargetType()), ex);
		}
		catch (JacksonException ex) {
			throw new ScheduleException(file + line(ex) + ": bad YAML: " + firstLine(ex.getOriginalMessage()), ex);
		}
	}

	private static String required(Path file, String text, String key, String value) {
		if (value == null || value.isBlank()) {
			throw problem(file, text, key, "'" + key + "' is missing");
		}
		return value;
	}

	private static ZoneId zone(Path file, String text, String timeZone) {
		if (timeZone == null) {
			return ScheduleDefinition.DEFAULT_TIME_ZONE;
		}
		try {
			return ZoneId.of(timeZone.trim());
		}
		catch (DateTimeException ex) {
			throw problem(file, text, "timeZone",
					"unknown time zone '" + timeZone + "' (use a region such as Asia/Tokyo)");
		}
	}

	private static void checkCron(Path file, String text, String cron, ZoneId zone) {
		CronExpression expression;
		try {
			expression = new CronExpression(cron);
		}
		catch (ParseException ex) {
			throw problem(file, text, "cron", "invalid Quartz cron '" + cron + "': " + firstLine(ex.getMessage())
					+ " (format: seconds minutes hours day-of-month month day-of-week [year])");
		}
		expression.setTimeZone(TimeZone.getTimeZone(zone));
		if (expression.getNextValidTimeAfter(new Date()) == null) {
			throw problem(file, text, "cron", "cron '" + cron + "' never fires again");
		}
	}

	private static ScheduleException problem(Path file, String text, String key, String message) {
		return new ScheduleException(file + lineOf(text, key) + ": " + message);
	}

	/** " line N" for the top-level key, or nothing if it is not written in the file. */
	private static String lineOf(String text, String key) {
		Pattern pattern = Pattern.compile("^\\s*\"?" + Pattern.quote(key) + "\"?\\s*:");
		String[] lines = text.split("\\R", -1);
		for (int i = 0; i < lines.length; i++) {
			if (pattern.matcher(lines[i]).find()) {
				return " line " + (i + 1);
			}
		}
		return "";
	}

	private static String line(JacksonException ex) {
		return (ex.getLocation() != null && ex.getLocation().getLineNr() > 0) ? " line " + ex.getLocation().getLineNr()
				: "";
	}

	private static String expected(Class<?> type) {
		if (type == Boolean.class || type == boolean.class) {
			return " (expected true or false)";
		}
		return (type == String.class) ? " (expected a single value)" : "";
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		String line = message.strip().lines().findFirst().orElse("");
		return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
	}

	private static boolean isScheduleFile(Path file) {
		String name = file.getFileName().toString();
		return name.endsWith(SUFFIX) && !name.startsWith(".") && Files.isRegularFile(file);
	}

	static String idOf(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.length() - SUFFIX.length());
	}

}
