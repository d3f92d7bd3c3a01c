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
			problems.add(new ScheduleProblem("", this.folder,
					ScheduleReasons.IN_FILE.text(this.folder, ScheduleReasons.CANNOT_LIST.text(ex))));
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
			throw new ScheduleException(inFile(file, ScheduleReasons.CANNOT_READ.text(ex)), ex);
		}
		ScheduleYaml yaml = parse(file, text);
		if (yaml == null) {
			throw new ScheduleException(inFile(file, ScheduleReasons.FILE_EMPTY.text()));
		}
		String id = required(file, text, "id", yaml.id());
		if (!id.equals(idOf(file))) {
			throw problem(file, text, "id", ScheduleReasons.ID_MISMATCH.text(id, idOf(file)));
		}
		String job = required(file, text, "job", yaml.job());
		if (this.jobsFolder != null && !Files.isRegularFile(this.jobsFolder.resolve(job + SUFFIX))) {
			throw problem(file, text, "job",
					ScheduleReasons.UNKNOWN_JOB.text(job, this.jobsFolder.resolve(job + SUFFIX)));
		}
		String cron = required(file, text, "cron", yaml.cron()).trim();
		ZoneId zone = zone(file, text, yaml.timeZone());
		checkCron(file, text, cron, zone);
		Misfire misfire = Misfire.RUN_ONCE;
		if (yaml.misfire() != null) {
			misfire = Misfire.of(yaml.misfire().trim())
				.orElseThrow(() -> problem(file, text, "misfire", ScheduleReasons.BAD_MISFIRE.text(yaml.misfire())));
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
					at(file, lineOf(text, key), ScheduleReasons.UNKNOWN_KEY.text(key, ScheduleYaml.KEYS)), ex);
		}
		catch (MismatchedInputException ex) {
			if (ex.getPath().isEmpty()) {
				boolean empty = ex.getCurrentToken() == null;
				throw new ScheduleException(empty ? inFile(file, ScheduleReasons.FILE_EMPTY.text())
						: at(file, line(ex), ScheduleReasons.NOT_A_MAPPING.text(ScheduleYaml.KEYS)), ex);
			}
			String key = ex.getPath().get(0).getPropertyName();
			throw new ScheduleException(at(file, lineOf(text, key), badValue(key, ex.getTargetType())), ex);
		}
		catch (JacksonException ex) {
			throw new ScheduleException(
					at(file, line(ex), ScheduleReasons.YAML_ERROR.text(firstLine(ex.getOriginalMessage()))), ex);
		}
	}

	private static String required(Path file, String text, String key, String value) {
		if (value == null || value.isBlank()) {
			throw problem(file, text, key, ScheduleReasons.KEY_MISSING.text(key));
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
			throw problem(file, text, "timeZone", ScheduleReasons.UNKNOWN_TIME_ZONE.text(timeZone));
		}
	}

	private static void checkCron(Path file, String text, String cron, ZoneId zone) {
		CronExpression expression;
		try {
			expression = new CronExpression(cron);
		}
		catch (ParseException ex) {
			throw problem(file, text, "cron", ScheduleReasons.BAD_CRON.text(cron, firstLine(ex.getMessage())));
		}
		expression.setTimeZone(TimeZone.getTimeZone(zone));
		if (expression.getNextValidTimeAfter(new Date()) == null) {
			throw problem(file, text, "cron", ScheduleReasons.CRON_NEVER_FIRES.text(cron));
		}
	}

	private static ScheduleException problem(Path file, String text, String key, String message) {
		return new ScheduleException(at(file, lineOf(text, key), message));
	}

	/** "FILE line N: reason", or "FILE: reason" when the line is not known (0). */
	private static String at(Path file, int line, String reason) {
		return (line > 0) ? ScheduleReasons.AT_LINE.text(file, line, reason) : inFile(file, reason);
	}

	private static String inFile(Path file, String reason) {
		return ScheduleReasons.IN_FILE.text(file, reason);
	}

	/** The line (1-based) of the top-level key, or 0 if it is not written in the file. */
	private static int lineOf(String text, String key) {
		Pattern pattern = Pattern.compile("^\\s*\"?" + Pattern.quote(key) + "\"?\\s*:");
		String[] lines = text.split("\\R", -1);
		for (int i = 0; i < lines.length; i++) {
			if (pattern.matcher(lines[i]).find()) {
				return i + 1;
			}
		}
		return 0;
	}

	private static int line(JacksonException ex) {
		return (ex.getLocation() != null && ex.getLocation().getLineNr() > 0) ? ex.getLocation().getLineNr() : 0;
	}

	private static String badValue(String key, Class<?> type) {
		if (type == Boolean.class || type == boolean.class) {
			return ScheduleReasons.BAD_BOOLEAN.text(key);
		}
		return (type == String.class) ? ScheduleReasons.BAD_SINGLE_VALUE.text(key)
				: ScheduleReasons.BAD_VALUE.text(key);
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
