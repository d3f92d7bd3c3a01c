package jp.digilab.ocr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OcrJsonTests {

	@Test
	void writesTheBriefShape() {
		Map<String, FieldResult> fields = new LinkedHashMap<>();
		fields.put("name",
				new FieldResult("北九州 太郎", "北九州 太郎", 0.9412, true, List.of(), 1, new double[] { 50, 52, 140, 10 }));
		fields.put("birth_date", new FieldResult("", "昭和6O年", 0.41, false, List.of("not a date"), 1,
				new double[] { 50, 66.5, 140, 10 }));
		ScanResult result = new ScanResult("scan-001.pdf",
				List.of(new DocumentResult(List.of(1), "juminhyo-request", true, fields)),
				List.of("scan-001.pdf: page 2: blank page"));
		assertThat(OcrJson.write(result)).isEqualTo("{\"file\":\"scan-001.pdf\",\"documents\":[{\"pages\":[1],"
				+ "\"template\":\"juminhyo-request\",\"needsReview\":true,\"fields\":{"
				+ "\"name\":{\"value\":\"北九州 太郎\",\"raw\":\"北九州 太郎\",\"confidence\":0.94,\"valid\":true,"
				+ "\"reasons\":[],\"page\":1,\"box\":[50,52,140,10]},"
				+ "\"birth_date\":{\"value\":\"\",\"raw\":\"昭和6O年\",\"confidence\":0.41,\"valid\":false,"
				+ "\"reasons\":[\"not a date\"],\"page\":1,\"box\":[50,66.5,140,10]}}}],"
				+ "\"errors\":[\"scan-001.pdf: page 2: blank page\"]}");
	}

}
