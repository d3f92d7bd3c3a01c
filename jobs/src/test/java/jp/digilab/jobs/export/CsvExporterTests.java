package jp.digilab.jobs.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static jp.digilab.jobs.export.ExportFixtures.COLUMNS;
import static jp.digilab.jobs.export.ExportFixtures.record;
import static jp.digilab.jobs.export.ExportFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CsvExporterTests {

	private static final Charset MS932 = Charset.forName("windows-31j");

	private final Problems problems = new Problems();

	@Test
	void defaultIsUtf8WithBomCrlfHeaderAndAllFields() throws IOException {
		byte[] bytes = write(CsvSpec.DEFAULT, record("r1"));
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
		assertThat(text).isEqualTo("氏名,フリガナ,生年月日,郵便番号,電話番号,金額,通数,口座番号,個人番号,本籍記載,使用目的,メール,状態,ファイル,ページ,キー\r\n"
				+ "北九州 太郎,キタキュウシュウ タロウ,1980-04-01,0800001,093-582-2111,1200,2,0012345,********9018,true,年金,"
				+ "taro@example.jp,承認済,scan-r1.pdf,1,r1\r\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "utf-8-bom", "utf-8", "windows-31j" })
	void roundTripsThroughACsvParserInEachEncoding(String encoding) throws IOException {
		CsvSpec spec = new CsvSpec(encoding, null, null, true,
				List.of(CsvColumnSpec.field("name"), CsvColumnSpec.field("purpose"), CsvColumnSpec.field("_key")));
		ExportRecord tricky = with("r2", "name", "髙橋, \"次郎\"\r\n二行目");
		byte[] bytes = write(spec, record("r1"), tricky);
		Charset charset = encoding.equals("windows-31j") ? MS932 : StandardCharsets.UTF_8;
		String text = new String(bytes, charset);
		assertThat(text.startsWith("\uFEFF")).isEqualTo(encoding.equals("utf-8-bom"));
		try (CSVParser parser = CSVParser.parse(text.replace("\uFEFF", ""), CSVFormat.EXCEL)) {
			assertThat(parser.getRecords()).extracting(CSVRecord::toList)
				.containsExactly(List.of("氏名", "使用目的", "キー"), List.of("北九州 太郎", "年金", "r1"),
						List.of("髙橋, \"次郎\"\r\n二行目", "年金", "r2"));
		}
	}

	@Test
	void utf8WithoutBomLfAndNoHeader() throws IOException {
		CsvSpec spec = new CsvSpec("utf-8", null, "lf", false, List.of(CsvColumnSpec.field("name")));
		byte[] bytes = write(spec, record("r1"), with("r2", "name", "髙橋 𠮷子"));
		assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("北九州 太郎\n髙橋 𠮷子\n");
	}

	@Test
	void utf8WritesABrokenSurrogateAsAQuestionMark() throws IOException {
		CsvSpec spec = new CsvSpec("utf-8", null, null, false, List.of(CsvColumnSpec.field("name")));
		assertThat(new String(write(spec, with("r1", "name", "a\uD842b")), StandardCharsets.UTF_8))
			.isEqualTo("a?b\r\n");
	}

	@Test
	void windows31jRoundTripsMs932Characters() throws IOException {
		CsvSpec spec = new CsvSpec("windows-31j", null, null, true, List.of(CsvColumnSpec.field("name")));
		byte[] bytes = write(spec, with("r1", "name", "髙橋～①ｶﾅ"));
		assertThat(new String(bytes, MS932)).isEqualTo("氏名\r\n髙橋～①ｶﾅ\r\n");
		assertThat(bytes[0]).isNotEqualTo((byte) 0xEF);
		assertThat(this.problems.list()).isEmpty();
	}

	@Test
	void windows31jNormalisesTheStandardMappingsFirst() throws IOException {
		CsvSpec spec = new CsvSpec("windows-31j", null, null, false, List.of(CsvColumnSpec.field("name")));
		byte[] bytes = write(spec, with("r1", "name", "1〜3丁目−5 ‖ ¢£¬"));
		assertThat(new String(bytes, MS932)).isEqualTo("1～3丁目－5 ∥ ￠￡￢\r\n");
		assertThat(this.problems.list()).isEmpty();
	}

	@Test
	void failPolicyLeavesTheRecordOutWithAClearReason() throws IOException {
		CsvSpec spec = new CsvSpec("windows-31j", "normalize-then-fail", null, false,
				List.of(CsvColumnSpec.field("name"), CsvColumnSpec.field("_key")));
		byte[] bytes = write(spec, 2, record("r1"), with("r2", "name", "𠮷野 家子"), record("r3"));
		assertThat(new String(bytes, MS932)).isEqualTo("北九州 太郎,r1\r\n北九州 太郎,r3\r\n");
		assertThat(this.problems.list()).singleElement().satisfies((problem) -> {
			assertThat(problem.key()).isEqualTo("r2");
			assertThat(problem.skipped()).isTrue();
			assertThat(problem.reason())
				.isEqualTo("column 1 (name): windows-31j cannot hold 𠮷 U+20BB7 in '𠮷野 家子'; record left out");
		});
	}

	@Test
	void replacePolicyWritesTheReplacementAndReportsIt() throws IOException {
		CsvSpec spec = new CsvSpec("windows-31j", "replace", null, false, List.of(CsvColumnSpec.field("name")), "〓");
		byte[] bytes = write(spec, with("r1", "name", "𠮷野 家子😀"));
		assertThat(new String(bytes, MS932)).isEqualTo("〓野 家子〓\r\n");
		assertThat(this.problems.list()).singleElement().satisfies((problem) -> {
			assertThat(problem.skipped()).isFalse();
			assertThat(problem.reason()).isEqualTo("column 1 (name): 𠮷 U+20BB7, 😀 U+1F600 replaced with 〓");
		});
	}

	@Test
	void defaultReplacementIsAQuestionMark() throws IOException {
		CsvSpec spec = new CsvSpec("windows-31j", "replace", null, false, List.of(CsvColumnSpec.field("name")));
		assertThat(new String(write(spec, with("r1", "name", "𠮷野")), MS932)).isEqualTo("?野\r\n");
	}

	@Test
	void mappingSelectsRenamesOrdersAndAddsFixedValues() throws IOException {
		CsvSpec spec = new CsvSpec("utf-8", null, null, true,
				List.of(CsvColumnSpec.fixed("市区町村コード", "401005"), CsvColumnSpec.field("birth_date", "BIRTH"),
						CsvColumnSpec.field("name", "SHIMEI"), CsvColumnSpec.field("_status"),
						CsvColumnSpec.field("_pages", "頁")));
		String text = new String(write(spec, record("r1")), StandardCharsets.UTF_8);
		assertThat(text).isEqualTo("市区町村コード,BIRTH,SHIMEI,状態,頁\r\n401005,1980-04-01,北九州 太郎,承認済,1\r\n");
	}

	@Test
	void datesInWesternAndJapaneseEraFormats() throws IOException {
		CsvSpec spec = new CsvSpec("windows-31j", null, null, false,
				List.of(CsvColumnSpec.field("birth_date").withFormat("yyyy/MM/dd"),
						CsvColumnSpec.field("birth_date").withFormat("GGGGy年M月d日"),
						CsvColumnSpec.field("birth_date").withFormat("GGGGGyyMMdd"),
						CsvColumnSpec.field("birth_date").withFormat("GGGGyy年MM月dd日")));
		byte[] bytes = write(spec, record("r1"), with("r2", "birth_date", "2019-05-01"));
		assertThat(new String(bytes, MS932))
			.isEqualTo("1980/04/01,昭和55年4月1日,S550401,昭和55年04月01日\r\n" + "2019/05/01,令和元年5月1日,R010501,令和元年05月01日\r\n");
	}

	@Test
	void aDateBeforeTheJapaneseCalendarIsWrittenAsIsAndReported() throws IOException {
		CsvSpec spec = new CsvSpec("utf-8", null, null, false,
				List.of(CsvColumnSpec.field("birth_date").withFormat("GGGGy年M月d日")));
		assertThat(new String(write(spec, with("r1", "birth_date", "1868-01-01")), StandardCharsets.UTF_8))
			.isEqualTo("1868-01-01\r\n");
		assertThat(this.problems.list()).singleElement()
			.extracting(RecordProblem::reason)
			.isEqualTo("column 1 (birth_date): 1868-01-01 cannot be shown as 'GGGGy年M月d日'; written as is");
	}

	@Test
	void unparseableDateIsWrittenAsIsAndReported() throws IOException {
		CsvSpec spec = new CsvSpec("utf-8", null, null, false,
				List.of(CsvColumnSpec.field("birth_date").withFormat("GGGGy年M月d日")));
		byte[] bytes = write(spec, with("r1", "birth_date", "不明"));
		assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("不明\r\n");
		assertThat(this.problems.list()).singleElement()
			.extracting(RecordProblem::reason)
			.isEqualTo("column 1 (birth_date): '不明' is not a date; written as is");
	}

	@Test
	void numberAndCheckboxFormats() throws IOException {
		CsvSpec spec = new CsvSpec("utf-8", null, null, false,
				List.of(CsvColumnSpec.field("amount").withFormat("#,##0"),
						CsvColumnSpec.field("honseki").withFormat("1/0"), CsvColumnSpec.field("phone")));
		byte[] bytes = write(spec, with("r1", "amount", "-1234567"), with("r2", "honseki", "false"));
		assertThat(new String(bytes, StandardCharsets.UTF_8))
			.isEqualTo("\"-1,234,567\",1,093-582-2111\r\n\"1,200\",0,093-582-2111\r\n");
	}

	@Test
	void formulaInjectionIsNeutralisedInTextButNotInTypedValues() throws IOException {
		Map<String, String> values = ExportFixtures.values();
		values.put("name", "=1+2");
		values.put("kana", "+cmd");
		values.put("purpose", "-1");
		values.put("email", "@SUM(A1)");
		values.put("phone", "+81-93-582-2111");
		values.put("amount", "-500");
		values.put("postal", "=2+5");
		Map<String, String> tabs = ExportFixtures.values();
		tabs.put("name", "\t=1");
		tabs.put("kana", "\r=1");
		CsvSpec spec = new CsvSpec("utf-8", null, null, false,
				List.of(CsvColumnSpec.field("name"), CsvColumnSpec.field("kana"), CsvColumnSpec.field("purpose"),
						CsvColumnSpec.field("email"), CsvColumnSpec.field("phone"), CsvColumnSpec.field("amount"),
						CsvColumnSpec.field("postal")));
		byte[] bytes = write(spec, record("r1", values), record("r2", tabs));
		assertThat(new String(bytes, StandardCharsets.UTF_8))
			.isEqualTo("'=1+2,'+cmd,'-1,'@SUM(A1),+81-93-582-2111,-500,'=2+5\r\n"
					+ "'\t=1,\"'\r=1\",年金,taro@example.jp,093-582-2111,1200,0800001\r\n");
	}

	@Test
	void fileNamesAndKeysAreGuardedToo() throws IOException {
		ExportRecord record = new ExportRecord("=key", "=evil.pdf", List.of(1, 2), RecordStatus.NEEDS_REVIEW,
				ExportFixtures.values(), null, null);
		CsvSpec spec = new CsvSpec("utf-8", null, null, false, List.of(CsvColumnSpec.field("_key"),
				CsvColumnSpec.field("_source_file"), CsvColumnSpec.field("_pages"), CsvColumnSpec.field("_status")));
		assertThat(new String(write(spec, record), StandardCharsets.UTF_8))
			.isEqualTo("'=key,'=evil.pdf,\"1,2\",要確認\r\n");
	}

	@Test
	void tooLongForAFixedWidthColumnLeavesTheRecordOut() throws IOException {
		CsvSpec spec = new CsvSpec("windows-31j", null, null, false,
				List.of(new CsvColumnSpec("name", null, null, null, null, 11, false)));
		byte[] bytes = write(spec, 1, with("r1", "name", "北九州 太郎"), with("r2", "name", "北九州 長い名前"));
		assertThat(new String(bytes, MS932)).isEqualTo("北九州 太郎\r\n");
		assertThat(this.problems.list()).singleElement()
			.extracting(RecordProblem::reason)
			.isEqualTo(
					"column 1 (name): '北九州 長い名前' is 15 bytes in windows-31j, more than maxBytes 11; record left out");
	}

	@Test
	void requiredValueMissingLeavesTheRecordOut() throws IOException {
		CsvSpec spec = new CsvSpec("utf-8", null, null, false,
				List.of(new CsvColumnSpec("name", null, null, null, null, null, true)));
		byte[] bytes = write(spec, 0, with("r1", "name", ""));
		assertThat(bytes).isEmpty();
		assertThat(this.problems.list()).singleElement()
			.extracting(RecordProblem::reason)
			.isEqualTo("column 1 (name): required value is missing; record left out");
	}

	@Test
	void mappingErrorsFailBeforeAnythingIsWritten() {
		assertThatExceptionOfType(ExportException.class)
			.isThrownBy(
					() -> new CsvExporter(
							new CsvSpec(null, null, null, true,
									List.of(CsvColumnSpec.field("name"), CsvColumnSpec.field("birthdate"))),
							COLUMNS, false))
			.withMessageStartingWith(
					"outputs.csv.columns[2]: field 'birthdate' is not in the template (fields: name, kana,");
		assertThatExceptionOfType(ExportException.class)
			.isThrownBy(
					() -> new CsvExporter(
							new CsvSpec(null, null, null, true,
									List.of(new CsvColumnSpec(null, "X", null, null, null, null, false))),
							COLUMNS, false))
			.withMessage("outputs.csv.columns[1]: give a field (or a fixed value)");
		assertThatExceptionOfType(ExportException.class)
			.isThrownBy(() -> new CsvExporter(
					new CsvSpec(null, null, null, true, List.of(CsvColumnSpec.field("name").withFormat("yyyy"))),
					COLUMNS, false))
			.withMessageContaining("formats apply to date, integer, money and checkbox fields, not text");
		assertThatExceptionOfType(ExportException.class)
			.isThrownBy(() -> new CsvExporter(
					new CsvSpec(null, null, null, true, List.of(CsvColumnSpec.field("birth_date").withFormat("HH:mm"))),
					COLUMNS, false))
			.withMessageStartingWith("outputs.csv.columns[1] (birth_date): bad format 'HH:mm'");
	}

	@Test
	void myNumberIsMaskedUnlessAllowed() throws IOException {
		CsvSpec spec = new CsvSpec("utf-8", null, null, false, List.of(CsvColumnSpec.field("mynumber")));
		assertThat(new String(write(spec, record("r1")), StandardCharsets.UTF_8)).isEqualTo("********9018\r\n");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new CsvExporter(spec, COLUMNS, true).write(List.of(record("r1")).iterator(), out, this.problems);
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("123456789018\r\n");
	}

	private byte[] write(CsvSpec spec, ExportRecord... records) throws IOException {
		return write(spec, records.length, records);
	}

	private byte[] write(CsvSpec spec, long expectedRows, ExportRecord... records) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		long rows = new CsvExporter(spec, COLUMNS, false).write(List.of(records).iterator(), out, this.problems);
		assertThat(rows).isEqualTo(expectedRows);
		return out.toByteArray();
	}

}
