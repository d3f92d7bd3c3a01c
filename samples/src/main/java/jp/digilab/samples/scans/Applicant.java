package jp.digilab.samples.scans;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sample applicant: what is typed on the form and what the OCR should make of it.
 *
 * @param file the scan's file name in the inbox
 * @param printed the typed text per field (text fields only)
 * @param purpose the ticked purpose option
 * @param honseki whether the honseki box is ticked
 * @param expected the normalised values the OCR should produce
 * @param shiftX horizontal shift of the scan, pixels (at most 8 px, 0.7 mm)
 * @param shiftY vertical shift of the scan, pixels (at most 8 px, 0.7 mm)
 * @param seed seed of the scanner noise
 */
record Applicant(String file, Map<String, String> printed, String purpose, boolean honseki,
		Map<String, String> expected, int shiftX, int shiftY, long seed) {

	/** The four sample applicants. */
	static final List<Applicant> ALL = List.of(
			new Builder("scan-001.png", 7, -4, 1001L).text("request_date", "令和8年11月20日", "2026-11-20")
				.text("name", "北九州 太郎", "北九州太郎")
				.text("name_kana", "キタキュウシュウ タロウ", "キタキュウシュウタロウ")
				.text("birth_date", "昭和55年4月1日", "1980-04-01")
				.text("postal_code", "803-8501", "803-8501")
				.text("address", "北九州市小倉北区城内1番1号", "北九州市小倉北区城内1番1号")
				.text("phone", "093-582-2102", "093-582-2102")
				.purpose("年金")
				.text("copies", "2", "2")
				.honseki(true)
				.build(),
			new Builder("scan-002.png", -8, 5, 1002L).text("request_date", "2026年11月24日", "2026-11-24")
				.text("name", "山本 花子", "山本花子")
				.text("name_kana", "ヤマモト ハナコ", "ヤマモトハナコ")
				.text("birth_date", "平成元年7月15日", "1989-07-15")
				.text("postal_code", "806-8510", "806-8510")
				.text("address", "北九州市八幡西区黒崎三丁目15番3号", "北九州市八幡西区黒崎三丁目15番3号")
				.text("phone", "093-642-1441", "093-642-1441")
				.purpose("就職")
				.text("copies", "1", "1")
				.honseki(false)
				.build(),
			new Builder("scan-003.png", 3, -7, 1003L).text("request_date", "令和8年12月1日", "2026-12-01")
				.text("name", "田中 健一", "田中健一")
				.text("name_kana", "タナカ ケンイチ", "タナカケンイチ")
				.text("birth_date", "平成12年12月3日", "2000-12-03")
				.text("postal_code", "801-8510", "801-8510")
				.text("address", "北九州市門司区清滝一丁目2番5号", "北九州市門司区清滝一丁目2番5号")
				.text("phone", "093-331-1881", "093-331-1881")
				.purpose("婚姻")
				.text("copies", "3", "3")
				.honseki(true)
				.build(),
			new Builder("scan-004.pdf", -5, 6, 1004L).text("request_date", "令和8年12月2日", "2026-12-02")
				.text("name", "佐藤 美咲", "佐藤美咲")
				.text("name_kana", "サトウ ミサキ", "サトウミサキ")
				.text("birth_date", "昭和62年2月28日", "1987-02-28")
				.text("postal_code", "804-8510", "804-8510")
				.text("address", "北九州市戸畑区汐井町1番6号", "北九州市戸畑区汐井町1番6号")
				.text("phone", "093-871-1501", "093-871-1501")
				.purpose("その他")
				.text("copies", "1", "1")
				.honseki(false)
				.build());

	/** Whether the scan is written as an image-only PDF. */
	boolean pdf() {
		return this.file.endsWith(".pdf");
	}

	private static final class Builder {

		private final String file;

		private final int shiftX;

		private final int shiftY;

		private final long seed;

		private final Map<String, String> printed = new LinkedHashMap<>();

		private final Map<String, String> expected = new LinkedHashMap<>();

		private String purpose;

		private boolean honseki;

		Builder(String file, int shiftX, int shiftY, long seed) {
			this.file = file;
			this.shiftX = shiftX;
			this.shiftY = shiftY;
			this.seed = seed;
		}

		Builder text(String field, String printed, String expected) {
			this.printed.put(field, printed);
			this.expected.put(field, expected);
			return this;
		}

		Builder purpose(String purpose) {
			this.purpose = purpose;
			this.expected.put("purpose", purpose);
			return this;
		}

		Builder honseki(boolean honseki) {
			this.honseki = honseki;
			this.expected.put("honseki", String.valueOf(honseki));
			return this;
		}

		Applicant build() {
			Map<String, String> ordered = new LinkedHashMap<>();
			for (FormLayout.Row row : FormLayout.JUMINHYO.rows()) {
				if (row.field() != null && this.expected.containsKey(row.field())) {
					ordered.put(row.field(), this.expected.get(row.field()));
				}
			}
			return new Applicant(this.file, Map.copyOf(this.printed), this.purpose, this.honseki,
					java.util.Collections.unmodifiableMap(ordered), this.shiftX, this.shiftY, this.seed);
		}

	}

}
