package jp.digilab.jobs.export;

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with
 * {@code = + - @}, tab or carriage return may be run as a formula by Excel. Such a value
 * in a free-text column, or in a typed column where it does not have the type's shape, is
 * neutralised; a well-formed typed value ({@code -1200} money, {@code +81-93-...} phone)
 * is legitimate and left alone.
 */
final class FormulaGuard {

	private FormulaGuard() {
	}

	static boolean startsDangerously(String value) {
		if (value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	/** Whether the value must be neutralised in a column of this type. */
	static boolean needsGuard(FieldType type, String value) {
		return startsDangerously(value) && !type.isWellFormed(value);
	}

	/** OWASP: prefix a single quote so that the cell is read as text. */
	static String neutralize(String value) {
		return "'" + value;
	}

}
