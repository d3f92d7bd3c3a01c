package jp.digilab.samples.ocrbench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jp.digilab.ocr.field.MyNumber;
import jp.digilab.samples.scans.FormLayout;

/**
 * Realistic random applicants for the sample forms: Japanese names with matching kana,
 * Kitakyushu addresses, dates in 和暦 (昭和/平成/令和, 元年 included) and 西暦, landline and mobile
 * numbers, postal codes with and without hyphen. Each value comes with the normalised
 * value the OCR should produce.
 */
final class RandomApplicants {

	/** The purpose options of the form, in printed order. */
	static final List<String> PURPOSES = List.of("就職", "年金", "婚姻", "その他");

	private static final String[][] SURNAMES = { { "田中", "タナカ" }, { "鈴木", "スズキ" }, { "高橋", "タカハシ" }, { "渡辺", "ワタナベ" },
			{ "伊藤", "イトウ" }, { "山本", "ヤマモト" }, { "中村", "ナカムラ" }, { "小林", "コバヤシ" }, { "加藤", "カトウ" }, { "吉田", "ヨシダ" },
			{ "山田", "ヤマダ" }, { "佐々木", "ササキ" }, { "松本", "マツモト" }, { "井上", "イノウエ" }, { "木村", "キムラ" }, { "林", "ハヤシ" },
			{ "清水", "シミズ" }, { "森", "モリ" }, { "池田", "イケダ" }, { "橋本", "ハシモト" }, { "石川", "イシカワ" }, { "前田", "マエダ" },
			{ "藤田", "フジタ" }, { "岡田", "オカダ" }, { "後藤", "ゴトウ" }, { "長谷川", "ハセガワ" }, { "村上", "ムラカミ" }, { "近藤", "コンドウ" },
			{ "坂本", "サカモト" }, { "福田", "フクダ" }, { "西村", "ニシムラ" }, { "原田", "ハラダ" }, { "中島", "ナカシマ" }, { "野口", "ノグチ" },
			{ "古賀", "コガ" }, { "末松", "スエマツ" }, { "北九州", "キタキュウシュウ" }, { "有田", "アリタ" } };

	private static final String[][] GIVEN_NAMES = { { "太郎", "タロウ" }, { "花子", "ハナコ" }, { "健一", "ケンイチ" }, { "美咲", "ミサキ" },
			{ "翔太", "ショウタ" }, { "陽菜", "ヒナ" }, { "大輔", "ダイスケ" }, { "由美子", "ユミコ" }, { "直樹", "ナオキ" }, { "真由美", "マユミ" },
			{ "浩二", "コウジ" }, { "恵子", "ケイコ" }, { "拓也", "タクヤ" }, { "さくら", "サクラ" }, { "悠人", "ユウト" }, { "結衣", "ユイ" },
			{ "誠", "マコト" }, { "明美", "アケミ" }, { "和也", "カズヤ" }, { "智子", "トモコ" }, { "修", "オサム" }, { "千尋", "チヒロ" },
			{ "雄一郎", "ユウイチロウ" }, { "京子", "キョウコ" } };

	/** Ward, postal prefix, towns (a town that has 丁目 is marked with *). */
	private static final String[][] WARDS = { { "門司区", "800", "清滝*", "大里本町*", "栄町", "港町", "東本町*", "柳町*" },
			{ "小倉北区", "803", "城内", "大手町", "京町*", "魚町*", "紺屋町", "浅野*", "片野*", "三萩野*" },
			{ "小倉南区", "802", "守恒*", "徳力*", "志井*", "葛原*", "湯川*", "北方*" }, { "若松区", "808", "本町*", "白山*", "浜町*", "高須東*" },
			{ "八幡東区", "805", "中央*", "尾倉*", "祇園*", "枝光*", "東田*" },
			{ "八幡西区", "806", "黒崎*", "折尾*", "穴生*", "相生町", "陣原*", "則松*" },
			{ "戸畑区", "804", "汐井町", "新池*", "中本町", "天神*", "千防*" } };

