package jp.digilab.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.digilab.ocr.align.AnchorFinder;
import jp.digilab.ocr.field.JapaneseText;
import jp.digilab.ocr.template.Anchor;
import jp.digilab.ocr.template.FormTemplate;

/**
 * Recognises which template a page is, from the printed keywords found in its text.
 */
final class PageClassifier {

	static final double MIN_SCORE = 0.5;

	private PageClassifier() {
	}

	/**
	 * How well a template matches a page.
	 *
	 * @param template the template
	 * @param score 0–1: the share of its keywords found (near misses count 0.7)
	 */
	record Score(FormTemplate template, double score) {
	}

	/**
	 * Pick the template that matches a page best: half its keywords found anywhere, half
	 * its anchors found near their place (only keywords or only anchors when it has no
	 * other).
	 */
	static Optional<FormTemplate> classify(List<FormTemplate> candidates, AnchorFinder page, int pageWidth,
			List<Score> scores) {
		String text = page.compactText();
		Score best = null;
		for (FormTemplate template : candidates) {
			double keywords = score(template, text);
			double anchors = anchorScore(template, page, pageWidth);
			double combined = template.anchors().isEmpty() ? keywords
					: template.match().keywords().isEmpty() ? anchors : (keywords + anchors) / 2;
			Score score = new Score(template, combined);
			scores.add(score);
			if (best == null || score.score() > best.score()) {
				best = score;
			}
		}
		return (best != null && best.score() >= MIN_SCORE) ? Optional.of(best.template()) : Optional.empty();
	}

	static double anchorScore(FormTemplate template, AnchorFinder page, int pageWidth) {
		if (template.anchors().isEmpty()) {
			return 0;
		}
		double pixelsPerMm = (double) pageWidth / template.paper().width();
		double pixelsPerUnit = template.pixelUnits() && template.referenceSize() != null
				? (double) pageWidth / template.referenceSize().width : pixelsPerMm;
		int found = 0;
		for (Anchor anchor : template.anchors()) {
			double[] b = anchor.box();
			if (page
				.find(anchor.text(), (b[0] + b[2] / 2) * pixelsPerUnit, (b[1] + b[3] / 2) * pixelsPerUnit,
						Alignment.SEARCH_RADIUS_MM * pixelsPerMm)
				.isPresent()) {
				found++;
			}
		}
		return (double) found / template.anchors().size();
	}

	static double score(FormTemplate template, String pageText) {
		List<String> keywords = new ArrayList<>(template.match().keywords());
		if (keywords.isEmpty()) {
			keywords.add(template.title());
			template.anchors().stream().map(Anchor::text).forEach(keywords::add);
		}
		double sum = 0;
		int count = 0;
		for (String keyword : keywords) {
			String k = JapaneseText.compact(keyword);
			if (k.isEmpty()) {
				continue;
			}
			count++;
			if (pageText.contains(k)) {
				sum += 1;
			}
			else if (k.length() >= 3 && editDistanceInText(k, pageText) <= ((k.length() >= 6) ? 2 : 1)) {
				sum += 0.7;
			}
		}
		return (count == 0) ? 0 : sum / count;
	}

	/**
	 * The smallest edit distance between a pattern and any substring of a text (Sellers).
	 */
	static int editDistanceInText(String pattern, String text) {
		int m = pattern.length();
		int[] previous = new int[m + 1];
		int[] current = new int[m + 1];
		for (int i = 0; i <= m; i++) {
			previous[i] = i;
		}
		int best = m;
		for (int j = 1; j <= text.length(); j++) {
			current[0] = 0;
			for (int i = 1; i <= m; i++) {
				int cost = (pattern.charAt(i - 1) == text.charAt(j - 1)) ? 0 : 1;
				current[i] = Math.min(Math.min(current[i - 1] + 1, previous[i] + 1), previous[i - 1] + cost);
			}
			best = Math.min(best, current[m]);
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return best;
	}

}
