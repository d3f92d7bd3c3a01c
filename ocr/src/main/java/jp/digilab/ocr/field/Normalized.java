package jp.digilab.ocr.field;

import java.util.List;

/**
 * A normalised field value and whether it is valid.
 *
 * @param value the normalised value ("" when empty)
 * @param valid whether the value passed the type's validation
 * @param reasons why it is not valid (empty when valid)
 */
public record Normalized(String value, boolean valid, List<String> reasons) {

	public Normalized {
		reasons = List.copyOf(reasons);
	}

	public static Normalized ok(String value) {
		return new Normalized(value, true, List.of());
	}

	public static Normalized invalid(String value, String reason) {
		return new Normalized(value, false, List.of(reason));
	}

	public boolean isEmpty() {
		return this.value.isEmpty();
	}

}
