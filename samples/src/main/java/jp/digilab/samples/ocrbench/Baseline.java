package jp.digilab.samples.ocrbench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.digilab.ocr.field.FieldType;
import jp.digilab.ocr.field.Normalized;
import jp.digilab.ocr.template.FieldSpec;
import jp.digilab.ocr.template.FormTemplate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The baseline a user would try first: the {@code tesseract} command on the whole page
 * ({@code -l jpn+eng --psm 3}, PDFs rendered to a 300-DPI PNG first), then for each field
 * the rest of the first line that contains its printed label, through the field type's
 * normaliser. Check boxes and choices are not text: the baseline does not read them.
 */
final class Baseline {

	private static final long TIMEOUT_SECONDS = 300;

	private final Path work;

	Baseline(Path work) {
		this.work = work;
	}

	/** Whether the {@code tesseract} command runs. */
	static boolean available() {
		try {
			Process p = new ProcessBuilder("tesseract", "--version").redirectErrorStream(true).start();
			p.getInputStream().readAllBytes();
			return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Read one scan's text.
	 * @param file a PNG, JPEG or one-page PDF
	 * @return the text of the page
	 * @throws IOException if tesseract cannot be run or fails
	 */
	String text(Path file) throws IOException {
		Path page = file;
		if (file.getFileName().toString().endsWith(".pdf")) {
			page = this.work.resolve(file.getFileName() + ".png");
			ScanFiles.png(render(file), 300, page);
		}
		return tesseract(page);
	}

	private static BufferedImage render(Path pdf) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			return new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.GRAY);
		}
	}

	private static String tesseract(Path page) throws IOException {
		ProcessBuilder builder = new ProcessBuilder("tesseract", page.toString(), "stdout", "-l", "jpn+eng", "--psm",
				"3");
		builder.environment().put("OMP_THREAD_LIMIT", "1");
		builder.redirectError(ProcessBuilder.Redirect.DISCARD);
		Process process = builder.start();
		try (InputStream in = process.getInputStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException("tesseract timed out on " + page);
			}
			if (process.exitValue() != 0) {
				throw new IOException("tesseract exited with " + process.exitValue() + " on " + page);
			}
			return text;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException("interrupted", ex);
		}
	}

	/**
	 * The label-based extraction: the rest of the first line holding the label.
	 * @param template the page's template
	 * @param text the page's text
	 * @return the normalised value per OCR field (no entry for check boxes and choices)
	 */
	static Map<String, Normalized> extract(FormTemplate template, String text) {
		List<String> lines = List.of(text.split("\\R"));
		Map<String, Normalized> values = new LinkedHashMap<>();
		for (FieldSpec spec : template.fields()) {
			FieldType type = FieldType.of(spec.type()).orElseThrow();
			if (type.byInk()) {
				continue;
			}
			values.put(spec.name(), type.normalize(restAfter(lines, spec.label())));
		}
		return values;
	}

	static String restAfter(List<String> lines, String label) {
		// Tesseract puts spaces between CJK words: allow them between the label's
		// characters
		List<String> chars = new ArrayList<>();
		label.codePoints().forEach((c) -> chars.add(Pattern.quote(new String(Character.toChars(c)))));
		Pattern pattern = Pattern.compile(String.join("\\s*", chars));
		for (String line : lines) {
			Matcher m = pattern.matcher(line);
			if (m.find()) {
				return line.substring(m.end()).strip();
			}
		}
		return "";
	}

}
