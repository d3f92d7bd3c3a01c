package jp.digilab.samples.scans;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a sample form, in millimetres from the top-left corner of an A4 sheet: a
 * title, a table of labelled rows (one field each, or a shaded section band) and notes.
 * The drawing code and the template writer both read it, so a template's boxes always
 * match the drawn form. Two forms exist: {@link #JUMINHYO} (住民票の写し等交付請求書, the demo's
 * form, on which the OCR was tuned) and {@link #JIDOU_TEATE} (児童手当 認定請求書, a form with
 * other geometry, fonts and field types that the OCR benchmark keeps untuned).
 */
public final class FormLayout {

	/** Resolution of the reference image and the scans. */
	public static final int DPI = 300;

	/** A4 width in millimetres. */
	public static final double PAPER_WIDTH = 210;

	/** A4 height in millimetres. */
	public static final double PAPER_HEIGHT = 297;

	/** A4 width in pixels at 300 DPI. */
	public static final int WIDTH_PX = 2480;

	/** A4 height in pixels at 300 DPI. */
	public static final int HEIGHT_PX = 3508;

	/** Height of a section band (a shaded heading row spanning the table). */
	static final double BAND_HEIGHT = 8;

	/** Gap between a ruling line and a field box. */
	static final double INSET = 1;

	/** Indent of printed labels and typed values from their cell's left line. */
	static final double TEXT_INDENT = 3;

	/** Side of a tick square. */
	static final double TICK_SIZE = 5;

	/** Distance between the left edges of two choice options. */
	static final double OPTION_PITCH = 30;

	/** Gap between a tick square and its printed option label. */
	static final double OPTION_LABEL_GAP = 1.5;

	/**
	 * Where the value box of a postal code row starts, from the value column's line: the
	 * printed 〒 mark comes first (OCR is much less sure of a value read with the mark).
	 */
	static final double POSTAL_OFFSET = 8;

	/** Thin ruling line width. */
	static final double THIN_LINE = 0.25;

	/** Thick (outer frame) ruling line width. */
	static final double THICK_LINE = 0.6;

	/** The demo's form: 住民票の写し等交付請求書 (the benchmark's tuned form). */
	public static final FormLayout JUMINHYO = juminhyo();

	/** 児童手当 認定請求書: the benchmark's untuned form. */
	public static final FormLayout JIDOU_TEATE = jidouTeate();

	/** Every sample form. */
	public static final List<FormLayout> ALL = List.of(JUMINHYO, JIDOU_TEATE);

	final String id;

	final String title;

	final String description;

	final List<String> keywords;

	/** Top-left small print (様式番号) and top-right small print. */
	final String formNumber;

	final String issuer;

	/** The line under the title, left (宛先), and the instruction right. */
	final String addressee;

	final String instruction;

	final double titleCenterY;

	final float titlePt;

	final float labelPt;

	/** Point size of typed values. */
	final float valuePt;

	final double tableLeft;

	final double tableRight;

	final double tableTop;

	/** Left edge of the value column (the ruling line between label and value). */
	final double valueLeft;

	final List<Row> rows;

	final double tableBottom;

	final List<String> notes;

	/** The counter's own box (窓口記入欄) headings, empty for none. */
	final List<String> counterHeads;

	final String office;

	/** The fields whose printed labels are anchors (besides the title). */
	final List<String> anchorFields;

	private FormLayout(Builder b) {
		this.id = b.id;
		this.title = b.title;
		this.description = b.description;
		this.keywords = List.copyOf(b.keywords);
		this.formNumber = b.formNumber;
		this.issuer = b.issuer;
		this.addressee = b.addressee;
		this.instruction = b.instruction;
		this.titleCenterY = b.titleCenterY;
		this.titlePt = b.titlePt;
		this.labelPt = b.labelPt;
		this.valuePt = b.valuePt;
		this.tableLeft = b.tableLeft;
		this.tableRight = b.tableRight;
		this.tableTop = b.tableTop;
		this.valueLeft = b.tableLeft + b.labelWidth;
		this.rows = List.copyOf(b.rows);
		this.tableBottom = this.rows.get(this.rows.size() - 1).bottom();
		this.notes = List.copyOf(b.notes);
		this.counterHeads = List.copyOf(b.counterHeads);
		this.office = b.office;
		this.anchorFields = List.copyOf(b.anchorFields);
	}

