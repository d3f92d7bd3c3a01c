package jp.digilab.schedules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jp.digilab.schedules.definition.ScheduleDefinition;
import jp.digilab.schedules.definition.ScheduleFiles;
import jp.digilab.schedules.definition.ScheduleLoader;
import jp.digilab.schedules.definition.ScheduleProblem;
import jp.digilab.schedules.definition.ScheduleReasons;
import jp.digilab.schedules.holiday.JapaneseHolidayCalendar;
import org.quartz.JobKey;
import org.quartz.JobPersistenceException;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.Trigger.TriggerState;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps Quartz in step with the schedule files: registers a trigger per usable file,
 * updates it when the file changes, removes it when the file is deleted. A file that
 * cannot be used is reported and left out; if it was usable before, its previous version
 * stays scheduled. Unchanged triggers are not touched, so misfires across a restart are
 * handled by Quartz.
 */
public class ScheduleRegistrar implements InitializingBean, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ScheduleRegistrar.class);

	private final Scheduler scheduler;

	private final ScheduleLoader loader;

	private final Duration reloadInterval;

	private volatile boolean transientFailure;

	private ScheduledExecutorService poller;

	private List<String> lastSnapshot;

	private volatile List<ScheduleProblem> schedulingProblems = List.of();

	private volatile boolean running;

	public ScheduleRegistrar(Scheduler scheduler, ScheduleLoader loader, Duration reloadInterval) {
		this.scheduler = scheduler;
		this.loader = loader;
		this.reloadInterval = reloadInterval;
	}

	/**
	 * The first registration happens here, before any lifecycle starts: the Quartz
	 * scheduler starts before this bean (it is a dependency), and a trigger whose file
	 * was deleted while the server was down must be gone before it can fire.
	 */
	@Override
	public void afterPropertiesSet() {
		try {
			reloadIfChanged();
		}
		catch (Exception ex) {
			logger.error("Could not register the schedules of {}; trying again in {} s: {}", this.loader.folder(),
					this.reloadInterval.toSeconds(), ex.toString());
		}
	}

	@Override
	public void start() {
		this.poller = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "digilab-schedules-reload");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.reloadInterval.toMillis();
		this.poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.poller != null) {
			this.poller.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Problems met while registering usable files with Quartz (file problems are the
	 * loader's).
	 */
	public List<ScheduleProblem> schedulingProblems() {
		return this.schedulingProblems;
	}

	// console helper: pause, resume, state, reload after an edit -----------------------

	/**
	 * Reloads now if a schedule file changed (the console calls it after saving a file).
	 */
	public boolean reloadNow() throws IOException, SchedulerException {
		return reloadIfChanged();
	}

	/**
	 * Pauses a registered schedule: it does not fire until resumed (kept in Quartz's job
	 * store, so across restarts). False when the schedule is not registered.
	 */
	public boolean pause(String scheduleId) throws SchedulerException {
		TriggerKey key = QuartzSchedules.triggerKey(scheduleId);
		if (!this.scheduler.checkExists(key)) {
			return false;
		}
		this.scheduler.pauseTrigger(key);
		logger.info("Schedule '{}' paused", scheduleId);
		return true;
	}

	/**
	 * Resumes a paused schedule; fire times missed while paused follow its misfire rule.
	 */
	public boolean resume(String scheduleId) throws SchedulerException {
		TriggerKey key = QuartzSchedules.triggerKey(scheduleId);
		if (!this.scheduler.checkExists(key)) {
			return false;
		}
		this.scheduler.resumeTrigger(key);
		logger.info("Schedule '{}' resumed", scheduleId);
		return true;
	}

	/**
	 * The schedule's trigger state in Quartz (NORMAL, PAUSED, BLOCKED while its job runs,
	 * …), NONE when it is not registered.
	 */
	public TriggerState state(String scheduleId) throws SchedulerException {
		return this.scheduler.getTriggerState(QuartzSchedules.triggerKey(scheduleId));
	}

	/** When Quartz will fire the schedule next, or null (not registered, or never). */
	public Date nextFireTime(String scheduleId) throws SchedulerException {
		Trigger trigger = this.scheduler.getTrigger(QuartzSchedules.triggerKey(scheduleId));
		return (trigger != null) ? trigger.getNextFireTime() : null;
	}

	// end console helper --------------------------------------------------------------

	private void poll() {
		try {
			reloadIfChanged();
		}
		catch (Exception ex) {
			// Caught so that the poller keeps running; the next poll tries again.
			logger.error("Could not reload the schedules of {}: {}", this.loader.folder(), ex.toString());
		}
	}

	/**
	 * Reloads if a schedule file (or the list of job files) changed since the last
	 * reload.
	 */
	synchronized boolean reloadIfChanged() throws IOException, SchedulerException {
		List<String> snapshot = snapshot();
		if (snapshot.equals(this.lastSnapshot)) {
			return false;
		}
		reload();
		// a schedule the database refused for a passing reason (another node storing
		// the same one at the same moment) is tried again at the next poll
		this.lastSnapshot = this.transientFailure ? null : snapshot;
		return true;
	}

	private List<String> snapshot() throws IOException {
		List<String> snapshot = new ArrayList<>();
		for (Path file : this.loader.files()) {
			snapshot
				.add(file.getFileName() + "|" + Files.getLastModifiedTime(file).toMillis() + "|" + Files.size(file));
		}
		this.loader.jobFileNames().forEach((name) -> snapshot.add("jobs/" + name));
		return snapshot;
	}

	/** Applies every schedule file to Quartz now. */
	public synchronized ScheduleFiles reload() throws SchedulerException {
		ScheduleFiles files = this.loader.loadAll();
		List<ScheduleProblem> problems = new ArrayList<>();
		boolean transientFailure = false;
		for (ScheduleDefinition schedule : files.schedules()) {
			try {
				register(schedule);
			}
			catch (JobPersistenceException ex) {
				transientFailure = true;
				Path file = files.folder().resolve(schedule.id() + ".yml");
				problems.add(new ScheduleProblem(schedule.id(), file,
						ScheduleReasons.IN_FILE.text(file, ScheduleReasons.NOT_SCHEDULED_YET.text(ex.getMessage()))));
			}
			catch (SchedulerException | RuntimeException ex) {
				Path file = files.folder().resolve(schedule.id() + ".yml");
				problems.add(new ScheduleProblem(schedule.id(), file,
						ScheduleReasons.IN_FILE.text(file, ScheduleReasons.NOT_SCHEDULED.text(ex.getMessage()))));
			}
		}
		for (ScheduleProblem problem : files.problems()) {
			if (problem.scheduleId().isEmpty()) {
				logger.warn(problem.message());
				continue;
			}
			boolean kept = this.scheduler.checkExists(QuartzSchedules.triggerKey(problem.scheduleId()));
			logger.warn((kept ? ScheduleReasons.PREVIOUS_KEPT : ScheduleReasons.PREVIOUS_NONE).text(problem.message()));
		}
		problems.forEach((problem) -> logger.warn(problem.message()));
		if (files.complete()) {
			removeDeleted(files);
		}
		this.schedulingProblems = List.copyOf(problems);
		this.transientFailure = transientFailure;
		logger.info("Schedules in {}: {} usable, {} with problems", files.folder(), files.schedules().size(),
				files.problems().size() + problems.size());
		return files;
	}

	private void register(ScheduleDefinition schedule) throws SchedulerException {
		if (schedule.skipHolidays()) {
			String calendar = QuartzSchedules.calendarName(schedule.timeZone());
			if (!this.scheduler.getCalendarNames().contains(calendar)) {
				// replace, as for the job: the same calendar from another node is
				// harmless
				this.scheduler.addCalendar(calendar, new JapaneseHolidayCalendar(schedule.timeZone()), true, false);
			}
		}
		TriggerKey key = QuartzSchedules.triggerKey(schedule.id());
		Trigger trigger = QuartzSchedules.trigger(schedule, new Date());
		Trigger existing = this.scheduler.getTrigger(key);
		if (existing == null) {
			storeNew(schedule, trigger);
			logger.info("Schedule '{}' registered: job '{}', next run {}", schedule.id(), schedule.job(),
					nextRun(schedule));
		}
		else if (!QuartzSchedules.definition(schedule)
			.equals(existing.getJobDataMap().getString(QuartzSchedules.DEFINITION))) {
			// a schedule paused in the console stays paused when its file is edited
			boolean paused = this.scheduler.getTriggerState(key) == TriggerState.PAUSED;
			// Unschedule first: Quartz does not let a replaced trigger point at another
			// job.
			this.scheduler.unscheduleJob(key);
			storeNew(schedule, trigger);
			if (paused) {
				this.scheduler.pauseTrigger(key);
			}
			logger.info("Schedule '{}' updated: job '{}', next run {}", schedule.id(), schedule.job(),
					nextRun(schedule));
		}
		else if (this.scheduler.getTriggerState(key) == TriggerState.ERROR) {
			this.scheduler.resetTriggerFromErrorState(key);
			logger.info("Schedule '{}' reset from its error state", schedule.id());
		}
	}

	/**
	 * Store a trigger that is not in the job store, with its job if that is missing. Both
	 * nodes of a cluster read the same schedule file, often in the same second: the job
	 * and its trigger go in together (a job without triggers is deleted by the other
	 * node's clean-up), and what the other node stored first is kept, never replaced (a
	 * replaced trigger could fire a time the other node already fired). A clash left
	 * unresolved ({@link JobPersistenceException}) is tried again at the next reload.
	 */
	private void storeNew(ScheduleDefinition schedule, Trigger trigger) throws SchedulerException {
		try {
			if (!this.scheduler.checkExists(QuartzSchedules.jobKey(schedule.job()))) {
				this.scheduler.scheduleJob(QuartzSchedules.jobDetail(schedule.job()), Set.of(trigger), false);
			}
			else {
				this.scheduler.scheduleJob(trigger);
			}
		}
		catch (ObjectAlreadyExistsException ex) {
			// the other node stored the job, or this very trigger, a moment ago
			if (!this.scheduler.checkExists(trigger.getKey())) {
				this.scheduler.scheduleJob(trigger);
			}
		}
	}

	private String nextRun(ScheduleDefinition schedule) throws SchedulerException {
		Trigger trigger = this.scheduler.getTrigger(QuartzSchedules.triggerKey(schedule.id()));
		Date next = (trigger != null) ? trigger.getNextFireTime() : null;
		return (next != null) ? next.toInstant().atZone(schedule.timeZone()).toString() : "none";
	}

	private void removeDeleted(ScheduleFiles files) throws SchedulerException {
		for (TriggerKey key : this.scheduler
			.getTriggerKeys(GroupMatcher.triggerGroupEquals(QuartzSchedules.TRIGGER_GROUP))) {
			if (!files.ids().contains(key.getName())) {
				this.scheduler.unscheduleJob(key);
				logger.info("Schedule '{}' removed: its file is gone", key.getName());
			}
		}
		for (JobKey key : this.scheduler.getJobKeys(GroupMatcher.jobGroupEquals(QuartzSchedules.JOB_GROUP))) {
			if (this.scheduler.getTriggersOfJob(key).isEmpty()) {
				this.scheduler.deleteJob(key);
			}
		}
	}

}
