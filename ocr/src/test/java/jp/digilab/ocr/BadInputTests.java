package jp.digilab.ocr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.digilab.ocr.FormImages.Scan;
import jp.digilab.ocr.template.FormTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input gives one clear error line and never an exception.
 */
class BadInputTests {

	private static FormReader reader;

	private static FormTemplate template;

	@TempDir
	static Path dir;

	@BeforeAll
	static void open() {
		reader = new FormReader(OcrSettings.defaults().withEngineFactory(FakeEngine.reading("2", 0.9)));
		template = FormTemplate.load(FormImages.TEMPLATE);
	}

	@AfterAll
	static void close() {
		reader.close();
	}

	@Test
	void emptyFile() throws IOException {
		assertThat(errors(Files.write(dir.resolve("empty.png"), new byte[0])))
			.containsExactly("empty.png: file is empty");
	}

	@Test
	void missingFile() {
		assertThat(errors(dir.resolve("missing.png"))).singleElement()
			.asString()
			.startsWith("missing.png: cannot read the file: ");
	}

	@Test
	void unknownFormat() throws IOException {
		assertThat(errors(Files.writeString(dir.resolve("notes.png"), "just some text")))
			.containsExactly("notes.png: unknown format (not PNG, JPEG, TIFF or PDF)");
	}

	@Test
	void contentDoesNotMatchTheExtension() throws IOException {
		Path pdf = FormImages.writePdf(List.of(FormImages.blank(50)), dir.resolve("real.pdf"));
		Path png = Files.copy(pdf, dir.resolve("looks-like.png"));
		assertThat(errors(png)).containsExactly("looks-like.png: content is PDF but the name ends in .png");
	}

	@Test
	void truncatedPng() throws IOException {
		byte[] bytes = png(FormImages.render(FormImages.sampleValues(), Scan.straight(100)));
		Path file = Files.write(dir.resolve("truncated.png"), Arrays.copyOf(bytes, bytes.length / 2));
		assertThat(errors(file)).singleElement()
			.asString()
			.startsWith("truncated.png: page 1: cannot decode the image");
	}

	@Test
	void truncatedTiffAndJpeg() throws IOException {
		Path jpeg = dir.resolve("cut.jpg");
		ImageIO.write(FormImages.render(FormImages.sampleValues(), Scan.straight(100)), "jpeg", jpeg.toFile());
		byte[] bytes = Files.readAllBytes(jpeg);
		Files.write(jpeg, Arrays.copyOf(bytes, 200));
		assertThat(errors(jpeg)).singleElement().asString().startsWith("cut.jpg: ");
		Path tiff = FormImages.writeTiff(List.of(FormImages.blank(50)), dir.resolve("cut.tif"));
		bytes = Files.readAllBytes(tiff);
		Files.write(tiff, Arrays.copyOf(bytes, 16));
		assertThat(errors(tiff)).singleElement().asString().startsWith("cut.tif: ");
	}

	@Test
	void corruptPdf() throws IOException {
		Path file = Files.writeString(dir.resolve("corrupt.pdf"), "%PDF-1.7\nthis is not a PDF at all\n%%EOF\n");
		assertThat(errors(file)).singleElement().asString().startsWith("corrupt.pdf: ");
	}

	@Test
	void passwordProtectedPdf() throws IOException {
		Path file = dir.resolve("locked.pdf");
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
			document.protect(policy);
			document.save(file.toFile());
		}
		assertThat(errors(file)).containsExactly("locked.pdf: PDF is password-protected");
	}

	@Test
	void decompressionBomb() throws IOException {
		byte[] bytes = png(FormImages.blank(20));
		// IHDR is the first chunk: length(4) type(4) width(4) height(4) ...
		ByteBuffer ihdr = ByteBuffer.wrap(bytes);
		ihdr.putInt(16, 200_000);
		ihdr.putInt(20, 200_000);
		CRC32 crc = new CRC32();
		crc.update(bytes, 12, 17);
		ihdr.putInt(29, (int) crc.getValue());
		Path file = Files.write(dir.resolve("bomb.png"), bytes);
		assertThat(errors(file))
			.containsExactly("bomb.png: page 1: image of 200000x200000 pixels is over the limit of 150000000 pixels"
					+ " (digilab.input.max-image-pixels)");
	}

	@Test
	void aFileWithMorePagesThanTheLimitIsRefusedBeforeAnyPageIsRendered() throws IOException {
		Path pdf = dir.resolve("long.pdf");
		try (PDDocument document = new PDDocument()) {
			for (int i = 0; i < 6; i++) {
				document.addPage(new PDPage());
			}
			document.save(pdf.toFile());
		}
		Path tiff = FormImages.writeTiff(java.util.Collections.nCopies(6, FormImages.blank(20)),
				dir.resolve("long.tif"));
		try (FormReader limited = new FormReader(OcrSettings.defaults()
			.withEngineFactory(FakeEngine.reading("2", 0.9))
			.withLimits(new jp.digilab.ocr.image.InputLimits(5, 1_000_000)))) {
			assertThat(limited.read(pdf, List.of(template)).errors()).containsExactly(
					"long.pdf: PDF has 6 pages, more than the limit of 5 (digilab.input.max-pages); split it into smaller files");
			assertThat(limited.read(tiff, List.of(template)).errors()).containsExactly(
					"long.tif: TIFF has 6 pages, more than the limit of 5 (digilab.input.max-pages); split it into smaller files");
		}
	}

	@Test
	void blankPage() {
		Path file = FormImages.writePng(FormImages.blank(100), dir.resolve("blank.png"), 100);
		FormReader blankReader = new FormReader(OcrSettings.defaults()
			.withEngineFactory((tessdata, languages) -> new FakeEngine("", (whitelist) -> OcrText.empty())));
		try (blankReader) {
			assertThat(blankReader.read(file, List.of(template)).errors())
				.containsExactly("blank.png: page 1: blank page");
		}
	}

	private static List<String> errors(Path file) {
		ScanResult result = reader.read(file, List.of(template));
		assertThat(result.documents()).isEmpty();
		return result.errors();
	}

	private static byte[] png(java.awt.image.BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
