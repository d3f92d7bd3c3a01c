package jp.digilab.jobs.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Hours saved in one fiscal year, grouped by department, job or month. */
public record HoursReport(FiscalYear fiscalYear, Grouping grouping, List<Row> rows) {

	public enum Grouping {

		DEPARTMENT, JOB, MONTH;

		public static Grouping parse(String text) {
			return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
		}

	}

	/** One group: runs, records that went through, review and saved time. */
	public record Row(String key, int runs, int records, int succeeded, int failed, long reviewSeconds,
			BigDecimal savedMinutes) {

		public BigDecimal savedHours() {
			return this.savedMinutes.divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
		}

	}

	public static HoursReport of(FiscalYear year, Grouping grouping, List<LedgerEntry> entries) {
		Function<LedgerEntry, String> key = switch (grouping) {
			case DEPARTMENT -> LedgerEntry::department;
			case JOB -> LedgerEntry::jobId;
			case MONTH -> (e) -> e.startedAt().toLocalDate().withDayOfMonth(1).toString().substring(0, 7);
		};
		Map<String, List<LedgerEntry>> groups = new TreeMap<>();
		for (LedgerEntry entry : entries) {
			if (entry.fiscalYear().equals(year)) {
				groups.computeIfAbsent(key.apply(entry), (k) -> new ArrayList<>()).add(entry);
			}
		}
		List<Row> rows = new ArrayList<>();
		groups.forEach((k,
				list) -> rows.add(new Row(k, list.size(), list.stream().mapToInt(LedgerEntry::recordsTotal).sum(),
						list.stream().mapToInt(LedgerEntry::recordsSucceeded).sum(),
						list.stream().mapToInt(LedgerEntry::recordsFailed).sum(),
						list.stream().mapToLong(LedgerEntry::reviewSeconds).sum(),
						list.stream().map(LedgerEntry::savedMinutes).reduce(BigDecimal.ZERO, BigDecimal::add))));
		return new HoursReport(year, grouping, rows);
	}

	public BigDecimal totalSavedMinutes() {
		return this.rows.stream().map(Row::savedMinutes).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public BigDecimal totalSavedHours() {
		return totalSavedMinutes().divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
	}

}
