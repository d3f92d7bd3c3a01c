package jp.digilab.jobs.ledger;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * A Japanese fiscal year, April to March:
 * {@code 令和8年度 = FY2026 = 2026-04-01 … 2027-03-31}.
 */
public record FiscalYear(int year) implements Comparable<FiscalYear> {

	public static FiscalYear of(LocalDate date) {
		return new FiscalYear((date.getMonthValue() >= 4) ? date.getYear() : date.getYear() - 1);
	}

	public LocalDate start() {
		return LocalDate.of(this.year, 4, 1);
	}

	public LocalDate end() {
		return LocalDate.of(this.year + 1, 3, 31);
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(start()) && !date.isAfter(end());
	}

	/** The 和暦 label, e.g. 令和8年度; a fiscal year that starts a new era is its 元年度. */
	public String japaneseLabel() {
		// The era in force at the fiscal year's end, counted from the calendar year it
		// starts in.
		JapaneseDate end = JapaneseDate.from(end());
		JapaneseEra era = end.getEra();
		int eraYear = end.get(ChronoField.YEAR_OF_ERA) - 1;
		if (eraYear < 1) {
			JapaneseDate start = JapaneseDate.from(start());
			era = start.getEra();
			eraYear = start.get(ChronoField.YEAR_OF_ERA);
		}
		String name = era.getDisplayName(TextStyle.FULL, Locale.JAPAN);
		return name + ((eraYear == 1) ? "元" : Integer.toString(eraYear)) + "年度";
	}

	/** The 西暦 label, e.g. FY2026. */
	public String westernLabel() {
		return "FY" + this.year;
	}

	@Override
	public int compareTo(FiscalYear other) {
		return Integer.compare(this.year, other.year);
	}

	@Override
	public String toString() {
		return japaneseLabel() + " (" + westernLabel() + ")";
	}

}
