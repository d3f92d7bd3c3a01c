package jp.digilab.ocr.template;

import java.nio.file.Path;

/**
 * A template file that cannot be used, with the file, line and reason in its message:
 * {@code templates/x.yml:12: unknown field type 'dat'}.
 */
public class TemplateException extends RuntimeException {

	private final Path file;

	private final int line;

	public TemplateException(Path file, int line, String reason) {
		this(file, line, reason, null);
	}

	public TemplateException(Path file, int line, String reason, Throwable cause) {
		super((line > 0) ? TemplateReasons.AT_LINE.text(file, line, reason)
				: TemplateReasons.IN_FILE.text(file, reason), cause);
		this.file = file;
		this.line = line;
	}

	public Path file() {
		return this.file;
	}

	/**
	 * The 1-based line, or 0 when the whole file is concerned.
	 * @return the line
	 */
	public int line() {
		return this.line;
	}

}
