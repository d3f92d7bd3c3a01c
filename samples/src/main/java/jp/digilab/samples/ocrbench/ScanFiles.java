package jp.digilab.samples.ocrbench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.w3c.dom.Node;

/**
 * Writes a scanned page as a scanner would: PNG or JPEG with the resolution in its
 * metadata, or an image-only A4 PDF with the page as a JPEG.
 */
final class ScanFiles {

	private ScanFiles() {
	}

	static void write(BufferedImage image, Defects defects, Path file) throws IOException {
		switch (defects.format()) {
			case "png" -> png(image, defects.dpi(), file);
			case "jpg" -> jpeg(image, defects.dpi(), defects.jpegQuality(), file);
			case "pdf" -> pdf(image, defects.dpi(), defects.jpegQuality(), file);
			default -> throw new IllegalArgumentException("unknown format " + defects.format());
		}
	}

	static void png(BufferedImage image, int dpi, Path file) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
		try {
			ImageWriteParam param = writer.getDefaultWriteParam();
			IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
					param);
			IIOMetadataNode phys = new IIOMetadataNode("pHYs");
			String perMetre = Integer.toString((int) Math.round(dpi / 0.0254));
			phys.setAttribute("pixelsPerUnitXAxis", perMetre);
			phys.setAttribute("pixelsPerUnitYAxis", perMetre);
			phys.setAttribute("unitSpecifier", "meter");
			IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
			root.appendChild(phys);
			metadata.mergeTree("javax_imageio_png_1.0", root);
			write(writer, new IIOImage(image, null, metadata), param, file);
		}
		finally {
			writer.dispose();
		}
	}

	private static void jpeg(BufferedImage image, int dpi, float quality, Path file) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try {
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
					param);
			Node root = metadata.getAsTree("javax_imageio_jpeg_image_1.0");
			IIOMetadataNode jfif = (IIOMetadataNode) ((IIOMetadataNode) root).getElementsByTagName("app0JFIF").item(0);
			jfif.setAttribute("resUnits", "1");
			jfif.setAttribute("Xdensity", Integer.toString(dpi));
			jfif.setAttribute("Ydensity", Integer.toString(dpi));
			metadata.setFromTree("javax_imageio_jpeg_image_1.0", root);
			write(writer, new IIOImage(image, null, metadata), param, file);
		}
		finally {
			writer.dispose();
		}
	}

	private static void write(ImageWriter writer, IIOImage image, ImageWriteParam param, Path file) throws IOException {
		Files.deleteIfExists(file);
		try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
			writer.setOutput(out);
			writer.write(null, image, param);
		}
	}

	private static void pdf(BufferedImage image, int dpi, float quality, Path file) throws IOException {
		try (PDDocument doc = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			PDImageXObject xobject = JPEGFactory.createFromImage(doc, image, quality, dpi);
			try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
				content.drawImage(xobject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
			}
			doc.getDocumentInformation().setProducer("Digi-Lab benchmark scanner");
			try (OutputStream out = Files.newOutputStream(file)) {
				doc.save(out);
			}
		}
	}

}
