package jp.digilab.schedules.holiday;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Japanese public holidays computed from the holiday law (国民の祝日に関する法律) and its special
 * acts, and the city's year-end closure (12/29–1/3).
 * <p>
 * The equinox days use the standard approximation formula, which agrees with the days the
 * government announces each February for 1980–2099; outside those years it is an
 * estimate. Rules are modelled as they stood in each year from 1980 on.
 */
public final class JapaneseHolidays {

	/**
	 * Name given to a substitute holiday (a holiday falling on a Sunday moves forward).
	 */
	public static final String SUBSTITUTE = "振替休日";

	/** Name given to a day sandwiched between two holidays. */
	public static final String CITIZENS = "国民の休日";

	private static final Map<Integer, NavigableMap<LocalDate, String>> CACHE = new ConcurrentHashMap<>();

	private JapaneseHolidays() {
	}

	/** Whether the day is a public holiday, including 振替休日 and 国民の休日. */
	public static boolean isHoliday(LocalDate date) {
		return of(date.getYear()).containsKey(date);
	}

	/** The holiday's name (e.g. 春分の日, 振替休日), empty on other days. */
	public static Optional<String> name(LocalDate date) {
		return Optional.ofNullable(of(date.getYear()).get(date));
	}

	/** Whether the day is in the city's year-end closure, December 29 to January 3. */
	public static boolean isYearEndClosure(LocalDate date) {
		return (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() >= 29)
				|| (date.getMonth() == Month.JANUARY && date.getDayOfMonth() <= 3);
	}

	/**
	 * Whether the city office is closed for a holiday or the year-end closure. Weekends
	 * are not counted here: a schedule's cron expression says which weekdays it runs on.
	 */
	public static boolean isCityClosed(LocalDate date) {
		return isYearEndClosure(date) || isHoliday(date);
	}

	/** All holidays of a year, in date order, with their names. */
	public static NavigableMap<LocalDate, String> of(int year) {
		return CACHE.computeIfAbsent(year, (y) -> Collections.unmodifiableNavigableMap(compute(y)));
	}

	private static NavigableMap<LocalDate, String> compute(int year) {
		NavigableMap<LocalDate, String> holidays = new TreeMap<>();
		nationalHolidays(year, holidays);
		NavigableMap<LocalDate, String> result = new TreeMap<>(holidays);
		substituteHolidays(year, holidays, result);
		citizensHolidays(year, holidays, result);
		return result;
	}

	/** The 国民の祝日 themselves, before 振替休日 and 国民の休日. */
	private static void nationalHolidays(int year, Map<LocalDate, String> days) {
		days.put(LocalDate.of(year, 1, 1), "元日");
		days.put((year >= 2000) ? nthMonday(year, Month.JANUARY, 2) : LocalDate.of(year, 1, 15), "成人の日");
		if (year >= 1967) {
			days.put(LocalDate.of(year, 2, 11), "建国記念の日");
		}
		if (year >= 2020) {
			days.put(LocalDate.of(year, 2, 23), "天皇誕生日");
		}
		days.put(LocalDate.of(year, 3, vernalEquinoxDay(year)), "春分の日");
		if (year >= 2007) {
			days.put(LocalDate.of(year, 4, 29), "昭和の日");
		}
		else {
			days.put(LocalDate.of(year, 4, 29), (year >= 1989) ? "みどりの日" : "天皇誕生日");
		}
		days.put(LocalDate.of(year, 5, 3), "憲法記念日");
		if (year >= 2007) {
			days.put(LocalDate.of(year, 5, 4), "みどりの日");
		}
		days.put(LocalDate.of(year, 5, 5), "こどもの日");
		LocalDate marine = marineDay(year);
		if (marine != null) {
			days.put(marine, "海の日");
		}
		LocalDate mountain = mountainDay(year);
		if (mountain != null) {
			days.put(mountain, "山の日");
		}
		if (year >= 1966) {
			days.put((year >= 2003) ? nthMonday(year, Month.SEPTEMBER, 3) : LocalDate.of(year, 9, 15), "敬老の日");
		}
		days.put(LocalDate.of(year, 9, autumnalEquinoxDay(year)), "秋分の日");
		LocalDate sports = sportsDay(year);
		if (sports != null) {
			days.put(sports, (year >= 2020) ? "スポーツの日" : "体育の日");
		}
		days.put(LocalDate.of(year, 11, 3), "文化の日");
		days.put(LocalDate.of(year, 11, 23), "勤労感謝の日");
		if (year >= 1989 && year <= 2018) {
			days.put(LocalDate.of(year, 12, 23), "天皇誕生日");
		}
		specialDays(year, days);
	}

