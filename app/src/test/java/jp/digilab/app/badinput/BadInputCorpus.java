package jp.digilab.app.badinput;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/**
 * The bad-input corpus: every kind of input a watched folder may receive that is not a
 * clean scan, made on disk in a few seconds (nothing large is stored in the repository).
 * See README.md beside this class for the table of files, how each is made and what it
 * tests.
 */
public final class BadInputCorpus {

	/** Where a kind ends up. */
	public enum Fate {

		/** {@code failed/NAME} and {@code failed/NAME.error.txt} with the reason. */
		FAILED,
		/** {@code done/NAME}, read. */
		DONE,
		/** {@code duplicates/NAME} and its note. */
		DUPLICATE,
		/** Left in the inbox; the reason is in the watcher's status and the log. */
		STAYS

	}

	/**
	 * One file of the corpus.
	 *
	 * @param kind what it is, for the test's messages
	 * @param name the file name in the inbox
	 * @param fate where it must end
	 * @param reason a regular expression the one-line reason must match
	 */
	public record Item(String kind, String name, Fate fate, String reason) {
	}

	/**
	 * A long stem: 81 characters, 243 bytes in UTF-8; with {@code .png} the name is 247
	 * bytes (the limit is 255), and {@code NAME.error.txt} would be 257.
	 */
	public static final String LONG_STEM = "住民票".repeat(26) + "写し等";

	/** が written as one character (NFC) and as か + combining mark (NFD). */
	public static final String NFC_NAME = Normalizer.normalize("がっこう申請.pdf", Normalizer.Form.NFC);

	public static final String NFD_NAME = Normalizer.normalize("がっこう申請.pdf", Normalizer.Form.NFD);

	/** The files written by {@link #writeFailing(Path)}, with their expected fate. */
	public static final List<Item> FAILING = List.of(
			new Item("zero-byte file", "empty.pdf", Fate.FAILED, "file is empty"),
			new Item("truncated PDF", "truncated.pdf", Fate.FAILED, ".+"),
			new Item("corrupt PDF", "corrupt.pdf", Fate.FAILED, "cannot read PDF.*"),
			new Item("truncated PNG", "truncated.png", Fate.FAILED, "page 1: cannot decode the image.*"),
			new Item("corrupt PNG", "corrupt.png", Fate.FAILED, "(page 1: )?cannot (decode|read).*"),
			new Item("encrypted PDF", "encrypted.pdf", Fate.FAILED, "PDF is password-protected"),
			new Item("PDF with 10,000 pages", "pages-10000.pdf", Fate.FAILED,
					"PDF has 10000 pages, more than the limit of 200 \\(digilab.input.max-pages\\).*"),
			new Item("500-page TIFF", "pages-500.tif", Fate.FAILED,
					"TIFF has 500 pages, more than the limit of 200 \\(digilab.input.max-pages\\).*"),
			new Item("30,000 x 30,000 px image (decompression bomb)", "bomb-30000.png", Fate.FAILED,
					"page 1: image of 30000x30000 pixels is over the limit of 150000000 pixels.*"),
			new Item("wrong extension (PDF named .png)", "really-a-pdf.png", Fate.FAILED,
					"content is PDF but the name ends in .png"),
			new Item("not a scan at all (text named .pdf)", "notes.pdf", Fate.FAILED,
					"unknown format \\(not PNG, JPEG, TIFF or PDF\\)"),
			new Item("blank page", "blank.png", Fate.FAILED, "page 1: blank page"),
			new Item("name with ../ (URL-encoded)", "scan-..%2F..%2Fescape.pdf", Fate.FAILED, "unknown format.*"),
			new Item("name with ..\\ (a Windows path in a Linux name)", "scan-..\\..\\escape.pdf", Fate.FAILED,
					"unknown format.*"),
			new Item("NFC name", NFC_NAME, Fate.FAILED, "unknown format.*"),
			new Item("NFD name (same visible name)", NFD_NAME, Fate.FAILED, "unknown format.*"),
			new Item("very long name (247 bytes)", LONG_STEM + ".png", Fate.FAILED, "unknown format.*"));

	private BadInputCorpus() {
	}