	private static FormLayout juminhyo() {
		Builder b = new Builder("juminhyo-request", "住民票の写し等交付請求書", 15, 195, 45, 42, 14);
		b.description = "住民票の写し等交付請求書（サンプル様式、活字で記入）";
		b.keywords = List.of("住民票", "交付請求書");
		b.formNumber = "様式第1号（第3条関係）";
		b.addressee = "北九州市長　様";
		b.instruction = "太枠の中をご記入ください。";
		b.titleCenterY = 27;
		b.valuePt = 14f;
		b.field("request_date", "請求日", "date", true);
		b.band("請求者（窓口に来られた方）");
		b.field("name_kana", "フリガナ", "katakana", true);
		b.field("name", "氏名", "text", true);
		b.field("birth_date", "生年月日", "date", true);
		b.postal("postal_code", "郵便番号", false);
		b.field("address", "住所", "text", true);
		b.field("phone", "電話番号", "phone", false);
		b.band("請求の内容");
		b.choice("purpose", "使用目的", true, List.of("就職", "年金", "婚姻", "その他"));
		b.unit("copies", "通数", "integer", true, "通", 40);
		b.checkbox("honseki", "本籍・筆頭者の記載", "必要（本籍・筆頭者を記載する）");
		b.notes = List.of("※ 窓口に来られた方の本人確認書類（運転免許証、マイナンバーカード等）をご提示ください。", "※ 代理人が請求される場合は、委任状が必要です。",
				"※ 手数料は1通300円です。");
		b.counterHeads = List.of("受付", "本人確認", "交付", "手数料");
		b.office = "北九州市 小倉北区役所 市民課";
		b.anchorFields = List.of("name", "purpose");
		return b.build();
	}

	/**
	 * A form the benchmark did not tune on: other margins, label column, row height, font
	 * sizes and field types (My Number, money with a printed unit, digits, a two-way
	 * choice).
	 */
	private static FormLayout jidouTeate() {
		Builder b = new Builder("jidou-teate-request", "児童手当認定請求書", 12, 198, 50, 36, 12);
		b.description = "児童手当 認定請求書（サンプル様式、活字で記入）";
		b.keywords = List.of("児童手当", "認定請求書");
		b.formNumber = "様式第1号（第2条関係）";
		b.addressee = "（あて先）北九州市長";
		b.instruction = "該当する□にレ印をつけてください。";
		b.titleCenterY = 30;
		b.titlePt = 20f;
		b.labelPt = 10f;
		b.valuePt = 12.5f;
		b.field("request_date", "請求年月日", "date", true);
		b.band("請求者");
		b.field("name_kana", "フリガナ", "katakana", true);
		b.field("name", "氏名", "text", true);
		b.choice("sex", "性別", true, List.of("男", "女"));
		b.field("birth_date", "生年月日", "date", true);
		b.field("my_number", "個人番号", "mynumber", true);
		b.postal("postal_code", "郵便番号", true);
		b.field("address", "住所", "text", true);
		b.field("phone", "電話番号", "phone", false);
		b.band("請求の内容・支払口座");
		b.unit("children", "対象児童数", "integer", true, "人", 30);
		b.unit("income", "前年の所得", "money", true, "円", 60);
		b.choice("account_type", "預金種別", true, List.of("普通", "当座"));
		b.field("account_no", "口座番号", "digits", true);
		b.checkbox("civil_servant", "公務員", "公務員である");
		b.notes = List.of("※ 請求者名義の口座に限ります。", "※ 所得の額は、前年（1月から5月の請求は前々年）の所得を記入してください。");
		b.office = "北九州市 子ども家庭局 子育て支援課";
		b.anchorFields = List.of("name", "account_type");
		return b.build();
	}

	/**
	 * Millimetres to pixels at 300 DPI.
	 * @param mm a length or coordinate in millimetres
	 * @return pixels, rounded
	 */
	public static int px(double mm) {
		return (int) Math.round(mm * DPI / 25.4);
	}

	/**
	 * Pixels at 300 DPI to millimetres.
	 * @param px pixels
	 * @return millimetres
	 */
	public static double mm(double px) {
		return px * 25.4 / DPI;
	}

	/**
	 * The template id.
	 * @return e.g. {@code juminhyo-request}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The fields, in printed order.
	 * @return field name → template type
	 */
	public java.util.Map<String, String> fieldTypes() {
		java.util.Map<String, String> types = new java.util.LinkedHashMap<>();
		for (Row row : this.rows) {
			if (row.field() != null) {
				types.put(row.field(), row.type());
			}
		}
		return types;
	}

	/**
	 * The printed options of a choice field.
	 * @param field a choice field
	 * @return the options
	 */
	public List<String> options(String field) {
		return row(field).options();
	}

	List<Row> rows() {
		return this.rows;
	}

