package jp.digilab.samples.legacy;

import java.util.List;
import java.util.Map;

/**
 * The HTML of the sample legacy system, 2005 style: table layouts, {@code <font>}, inline
 * JavaScript, frames, every page in Shift_JIS.
 */
final class LegacyPages {

	/** The entry form's text controls: name, label, entry key, required, size, hint. */
	static final List<Control> CONTROLS = List.of(
			new Control("seikyubi", "請求日", "request_date", false, 12, "（yyyy-mm-dd）"),
			new Control("shimei", "氏名", "name", true, 30, "（姓と名の間は空けない）"),
			new Control("kana", "フリガナ", "name_kana", true, 30, "（全角カタカナ）"),
			new Control("seinengappi", "生年月日", "birth_date", true, 12, "（西暦 yyyy-mm-dd）"),
			new Control("yubin", "郵便番号", "postal_code", false, 10, "（例 803-8501）"),
			new Control("jusho", "住所", "address", true, 60, ""),
			new Control("denwa", "電話番号", "phone", false, 16, "（例 093-582-2102）"));

	/** The postal codes the 郵便番号検索 window knows: code, town. */
	static final List<List<String>> POSTAL_CODES = List.of(List.of("803-8501", "北九州市小倉北区城内"),
			List.of("803-0812", "北九州市小倉北区室町"), List.of("802-8510", "北九州市小倉北区大手町"), List.of("802-8511", "北九州市小倉南区若園"),
			List.of("801-8510", "北九州市門司区清滝"), List.of("804-8510", "北九州市戸畑区汐井町"), List.of("806-8510", "北九州市八幡西区黒崎"),
			List.of("805-8510", "北九州市八幡東区中央"), List.of("808-8510", "北九州市若松区浜町"));

	private LegacyPages() {
	}

