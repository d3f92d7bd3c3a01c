package jp.digilab.jobs.export;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OutputsSpecTests {

	private final YAMLMapper yaml = YAMLMapper.builder().build();

	@Test
	void csvTrueMeansTheDefaults() {
		OutputsSpec spec = read("xlsx: true\ncsv: true\n");
		assertThat(spec.xlsx()).isTrue();
		assertThat(spec.csv()).isEqualTo(CsvSpec.DEFAULT);
		assertThat(spec.csv().encoding()).isEqualTo("utf-8-bom");
		assertThat(spec.csv().unmappable()).isEqualTo("normalize-then-fail");
		assertThat(spec.csv().lineEnding()).isEqualTo("crlf");
		assertThat(spec.csv().header()).isTrue();
		assertThat(spec.csv().columns()).isNull();
		assertThat(spec.searchablePdf()).isFalse();
		assertThat(spec.allowMyNumber()).isFalse();
	}

	@Test
	void absentOrFalseCsvMeansNoCsv() {
		assertThat(read("xlsx: true\n").csv()).isNull();
		assertThat(read("xlsx: true\ncsv: false\n").csv()).isNull();
	}

	@Test
	void theBriefsExampleReads() {
		OutputsSpec spec = read("xlsx: true\ncsv: { encoding: utf-8-bom }\nsearchablePdf: false\n");
		assertThat(spec.csv()).isEqualTo(CsvSpec.DEFAULT);
	}

	@Test
	void aLegacyMappingReads() throws IOException {
		OutputsSpec spec;
		try (InputStream in = getClass().getResourceAsStream("/export/outputs-legacy.yml")) {
			Map<?, ?> job = this.yaml.readValue(in, Map.class);
			spec = this.yaml.convertValue(job.get("outputs"), OutputsSpec.class);
		}
		CsvSpec csv = spec.csv();
		assertThat(spec.xlsx()).isFalse();
		assertThat(csv.encoding()).isEqualTo("windows-31j");
		assertThat(csv.unmappable()).isEqualTo("replace");
		assertThat(csv.replacement()).isEqualTo("〓");
		assertThat(csv.header()).isFalse();
		assertThat(csv.columns()).containsExactly(CsvColumnSpec.fixed("市区町村コード", "401005"),
				new CsvColumnSpec("name", "氏名", null, null, null, 40, true),
				CsvColumnSpec.field("birth_date").withFormat("GGGGy年M月d日"), CsvColumnSpec.field("postal"),
				CsvColumnSpec.field("_status"));
	}

	@Test
	void convertsFromTheMapOfAJobDefinition() {
		Map<String, Object> outputs = Map.of("xlsx", true, "csv", true, "allowMyNumber", true);
		OutputsSpec spec = JsonMapper.builder().build().convertValue(outputs, OutputsSpec.class);
		assertThat(spec).isEqualTo(new OutputsSpec(true, CsvSpec.DEFAULT, false, true));
	}

	@Test
	void shiftJisMeansWindows31j() {
		assertThat(read("csv: { encoding: Shift_JIS }").csv().encoding()).isEqualTo("windows-31j");
	}

	@Test
	void anUnknownEncodingIsRejectedWithTheChoices() {
		assertThatExceptionOfType(DatabindException.class).isThrownBy(() -> read("csv: { encoding: euc-jp }"))
			.withMessageContaining("outputs.csv.encoding: unknown 'euc-jp' (utf-8-bom, utf-8, windows-31j)");
	}

	@Test
	void theContractConstructorsKeepWorking() {
		assertThat(new OutputsSpec(true, null, false).allowMyNumber()).isFalse();
		assertThat(new CsvSpec(null, null, null, true, List.of()).replacement()).isEqualTo("?");
	}

	private OutputsSpec read(String text) {
		return this.yaml.readValue(text, OutputsSpec.class);
	}

}