	private static final String[] KANJI_NUMBERS = { "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	private static final LocalDate HEISEI = LocalDate.of(1989, 1, 8);

	private static final LocalDate REIWA = LocalDate.of(2019, 5, 1);

	private final Random random;

	RandomApplicants(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * The next applicant for a form.
	 * @param form the sample form
	 * @return the printed text, the ticks and the truth of every field
	 */
	Filled next(FormLayout form) {
		return (form == FormLayout.JIDOU_TEATE) ? nextJidouTeate() : next();
	}

	/**
	 * The next applicant for 住民票の写し等交付請求書.
	 * @return the printed text and the truth of every field
	 */
	Filled next() {
		Map<String, String> printed = new LinkedHashMap<>();
		Map<String, String> truth = new LinkedHashMap<>();
		LocalDate request = LocalDate.of(2026, 4, 1).plusDays(this.random.nextInt(365));
		put(printed, truth, "request_date", (this.random.nextInt(4) == 0) ? western(request) : era(request),
				request.toString());
		String[] surname = pick(SURNAMES);
		String[] given = pick(GIVEN_NAMES);
		put(printed, truth, "name_kana", surname[1] + " " + given[1], surname[1] + given[1]);
		put(printed, truth, "name", surname[0] + " " + given[0], surname[0] + given[0]);
		LocalDate birth = LocalDate.of(1936, 1, 1).plusDays(this.random.nextInt(365 * 70));
		put(printed, truth, "birth_date", (this.random.nextInt(6) == 0) ? western(birth) : era(birth),
				birth.toString());
		String[] ward = pick(WARDS);
		String postal = ward[1] + "-" + String.format("%04d", this.random.nextInt(10000));
		put(printed, truth, "postal_code", (this.random.nextInt(5) == 0) ? postal.replace("-", "") : postal, postal);
		String address = "北九州市" + ward[0] + town(ward);
		put(printed, truth, "address", address, address);
		String phone = phone();
		put(printed, truth, "phone", phone, phone);
		String purpose = PURPOSES.get(this.random.nextInt(PURPOSES.size()));
		int copies = (this.random.nextInt(10) == 0) ? 5 + this.random.nextInt(6) : 1 + this.random.nextInt(3);
		put(printed, truth, "copies", Integer.toString(copies), Integer.toString(copies));
		boolean honseki = this.random.nextBoolean();
		truth.put("purpose", purpose);
		truth.put("honseki", Boolean.toString(honseki));
		return new Filled(FormLayout.JUMINHYO, printed,
				Map.of("purpose", purpose, "honseki", Boolean.toString(honseki)), ordered(FormLayout.JUMINHYO, truth));
	}

	/**
	 * The next applicant for 児童手当 認定請求書: a parent (born 1965–2005) with a My Number, an
	 * income with thousands separators, a bank account.
	 * @return the printed text, the ticks and the truth of every field
	 */
	Filled nextJidouTeate() {
		Map<String, String> printed = new LinkedHashMap<>();
		Map<String, String> truth = new LinkedHashMap<>();
		Map<String, String> ticked = new LinkedHashMap<>();
		LocalDate request = LocalDate.of(2026, 4, 1).plusDays(this.random.nextInt(365));
		put(printed, truth, "request_date", (this.random.nextInt(4) == 0) ? western(request) : era(request),
				request.toString());
		String[] surname = pick(SURNAMES);
		String[] given = pick(GIVEN_NAMES);
		put(printed, truth, "name_kana", surname[1] + " " + given[1], surname[1] + given[1]);
		put(printed, truth, "name", surname[0] + " " + given[0], surname[0] + given[0]);
		tick(ticked, truth, "sex", this.random.nextBoolean() ? "男" : "女");
		LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(this.random.nextInt(365 * 40));
		put(printed, truth, "birth_date", (this.random.nextInt(6) == 0) ? western(birth) : era(birth),
				birth.toString());
		String first11 = digits(11);
		String myNumber = first11 + MyNumber.checkDigit(first11);
		put(printed, truth, "my_number",
				myNumber.substring(0, 4) + " " + myNumber.substring(4, 8) + " " + myNumber.substring(8), myNumber);
		String[] ward = pick(WARDS);
		String postal = ward[1] + "-" + String.format("%04d", this.random.nextInt(10000));
		put(printed, truth, "postal_code", (this.random.nextInt(5) == 0) ? postal.replace("-", "") : postal, postal);
		String address = "北九州市" + ward[0] + town(ward);
		put(printed, truth, "address", address, address);
		String phone = phone();
		put(printed, truth, "phone", phone, phone);
		int children = 1 + this.random.nextInt(4);
		put(printed, truth, "children", Integer.toString(children), Integer.toString(children));
		long income = 1000L * this.random.nextInt(9000);
		put(printed, truth, "income", String.format(java.util.Locale.ROOT, "%,d", income), Long.toString(income));
		tick(ticked, truth, "account_type", (this.random.nextInt(4) == 0) ? "当座" : "普通");
		String account = digits(7);
		put(printed, truth, "account_no", account, account);
		tick(ticked, truth, "civil_servant", Boolean.toString(this.random.nextInt(5) == 0));
		return new Filled(FormLayout.JIDOU_TEATE, printed, ticked, ordered(FormLayout.JIDOU_TEATE, truth));
	}

	private static void tick(Map<String, String> ticked, Map<String, String> truth, String field, String value) {
		ticked.put(field, value);
		truth.put(field, value);
	}

	/** The truth in the form's field order. */
	private static Map<String, String> ordered(FormLayout form, Map<String, String> truth) {
		Map<String, String> ordered = new LinkedHashMap<>();
		for (String field : form.fieldTypes().keySet()) {
			ordered.put(field, truth.get(field));
		}
		return ordered;
	}

	private String town(String[] ward) {
		String town = ward[2 + this.random.nextInt(ward.length - 2)];
		StringBuilder s = new StringBuilder();
		if (town.endsWith("*")) {
			s.append(town, 0, town.length() - 1).append(KANJI_NUMBERS[this.random.nextInt(5)]).append("丁目");
		}
		else {
			s.append(town);
		}
		s.append(1 + this.random.nextInt(30)).append("番").append(1 + this.random.nextInt(25)).append("号");
		return s.toString();
	}

	private String phone() {
		if (this.random.nextInt(3) == 0) {
			String prefix = List.of("090", "080", "070").get(this.random.nextInt(3));
			return prefix + "-" + digits(4) + "-" + digits(4);
		}
		return "093-" + (2 + this.random.nextInt(8)) + digits(2) + "-" + digits(4);
	}

	private String digits(int n) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < n; i++) {
			s.append(this.random.nextInt(10));
		}
		return s.toString();
	}

