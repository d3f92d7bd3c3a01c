package jp.digilab.jobs.pipeline;

import jp.digilab.jobs.run.StoredFile;
import jp.digilab.ocr.ScanResult;

/** A claimed file with what OCR made of it and how long that took. */
record RecognizedFile(StoredFile file, ScanResult result, long machineMillis) {
}
