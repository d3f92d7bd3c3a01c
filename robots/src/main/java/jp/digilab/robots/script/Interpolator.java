package jp.digilab.robots.script;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jp.digilab.robots.RobotReasons;

/**
 * Resolves the placeholders of a template for one record. Variables of the script may
 * themselves use placeholders; every secret resolved is registered with the masker before
 * it is returned, so that it can never leak through a message.
 */
public final class Interpolator {

	private static final int MAX_DEPTH = 10;

	private final Map<String, String> record;

	private final Map<String, String> vars;

	private final Map<String, String> env;

	private final Function<String, Optional<String>> secrets;

	private final Masker masker;

	public Interpolator(Map<String, String> record, Map<String, String> vars, Map<String, String> env,
			Function<String, Optional<String>> secrets, Masker masker) {
		this.record = record;
		this.vars = vars;
		this.env = env;
		this.secrets = secrets;
		this.masker = masker;
	}

	/**
	 * The same record, environment and secrets with another script's variables (for
	 * {@code call}).
	 * @param otherVars the variables of the called script
	 * @return a new interpolator
	 */
	public Interpolator withVars(Map<String, String> otherVars) {
		return new Interpolator(this.record, otherVars, this.env, this.secrets, this.masker);
	}

	/**
	 * Resolve a template.
	 * @param template the text (null gives null)
	 * @return the text with its placeholders replaced
	 * @throws IllegalArgumentException if a placeholder cannot be resolved
	 */
	public String resolve(String template) {
		return resolve(template, 0);
	}

	/**
	 * Whether resolving a template uses a secret (directly or through a variable).
	 * @param template the text
	 * @return true if a secret is involved
	 */
	public boolean usesSecret(String template) {
		return usesSecret(template, 0);
	}

	private boolean usesSecret(String template, int depth) {
		if (!Template.hasReferences(template) || depth > MAX_DEPTH) {
			return false;
		}
		for (Template.Reference ref : Template.references(template)) {
			if (ref.namespace().equals("secret")
					|| (ref.namespace().equals("vars") && usesSecret(this.vars.get(ref.name()), depth + 1))) {
				return true;
			}
		}
		return false;
	}

	private String resolve(String template, int depth) {
		if (!Template.hasReferences(template)) {
			return template;
		}
		if (depth > MAX_DEPTH) {
			throw new IllegalArgumentException(RobotReasons.VARS_LOOP.text());
		}
		StringBuilder out = new StringBuilder();
		Template.walk(template, new Template.Visitor() {

			@Override
			public void literal(String text) {
				out.append(text);
			}

			@Override
			public void reference(Template.Reference ref) {
				out.append(lookup(ref, depth));
			}

		});
		return out.toString();
	}

	private String lookup(Template.Reference ref, int depth) {
		switch (ref.namespace()) {
			case "record": {
				String value = this.record.get(ref.name());
				if (value == null) {
					throw new IllegalArgumentException(RobotReasons.RECORD_NO_FIELD.text(ref.name()));
				}
				return value;
			}
			case "vars": {
				String value = this.vars.get(ref.name());
				if (value == null) {
					throw new IllegalArgumentException(RobotReasons.VAR_NOT_DEFINED.text(ref.name()));
				}
				return resolve(value, depth + 1);
			}
			case "env": {
				String value = this.env.get(ref.name());
				if (value == null) {
					throw new IllegalArgumentException(RobotReasons.ENV_NOT_SET.text(ref.name()));
				}
				return value;
			}
			case "secret": {
				String value = this.secrets.apply(ref.name())
					.orElseThrow(() -> new IllegalArgumentException(
							RobotReasons.SECRET_NOT_SET_FOR_RECORD.text(ref.name())));
				this.masker.add(value);
				return value;
			}
			default:
				throw new IllegalArgumentException(RobotReasons.NAMESPACE_UNKNOWN.text(ref.text()));
		}
	}

}