	private String[] pick(String[][] values) {
		return values[this.random.nextInt(values.length)];
	}

	/** A date as 令和8年4月1日, 平成元年1月8日 or 昭和55年4月1日. */
	static String era(LocalDate date) {
		String era;
		int year;
		if (!date.isBefore(REIWA)) {
			era = "令和";
			year = date.getYear() - 2018;
		}
		else if (!date.isBefore(HEISEI)) {
			era = "平成";
			year = date.getYear() - 1988;
		}
		else {
			era = "昭和";
			year = date.getYear() - 1925;
		}
		return era + ((year == 1) ? "元" : Integer.toString(year)) + "年" + date.getMonthValue() + "月"
				+ date.getDayOfMonth() + "日";
	}

	static String western(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	private static void put(Map<String, String> printed, Map<String, String> truth, String field, String text,
			String value) {
		printed.put(field, text);
		truth.put(field, value);
	}

	/**
	 * What one applicant typed and ticked, and the truth of every field.
	 *
	 * @param form the sample form
	 * @param printed the typed text per field
	 * @param ticked the ticked option per choice field, "true"/"false" per check box
	 * @param truth the normalised value per field, as the OCR should produce it
	 */
	record Filled(FormLayout form, Map<String, String> printed, Map<String, String> ticked, Map<String, String> truth) {

	}

}
