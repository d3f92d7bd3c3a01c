package jp.digilab.schedules.definition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScheduleLoaderTests {

	@TempDir
	Path home;

	private ScheduleLoader loader;

	@BeforeEach
	void setUp() throws IOException {
		Files.createDirectories(this.home.resolve("schedules"));
		Files.createDirectories(this.home.resolve("jobs"));
		Files.writeString(this.home.resolve("jobs/juminhyo.yml"), "id: juminhyo\n");
		this.loader = ScheduleLoader.forHome(this.home);
	}

	@Test
	void appliesTheDefaults() throws IOException {
		Path file = write("nightly", "id: nightly\njob: juminhyo\ncron: \"0 30 2 ? * MON-FRI\"\n");
		assertThat(this.loader.load(file)).isEqualTo(new ScheduleDefinition("nightly", "juminhyo", "0 30 2 ? * MON-FRI",
				ZoneId.of("Asia/Tokyo"), false, Misfire.RUN_ONCE));
	}

	@Test
	void readsEveryKey() throws IOException {
		Path file = write("nightly", """
				id: nightly
				job: juminhyo
				cron: "0 30 2 ? * MON-FRI"      # Quartz cron
				timeZone: UTC
				skipHolidays: true
				misfire: skip
				""");
		assertThat(this.loader.load(file)).isEqualTo(new ScheduleDefinition("nightly", "juminhyo", "0 30 2 ? * MON-FRI",
				ZoneId.of("UTC"), true, Misfire.SKIP));
	}

	@Test
	void unknownKey() throws IOException {
		Path file = write("nightly", "id: nightly\njob: juminhyo\ncronn: \"0 30 2 ? * MON-FRI\"\n");
		assertProblem(file,
				" line 3: unknown key 'cronn' (known keys: id, job, cron, timeZone, skipHolidays, misfire)");
	}

	@Test
	void badYaml() throws IOException {
		Path file = write("nightly", "id: nightly\njob: juminhyo\n  cron: x\n");
		assertThatExceptionOfType(ScheduleException.class).isThrownBy(() -> this.loader.load(file))
			.withMessageStartingWith(file + " line ")
			.withMessageContaining(": bad YAML: ")
			.withMessageNotContaining("\n");
	}

	@Test
	void duplicateKey() throws IOException {
		Path file = write("nightly", "id: nightly\njob: juminhyo\ncron: \"0 0 1 * * ?\"\ncron: \"0 0 2 * * ?\"\n");
		assertThatExceptionOfType(ScheduleException.class).isThrownBy(() -> this.loader.load(file))
			.withMessageStartingWith(file + " line 4: bad YAML: Duplicate ")
			.withMessageContaining("\"cron\"");
	}

	@Test
	void emptyFile() throws IOException {
		assertProblem(write("nightly", "# nothing yet\n"), ": the file is empty");
	}

	@Test
	void notAMapping() throws IOException {
		assertProblem(write("nightly", "- id: nightly\n"),
				" line 1: expected keys such as id, job, cron, timeZone, skipHolidays, misfire");
	}

	@Test
	void missingJob() throws IOException {
		assertProblem(write("nightly", "id: nightly\ncron: \"0 30 2 ? * MON-FRI\"\n"), ": 'job' is missing");
	}

	@Test
	void missingId() throws IOException {
		assertProblem(write("nightly", "job: juminhyo\ncron: \"0 30 2 ? * MON-FRI\"\n"), ": 'id' is missing");
	}

	@Test
	void jobThatIsNotDefined() throws IOException {
		Path file = write("nightly", "id: nightly\njob: koseki\ncron: \"0 30 2 ? * MON-FRI\"\n");
		assertProblem(file,
				" line 2: job 'koseki' is not defined (" + this.home.resolve("jobs/koseki.yml") + " does not exist)");
	}

	@Test
	void jobsAreNotCheckedWithoutAJobsFolder() throws IOException {
		Path file = write("nightly", "id: nightly\njob: koseki\ncron: \"0 30 2 ? * MON-FRI\"\n");
		assertThat(new ScheduleLoader(this.home.resolve("schedules"), null).load(file).job()).isEqualTo("koseki");
	}

	@Test
	void invalidCron() throws IOException {
		Path file = write("nightly", "id: nightly\njob: juminhyo\ncron: \"0 30 2 * * MON-FRI\"\n");
		assertProblem(file,
				" line 3: invalid Quartz cron '0 30 2 * * MON-FRI': Support for specifying both a "
						+ "day-of-week AND a day-of-month parameter is not implemented (format: seconds minutes hours "
						+ "day-of-month month day-of-week [year])");
	}

	@Test
	void unixCronIsNotQuartzCron() throws IOException {
		Path file = write("nightly", "id: nightly\njob: juminhyo\ncron: \"30 2 * * 1-5\"\n");
		assertThatExceptionOfType(ScheduleException.class).isThrownBy(() -> this.loader.load(file))
			.withMessageStartingWith(file + " line 3: invalid Quartz cron '30 2 * * 1-5': ");
	}

	@Test
	void cronThatNeverFiresAgain() throws IOException {
		Path file = write("nightly", "id: nightly\njob: juminhyo\ncron: \"0 0 0 1 1 ? 2020\"\n");
		assertProblem(file, " line 3: cron '0 0 0 1 1 ? 2020' never fires again");
	}

	@Test
	void unknownTimeZone() throws IOException {
		Path file = write("nightly", "id: nightly\njob: juminhyo\ncron: \"0 0 2 * * ?\"\ntimeZone: Asia/Tokio\n");
		assertProblem(file, " line 4: unknown time zone 'Asia/Tokio' (use a region such as Asia/Tokyo)");
	}

	@Test
	void idMustMatchTheFileName() throws IOException {
		Path file = write("nightly", "job: juminhyo\nid: nightly-juminhyo\ncron: \"0 0 2 * * ?\"\n");
		assertProblem(file, " line 2: id 'nightly-juminhyo' does not match the file name 'nightly'");
	}

	@Test
	void unknownMisfirePolicy() throws IOException {
		Path file = write("nightly", "id: nightly\njob: juminhyo\ncron: \"0 0 2 * * ?\"\nmisfire: later\n");
		assertProblem(file, " line 4: misfire 'later' is not one of run-once, skip");
	}

	@Test
	void skipHolidaysMustBeABoolean() throws IOException {
		Path file = write("nightly", "id: nightly\njob: juminhyo\ncron: \"0 0 2 * * ?\"\nskipHolidays: maybe\n");
		assertProblem(file, " line 4: bad value for 'skipHolidays' (expected true or false)");
	}

	@Test
	void loadAllKeepsGoodFilesAndReportsBadOnes() throws IOException {
		write("a-good", "id: a-good\njob: juminhyo\ncron: \"0 0 2 * * ?\"\n");
		Path bad = write("b-bad", "id: b-bad\njob: juminhyo\ncron: \"every night\"\n");
		Files.writeString(this.home.resolve("schedules/c.yml.bak"), "not: read\n");
		Files.writeString(this.home.resolve("schedules/.d.yml"), "not: read\n");
		ScheduleFiles files = this.loader.loadAll();
		assertThat(files.schedules()).extracting(ScheduleDefinition::id).containsExactly("a-good");
		assertThat(files.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.scheduleId()).isEqualTo("b-bad");
			assertThat(problem.file()).isEqualTo(bad);
			assertThat(problem.message()).startsWith(bad + " line 3: invalid Quartz cron 'every night': ");
		});
		assertThat(files.ids()).containsExactlyInAnyOrder("a-good", "b-bad");
	}

	@Test
	void noSchedulesFolder() {
		ScheduleFiles files = ScheduleLoader.forHome(this.home.resolve("elsewhere")).loadAll();
		assertThat(files.schedules()).isEmpty();
		assertThat(files.problems()).isEmpty();
	}

	private Path write(String id, String yaml) throws IOException {
		return Files.writeString(this.home.resolve("schedules").resolve(id + ".yml"), yaml);
	}

	private void assertProblem(Path file, String expected) {
		assertThatExceptionOfType(ScheduleException.class).isThrownBy(() -> this.loader.load(file))
			.withMessage(file + expected);
	}

}