	/** The row of a field. */
	Row row(String field) {
		return this.rows.stream()
			.filter((r) -> field.equals(r.field()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(field));
	}

	/** How a row's value is shown. */
	enum Kind {

		/** A section band: no field. */
		BAND,

		/** Typed text across the value cell. */
		TEXT,

		/** Tick squares with printed options. */
		CHOICE,

		/** Typed text after a printed 〒 mark. */
		POSTAL,

		/** A short number followed by a printed unit (通, 人, 円). */
		UNIT,

		/** One tick square with a printed option. */
		CHECKBOX

	}

	/**
	 * One row of the table.
	 *
	 * @param field the field name, or null for a band
	 * @param label the printed label (or band heading)
	 * @param type the template field type
	 * @param required whether the field is required
	 * @param kind how the value is shown
	 * @param top top ruling line
	 * @param height row height
	 * @param valueLeft the value column's left line
	 * @param right the table's right line
	 * @param options the printed options (choice), or the check box's printed label
	 * @param unit the printed unit after the value box (UNIT rows)
	 * @param boxWidth the value box's width (UNIT rows)
	 */
	record Row(String field, String label, String type, boolean required, Kind kind, double top, double height,
			double valueLeft, double right, List<String> options, String unit, double boxWidth) {

		double bottom() {
			return this.top + this.height;
		}

		double centerY() {
			return this.top + this.height / 2;
		}

		/** The field box: the value cell inside its ruling lines, inset by 1 mm. */
		double[] valueBox() {
			double left = this.valueLeft + ((this.kind == Kind.POSTAL) ? POSTAL_OFFSET : INSET);
			double width = (this.kind == Kind.UNIT) ? this.boxWidth : this.right - INSET - left;
			return new double[] { left, this.top + INSET, width, this.height - 2 * INSET };
		}

		/** Where typed text starts: 2 mm into the value box. */
		double textX() {
			return valueBox()[0] + TEXT_INDENT - INSET;
		}

		/** The tick square of the i-th option (choice) or of the check box. */
		double[] tickBox(int i) {
			double x = this.valueLeft + TEXT_INDENT + i * OPTION_PITCH;
			return new double[] { x, centerY() - TICK_SIZE / 2, TICK_SIZE, TICK_SIZE };
		}

		/** The field box as the template states it. */
		double[] fieldBox() {
			return (this.kind == Kind.CHECKBOX) ? tickBox(0) : valueBox();
		}

	}

	private static final class Builder {

		final String id;

		final String title;

		final double tableLeft;

		final double tableRight;

		final double tableTop;

		final double labelWidth;

		final double rowHeight;

		String description;

		List<String> keywords = List.of();

		String formNumber;

		String issuer = "北九州市";

		String addressee;

		String instruction;

		double titleCenterY;

		float titlePt = 22f;

		float labelPt = 11f;

		float valuePt = 14f;

		List<String> notes = List.of();

		List<String> counterHeads = List.of();

		String office;

		List<String> anchorFields = List.of();

		private final List<Row> rows = new ArrayList<>();

		private double y;

		Builder(String id, String title, double tableLeft, double tableRight, double tableTop, double labelWidth,
				double rowHeight) {
			this.id = id;
			this.title = title;
			this.tableLeft = tableLeft;
			this.tableRight = tableRight;
			this.tableTop = tableTop;
			this.labelWidth = labelWidth;
			this.rowHeight = rowHeight;
			this.y = tableTop;
		}

		private void add(String field, String label, String type, boolean required, Kind kind, double height,
				List<String> options, String unit, double boxWidth) {
			this.rows.add(new Row(field, label, type, required, kind, this.y, height, this.tableLeft + this.labelWidth,
					this.tableRight, options, unit, boxWidth));
			this.y += height;
		}

		void field(String field, String label, String type, boolean required) {
			add(field, label, type, required, Kind.TEXT, this.rowHeight, List.of(), null, 0);
		}

		void postal(String field, String label, boolean required) {
			add(field, label, "postal", required, Kind.POSTAL, this.rowHeight, List.of(), null, 0);
		}

		void choice(String field, String label, boolean required, List<String> options) {
			add(field, label, "choice", required, Kind.CHOICE, this.rowHeight, options, null, 0);
		}

		void unit(String field, String label, String type, boolean required, String unit, double boxWidth) {
			add(field, label, type, required, Kind.UNIT, this.rowHeight, List.of(), unit, boxWidth);
		}

		void checkbox(String field, String label, String option) {
			add(field, label, "checkbox", false, Kind.CHECKBOX, this.rowHeight, List.of(option), null, 0);
		}

		void band(String heading) {
			add(null, heading, null, false, Kind.BAND, BAND_HEIGHT, List.of(), null, 0);
		}

		FormLayout build() {
			return new FormLayout(this);
		}

	}

}
