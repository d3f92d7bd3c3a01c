package jp.digilab.samples.scans;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import jp.digilab.samples.Json;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Generates the sample forms (住民票の写し等交付請求書 and 児童手当 認定請求書) and four scanned applications
 * of the first, always the same bytes (fixed seeds, no dates in the files):
 *
 * <ul>
 * <li>{@code HOME/templates/juminhyo-request.png} the blank form, 300 DPI,
 * <li>{@code HOME/templates/juminhyo-request.yml} its template,
 * <li>{@code HOME/templates/jidou-teate-request.png} and {@code .yml}: the same for the
 * second form (no scans: its job's inbox is empty),
 * <li>{@code HOME/inbox/juminhyo/scan-001.png} … {@code scan-003.png} and the image-only
 * PDF {@code scan-004.pdf},
 * <li>{@code EXPECTED_JSON}: what the OCR should read from each scan, normalised.
 * </ul>
 *
 * Usage: {@code SampleScanGenerator [HOME_DIR [EXPECTED_JSON]]}, defaults
 * {@code samples/home} and {@code samples/expected/juminhyo.json}.
 */
public final class SampleScanGenerator {

	/** The job whose inbox receives the scans. */
	public static final String JOB = "juminhyo";

	/** The template's id. */
	public static final String TEMPLATE = FormLayout.JUMINHYO.id();

	/** PDF file identifier, fixed so that the PDF is the same on every run. */
	private static final byte[] PDF_ID = "digilab-sample-scan-004".getBytes(StandardCharsets.US_ASCII);

	private final FormRenderer renderer;

	public SampleScanGenerator() {
		System.setProperty("java.awt.headless", "true");
		this.renderer = new FormRenderer();
	}

	public static void main(String[] args) throws IOException {
		Path home = Path.of((args.length > 0) ? args[0] : "samples/home");
		Path expected = Path.of((args.length > 1) ? args[1] : "samples/expected/juminhyo.json");
		new SampleScanGenerator().generate(home, expected);
		System.out.println(
				"wrote the sample form, template and scans to " + home + " and the expected values to " + expected);
	}

	/**
	 * Write the template, its reference image, the scans and the expected values.
	 * @param home the home folder
	 * @param expectedJson where the expected values go
	 * @throws IOException if a file cannot be written
	 */
	public void generate(Path home, Path expectedJson) throws IOException {
		for (FormLayout form : FormLayout.ALL) {
			writeTemplate(home.resolve("templates"), form);
		}
		Path inbox = Files.createDirectories(home.resolve("inbox").resolve(JOB));
		Map<String, Map<String, String>> expected = new LinkedHashMap<>();
		for (Applicant applicant : Applicant.ALL) {
			BufferedImage scan = ScannerEffects.scan(this.renderer.filled(applicant), FormLayout.JUMINHYO,
					applicant.shiftX(), applicant.shiftY(), applicant.seed());
			Path file = inbox.resolve(applicant.file());
			if (applicant.pdf()) {
				writeImagePdf(scan, file);
			}
			else {
				writePng(scan, file);
			}
			expected.put(applicant.file(), applicant.expected());
		}
		if (expectedJson.getParent() != null) {
			Files.createDirectories(expectedJson.getParent());
		}
		Files.writeString(expectedJson, Json.objects(expected), StandardCharsets.UTF_8);
	}

	/**
	 * Write the blank form ({@code juminhyo-request.png}) and its template
	 * ({@code juminhyo-request.yml}) into a templates folder.
	 * @param templates the folder, created when missing
	 * @return the template file
	 * @throws IOException if a file cannot be written
	 */
	public Path writeTemplate(Path templates) throws IOException {
		return writeTemplate(templates, FormLayout.JUMINHYO);
	}

	/**
	 * Write a sample form's blank form ({@code ID.png}) and template ({@code ID.yml})
	 * into a templates folder.
	 * @param templates the folder, created when missing
	 * @param form the form
	 * @return the template file
	 * @throws IOException if a file cannot be written
	 */
	public Path writeTemplate(Path templates, FormLayout form) throws IOException {
		Files.createDirectories(templates);
		writePng(this.renderer.blank(form), templates.resolve(form.id() + ".png"));
		Path yml = templates.resolve(form.id() + ".yml");
		Files.writeString(yml, TemplateWriter.yaml(this.renderer, form), StandardCharsets.UTF_8);
		return yml;
	}

	/**
	 * The form filled in with typed values and ticks, as printed, before scanning (300
	 * DPI, 8-bit grey, white paper): for benchmarks that make their own scans.
	 * @param printed the typed text per field name (text, date, postal, phone and copies
	 * fields)
	 * @param purpose the ticked purpose option (就職, 年金, 婚姻 or その他)
	 * @param honseki whether the honseki box is ticked
	 * @return the printed page
	 */
	public BufferedImage printed(Map<String, String> printed, String purpose, boolean honseki) {
		return this.renderer
			.filled(new Applicant("printed", Map.copyOf(printed), purpose, honseki, Map.of(), 0, 0, 0L));
	}

	/**
	 * A sample form filled in with typed values and ticks, as printed, before scanning
	 * (300 DPI, 8-bit grey, white paper).
	 * @param form the form
	 * @param printed the typed text per field name
	 * @param ticked per choice field its ticked option, per check box {@code "true"} when
	 * ticked
	 * @return the printed page
	 */
	public BufferedImage printed(FormLayout form, Map<String, String> printed, Map<String, String> ticked) {
		return this.renderer.filled(form, printed, ticked);
	}

	/**
	 * The mild scanner of the samples (paper tone, grey ink, softening, sparse noise,
	 * dust outside the table), without shift.
	 * @param page a printed page, 8-bit grey
	 * @param form the printed form (dust falls outside its table)
	 * @param seed seed of the noise
	 * @return the scanned page, same size
	 */
	public static BufferedImage scanner(BufferedImage page, FormLayout form, long seed) {
		return ScannerEffects.scan(page, form, 0, 0, seed);
	}

	/** A PNG with its resolution (pHYs, 300 DPI = 11811 pixels per metre). */
	static void writePng(BufferedImage image, Path file) throws IOException {
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
		ImageWriter writer = writers.next();
		try {
			ImageWriteParam param = writer.getDefaultWriteParam();
			IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
					param);
			IIOMetadataNode phys = new IIOMetadataNode("pHYs");
			String perMetre = Integer.toString((int) Math.round(FormLayout.DPI / 0.0254));
			phys.setAttribute("pixelsPerUnitXAxis", perMetre);
			phys.setAttribute("pixelsPerUnitYAxis", perMetre);
			phys.setAttribute("unitSpecifier", "meter");
			IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
			root.appendChild(phys);
			try {
				metadata.mergeTree("javax_imageio_png_1.0", root);
			}
			catch (IIOInvalidTreeException ex) {
				throw new IOException(ex);
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
				writer.setOutput(out);
				writer.write(null, new IIOImage(image, null, metadata), param);
			}
			Files.write(file, bytes.toByteArray());
		}
		finally {
			writer.dispose();
		}
	}

	/**
	 * An image-only PDF as a scanner writes it: one A4 page, the grey page image (JPEG)
	 * drawn over the whole page, no text layer.
	 */
	static void writeImagePdf(BufferedImage image, Path file) throws IOException {
		try (PDDocument doc = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			PDImageXObject xobject = JPEGFactory.createFromImage(doc, image, 0.85f, FormLayout.DPI);
			try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
				content.drawImage(xobject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
			}
			doc.getDocumentInformation().setProducer("Digi-Lab sample scanner");
			COSArray id = new COSArray();
			id.add(new COSString(PDF_ID));
			id.add(new COSString(PDF_ID));
			doc.getDocument().getTrailer().setItem(COSName.ID, id);
			try (OutputStream out = Files.newOutputStream(file)) {
				doc.save(out);
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

}
