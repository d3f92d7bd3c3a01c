package jp.digilab.robots.script;

import java.util.ArrayList;
import java.util.List;

import jp.digilab.robots.RobotReasons;

/**
 * A text with <code>${...}</code> placeholders: <code>${record.FIELD}</code>,
 * <code>${vars.X}</code>, <code>${env:X}</code>, <code>${secret:X}</code>.
 * <code>$${</code> stands for a literal <code>${</code>.
 */
public final class Template {

	private Template() {
	}

	/**
	 * One placeholder of a template.
	 *
	 * @param namespace {@code record}, {@code vars}, {@code env} or {@code secret};
	 * anything else is reported by the validator
	 * @param name the name after the namespace
	 * @param text the whole placeholder as written, e.g. {@code ${vars.base}}
	 */
	public record Reference(String namespace, String name, String text) {

		public boolean known() {
			return switch (this.namespace) {
				case "record", "vars", "env", "secret" -> true;
				default -> false;
			};
		}

	}

	/**
	 * Walks a template, calling back for literal text and placeholders.
	 */
	interface Visitor {

		void literal(String text);

		void reference(Reference reference);

	}

	/**
	 * The placeholders of a template.
	 * @param template the text
	 * @return the references in order
	 * @throws IllegalArgumentException if a placeholder is not closed or has no namespace
	 */
	public static List<Reference> references(String template) {
		List<Reference> references = new ArrayList<>();
		walk(template, new Visitor() {

			@Override
			public void literal(String text) {
			}

			@Override
			public void reference(Reference reference) {
				references.add(reference);
			}

		});
		return references;
	}

	/**
	 * Whether a template contains any placeholder.
	 * @param template the text (may be null)
	 * @return true if it has a placeholder
	 */
	public static boolean hasReferences(String template) {
		return template != null && template.contains("${");
	}

	static void walk(String template, Visitor visitor) {
		int i = 0;
		StringBuilder literal = new StringBuilder();
		while (i < template.length()) {
			if (template.startsWith("$${", i)) {
				literal.append("${");
				i += 3;
				continue;
			}
			if (!template.startsWith("${", i)) {
				literal.append(template.charAt(i++));
				continue;
			}
			int end = template.indexOf('}', i + 2);
			if (end < 0) {
				throw new IllegalArgumentException(RobotReasons.NOT_CLOSED.text(template));
			}
			String inner = template.substring(i + 2, end).trim();
			if (literal.length() > 0) {
				visitor.literal(literal.toString());
				literal.setLength(0);
			}
			visitor.reference(parse(inner, template.substring(i, end + 1)));
			i = end + 1;
		}
		if (literal.length() > 0) {
			visitor.literal(literal.toString());
		}
	}

	private static Reference parse(String inner, String text) {
		int colon = inner.indexOf(':');
		int dot = inner.indexOf('.');
		int split = (colon < 0) ? dot : (dot < 0) ? colon : Math.min(colon, dot);
		if (split <= 0 || split == inner.length() - 1) {
			throw new IllegalArgumentException(RobotReasons.NOT_A_VARIABLE.text(text));
		}
		return new Reference(inner.substring(0, split), inner.substring(split + 1), text);
	}

}
