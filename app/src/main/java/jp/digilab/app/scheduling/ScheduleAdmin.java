package jp.digilab.app.scheduling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;

import jp.digilab.app.runs.ConsoleProblem;
import jp.digilab.app.security.AuditLog;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.schedules.ScheduleOverview;
import jp.digilab.schedules.ScheduleRegistrar;
import jp.digilab.schedules.ScheduleService;
import jp.digilab.schedules.ScheduleStatus;
import jp.digilab.schedules.definition.Misfire;
import jp.digilab.schedules.definition.ScheduleDefinition;
import jp.digilab.schedules.definition.ScheduleException;
import jp.digilab.schedules.definition.ScheduleLoader;
import jp.digilab.schedules.definition.ScheduleReasons;
import org.quartz.CronExpression;
import org.quartz.SchedulerException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Schedules for the console and the API: the list with next fire times and Quartz state,
 * edits written back to {@code schedules/ID.yml} in the BRIEF's format (then the
 * registrar reloads), pause and resume. Every change is audited as a configuration change
 * (who, which schedule, which keys).
 */
@Service
public class ScheduleAdmin {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private final ScheduleService service;

	private final ObjectProvider<ScheduleRegistrar> registrar;

	private final DigilabHome home;

	private final AuditLog audit;

	public ScheduleAdmin(ScheduleService service, ObjectProvider<ScheduleRegistrar> registrar, DigilabHome home,
			AuditLog audit) {
		this.service = service;
		this.registrar = registrar;
		this.home = home;
		this.audit = audit;
	}

	/** What an edit changes; a null value leaves the key as it is. */
	public record Change(String cron, String timeZone, Boolean skipHolidays, String misfire) {
	}

	/** Every usable schedule, and one line for each file that is not. */
	public record Overview(List<ScheduleRow> schedules, List<String> problems, boolean schedulerRunning) {
	}

	public Overview overview(int next) {
		ScheduleOverview overview = this.service.overview(Instant.now(), Math.max(1, Math.min(next, 50)));
		List<ScheduleRow> rows = overview.schedules().stream().map(this::row).toList();
		List<String> problems = overview.problems().stream().map((p) -> p.message()).toList();
		return new Overview(rows, problems, this.registrar.getIfAvailable() != null);
	}

	public ScheduleRow get(String id, int next) {
		ConsoleProblem.checkedId(id, "schedule");
		return this.service.overview(Instant.now(), Math.max(1, Math.min(next, 50)))
			.schedules()
			.stream()
			.filter((s) -> s.schedule().id().equals(id))
			.findFirst()
			.map(this::row)
			.orElseThrow(() -> new ConsoleProblem(HttpStatus.NOT_FOUND, "console.error.schedule.unknown", id));
	}

	/**
	 * Checks the change, writes the file (keys in the BRIEF's order, the file's leading
	 * comment kept), and has the registrar apply it. A bad value is refused with one line
	 * and the file is left as it was.
	 */
	public ScheduleRow update(String id, Change change, String username) {
		Path file = file(id);
		Map<String, Object> current = current(file);
		String job = Objects.toString(current.get("job"), "");
		String cron = (change.cron() != null) ? change.cron().trim() : Objects.toString(current.get("cron"), "");
		String zoneText = (change.timeZone() != null && !change.timeZone().isBlank()) ? change.timeZone().trim()
				: Objects.toString(current.getOrDefault("timeZone", ScheduleDefinition.DEFAULT_TIME_ZONE.getId()));
		boolean skipHolidays = (change.skipHolidays() != null) ? change.skipHolidays()
				: Boolean.parseBoolean(Objects.toString(current.get("skipHolidays"), "false"));
		String misfireText = (change.misfire() != null && !change.misfire().isBlank()) ? change.misfire().trim()
				: Objects.toString(current.getOrDefault("misfire", Misfire.RUN_ONCE.value()));
		ZoneId zone = zone(zoneText);
		checkCron(cron, zone);
		Misfire misfire = Misfire.of(misfireText)
			.orElseThrow(() -> new ConsoleProblem(HttpStatus.UNPROCESSABLE_CONTENT, "console.error.schedule.misfire",
					misfireText));
		ScheduleDefinition edited = new ScheduleDefinition(id, job, cron, zone, skipHolidays, misfire);
		List<String> changed = changedKeys(current, edited);
		write(file, ScheduleFile.text(leadingComment(file), edited));
		reload(id);
		this.audit.record(username, "SCHEDULE_UPDATE", "schedule " + id,
				changed.isEmpty() ? "no change" : "changed: " + String.join(", ", changed));
		return get(id, 5);
	}

	public ScheduleRow pause(String id, String username) {
		control(id, true);
		this.audit.record(username, "SCHEDULE_PAUSE", "schedule " + id, null);
		return get(id, 5);
	}

	public ScheduleRow resume(String id, String username) {
		control(id, false);
		this.audit.record(username, "SCHEDULE_RESUME", "schedule " + id, null);
		return get(id, 5);
	}

	private void control(String id, boolean pause) {
		get(id, 1);
		ScheduleRegistrar running = this.registrar.getIfAvailable();
		if (running == null) {
			throw new ConsoleProblem(HttpStatus.CONFLICT, "console.error.schedule.noscheduler", id);
		}
		try {
			if (!(pause ? running.pause(id) : running.resume(id))) {
				throw new ConsoleProblem(HttpStatus.CONFLICT, "console.error.schedule.notregistered", id);
			}
		}
		catch (SchedulerException ex) {
			throw new ConsoleProblem(HttpStatus.SERVICE_UNAVAILABLE, "console.error.schedule.quartz", id,
					ex.getMessage());
		}
	}

