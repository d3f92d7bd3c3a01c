package jp.digilab.robots.records;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jp.digilab.robots.RecordOutcome;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes robot results as CSV (UTF-8 with BOM, so Excel opens it): {@code key, status
 * (ok/failed/skipped), message, duration_s}, then one column per value read.
 */
public final class OutcomeCsv {

	private OutcomeCsv() {
	}

	/**
	 * Write the results.
	 * @param file the CSV file
	 * @param outcomes the outcomes, in order
	 * @throws IOException if the file cannot be written
	 */
	public static void write(Path file, List<RecordOutcome> outcomes) throws IOException {
		Set<String> valueNames = new LinkedHashSet<>();
		outcomes.forEach((o) -> valueNames.addAll(o.values().keySet()));
		List<String> header = new ArrayList<>(List.of("key", "status", "message", "duration_s"));
		header.addAll(valueNames);
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write('\uFEFF');
			CSVPrinter csv = new CSVPrinter(out,
					CSVFormat.EXCEL.builder().setHeader(header.toArray(String[]::new)).get());
			for (RecordOutcome o : outcomes) {
				List<String> row = new ArrayList<>(List.of(o.key(), o.status().name().toLowerCase(Locale.ROOT),
						o.message(), String.format(Locale.ROOT, "%.3f", o.duration().toMillis() / 1000.0)));
				valueNames.forEach((name) -> row.add(o.values().getOrDefault(name, "")));
				csv.printRecord(row);
			}
			csv.flush();
		}
	}

}
