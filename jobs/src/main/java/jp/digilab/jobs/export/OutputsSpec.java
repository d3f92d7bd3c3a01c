package jp.digilab.jobs.export;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code outputs:} map of a job definition.
 *
 * <pre>
 * outputs:
 *   xlsx: true
 *   csv: { encoding: windows-31j }   # or csv: true for the defaults
 *   searchablePdf: false
 *   allowMyNumber: false             # true writes My Numbers unmasked
 * </pre>
 *
 * A key that is absent is off. {@link #DEFAULT} is for a job without an {@code outputs:}
 * map.
 *
 * @param xlsx write {@code JOB_RUN.xlsx}
 * @param csv how to write {@code JOB_RUN.csv}; null for no CSV
 * @param searchablePdf write searchable PDFs (not written by {@link ExportService})
 * @param allowMyNumber write My Numbers (個人番号) in full; masked {@code ********1234}
 * otherwise
 */
public record OutputsSpec(boolean xlsx, CsvSpec csv, boolean searchablePdf, boolean allowMyNumber) {

	/** Excel and CSV with the default settings. */
	public static final OutputsSpec DEFAULT = new OutputsSpec(true, CsvSpec.DEFAULT, false, false);

	public OutputsSpec(boolean xlsx, CsvSpec csv, boolean searchablePdf) {
		this(xlsx, csv, searchablePdf, false);
	}

	// wrappers, so that an absent key is off whatever the mapper's null-for-primitives
	// setting
	@JsonCreator
	static OutputsSpec fromYaml(@JsonProperty("xlsx") Boolean xlsx, @JsonProperty("csv") CsvSpec csv,
			@JsonProperty("searchablePdf") Boolean searchablePdf,
			@JsonProperty("allowMyNumber") Boolean allowMyNumber) {
		return new OutputsSpec(Boolean.TRUE.equals(xlsx), csv, Boolean.TRUE.equals(searchablePdf),
				Boolean.TRUE.equals(allowMyNumber));
	}

}
