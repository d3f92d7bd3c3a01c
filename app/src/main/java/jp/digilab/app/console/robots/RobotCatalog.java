package jp.digilab.app.console.robots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jp.digilab.jobs.definition.JobCatalog;
import jp.digilab.jobs.definition.JobDefinition;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.robots.RobotScript;
import jp.digilab.robots.RobotScriptException;
import jp.digilab.robots.ScriptValidator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The home's robot scripts with {@code robot check}'s result and the last runs of the
 * jobs that use them, counted from the records' entry outcomes in {@code dl_record}. A
 * run is the robot's when its job names the robot now (runs do not store the robot's id).
 */
@Component
class RobotCatalog {

	static final int LAST_RUNS = 10;

	private final DigilabHome home;

	private final JobCatalog jobs;

	private final JdbcClient jdbc;

	RobotCatalog(DigilabHome home, JobCatalog jobs, JdbcClient jdbc) {
		this.home = home;
		this.jobs = jobs;
		this.jdbc = jdbc;
	}

	List<Robot> all(List<String> problems) {
		List<JobDefinition> definitions = this.jobs.all(problems);
		List<Robot> robots = new ArrayList<>();
		for (Path file : files(problems)) {
			String id = file.getFileName().toString().replaceFirst("\\.yml$", "");
			List<String> found = new ScriptValidator().validate(file).stream().map(this::relative).toList();
			String title = null;
			if (found.isEmpty()) {
				try {
					title = RobotScript.load(file).title();
				}
				catch (RobotScriptException ex) {
					found = ex.problems().stream().map(this::relative).toList();
				}
			}
			List<String> jobIds = definitions.stream()
				.filter((j) -> id.equals(j.robot()))
				.map(JobDefinition::id)
				.toList();
			robots.add(new Robot(id, title, file.getFileName().toString(), found, jobIds, lastRuns(jobIds)));
		}
		return robots;
	}

	private List<Run> lastRuns(List<String> jobIds) {
		if (jobIds.isEmpty()) {
			return List.of();
		}
		String in = String.join(",", jobIds.stream().map((j) -> "?").toList());
		return this.jdbc.sql("""
				select r.run_id, r.job_id, r.started_at, r.status,
				  sum(case when d.entry_status = 'OK' then 1 else 0 end),
				  sum(case when d.entry_status = 'FAILED' then 1 else 0 end),
				  sum(case when d.entry_status = 'SKIPPED' then 1 else 0 end)
				from dl_run r join dl_record d on d.run_id = r.run_id
				where r.job_id in (%s) and d.entry_status is not null
				group by r.run_id, r.job_id, r.started_at, r.status
				order by r.started_at desc limit %d""".formatted(in, LAST_RUNS))
			.params(jobIds.toArray())
			.query((rs, i) -> new Run(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime(),
					rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)))
			.list();
	}

	private List<Path> files(List<String> problems) {
		if (!Files.isDirectory(this.home.robots())) {
			return List.of();
		}
		try (Stream<Path> list = Files.list(this.home.robots())) {
			return list.filter((p) -> p.toString().endsWith(".yml")).sorted().toList();
		}
		catch (IOException ex) {
			problems.add("Cannot list " + this.home.robots() + ": " + ex.getMessage());
			return List.of();
		}
	}

	/** Problems name files relative to the home folder, as staff know them. */
	private String relative(String problem) {
		String root = this.home.root().toString() + java.io.File.separator;
		return problem.replace(root, "");
	}

	/**
	 * A robot script.
	 *
	 * @param id the id (file name without .yml)
	 * @param title the title, or null when the script cannot be read
	 * @param file the file name in robots/
	 * @param problems {@code robot check}'s findings, empty when valid
	 * @param jobs the jobs that use the robot
	 * @param runs the last runs in which it entered records, newest first
	 */
	public record Robot(String id, String title, String file, List<String> problems, List<String> jobs,
			List<Run> runs) {

		public boolean valid() {
			return this.problems.isEmpty();
		}

	}

	/** One run's entry outcomes. */
	public record Run(String runId, String jobId, LocalDateTime startedAt, String status, int ok, int failed,
			int skipped) {
	}

}
