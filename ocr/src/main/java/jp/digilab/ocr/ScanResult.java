package jp.digilab.ocr;

import java.util.List;

/**
 * What was read from one file: its forms and, one line each, what could not be read.
 *
 * @param file the file name
 * @param documents the forms found, in page order
 * @param errors one line per problem: "FILE: page N: what is wrong"
 */
public record ScanResult(String file, List<DocumentResult> documents, List<String> errors) {

	public ScanResult {
		documents = List.copyOf(documents);
		errors = List.copyOf(errors);
	}

	public boolean hasErrors() {
		return !this.errors.isEmpty();
	}

}
