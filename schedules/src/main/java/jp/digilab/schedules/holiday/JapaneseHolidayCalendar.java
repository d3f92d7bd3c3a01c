package jp.digilab.schedules.holiday;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.TimeZone;

import org.quartz.impl.calendar.BaseCalendar;

/**
 * A Quartz calendar that excludes Japanese public holidays and the city's year-end
 * closure, whole days in its time zone.
 * <p>
 * It holds no holiday data: the JDBC job store keeps only the time zone, so a stored
 * calendar follows the rules of the running version of {@link JapaneseHolidays}.
 */
public class JapaneseHolidayCalendar extends BaseCalendar {

	private static final long serialVersionUID = 1L;

	public JapaneseHolidayCalendar(ZoneId zone) {
		super(TimeZone.getTimeZone(zone));
		setDescription("Japanese public holidays and the year-end closure (12/29-1/3), " + zone.getId());
	}

	@Override
	public boolean isTimeIncluded(long timeStamp) {
		return super.isTimeIncluded(timeStamp) && !JapaneseHolidays.isCityClosed(date(timeStamp));
	}

	@Override
	public long getNextIncludedTime(long timeStamp) {
		long next = super.getNextIncludedTime(timeStamp);
		while (next != 0 && !isTimeIncluded(next)) {
			long nextDay = date(next).plusDays(1).atStartOfDay(zone()).toInstant().toEpochMilli();
			next = super.getNextIncludedTime(nextDay);
		}
		return next;
	}

	private LocalDate date(long timeStamp) {
		return Instant.ofEpochMilli(timeStamp).atZone(zone()).toLocalDate();
	}

	private ZoneId zone() {
		TimeZone timeZone = getTimeZone();
		return (timeZone != null) ? timeZone.toZoneId() : ZoneId.systemDefault();
	}

}
