package jp.digilab.samples.ocrbench;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import jp.digilab.ocr.FormReader;
import jp.digilab.ocr.OcrSettings;
import jp.digilab.ocr.ScanResult;
import jp.digilab.ocr.template.FormTemplate;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The long-PDF check of the OCR benchmark ({@code --pdf-pages N}): N of the benchmark's
 * scans in one image-only PDF, read by {@link FormReader} with its page workers in a
 * child JVM limited to a small heap ({@code -Xmx512m}), which prints the documents, the
 * errors and the peak heap it used.
 * <p>
 * As a main class it is that child: {@code PdfHeapCheck PDF TEMPLATES_DIR WORKERS}.
 */
public final class PdfHeapCheck {

	/** The heap the child JVM gets. */
	static final String HEAP = "512m";

	private PdfHeapCheck() {
	}

	public static void main(String[] args) throws IOException {
		Path pdf = Path.of(args[0]);
		List<FormTemplate> templates = new ArrayList<>();
		try (var files = Files.list(Path.of(args[1]))) {
			for (Path yml : files.filter((f) -> f.toString().endsWith(".yml")).sorted().toList()) {
				templates.add(FormTemplate.load(yml));
			}
		}
		int workers = Integer.parseInt(args[2]);
		long start = System.nanoTime();
		ScanResult result;
		try (FormReader reader = new FormReader(OcrSettings.defaults(), workers)) {
			result = reader.read(pdf, templates);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.printf(Locale.ROOT, "RESULT documents=%d errors=%d peakHeapMb=%d maxHeapMb=%d seconds=%.1f%n",
				result.documents().size(), result.errors().size(), peak >> 20, Runtime.getRuntime().maxMemory() >> 20,
				seconds);
		result.errors().stream().limit(5).forEach((e) -> System.out.println("ERROR " + e));
	}

	/**
	 * Write N pages, cycling through the PNG and JPEG scans, into one image-only PDF
	 * (JPEG pages, as a document scanner writes them); the document is built through a
	 * temporary-file cache so that the benchmark's own heap stays small too.
	 * @param scans the benchmark's scans
	 * @param pages how many pages
	 * @param file the PDF
	 * @throws IOException if a scan cannot be read or the PDF written
	 */
	static void writePdf(List<BenchScans.BenchScan> scans, int pages, Path file) throws IOException {
		List<Path> images = scans.stream()
			.map(BenchScans.BenchScan::file)
			.filter((f) -> !f.toString().endsWith(".pdf"))
			.toList();
		if (images.isEmpty()) {
			throw new IOException("no PNG or JPEG scan to build the PDF from");
		}
		try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
			for (int i = 0; i < pages; i++) {
				Path source = images.get(i % images.size());
				BufferedImage image = ImageIO.read(source.toFile());
				PDPage page = new PDPage(PDRectangle.A4);
				doc.addPage(page);
				PDImageXObject xobject = JPEGFactory.createFromImage(doc, image, 0.8f);
				try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
					content.drawImage(xobject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
				}
			}
			doc.save(file.toFile());
		}
	}

	/**
	 * Run the check in a child JVM with {@code -Xmx512m} and return its result line.
	 * @param pdf the PDF
	 * @param templates the templates folder
	 * @param workers page workers
	 * @return the child's output
	 * @throws IOException if the child cannot be started
	 */
	static String runChild(Path pdf, Path templates, int workers) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx" + HEAP));
		String loaderMain = System.getProperty("loader.main");
		if (loaderMain != null) {
			// started by ./digilab from the application jar: start the child the same way
			command.addAll(List.of("-Dloader.main=" + PdfHeapCheck.class.getName(), "-cp",
					System.getProperty("java.class.path"),
					"org.springframework.boot.loader.launch.PropertiesLauncher"));
		}
		else {
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), PdfHeapCheck.class.getName()));
		}
		command.addAll(List.of(pdf.toString(), templates.toString(), Integer.toString(workers)));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("OMP_THREAD_LIMIT", "1");
		Path log = Files.createTempFile("digilab-pdfcheck-", ".log");
		builder.redirectOutput(log.toFile());
		Process process = builder.start();
		try {
			if (!process.waitFor(2, TimeUnit.HOURS)) {
				process.destroyForcibly();
				return "timed out";
			}
			String out = Files.readString(log, StandardCharsets.UTF_8);
			List<String> lines = out.lines()
				.filter((l) -> l.startsWith("RESULT") || l.startsWith("ERROR") || l.contains("OutOfMemoryError"))
				.toList();
			return "exit " + process.exitValue() + (lines.isEmpty() ? "" : "; " + String.join("; ", lines));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			return "interrupted";
		}
		finally {
			new File(log.toString()).delete();
		}
	}

}
