package jp.digilab.ocr.image;

import java.awt.Rectangle;

/**
 * A character of a PDF text layer.
 *
 * @param text the character(s)
 * @param box its box in the pixels of the rendered page
 */
public record TextChar(String text, Rectangle box) {

}
