package jp.digilab.jobs.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RunOutputsTests {

	private static final String SHA_OF_A_CRLF = "8e4621379786ef42a4fec155cd525c291dd7db3c1fde3478522f4f61c03fd1bd";

	@TempDir
	Path out;

	@Test
	void filesAppearUnderTheirNamesOnlyOnCommit() throws IOException {
		RunOutputs outputs = RunOutputs.open(this.out, "juminhyo", "7", LocalDate.of(2026, 4, 1), List.of("csv"));
		OutputFile file = outputs.write("csv", (stream) -> {
			stream.write("a\r\n".getBytes(StandardCharsets.UTF_8));
			return 1;
		});
		Path dir = this.out.resolve("juminhyo/2026-04-01");
		assertThat(file.path()).isEqualTo(dir.resolve("juminhyo_7.csv")).doesNotExist();
		assertThat(names(dir)).singleElement().asString().startsWith(".juminhyo_7.csv.").endsWith(".tmp");
		outputs.writeManifest("{}".getBytes(StandardCharsets.UTF_8));
		outputs.commit();
		assertThat(names(dir)).containsExactly("juminhyo_7.csv", "manifest_7.json");
		// sha256 of "a\r\n"
		assertThat(file.sha256()).isEqualTo(SHA_OF_A_CRLF);
	}

	@Test
	void aFullDiskFailsTheRunAndRemovesWhatWasWritten() throws IOException {
		RunOutputs outputs = RunOutputs.open(this.out, "juminhyo", "7", LocalDate.of(2026, 4, 1),
				List.of("xlsx", "csv"));
		outputs.write("xlsx", (stream) -> 0);
		assertThatExceptionOfType(ExportException.class).isThrownBy(() -> outputs.write("csv", (stream) -> {
			stream.write(new byte[100]);
			throw new IOException("No space left on device");
		})).withMessageEndingWith("juminhyo_7.csv: IOException No space left on device");
		outputs.rollback();
		assertThat(names(this.out.resolve("juminhyo/2026-04-01"))).isEmpty();
	}

	private static List<String> names(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
