package jp.digilab.schedules.holiday;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.quartz.Calendar;

import static org.assertj.core.api.Assertions.assertThat;

class JapaneseHolidayCalendarTests {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private final JapaneseHolidayCalendar calendar = new JapaneseHolidayCalendar(TOKYO);

	@Test
	void excludesHolidaysAndTheYearEndClosure() {
		assertThat(this.calendar.isTimeIncluded(millis("2026-09-22T02:30", TOKYO))).isFalse();
		assertThat(this.calendar.isTimeIncluded(millis("2026-12-30T02:30", TOKYO))).isFalse();
		assertThat(this.calendar.isTimeIncluded(millis("2026-09-24T02:30", TOKYO))).isTrue();
	}

	@Test
	void wholeDaysInItsTimeZone() {
		assertThat(this.calendar.isTimeIncluded(millis("2026-09-23T23:59:59", TOKYO))).isFalse();
		assertThat(this.calendar.isTimeIncluded(millis("2026-09-24T00:00", TOKYO))).isTrue();
		// 2026-09-23T16:00Z is already 9/24 in Tokyo, still 9/23 (秋分の日) in UTC
		long instant = millis("2026-09-23T16:00", ZoneId.of("UTC"));
		assertThat(this.calendar.isTimeIncluded(instant)).isTrue();
		assertThat(new JapaneseHolidayCalendar(ZoneId.of("UTC")).isTimeIncluded(instant)).isFalse();
	}

	@Test
	void nextIncludedTimeSkipsToTheNextWorkingDay() {
		assertThat(this.calendar.getNextIncludedTime(millis("2026-09-21T12:00", TOKYO)))
			.isEqualTo(millis("2026-09-24T00:00", TOKYO));
		assertThat(this.calendar.getNextIncludedTime(millis("2026-12-28T12:00", TOKYO)))
			.isEqualTo(millis("2026-12-28T12:00", TOKYO));
		assertThat(this.calendar.getNextIncludedTime(millis("2026-12-29T09:00", TOKYO)))
			.isEqualTo(millis("2027-01-04T00:00", TOKYO));
	}

	@Test
	void survivesSerializationAsTheJdbcStoreDoesIt() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(this.calendar);
		}
		Calendar copy;
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			copy = (Calendar) in.readObject();
		}
		assertThat(copy.isTimeIncluded(millis("2026-09-22T02:30", TOKYO))).isFalse();
		assertThat(copy.isTimeIncluded(millis("2026-09-24T02:30", TOKYO))).isTrue();
		assertThat(copy.getDescription()).contains("Asia/Tokyo");
	}

	static long millis(String localDateTime, ZoneId zone) {
		return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant().toEpochMilli();
	}

}
