package jp.digilab.app.cluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Home folders for the crash and cluster tests (the tiny form, jobs without or with the
 * entry robot) and what a user looks at afterwards: the file-state folders and the CSV
 * outputs.
 */
final class TestHomes {

	/**
	 * A robot for the sample legacy system, as the sample robot: two browsers, each round
	 * of the entry step enters two records side by side.
	 */
	static final String ROBOT = """
			id: tiny-entry
			title: 試験票 基幹システム入力
			vars:
			  base: ${env:LEGACY_URL}
			login:
			  - open: ${vars.base}/login
			  - type: { into: "label=利用者ID", text: "${secret:LEGACY_USER}" }
			  - type: { into: "label=パスワード", text: "${secret:LEGACY_PASSWORD}" }
			  - click: "text=ログイン"
			  - frame: menu
			  - waitFor: { text: "業務メニュー" }
			perRecord:
			  - onlyIf:
			      retried: true
			      then:
			        - open: ${vars.base}/list
			        - skipIf:
			            exists: "xpath=//table[@id='entries']//tr[td[normalize-space()='試験${record.number}']]"
			            message: "already in 登録一覧"
			  - open: ${vars.base}/entry
			  - type: { into: "name=shimei", text: "試験${record.number}" }
			  - type: { into: "name=kana", text: "シケン" }
			  - type: { into: "name=seinengappi", text: "2000-01-01" }
			  - type: { into: "name=jusho", text: "北九州市小倉北区城内1-1" }
			  - select: { in: "#purpose", option: "その他" }
			  - type: { into: "name=tsusu", text: "1" }
			  - click: "text=登録"
			  - acceptAlert: { expect: "登録しますか" }
			  - waitFor: { text: "登録しました", timeout: 10s }
			retry: { attempts: 3, backoff: 1s }
			pool: 2
			""";

	private TestHomes() {
	}

	/** A home with the tiny form and no jobs yet. */
	static Path create(Path dir) throws IOException {
		Path home = Files.createDirectories(dir);
		TinyForms.writeTemplate(home);
		// the slips are complete when written: no need to wait for them to settle
		Files.writeString(home.resolve("digilab.yml"), "digilab.inbox.settle-seconds: 0\n");
		Files.createDirectories(home.resolve("jobs"));
		Files.createDirectories(home.resolve("schedules"));
		return home;
	}

	/**
	 * Writes {@code jobs/ID.yml} reading the tiny form into a CSV, with or without a
	 * robot.
	 */
	static void job(Path home, String id, boolean inbox, String robot) throws IOException {
		Files.writeString(home.resolve("jobs/" + id + ".yml"), """
				id: %s
				title: 試験票 %s
				department: 情報政策課
				templates: [tiny-form]
				inbox: %s
				outputs: { csv: { encoding: utf-8 } }
				%s
				hoursSaved: { manualMinutesPerItem: 1 }
				""".formatted(id, id, inbox, (robot != null) ? "robot: " + robot : ""));
	}

	/** Regular files under a folder, recursively (none if it does not exist). */
	static List<Path> files(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter((p) -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
		}
	}

	static List<String> names(List<Path> files) {
		return files.stream().map((p) -> p.getFileName().toString()).toList();
	}

	/**
	 * How often each value of a column appears in the job's CSV outputs, all runs and
	 * days together.
	 */
	static Map<String, Integer> csvCounts(Path home, String job, String header) throws IOException {
		Map<String, Integer> counts = new TreeMap<>();
		for (Path csv : files(home.resolve("out").resolve(job))) {
			if (!csv.getFileName().toString().endsWith(".csv")) {
				continue;
			}
			for (String value : column(csv, header)) {
				counts.merge(value, 1, Integer::sum);
			}
		}
		return counts;
	}

	private static List<String> column(Path csv, String header) throws IOException {
		List<String> values = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.parse(reader,
						CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
			String name = parser.getHeaderNames()
				.stream()
				.filter((h) -> h.replace("\uFEFF", "").equals(header))
				.findFirst()
				.orElseThrow(
						() -> new AssertionError(csv + " has no column " + header + ": " + parser.getHeaderNames()));
			for (CSVRecord row : parser) {
				values.add(row.get(name));
			}
		}
		return values;
	}

}
