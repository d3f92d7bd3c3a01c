package jp.digilab.samples.scans;

import java.util.List;

/**
 * The layout of the sample form 住民票の写し等交付請求書, in millimetres from the top-left corner of
 * an A4 sheet. The drawing code and the template writer both read these constants, so the
 * template's boxes always match the drawn form.
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

	/** Left edge of the table. */
	static final double TABLE_LEFT = 15;

	/** Right edge of the table. */
	static final double TABLE_RIGHT = 195;

	/** Top edge of the table. */
	static final double TABLE_TOP = 45;

	/** Width of the printed label column. */
	static final double LABEL_WIDTH = 42;

	/** Left edge of the value column (the ruling line between label and value). */
	static final double VALUE_LEFT = TABLE_LEFT + LABEL_WIDTH;

	/** Height of a field row. */
	static final double ROW_HEIGHT = 14;

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
	 * Where the value box of the postal code row starts, from the value column's line:
	 * the printed 〒 mark comes first (OCR is much less sure of a value read with the
	 * mark).
	 */
	static final double POSTAL_OFFSET = 8;

	/** Width of the value box of the copies row (the printed 通 follows it). */
	static final double COPIES_BOX_WIDTH = 40;

	/** Thin ruling line width. */
	static final double THIN_LINE = 0.25;

	/** Thick (outer frame) ruling line width. */
	static final double THICK_LINE = 0.6;

	/** Title centre line. */
	static final double TITLE_CENTER_Y = 27;

	/** The printed title. */
	static final String TITLE = "住民票の写し等交付請求書";

	/** The purpose options, in printed order. */
	static final List<String> PURPOSES = List.of("就職", "年金", "婚姻", "その他");

	/** The printed label of the honseki check box. */
	static final String HONSEKI_OPTION = "必要（本籍・筆頭者を記載する）";

	/** The printed unit after the number of copies. */
	static final String COPIES_UNIT = "通";

	/** The rows of the table, top to bottom. */
	static final List<Row> ROWS;

	static {
		double y = TABLE_TOP;
		Row.Builder b = new Row.Builder(y);
		b.field("request_date", "請求日", "date", true, Kind.TEXT);
		b.band("請求者（窓口に来られた方）");
		b.field("name_kana", "フリガナ", "katakana", true, Kind.TEXT);
		b.field("name", "氏名", "text", true, Kind.TEXT);
		b.field("birth_date", "生年月日", "date", true, Kind.TEXT);
		b.field("postal_code", "郵便番号", "postal", false, Kind.POSTAL);
		b.field("address", "住所", "text", true, Kind.TEXT);
		b.field("phone", "電話番号", "phone", false, Kind.TEXT);
		b.band("請求の内容");
		b.field("purpose", "使用目的", "choice", true, Kind.CHOICE);
		b.field("copies", "通数", "integer", true, Kind.COPIES);
		b.field("honseki", "本籍・筆頭者の記載", "checkbox", false, Kind.CHECKBOX);
		ROWS = b.rows();
	}

	/** Bottom edge of the table. */
	static final double TABLE_BOTTOM = ROWS.get(ROWS.size() - 1).bottom();

	private FormLayout() {
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

	/** The row of a field. */
	static Row row(String field) {
		return ROWS.stream()
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

		/** A short number followed by a printed unit. */
		COPIES,

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
	 */
	record Row(String field, String label, String type, boolean required, Kind kind, double top, double height) {

		double bottom() {
			return this.top + this.height;
		}

		double centerY() {
			return this.top + this.height / 2;
		}

		/** The field box: the value cell inside its ruling lines, inset by 1 mm. */
		double[] valueBox() {
			double left = VALUE_LEFT + ((this.kind == Kind.POSTAL) ? POSTAL_OFFSET : INSET);
			double width = (this.kind == Kind.COPIES) ? COPIES_BOX_WIDTH : TABLE_RIGHT - INSET - left;
			return new double[] { left, this.top + INSET, width, this.height - 2 * INSET };
		}

		/** Where typed text starts: 2 mm into the value box. */
		double textX() {
			return valueBox()[0] + TEXT_INDENT - INSET;
		}

		/** The tick square of the i-th option (choice) or of the check box. */
		double[] tickBox(int i) {
			double x = VALUE_LEFT + TEXT_INDENT + i * OPTION_PITCH;
			return new double[] { x, centerY() - TICK_SIZE / 2, TICK_SIZE, TICK_SIZE };
		}

		/** The field box as the template states it. */
		double[] fieldBox() {
			return (this.kind == Kind.CHECKBOX) ? tickBox(0) : valueBox();
		}

		static final class Builder {

			private final java.util.ArrayList<Row> rows = new java.util.ArrayList<>();

			private double y;

			Builder(double y) {
				this.y = y;
			}

			void field(String field, String label, String type, boolean required, Kind kind) {
				this.rows.add(new Row(field, label, type, required, kind, this.y, ROW_HEIGHT));
				this.y += ROW_HEIGHT;
			}

			void band(String heading) {
				this.rows.add(new Row(null, heading, null, false, Kind.BAND, this.y, BAND_HEIGHT));
				this.y += BAND_HEIGHT;
			}

			List<Row> rows() {
				return List.copyOf(this.rows);
			}

		}

	}

}