	/**
	 * Writes every file of {@link #FAILING} into {@code dir}.
	 * @param dir a folder on the inbox's file system (files are moved in from there)
	 * @param goodScan a clean sample scan (PDF) to cut and corrupt
	 */
	public static void writeFailing(Path dir, Path goodPdf, Path goodPng) throws IOException {
		Files.createDirectories(dir);
		Files.write(dir.resolve("empty.pdf"), new byte[0]);
		byte[] pdf = Files.readAllBytes(goodPdf);
		Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(pdf, pdf.length / 3));
		Files.writeString(dir.resolve("corrupt.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF\n");
		byte[] png = Files.readAllBytes(goodPng);
		Files.write(dir.resolve("truncated.png"), Arrays.copyOf(png, png.length / 2));
		Files.write(dir.resolve("corrupt.png"), corruptPng(png));
		encryptedPdf(dir.resolve("encrypted.pdf"));
		emptyPagesPdf(dir.resolve("pages-10000.pdf"), 10_000);
		tinyTiff(dir.resolve("pages-500.tif"), 500);
		Files.write(dir.resolve("bomb-30000.png"), pngClaiming(30_000, 30_000));
		Files.copy(goodPdf, dir.resolve("really-a-pdf.png"));
		for (String name : List.of("notes.pdf", "scan-..%2F..%2Fescape.pdf", "scan-..\\..\\escape.pdf", NFC_NAME,
				NFD_NAME, LONG_STEM + ".png")) {
			Files.writeString(dir.resolve(name), "This is a memo, not a scan: " + name + "\n");
		}
		blankPng(dir.resolve("blank.png"));
	}

	/** A PNG whose signature and header are intact but whose image data is noise. */
	static byte[] corruptPng(byte[] png) {
		byte[] bytes = png.clone();
		// signature (8) + IHDR chunk (25): keep them, scramble everything after
		for (int i = 33 + 8; i < bytes.length - 12; i++) {
			bytes[i] = (byte) (bytes[i] ^ 0x5A);
		}
		return bytes;
	}

	static void encryptedPdf(Path file) throws IOException {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage(PDRectangle.A4));
			document.protect(new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission()));
			document.save(file.toFile());
		}
	}

	/** Empty A4 pages share one page object's resources: 10,000 pages make about 1 MB. */
	static void emptyPagesPdf(Path file, int pages) throws IOException {
		try (PDDocument document = new PDDocument()) {
			for (int i = 0; i < pages; i++) {
				document.addPage(new PDPage(PDRectangle.A4));
			}
			document.save(file.toFile());
		}
	}

	/** A multi-page TIFF of 16 × 16 px white pages. */
	static void tinyTiff(Path file, int pages) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
			writer.setOutput(out);
			writer.prepareWriteSequence(null);
			BufferedImage page = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
			for (int i = 0; i < pages; i++) {
				writer.writeToSequence(new IIOImage(page, null, null), null);
			}
			writer.endWriteSequence();
		}
		finally {
			writer.dispose();
		}
	}

	/**
	 * A decompression bomb without the disk space: a small valid PNG whose header (IHDR,
	 * CRC fixed) claims {@code width × height} pixels. A reader that trusts the header
	 * allocates gigabytes before it finds out the data is short.
	 */
	static byte[] pngClaiming(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY), "png", out);
		byte[] bytes = out.toByteArray();
		ByteBuffer ihdr = ByteBuffer.wrap(bytes);
		ihdr.putInt(16, width);
		ihdr.putInt(20, height);
		CRC32 crc = new CRC32();
		crc.update(bytes, 12, 17);
		ihdr.putInt(29, (int) crc.getValue());
		return bytes;
	}

	/** A white A4 page at 100 DPI: a scanner fed an empty sheet. */
	static void blankPng(Path file) throws IOException {
		BufferedImage page = new BufferedImage(827, 1169, BufferedImage.TYPE_BYTE_GRAY);
		var g = page.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, page.getWidth(), page.getHeight());
		g.dispose();
		ImageIO.write(page, "png", file.toFile());
	}

	/**
	 * Writes {@code content} to {@code target} in {@code chunks} pieces,
	 * {@code pauseMillis} apart: a scanner or a copy over a slow share that is still
	 * writing.
	 */
	public static void writeSlowly(byte[] content, Path target, int chunks, long pauseMillis) {
		try (OutputStream out = Files.newOutputStream(target)) {
			int step = (content.length + chunks - 1) / chunks;
			for (int i = 0; i < content.length; i += step) {
				out.write(content, i, Math.min(step, content.length - i));
				out.flush();
				TimeUnit.MILLISECONDS.sleep(pauseMillis);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Broken definition files: YAML that does not parse, or keys that do not exist. */
	public static final String BROKEN_TEMPLATE = """
			id: broken
			title: [unclosed
			fields:
			""";

	public static final String BROKEN_ROBOT = """
			id: broken-robot
			perRecord:
			  - flyTo: "the moon"
			""";

	public static final String BROKEN_JOB = """
			id: broken-job
			inbox: true
			templates: juminhyo-request
			  outputs: { xlsx: true
			""";

	public static final String BROKEN_SCHEDULE = """
			id: broken-schedule
			job: intake
			cron: "every morning"
			""";

	/**
	 * Runs a system command (chattr, mount, mkfifo) and says whether it worked; these
	 * need root or capabilities a CI machine may not give, and the kinds that use them
	 * are skipped with a message there.
	 */
	public static boolean system(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
