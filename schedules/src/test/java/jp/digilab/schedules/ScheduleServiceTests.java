package jp.digilab.schedules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import jp.digilab.schedules.definition.Misfire;
import jp.digilab.schedules.definition.ScheduleDefinition;
import jp.digilab.schedules.definition.ScheduleLoader;
import jp.digilab.schedules.definition.ScheduleProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleServiceTests {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final Instant SEPTEMBER_18 = ZonedDateTime.parse("2026-09-18T00:00+09:00[Asia/Tokyo]").toInstant();

	@TempDir
	Path home;

	@Test
	void weekdayScheduleSkipsTheSilverWeek() {
		ScheduleDefinition nightly = new ScheduleDefinition("nightly", "juminhyo", "0 30 2 ? * MON-FRI", TOKYO, true,
				Misfire.RUN_ONCE);
		assertThat(ScheduleService.nextFireTimes(nightly, SEPTEMBER_18, 4)).containsExactly(at("2026-09-18T02:30"),
				at("2026-09-24T02:30"), at("2026-09-25T02:30"), at("2026-09-28T02:30"));
	}

	@Test
	void withoutSkipHolidaysHolidaysAreWorkingDays() {
		ScheduleDefinition nightly = new ScheduleDefinition("nightly", "juminhyo", "0 30 2 ? * MON-FRI");
		assertThat(ScheduleService.nextFireTimes(nightly, SEPTEMBER_18, 4)).containsExactly(at("2026-09-18T02:30"),
				at("2026-09-21T02:30"), at("2026-09-22T02:30"), at("2026-09-23T02:30"));
	}

	@Test
	void yearEndClosureIsSkipped() {
		ScheduleDefinition daily = new ScheduleDefinition("daily", "juminhyo", "0 0 9 * * ?", TOKYO, true,
				Misfire.SKIP);
		Instant december28 = at("2026-12-28T12:00").toInstant();
		assertThat(ScheduleService.nextFireTimes(daily, december28, 2)).containsExactly(at("2027-01-04T09:00"),
				at("2027-01-05T09:00"));
	}

	@Test
	void fireTimesAreInTheSchedulesTimeZone() {
		ScheduleDefinition utc = new ScheduleDefinition("utc", "juminhyo", "0 0 0 * * ?", ZoneId.of("UTC"), false,
				Misfire.RUN_ONCE);
		assertThat(ScheduleService.nextFireTimes(utc, SEPTEMBER_18, 1))
			.containsExactly(ZonedDateTime.parse("2026-09-18T00:00Z[UTC]"));
	}

	@Test
	void overviewListsSchedulesAndProblems() throws IOException {
		Files.createDirectories(this.home.resolve("schedules"));
		Files.createDirectories(this.home.resolve("jobs"));
		Files.writeString(this.home.resolve("jobs/juminhyo.yml"), "id: juminhyo\n");
		Files.writeString(this.home.resolve("schedules/nightly.yml"),
				"id: nightly\njob: juminhyo\ncron: \"0 30 2 ? * MON-FRI\"\nskipHolidays: true\n");
		Path bad = Files.writeString(this.home.resolve("schedules/broken.yml"), "id: broken\njob: juminhyo\n");
		ScheduleProblem refused = new ScheduleProblem("other", bad, "refused by Quartz");
		ScheduleService service = new ScheduleService(ScheduleLoader.forHome(this.home), () -> List.of(refused));

		ScheduleOverview overview = service.overview(SEPTEMBER_18, 2);

		assertThat(overview.schedules()).singleElement().satisfies((status) -> {
			assertThat(status.schedule().id()).isEqualTo("nightly");
			assertThat(status.nextFireTimes()).containsExactly(at("2026-09-18T02:30"), at("2026-09-24T02:30"));
			assertThat(status.nextFireTime()).hasValue(at("2026-09-18T02:30"));
		});
		assertThat(overview.problems()).extracting(ScheduleProblem::message)
			.containsExactly(bad + ": 'cron' is missing", "refused by Quartz");
	}

	private static ZonedDateTime at(String localDateTime) {
		return ZonedDateTime.parse(localDateTime + "+09:00[Asia/Tokyo]");
	}

}
