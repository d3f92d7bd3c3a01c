package jp.digilab.ocr.template;

/**
 * One option of a {@code choice} field.
 *
 * @param value the value the field takes when this option is ticked or circled
 * @param label the printed label (defaults to the value)
 * @param box [x, y, width, height] of the tick box or the printed option, or {@code null}
 * when the option has no box of its own (then it is found by its printed text)
 */
public record ChoiceOption(String value, String label, double[] box) {

}
