package jp.digilab.jobs.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A template with one field of each type, and records for it. */
final class ExportFixtures {

	static final List<ExportColumn> COLUMNS = List.of(new ExportColumn("name", "氏名", "text"),
			new ExportColumn("kana", "フリガナ", "katakana"), new ExportColumn("birth_date", "生年月日", "date"),
			new ExportColumn("postal", "郵便番号", "postal"), new ExportColumn("phone", "電話番号", "phone"),
			new ExportColumn("amount", "金額", "money"), new ExportColumn("copies", "通数", "integer"),
			new ExportColumn("account", "口座番号", "digits"), new ExportColumn("mynumber", "個人番号", "mynumber"),
			new ExportColumn("honseki", "本籍記載", "checkbox"), new ExportColumn("purpose", "使用目的", "choice"),
			new ExportColumn("email", "メール", "email"));

	private ExportFixtures() {
	}

	static Map<String, String> values() {
		Map<String, String> values = new HashMap<>();
		values.put("name", "北九州 太郎");
		values.put("kana", "キタキュウシュウ タロウ");
		values.put("birth_date", "1980-04-01");
		values.put("postal", "0800001");
		values.put("phone", "093-582-2111");
		values.put("amount", "1200");
		values.put("copies", "2");
		values.put("account", "0012345");
		values.put("mynumber", "123456789018");
		values.put("honseki", "true");
		values.put("purpose", "年金");
		values.put("email", "taro@example.jp");
		return values;
	}

	static ExportRecord record(String key, Map<String, String> values) {
		return new ExportRecord(key, "scan-" + key + ".pdf", List.of(1), RecordStatus.APPROVED, values,
				Map.of("name", 0.94, "birth_date", 0.71),
				Map.of("birth_date", List.of("confidence 0.71 below 0.80", "not a date")));
	}

	static ExportRecord record(String key) {
		return record(key, values());
	}

	static ExportRecord with(String key, String field, String value) {
		Map<String, String> values = values();
		values.put(field, value);
		return record(key, values);
	}

}
