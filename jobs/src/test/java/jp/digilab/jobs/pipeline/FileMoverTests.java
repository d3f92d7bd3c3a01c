package jp.digilab.jobs.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names in the state folders: never overwritten, never longer than a file system allows.
 */
class FileMoverTests {

	@TempDir
	Path dir;

	@Test
	void aTakenNameGetsANumber() throws Exception {
		Files.writeString(this.dir.resolve("scan.png"), "1");
		assertThat(FileMover.freeName(this.dir, "scan.png")).hasFileName("scan~2.png");
	}

	@Test
	void aLongNameIsCutOnACharacterBoundarySoThatItsNoteFits() throws Exception {
		String stem = "住民票".repeat(26) + "写し等";
		Path file = Files.writeString(this.dir.resolve(stem + ".png"), "x");
		Path note = FileMover.sidecar(file, ".error.txt");
		String name = note.getFileName().toString();
		assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
		assertThat(name).startsWith("住民票住民票").endsWith("….error.txt");
		Files.writeString(note, "written");
		assertThat(note).hasContent("written");
		// a second copy of the long name still gets a free, short enough name
		Path second = FileMover.freeName(this.dir, file.getFileName().toString());
		assertThat(second.getFileName().toString()).endsWith("~2.png");
		assertThat(second.getFileName().toString().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
	}

	@Test
	void aShortNameIsKeptAsItIs() {
		assertThat(FileMover.sidecar(this.dir.resolve("scan.png"), ".error.txt")).hasFileName("scan.png.error.txt");
		// a supplementary character is never cut in half
		String emoji = "\uD83D\uDCC4".repeat(70);
		String fitted = FileMover.fit(emoji, ".txt");
		assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
		assertThat(fitted.codePoints().filter((c) -> c >= 0xD800 && c <= 0xDFFF)).isEmpty();
	}

}
