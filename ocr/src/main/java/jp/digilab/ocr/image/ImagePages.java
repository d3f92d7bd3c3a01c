package jp.digilab.ocr.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import jp.digilab.ocr.Reasons;

import org.w3c.dom.NodeList;

/**
 * Pages of a PNG, JPEG or (multi-page) TIFF file, through ImageIO.
 */
final class ImagePages implements PageSource {

	private final ImageInputStream input;

	private final ImageReader reader;

	private final int count;

	private final InputLimits limits;

	ImagePages(Path file, String format, InputLimits limits) {
		this.limits = limits;
		ImageInputStream in = null;
		try {
			in = ImageIO.createImageInputStream(file.toFile());
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.toLowerCase(Locale.ROOT));
			if (in == null || !readers.hasNext()) {
				throw new InputException(Reasons.NO_IMAGE_READER.text(format));
			}
			this.reader = readers.next();
			this.reader.setInput(in, false, false);
			this.input = in;
			this.count = this.reader.getNumImages(true);
			if (this.count < 1) {
				throw new InputException(Reasons.NO_IMAGE.text(format));
			}
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(in);
			if (ex instanceof InputException inputException) {
				throw inputException;
			}
			throw new InputException(Reasons.IMAGE_UNREADABLE.text(format, message(ex)), ex);
		}
	}

	@Override
	public int pageCount() {
		return this.count;
	}

	@Override
	public Page page(int number) {
		int index = number - 1;
		try {
			long w = this.reader.getWidth(index);
			long h = this.reader.getHeight(index);
			if (w * h > this.limits.maxImagePixels()) {
				// the header's claim is refused before a single row is decoded
				throw new InputException(Reasons.IMAGE_OVER_PIXEL_LIMIT.text(w, h, this.limits.maxImagePixels()));
			}
			int dpi = dpi(index);
			int factor = 1;
			while ((w / factor) * (h / factor) > MAX_PIXELS || (dpi / factor) > MAX_DPI * 1.5) {
				factor++;
			}
			if (factor > 4 || w * h > MAX_PIXELS * 16) {
				throw new InputException(Reasons.IMAGE_OVER_SIZE_LIMIT.text(w, h));
			}
			ImageReadParam param = this.reader.getDefaultReadParam();
			param.setSourceSubsampling(factor, factor, 0, 0);
			BufferedImage image = this.reader.read(index, param);
			return new Page(number, Images.toGray(image), dpi / factor, List.of());
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InputException inputException) {
				throw inputException;
			}
			throw new InputException(Reasons.IMAGE_UNDECODABLE.text(message(ex)), ex);
		}
	}

	private int dpi(int index) {
		try {
			IIOMetadata metadata = this.reader.getImageMetadata(index);
			if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
				return 0;
			}
			IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
			NodeList nodes = root.getElementsByTagName("HorizontalPixelSize");
			if (nodes.getLength() == 0) {
				return 0;
			}
			double mmPerPixel = Double.parseDouble(((IIOMetadataNode) nodes.item(0)).getAttribute("value"));
			int dpi = (int) Math.round(25.4 / mmPerPixel);
			return (dpi >= 50 && dpi <= 2400) ? dpi : 0;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private static String message(Exception ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	@Override
	public void close() {
		this.reader.dispose();
		closeQuietly(this.input);
	}

	private static void closeQuietly(ImageInputStream in) {
		if (in != null) {
			try {
				in.close();
			}
			catch (IOException ex) {
				// nothing left to do
			}
		}
	}

}