	static String login(String error, String notice, String id) {
		StringBuilder b = new StringBuilder();
		// the login page must never show inside a frame: an expired session ends the
		// frameset
		b.append("<script type=\"text/javascript\">if (top !== self) { top.location.href = self.location.href; }"
				+ "</script>\n");
		b.append("<br><br><center>\n");
		b.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"8\" bgcolor=\"#F0F0F0\" width=\"420\">\n");
		b.append("<tr><td bgcolor=\"#003366\" align=\"center\"><font color=\"#FFFFFF\"><b>ログイン</b></font></td></tr>\n");
		b.append("<tr><td>\n");
		if (notice != null) {
			b.append("<p id=\"notice\"><font color=\"#996600\">").append(esc(notice)).append("</font></p>\n");
		}
		if (error != null) {
			b.append("<p id=\"error\"><font color=\"#CC0000\">").append(esc(error)).append("</font></p>\n");
		}
		b.append("<form method=\"post\" action=\"/login\" name=\"loginForm\">\n");
		b.append("<table border=\"0\" cellspacing=\"0\" cellpadding=\"4\">\n");
		b.append("<tr><td align=\"right\"><label for=\"userid\">利用者ID</label></td>");
		b.append("<td><input type=\"text\" id=\"userid\" name=\"userid\" size=\"20\" value=\"")
			.append(esc(id))
			.append("\"></td></tr>\n");
		b.append("<tr><td align=\"right\"><label for=\"password\">パスワード</label></td>");
		b.append("<td><input type=\"password\" id=\"password\" name=\"password\" size=\"20\"></td></tr>\n");
		b.append("<tr><td></td><td><input type=\"submit\" value=\"ログイン\"></td></tr>\n");
		b.append("</table>\n</form>\n");
		b.append("<font size=\"2\">※ パスワードを3回間違えると管理者への連絡が必要です（サンプルでは制限なし）。</font>\n");
		b.append("</td></tr>\n</table>\n</center>\n");
		return page("ログイン", b.toString());
	}

	static String frameset() {
		return """
				<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN">
				<html>
				<head>
				<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
				<title>業務メニュー - 住民記録システム</title>
				</head>
				<frameset cols="210,*" frameborder="1" border="1">
				<frame name="menu" src="/menu/side" scrolling="auto">
				<frame name="main" src="/menu/home" scrolling="auto">
				<noframes><body><p>このシステムはフレーム対応ブラウザでご利用ください。</p></body></noframes>
				</frameset>
				</html>
				""";
	}

	static String side(String user) {
		StringBuilder b = new StringBuilder();
		b.append("<h3>業務メニュー</h3>\n");
		b.append("<p id=\"user\"><font size=\"2\">ログイン中：").append(esc(user)).append("</font></p>\n");
		b.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"6\" width=\"180\">\n");
		b.append("<tr><td bgcolor=\"#CCCCFF\" width=\"20\">1</td>"
				+ "<td><a href=\"/entry\" target=\"main\">住民票請求 入力</a></td></tr>\n");
		b.append("<tr><td bgcolor=\"#CCCCFF\">2</td><td><a href=\"/list\" target=\"main\">登録一覧</a></td></tr>\n");
		b.append("<tr><td bgcolor=\"#CCCCFF\">9</td><td><a href=\"/logout\" target=\"_top\">ログアウト</a></td></tr>\n");
		b.append("</table>\n");
		return page("メニュー", b.toString());
	}

	static String home(int entries) {
		StringBuilder b = new StringBuilder();
		b.append("<h3>お知らせ</h3>\n");
		b.append("<p>左のメニューから業務を選択してください。</p>\n");
		b.append("<p><font size=\"2\">登録件数：").append(entries).append(" 件</font></p>\n");
		return page("お知らせ", b.toString());
	}

	static String entry(Map<String, String> form, List<String> errors) {
		StringBuilder b = new StringBuilder();
		b.append("<script type=\"text/javascript\">\n");
		b.append("function yubinKensaku() {\n");
		b.append("  window.open('/lookup/postal', 'yubin', 'width=520,height=420,scrollbars=yes');\n");
		b.append("  return false;\n}\n</script>\n");
		b.append("<h3>住民票請求 入力</h3>\n");
		if (!errors.isEmpty()) {
			b.append("<div id=\"errors\"><font color=\"#CC0000\">入力エラーがあります。<ul>\n");
			for (String e : errors) {
				b.append("<li>").append(esc(e)).append("</li>\n");
			}
			b.append("</ul></font></div>\n");
		}
		b.append("<form method=\"post\" action=\"/entry\" name=\"entryForm\" id=\"entryForm\">\n");
		b.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n");
		for (Control c : CONTROLS) {
			b.append("<tr><th bgcolor=\"#CCCCFF\" align=\"left\" nowrap><label for=\"")
				.append(c.name())
				.append("\">")
				.append(c.label())
				.append("</label>");
			if (c.required()) {
				b.append("<font color=\"#CC0000\">※</font>");
			}
			b.append("</th><td><input type=\"text\" id=\"")
				.append(c.name())
				.append("\" name=\"")
				.append(c.name())
				.append("\" size=\"")
				.append(c.size())
				.append("\" value=\"")
				.append(esc(form.getOrDefault(c.name(), "")))
				.append("\"> ");
			if (c.name().equals("yubin")) {
				b.append("<input type=\"button\" value=\"郵便番号検索\" onclick=\"return yubinKensaku();\"> ");
			}
			b.append("<font size=\"2\">").append(c.hint()).append("</font></td></tr>\n");
		}
		String purpose = form.getOrDefault("purpose", "");
		b.append("<tr><th bgcolor=\"#CCCCFF\" align=\"left\" nowrap><label for=\"purpose\">使用目的</label>");
		b.append("<font color=\"#CC0000\">※</font></th><td><select id=\"purpose\" name=\"purpose\">\n");
		b.append("<option value=\"\">（選択してください）</option>\n");
		for (String p : LegacySystem.PURPOSES) {
			b.append("<option value=\"")
				.append(p)
				.append('"')
				.append(p.equals(purpose) ? " selected" : "")
				.append('>')
				.append(p)
				.append("</option>\n");
		}
		b.append("</select></td></tr>\n");
		b.append("<tr><th bgcolor=\"#CCCCFF\" align=\"left\" nowrap><label for=\"tsusu\">通数</label>");
		b.append("<font color=\"#CC0000\">※</font></th>"
				+ "<td><input type=\"text\" id=\"tsusu\" name=\"tsusu\" size=\"3\" value=\"")
			.append(esc(form.getOrDefault("tsusu", "")))
			.append("\"> 通</td></tr>\n");
		b.append("<tr><th bgcolor=\"#CCCCFF\" align=\"left\" nowrap><label for=\"honseki\">本籍・筆頭者の記載</label></th>");
		b.append("<td><input type=\"checkbox\" id=\"honseki\" name=\"honseki\" value=\"1\"")
			.append(form.containsKey("honseki") ? " checked" : "")
			.append("> 記載する</td></tr>\n");
		b.append("</table>\n<br>\n");
		b.append("<input type=\"submit\" value=\"登録\" onclick=\"return confirm('登録しますか？');\">\n");
		b.append("&nbsp;<input type=\"reset\" value=\"クリア\">\n");
		b.append("</form>\n");
		b.append("<p><font size=\"2\">※印は必須項目です。JIS第1・第2水準にない文字は外字登録が必要です。</font></p>\n");
		return page("住民票請求 入力", b.toString());
	}

	static String result(Map<String, String> entry) {
		StringBuilder b = new StringBuilder();
		b.append("<h3>住民票請求 入力</h3>\n");
		b.append("<p><font color=\"#006600\"><b>登録しました。</b></font></p>\n");
		b.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n");
		b.append("<tr><th bgcolor=\"#CCCCFF\" align=\"left\">受付番号</th><td><span id=\"receipt-no\">")
			.append(esc(entry.get("receipt_no")))
			.append("</span></td></tr>\n");
		b.append("<tr><th bgcolor=\"#CCCCFF\" align=\"left\">氏名</th><td id=\"result-name\">")
			.append(esc(entry.get("name")))
			.append("</td></tr>\n");
		b.append("<tr><th bgcolor=\"#CCCCFF\" align=\"left\">住所</th><td id=\"result-address\">")
			.append(esc(entry.get("address")))
			.append("</td></tr>\n");
		b.append("</table>\n");
		b.append("<p><a href=\"/entry\">続けて入力</a> | <a href=\"/list\">登録一覧</a> | "
				+ "<a href=\"/menu\" target=\"_top\">業務メニューへ</a></p>\n");
		return page("登録完了", b.toString());
	}

	static String list(List<Map<String, String>> all) {
		StringBuilder b = new StringBuilder();
		b.append("<h3>登録一覧</h3>\n");
		b.append("<table id=\"entries\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n");
		b.append("<tr bgcolor=\"#CCCCFF\"><th>受付番号</th><th>請求日</th><th>氏名</th><th>フリガナ</th><th>生年月日</th>");
		b.append("<th>郵便番号</th><th>住所</th><th>電話番号</th><th>使用目的</th><th>通数</th><th>本籍</th><th>登録日時</th></tr>\n");
		for (Map<String, String> e : all) {
			b.append("<tr>");
			for (String key : LegacySystem.KEYS) {
				String value = e.getOrDefault(key, "");
				if (key.equals("honseki")) {
					value = "true".equals(value) ? "要" : "否";
				}
				else if (key.equals("entered_at")) {
					value = value.replace('T', ' ');
				}
				b.append("<td>").append(esc(value)).append("</td>");
			}
			b.append("</tr>\n");
		}
		if (all.isEmpty()) {
			b.append("<tr><td colspan=\"").append(LegacySystem.KEYS.size()).append("\">登録はありません。</td></tr>\n");
		}
		b.append("</table>\n");
		b.append("<p><font size=\"2\">全 ").append(all.size()).append(" 件</font></p>\n");
		return page("登録一覧", b.toString());
	}

	/** The 郵便番号検索 pop-up: a search, and links that write into the opener's form. */
	static String postalLookup(String query) {
		String q = (query != null) ? query.strip() : "";
		StringBuilder b = new StringBuilder();
		b.append("<script type=\"text/javascript\">\n");
		b.append("function sentaku(code, town) {\n");
		b.append("  var f = window.opener.document.entryForm;\n");
		b.append("  f.yubin.value = code;\n  f.jusho.value = town;\n");
		b.append("  window.close();\n  return false;\n}\n</script>\n");
		b.append("<h3>郵便番号検索</h3>\n");
		b.append("<form method=\"get\" action=\"/lookup/postal\" name=\"searchForm\">\n");
		b.append("<label for=\"q\">郵便番号・町名</label> <input type=\"text\" id=\"q\" name=\"q\" size=\"20\" value=\"")
			.append(esc(q))
			.append("\"> <input type=\"submit\" value=\"検索\">\n</form>\n");
		b.append("<table id=\"postal-codes\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n");
		b.append("<tr bgcolor=\"#CCCCFF\"><th>郵便番号</th><th>町域</th></tr>\n");
		int shown = 0;
		for (List<String> row : POSTAL_CODES) {
			if (q.isEmpty() || row.get(0).contains(q) || row.get(1).contains(q)) {
				b.append("<tr><td><a href=\"#\" onclick=\"return sentaku('")
					.append(row.get(0))
					.append("', '")
					.append(row.get(1))
					.append("');\">")
					.append(row.get(0))
					.append("</a></td><td>")
					.append(row.get(1))
					.append("</td></tr>\n");
				shown++;
			}
		}
		if (shown == 0) {
			b.append("<tr><td colspan=\"2\">該当する郵便番号はありません。</td></tr>\n");
		}
		b.append("</table>\n<p><a href=\"#\" onclick=\"window.close(); return false;\">閉じる</a></p>\n");
		return page("郵便番号検索", b.toString());
	}

	static String page(String title, String body) {
		return """
				<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
				<html>
				<head>
				<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
				<title>%s - 住民記録システム</title>
				</head>
				<body bgcolor="#FFFFFF" text="#000000" link="#0000CC" vlink="#660099">
				<table border="0" cellspacing="0" cellpadding="4" width="100%%" bgcolor="#003366">
				<tr><td><font color="#FFFFFF"><b>北九州市 住民記録システム</b> Ver.2.3</font></td>
				<td align="right"><font color="#FFFFFF" size="2">%s</font></td></tr>
				</table>
				%s
				<hr>
				<font size="1" color="#666666">Copyright (C) 2005 北九州市 市民課 / 推奨ブラウザ Internet Explorer 6.0</font>
				</body>
				</html>
				""".formatted(esc(title), esc(title), body);
	}

	static String esc(String s) {
		if (s == null) {
			return "";
		}
		return s.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	record Control(String name, String label, String key, boolean required, int size, String hint) {
	}

}