	/** Days of the imperial ceremonies, each set by its own act. */
	private static void specialDays(int year, Map<LocalDate, String> days) {
		switch (year) {
			case 1989 -> days.put(LocalDate.of(1989, 2, 24), "昭和天皇の大喪の礼");
			case 1990 -> days.put(LocalDate.of(1990, 11, 12), "即位礼正殿の儀");
			case 1993 -> days.put(LocalDate.of(1993, 6, 9), "皇太子徳仁親王の結婚の儀");
			case 2019 -> {
				days.put(LocalDate.of(2019, 5, 1), "天皇の即位の日");
				days.put(LocalDate.of(2019, 10, 22), "即位礼正殿の儀");
			}
			default -> {
			}
		}
	}

	private static LocalDate marineDay(int year) {
		if (year < 1996) {
			return null;
		}
		return switch (year) {
			case 2020 -> LocalDate.of(2020, 7, 23);
			case 2021 -> LocalDate.of(2021, 7, 22);
			default -> (year >= 2003) ? nthMonday(year, Month.JULY, 3) : LocalDate.of(year, 7, 20);
		};
	}

	private static LocalDate mountainDay(int year) {
		if (year < 2016) {
			return null;
		}
		return switch (year) {
			case 2020 -> LocalDate.of(2020, 8, 10);
			case 2021 -> LocalDate.of(2021, 8, 8);
			default -> LocalDate.of(year, 8, 11);
		};
	}

	private static LocalDate sportsDay(int year) {
		if (year < 1966) {
			return null;
		}
		return switch (year) {
			case 2020 -> LocalDate.of(2020, 7, 24);
			case 2021 -> LocalDate.of(2021, 7, 23);
			default -> (year >= 2000) ? nthMonday(year, Month.OCTOBER, 2) : LocalDate.of(year, 10, 10);
		};
	}

	/**
	 * 振替休日: a holiday on a Sunday makes the next day that is not a holiday a holiday
	 * (before 2007 only the Monday itself, from 1973-04-12).
	 */
	private static void substituteHolidays(int year, NavigableMap<LocalDate, String> holidays,
			Map<LocalDate, String> result) {
		for (LocalDate day : holidays.keySet()) {
			if (day.getDayOfWeek() != DayOfWeek.SUNDAY || day.isBefore(LocalDate.of(1973, 4, 12))) {
				continue;
			}
			LocalDate next = day.plusDays(1);
			if (year >= 2007) {
				while (holidays.containsKey(next)) {
					next = next.plusDays(1);
				}
			}
			if (!holidays.containsKey(next) && next.getYear() == year) {
				result.put(next, SUBSTITUTE);
			}
		}
	}

	/**
	 * 国民の休日: a day that is not a holiday, between two holidays (from 1988; before 2007
	 * not on a Sunday or a 振替休日).
	 */
	private static void citizensHolidays(int year, NavigableMap<LocalDate, String> holidays,
			Map<LocalDate, String> result) {
		if (year < 1988) {
			return;
		}
		for (LocalDate day : holidays.keySet()) {
			LocalDate between = day.plusDays(1);
			if (holidays.containsKey(between) || !holidays.containsKey(between.plusDays(1))) {
				continue;
			}
			if (year < 2007 && (between.getDayOfWeek() == DayOfWeek.SUNDAY || result.containsKey(between))) {
				continue;
			}
			result.put(between, CITIZENS);
		}
	}

	/** Day of March of 春分の日. */
	static int vernalEquinoxDay(int year) {
		return equinoxDay(year, 20.8357, 20.8431, 21.8510);
	}

	/** Day of September of 秋分の日. */
	static int autumnalEquinoxDay(int year) {
		return equinoxDay(year, 23.2588, 23.2488, 24.2488);
	}

	private static int equinoxDay(int year, double before1980, double until2099, double after2099) {
		int y = year - 1980;
		if (year < 1980) {
			return (int) Math.floor(before1980 + 0.242194 * y - Math.floorDiv(year - 1983, 4));
		}
		double base = (year <= 2099) ? until2099 : after2099;
		return (int) Math.floor(base + 0.242194 * y - Math.floorDiv(y, 4));
	}

	private static LocalDate nthMonday(int year, Month month, int n) {
		return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
	}

}
