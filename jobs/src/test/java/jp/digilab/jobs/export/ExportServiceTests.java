package jp.digilab.jobs.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static jp.digilab.jobs.export.ExportFixtures.COLUMNS;
import static jp.digilab.jobs.export.ExportFixtures.record;
import static jp.digilab.jobs.export.ExportFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ExportServiceTests {

	private static final LocalDate DATE = LocalDate.of(2026, 4, 1);

	private final ExportService service = new ExportService(
			Clock.fixed(Instant.parse("2026-04-01T01:15:30Z"), ZoneId.of("Asia/Tokyo")));

	@TempDir
	Path out;

	@Test
	void writesNamedFilesAndAManifestWithRowCountsAndSha256() throws IOException {
		List<ExportRecord> records = List.of(record("r1"), record("r2"), with("r3", "name", "𠮷野"));
		OutputsSpec spec = new OutputsSpec(true, new CsvSpec("windows-31j", null, null, true, null), false);

		ExportResult result = this.service.export("juminhyo", "42", spec, COLUMNS, records::iterator, this.out, DATE);

		Path dir = this.out.resolve("juminhyo/2026-04-01");
		assertThat(names(dir)).containsExactly("juminhyo_42.csv", "juminhyo_42.xlsx", "manifest_42.json");
		assertThat(result.files()).extracting(OutputFile::format).containsExactly("xlsx", "csv");
		assertThat(result.files()).extracting(OutputFile::rows).containsExactly(3L, 2L);
		assertThat(result.problems()).extracting(RecordProblem::key).containsExactly("r3");
		assertThat(result.skippedRecords()).isEqualTo(1);
		assertThat(result.manifest()).isEqualTo(dir.resolve("manifest_42.json"));
		JsonNode manifest = JsonMapper.builder().build().readTree(result.manifest().toFile());
		assertThat(manifest.get("job").asString()).isEqualTo("juminhyo");
		assertThat(manifest.get("runId").asString()).isEqualTo("42");
		assertThat(manifest.get("createdAt").asString()).isEqualTo("2026-04-01T10:15:30+09:00");
		assertThat(manifest.get("problems").get("skipped").asInt()).isEqualTo(1);
		for (int i = 0; i < 2; i++) {
			JsonNode file = manifest.get("files").get(i);
			OutputFile written = result.files().get(i);
			assertThat(file.get("name").asString()).isEqualTo(written.path().getFileName().toString());
			assertThat(file.get("rows").asLong()).isEqualTo(written.rows());
			assertThat(file.get("sha256").asString()).isEqualTo(sha256(written.path())).isEqualTo(written.sha256());
		}
	}

	@Test
	void onlyApprovedRecordsGoToTheCsvWhileTheXlsxShowsEveryRecord() throws IOException {
		ExportRecord doubtful = record("r2");
		doubtful = new ExportRecord(doubtful.key(), doubtful.sourceFile(), doubtful.pages(), RecordStatus.NEEDS_REVIEW,
				doubtful.values(), doubtful.confidences(), doubtful.reasons());
		List<ExportRecord> records = List.of(record("r1"), doubtful, record("r3"));

		ExportResult result = this.service.export("juminhyo", "7", OutputsSpec.DEFAULT, COLUMNS, records::iterator,
				this.out, DATE);

		assertThat(result.files()).extracting(OutputFile::format).containsExactly("xlsx", "csv");
		assertThat(result.files()).extracting(OutputFile::rows).containsExactly(3L, 2L);
	}

	@Test
	void rerunningARunFailsClearlyAndLeavesItsOutputsAsTheyWere() throws IOException {
		OutputsSpec spec = new OutputsSpec(true, CsvSpec.DEFAULT, false);
		ExportResult first = this.service.export("juminhyo", "42", spec, COLUMNS, List.of(record("r1"))::iterator,
				this.out, DATE);

		assertThatExceptionOfType(ExportException.class)
			.isThrownBy(() -> this.service.export("juminhyo", "42", spec, COLUMNS, List.of(record("r9"))::iterator,
					this.out, DATE))
			.withMessageContaining("run 42 already has outputs in")
			.withMessageContaining("juminhyo_42.xlsx, juminhyo_42.csv, manifest_42.json");

		Path dir = this.out.resolve("juminhyo/2026-04-01");
		assertThat(names(dir)).containsExactly("juminhyo_42.csv", "juminhyo_42.xlsx", "manifest_42.json");
		for (OutputFile file : first.files()) {
			assertThat(sha256(file.path())).isEqualTo(file.sha256());
		}
	}

	@Test
	void differentRunsNeverCollide() throws IOException {
		OutputsSpec spec = new OutputsSpec(false, CsvSpec.DEFAULT, false);
		this.service.export("juminhyo", "42", spec, COLUMNS, List.of(record("r1"))::iterator, this.out, DATE);
		this.service.export("juminhyo", "43", spec, COLUMNS, List.of(record("r1"))::iterator, this.out, DATE);
		assertThat(names(this.out.resolve("juminhyo/2026-04-01"))).containsExactly("juminhyo_42.csv", "juminhyo_43.csv",
				"manifest_42.json", "manifest_43.json");
	}

	@Test
	void aFailureHalfWayLeavesNoFileBehind() throws IOException {
		OutputsSpec spec = new OutputsSpec(true, CsvSpec.DEFAULT, false);
		int[] calls = { 0 };
		// the xlsx is written completely, the csv fails on its third record
		assertThatExceptionOfType(ExportException.class)
			.isThrownBy(() -> this.service.export("juminhyo", "42", spec, COLUMNS,
					() -> (calls[0]++ == 0) ? records(10) : failingAfter(2), this.out, DATE))
			.withMessageContaining("export of run 42 failed")
			.withMessageContaining("database went away");
		assertThat(names(this.out.resolve("juminhyo/2026-04-01"))).isEmpty();
	}

	@Test
	void aFailureWhileWritingTheXlsxLeavesNoFileBehind() throws IOException {
		assertThatExceptionOfType(ExportException.class)
			.isThrownBy(() -> this.service.export("juminhyo", "42", OutputsSpec.DEFAULT, COLUMNS,
					() -> failingAfter(150), this.out, DATE))
			.withMessageContaining("database went away");
		assertThat(names(this.out.resolve("juminhyo/2026-04-01"))).isEmpty();
	}

	@Test
	void anOutputFolderThatCannotBeCreatedFailsTheRun() throws IOException {
		Path file = Files.writeString(this.out.resolve("out"), "not a folder");
		assertThatExceptionOfType(ExportException.class)
			.isThrownBy(() -> this.service.export("juminhyo", "42", OutputsSpec.DEFAULT, COLUMNS,
					List.of(record("r1"))::iterator, file, DATE))
			.withMessageStartingWith("output folder " + file.resolve("juminhyo/2026-04-01") + " cannot be created");
	}

	@Test
	void aJobWithoutOutputsGetsExcelAndTheDefaultCsv() {
		ExportResult result = this.service.export("juminhyo", "42", null, COLUMNS, List.of(record("r1"))::iterator,
				this.out, DATE);
		assertThat(result.files()).extracting(OutputFile::format).containsExactly("xlsx", "csv");
	}

	@Test
	void aBadMappingFailsBeforeAnyFolderIsMade() {
		OutputsSpec spec = new OutputsSpec(true,
				new CsvSpec(null, null, null, true, List.of(CsvColumnSpec.field("no_such_field"))), false);
		assertThatExceptionOfType(ExportException.class).isThrownBy(() -> this.service.export("juminhyo", "42", spec,
				COLUMNS, List.of(record("r1"))::iterator, this.out, DATE));
		assertThat(this.out.resolve("juminhyo")).doesNotExist();
	}

	@Test
	void idsThatAreNotSafeFileNamesAreRejected() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.service.export("../etc", "42", OutputsSpec.DEFAULT, COLUMNS,
					List.<ExportRecord>of()::iterator, this.out, DATE))
			.withMessage("jobId must be letters, digits, '.', '_' or '-': ../etc");
	}

	private static Iterator<ExportRecord> records(int count) {
		return java.util.stream.IntStream.range(0, count).mapToObj((i) -> record("r" + i)).iterator();
	}

	private static Iterator<ExportRecord> failingAfter(int good) {
		return new Iterator<>() {
			private int next;

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public ExportRecord next() {
				if (this.next == good) {
					throw new IllegalStateException("database went away");
				}
				if (this.next > good) {
					throw new NoSuchElementException();
				}
				return record("r" + this.next++);
			}
		};
	}

	private static List<String> names(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	private static String sha256(Path file) throws IOException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
