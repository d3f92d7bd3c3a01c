package jp.digilab.ocr;

/**
 * The engines that read the fields of a page.
 *
 * @param text reads Japanese and other text fields
 * @param ascii reads fields whose whitelist is ASCII (digits, phone numbers, e-mail)
 * @param second reads a doubtful text field again, or {@code null}
 */
record FieldEngines(OcrEngine text, OcrEngine ascii, OcrEngine second) {

}
