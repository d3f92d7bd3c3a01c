package jp.digilab.ocr.template;

import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads the size of a reference image without decoding it.
 */
final class ReferenceImages {

	private ReferenceImages() {
	}

	static Dimension size(Path image) {
		if (!Files.isRegularFile(image)) {
			return null;
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in);
				return new Dimension(reader.getWidth(0), reader.getHeight(0));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException ex) {
			return null;
		}
	}

}
