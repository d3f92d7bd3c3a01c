package jp.digilab.ocr.template;

/**
 * A printed landmark that pins a scan onto the template.
 *
 * @param text the printed text
 * @param box [x, y, width, height] of the printed text, in template units
 */
public record Anchor(String text, double[] box) {

}
