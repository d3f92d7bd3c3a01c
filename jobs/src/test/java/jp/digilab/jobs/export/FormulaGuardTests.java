package jp.digilab.jobs.export;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormulaGuardTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			TEXT     | =1+2                  | true
			TEXT     | +1                    | true
			TEXT     | -1                    | true
			TEXT     | @SUM(A1)              | true
			TEXT     | 北九州=1               | false
			TEXT     | ''                    | false
			MONEY    | -1200                 | false
			MONEY    | -1+2                  | true
			INTEGER  | -3                    | false
			PHONE    | +81-93-582-2111       | false
			PHONE    | +cmd                  | true
			PHONE    | =HYPERLINK("x")       | true
			DATE     | -2025-01-01           | true
			POSTAL   | 803-8501              | false
			""")
	void guardsValuesThatStartLikeAFormulaUnlessTheyAreWellFormedForTheirType(FieldType type, String value,
			boolean guarded) {
		assertThat(FormulaGuard.needsGuard(type, value)).isEqualTo(guarded);
	}

	@ParameterizedTest
	@CsvSource({ "'\t=1', true", "'\r=1', true", "'\n=1', false" })
	void tabAndCarriageReturnCountToo(String value, boolean guarded) {
		assertThat(FormulaGuard.startsDangerously(value)).isEqualTo(guarded);
	}

}
