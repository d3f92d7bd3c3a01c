package jp.digilab.ocr.template;

import java.util.List;

/**
 * How a scanned page is recognised as a form.
 *
 * @param keywords printed words of the form; a page matches when most of them are found
 */
public record Match(List<String> keywords) {

	public Match {
		keywords = List.copyOf(keywords);
	}

}
