package jp.digilab.samples.legacy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LegacySystemTests {

	static final Charset SJIS = Charset.forName("windows-31j");

	@TempDir
	Path data;

	LegacySystem system;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@AfterEach
	void stop() {
		if (this.system != null) {
			this.system.close();
		}
	}

	@Test
	void bindsToLoopbackAndServesTheLoginPageWithLabels() throws Exception {
		this.system = LegacySystem.start(0, this.data, "digilab", "s3cret");
		assertThat(this.system.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
		HttpResponse<String> login = get("/login", null);
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.headers().firstValue("Content-Type")).hasValue("text/html; charset=Shift_JIS");
		assertThat(login.body()).contains("<label for=\"userid\">利用者ID</label>", "id=\"userid\"",
				"<label for=\"password\">パスワード</label>", "id=\"password\"", "value=\"ログイン\"");
	}

	@Test
	void pagesRedirectToLoginWithoutASession() throws Exception {
		this.system = LegacySystem.start(0, this.data, "digilab", "s3cret");
		for (String path : List.of("/", "/menu", "/menu/side", "/menu/home", "/entry", "/list", "/lookup/postal")) {
			HttpResponse<String> response = get(path, null);
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(path).hasValue("/login");
		}
		assertThat(post("/entry", null, entryForm("山本 花子")).statusCode()).isEqualTo(302);
		assertThat(this.system.entries()).isEmpty();
	}

	@Test
	void loginRefusesAWrongPassword() throws Exception {
		this.system = LegacySystem.start(0, this.data, "digilab", "s3cret");
		HttpResponse<String> response = post("/login", null, Map.of("userid", "digilab", "password", "wrong"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("利用者IDまたはパスワードが正しくありません。");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void anEntryIsListedAndKept() throws Exception {
		this.system = LegacySystem.start(0, this.data, "digilab", "s3cret");
		String cookie = login();
		assertThat(get("/menu", cookie).body()).contains("<frame name=\"menu\" src=\"/menu/side\"",
				"<frame name=\"main\" src=\"/menu/home\"");
		assertThat(get("/menu/side", cookie).body()).contains("業務メニュー", "住民票請求 入力", "登録一覧", "ログアウト", "target=\"main\"");
		String form = get("/entry", cookie).body();
		assertThat(form).contains("<label for=\"shimei\">氏名</label>", "<select id=\"purpose\" name=\"purpose\">",
				"<input type=\"checkbox\" id=\"honseki\"", "confirm('登録しますか？')", "value=\"登録\"");
		HttpResponse<String> result = post("/entry", cookie, entryForm("北九州太郎"));
		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(result.body()).contains("登録しました").containsPattern("<span id=\"receipt-no\">R\\d{4}-000001</span>");
		assertThat(get("/list", cookie).body()).contains("<td>北九州太郎</td>", "<td>1980-04-01</td>", "<td>年金</td>");
		assertThat(this.system.entries()).singleElement().satisfies((e) -> {
			assertThat(e.keySet()).containsExactly("receipt_no", "request_date", "name", "name_kana", "birth_date",
					"postal_code", "address", "phone", "purpose", "copies", "honseki", "entered_at");
			assertThat(e).containsEntry("name", "北九州太郎")
				.containsEntry("name_kana", "キタキュウシュウタロウ")
				.containsEntry("birth_date", "1980-04-01")
				.containsEntry("postal_code", "803-8501")
				.containsEntry("address", "北九州市小倉北区城内1番1号")
				.containsEntry("phone", "093-582-2102")
				.containsEntry("purpose", "年金")
				.containsEntry("copies", "2")
				.containsEntry("honseki", "true")
				.containsEntry("request_date", "2026-11-20");
			assertThat(e.get("receipt_no")).matches("R\\d{4}-000001");
			assertThat(e.get("entered_at")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
		});
	}

	@Test
	void missingRequiredFieldsShowTheFormAgain() throws Exception {
		this.system = LegacySystem.start(0, this.data, "digilab", "s3cret");
		String cookie = login();
		Map<String, String> form = entryForm("");
		form.put("seinengappi", "S55.4.1");
		form.remove("honseki");
		HttpResponse<String> response = post("/entry", cookie, form);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("入力エラー", "氏名を入力してください。", "生年月日は yyyy-mm-dd")
			.doesNotContain("登録しました")
			.contains("value=\"キタキュウシュウタロウ\"");
		assertThat(this.system.entries()).isEmpty();
	}

	@Test
	void entriesSurviveARestart() throws Exception {
		this.system = LegacySystem.start(0, this.data, "digilab", "s3cret");
		post("/entry", login(), entryForm("北九州太郎"));
		this.system.close();
		assertThat(Files.readString(this.data.resolve("entries.jsonl"), StandardCharsets.UTF_8)).contains("北九州太郎");
		this.system = LegacySystem.start(0, this.data, "digilab", "s3cret");
		assertThat(this.system.entries()).extracting((e) -> e.get("name")).containsExactly("北九州太郎");
		Map<String, String> second = entryForm("山本花子");
		second.remove("honseki");
		HttpResponse<String> result = post("/entry", login(), second);
		assertThat(result.body()).containsPattern("R\\d{4}-000002");
		assertThat(this.system.entries()).extracting((e) -> e.get("honseki")).containsExactly("true", "false");
		assertThat(get("/list", login()).body()).contains("<td>北九州太郎</td>", "<td>山本花子</td>");
	}

	@Test
	void pagesAndFormPostsAreShiftJis() throws Exception {
		this.system = LegacySystem.start(0, this.data, "digilab", "s3cret");
		String cookie = login();
		HttpResponse<byte[]> raw = this.http.send(
				HttpRequest.newBuilder(uri("/entry")).header("Cookie", cookie).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(raw.headers().firstValue("Content-Type")).hasValue("text/html; charset=Shift_JIS");
		assertThat(new String(raw.body(), SJIS)).contains("content=\"text/html; charset=Shift_JIS\"", "住民票請求 入力");
		// 髙 is in windows-31j (an IBM extension); 𠮷 is not, so a browser sends &#134071;
		post("/entry", cookie, entryForm("髙橋一郎"));
		assertThat(this.system.entries()).extracting((e) -> e.get("name")).containsExactly("髙橋一郎");
		Map<String, String> gaiji = entryForm("𠮷田次郎");
		gaiji.put("shimei", "&#134071;田次郎");
		assertThat(post("/entry", cookie, gaiji).body()).contains("氏名に使用できない文字（外字）が含まれています。").doesNotContain("登録しました");
		assertThat(this.system.entries()).hasSize(1);
	}

	@Test
	void postalLookupPopUpWritesIntoTheOpener() throws Exception {
		this.system = LegacySystem.start(0, this.data, "digilab", "s3cret");
		String cookie = login();
		assertThat(get("/entry", cookie).body()).contains("value=\"郵便番号検索\"", "window.open('/lookup/postal'");
		String all = get("/lookup/postal", cookie).body();
		assertThat(all).contains("郵便番号検索", "803-8501", "北九州市戸畑区汐井町", "window.opener.document.entryForm");
		String found = get("/lookup/postal?q=" + URLEncoder.encode("戸畑", SJIS), cookie).body();
		assertThat(found).contains("804-8510").doesNotContain("803-8501");
	}

	@Test
	void idleSessionsExpireToTheLoginPage() throws Exception {
		this.system = LegacySystem.builder()
			.dataDir(this.data)
			.user("digilab")
			.password("s3cret")
			.sessionTimeout(Duration.ofMillis(300))
			.start();
		String cookie = login();
		assertThat(get("/menu/home", cookie).statusCode()).isEqualTo(200);
		Thread.sleep(450);
		HttpResponse<String> expired = get("/entry", cookie);
		assertThat(expired.statusCode()).isEqualTo(302);
		assertThat(expired.headers().firstValue("Location")).hasValue("/login?expired=1");
		assertThat(get("/login?expired=1", null).body()).contains("もう一度ログインしてください", "top.location");
		assertThat(get("/entry", cookie).headers().firstValue("Location")).hasValue("/login");
		assertThat(this.system.logins()).isEqualTo(1);
	}

	@Test
	void slowSaveStoresAtOnceAndAnswersLate() throws Exception {
		this.system = LegacySystem.builder()
			.dataDir(this.data)
			.user("digilab")
			.password("s3cret")
			.slowMillis(400)
			.start();
		String cookie = login();
		long start = System.nanoTime();
		assertThat(post("/entry", cookie, entryForm("北九州太郎")).body()).contains("登録しました");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		assertThat(this.system.slowMillis()).isEqualTo(400);
	}

	@Test
	void browserEncodedShiftJisIsDecodedWhole() {
		// 司 is 0x8E 0x69: browsers send the ASCII second byte unescaped
		assertThat(LegacySystem.percentDecode("%96%E5%8Ei%8E%9F%98Y+%82%A0")).isEqualTo("門司次郎 あ");
		assertThat(LegacySystem.percentDecode("803-8501")).isEqualTo("803-8501");
		assertThat(LegacySystem.percentDecode("100%")).isEqualTo("100%");
	}

	@Test
	void durationsReadAsOperatorsWriteThem() {
		assertThat(LegacySystem.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
		assertThat(LegacySystem.parseDuration("30m")).isEqualTo(Duration.ofMinutes(30));
		assertThat(LegacySystem.parseDuration("1500ms")).isEqualTo(Duration.ofMillis(1500));
		assertThat(LegacySystem.parseDuration("PT2H")).isEqualTo(Duration.ofHours(2));
		assertThat(LegacySystem.parseDuration("45")).isEqualTo(Duration.ofSeconds(45));
	}

	private String login() throws Exception {
		HttpResponse<String> response = post("/login", null, Map.of("userid", "digilab", "password", "s3cret"));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("/menu");
		String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
		return cookie.substring(0, cookie.indexOf(';'));
	}

	private static Map<String, String> entryForm(String name) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("seikyubi", "2026-11-20");
		form.put("shimei", name);
		form.put("kana", "キタキュウシュウタロウ");
		form.put("seinengappi", "1980-04-01");
		form.put("yubin", "803-8501");
		form.put("jusho", "北九州市小倉北区城内1番1号");
		form.put("denwa", "093-582-2102");
		form.put("purpose", "年金");
		form.put("tsusu", "2");
		form.put("honseki", "1");
		return form;
	}

	private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(SJIS));
	}

	private HttpResponse<String> post(String path, String cookie, Map<String, String> form)
			throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), SJIS) + "=" + URLEncoder.encode(e.getValue(), SJIS))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(SJIS));
	}

	private URI uri(String path) {
		return URI.create(this.system.url() + path);
	}

}