	private ScheduleRow row(ScheduleStatus status) {
		ScheduleDefinition s = status.schedule();
		String state = "NONE";
		ScheduleRegistrar running = this.registrar.getIfAvailable();
		if (running != null) {
			try {
				state = running.state(s.id()).name();
			}
			catch (SchedulerException ex) {
				state = "ERROR";
			}
		}
		return new ScheduleRow(s.id(), s.job(), s.cron(), s.timeZone().getId(), s.skipHolidays(), s.misfire().value(),
				status.nextFireTimes().stream().map(Object::toString).toList(), state);
	}

	private Path file(String id) {
		ConsoleProblem.checkedId(id, "schedule");
		Path file = this.home.schedules().resolve(id + ".yml");
		if (!Files.isRegularFile(file)) {
			throw new ConsoleProblem(HttpStatus.NOT_FOUND, "console.error.schedule.unknown", id);
		}
		return file;
	}

	private static Map<String, Object> current(Path file) {
		try {
			Map<String, Object> map = YAML.readValue(Files.readString(file), new TypeReference<Map<String, Object>>() {
			});
			return (map != null) ? map : Map.of();
		}
		catch (IOException | JacksonException ex) {
			throw new ConsoleProblem(HttpStatus.CONFLICT, "console.error.schedule.unreadable",
					file.getFileName().toString());
		}
	}

	private static ZoneId zone(String text) {
		try {
			return ZoneId.of(text);
		}
		catch (DateTimeException ex) {
			throw new ConsoleProblem(HttpStatus.UNPROCESSABLE_CONTENT, "console.error.schedule.timezone", text);
		}
	}

	/** Quartz's own parser decides; its reason is given with the format reminder. */
	private static void checkCron(String cron, ZoneId zone) {
		CronExpression expression;
		try {
			expression = new CronExpression(cron);
		}
		catch (ParseException ex) {
			String reason = (ex.getMessage() != null) ? ex.getMessage().strip().lines().findFirst().orElse("") : "";
			throw new ConsoleProblem(HttpStatus.UNPROCESSABLE_CONTENT, "console.error.schedule.cron", cron, reason);
		}
		expression.setTimeZone(TimeZone.getTimeZone(zone));
		if (expression.getNextValidTimeAfter(new Date()) == null) {
			throw new ConsoleProblem(HttpStatus.UNPROCESSABLE_CONTENT, "console.error.schedule.never", cron);
		}
	}

	private static List<String> changedKeys(Map<String, Object> current, ScheduleDefinition edited) {
		List<String> changed = new ArrayList<>();
		if (!edited.cron().equals(Objects.toString(current.get("cron"), "").trim())) {
			changed.add("cron");
		}
		if (!edited.timeZone()
			.getId()
			.equals(Objects.toString(current.getOrDefault("timeZone", ScheduleDefinition.DEFAULT_TIME_ZONE.getId()))
				.trim())) {
			changed.add("timeZone");
		}
		if (edited.skipHolidays() != Boolean.parseBoolean(Objects.toString(current.get("skipHolidays"), "false"))) {
			changed.add("skipHolidays");
		}
		if (!edited.misfire()
			.value()
			.equals(Objects.toString(current.getOrDefault("misfire", Misfire.RUN_ONCE.value())).trim())) {
			changed.add("misfire");
		}
		return changed;
	}

	private static String leadingComment(Path file) {
		try {
			StringBuilder comment = new StringBuilder();
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!line.startsWith("#")) {
					break;
				}
				comment.append(line).append('\n');
			}
			return comment.toString();
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * The new text is checked by the same loader as at start-up (in a hidden folder the
	 * registrar does not read) before it replaces the file in one move, so a half-written
	 * or unusable file is never scheduled.
	 */
	private void write(Path file, String text) {
		Path check = null;
		try {
			check = Files.createTempDirectory(file.getParent(), ".edit-");
			Path draft = check.resolve(file.getFileName());
			Files.writeString(draft, text, StandardCharsets.UTF_8);
			try {
				new ScheduleLoader(check, this.home.jobs()).load(draft);
			}
			catch (ScheduleException ex) {
				// the problem is said in the user's language, its reason too
				String reason = ex.getMessage().replace(draft.toString(), "schedules/" + file.getFileName());
				throw new ConsoleProblem(HttpStatus.UNPROCESSABLE_CONTENT, "console.error.schedule.invalid",
						ScheduleReasons.localize(reason, LocaleContextHolder.getLocale()));
			}
			Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
		finally {
			if (check != null) {
				try (var left = Files.list(check)) {
					for (Path path : left.toList()) {
						Files.deleteIfExists(path);
					}
					Files.deleteIfExists(check);
				}
				catch (IOException ex) {
					// a leftover hidden folder is ignored by the loader
				}
			}
		}
	}

	private void reload(String id) {
		ScheduleRegistrar running = this.registrar.getIfAvailable();
		if (running == null) {
			return;
		}
		try {
			running.reloadNow();
		}
		catch (IOException | SchedulerException ex) {
			// the registrar's own poll tries again within
			// digilab.scheduler.reload-seconds
			throw new ConsoleProblem(HttpStatus.SERVICE_UNAVAILABLE, "console.error.schedule.quartz", id,
					ex.getMessage());
		}
	}

}
