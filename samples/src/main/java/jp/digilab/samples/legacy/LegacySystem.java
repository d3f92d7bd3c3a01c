package jp.digilab.samples.legacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jp.digilab.samples.Json;
import jp.digilab.samples.legacy.LegacyPages.Control;

/**
 * A deliberately old-fashioned intranet system of the kind robots are for: 住民記録システム, a
 * 2005-style web application with frames, table layout, Japanese labels, Shift_JIS pages,
 * a JavaScript {@code confirm()} before saving, a pop-up lookup window and no framework.
 * The sample robot ({@code robots/juminhyo-entry.yml}) types the demo's records into it.
 *
 * <ul>
 * <li>{@code /login}: 利用者ID and パスワード (each with a {@code <label for>}), button ログイン.
 * Shown inside a frame, it replaces the whole frameset (as such systems do).
 * <li>{@code /menu} (and {@code /}): a frameset titled 業務メニュー, frame {@code menu}
 * ({@code /menu/side}: 業務メニュー, ログイン中：USER, links 住民票請求 入力, 登録一覧, ログアウト, which open in the
 * other frame) and frame {@code main} ({@code /menu/home}: お知らせ, 登録件数).
 * <li>{@code /entry}: the entry form {@code entryForm} (controls {@code seikyubi},
 * {@code shimei}, {@code kana}, {@code seinengappi}, {@code yubin}, {@code jusho},
 * {@code denwa}, {@code select#purpose}, {@code checkbox#honseki}, {@code tsusu}); button
 * 郵便番号検索 opens the pop-up {@code /lookup/postal}; button 登録 asks 登録しますか？; the result page
 * says 登録しました and shows {@code <span id="receipt-no">}.
 * <li>{@code /lookup/postal?q=}: 郵便番号検索, a pop-up window whose postal code links write
 * 郵便番号 and 住所 (the town) into the opener's entry form and close the window.
 * <li>{@code /list}: 登録一覧, the table {@code #entries}, one row per entry.
 * <li>{@code /logout}.
 * </ul>
 *
 * Every page is Shift_JIS ({@code windows-31j}) and forms are posted in it; a character
 * the encoding lacks arrives as a numeric character reference ({@code &#12316;}) and the
 * entry is refused with 使用できない文字 (外字), as real systems do. Sessions are kept in a cookie
 * and expire after an idle time ({@link Builder#sessionTimeout}, 30 minutes by default):
 * the next request is sent to {@code /login?expired=1}. Saving can be made slow
 * ({@link Builder#slowMillis}: the entry is stored at once, the answer comes that much
 * later, like a busy host). Both defaults can be set with the system properties
 * {@value #SLOW_MILLIS_PROPERTY} and {@value #SESSION_TIMEOUT_PROPERTY} (e.g.
 * {@code 90s}, {@code 30m}, {@code PT30M}). Entries are appended to
 * {@code DATA_DIR/entries.jsonl} (UTF-8, one JSON object a line) and read back at start,
 * so they survive a restart. Binds to 127.0.0.1 only.
 */
public final class LegacySystem implements AutoCloseable {

	/** The keys of an entry, in order. */
	public static final List<String> KEYS = List.of("receipt_no", "request_date", "name", "name_kana", "birth_date",
			"postal_code", "address", "phone", "purpose", "copies", "honseki", "entered_at");

	/** The purpose options of the entry form. */
	public static final List<String> PURPOSES = List.of("就職", "年金", "婚姻", "その他");

	/** The encoding of every page and form post (Shift_JIS as Windows writes it). */
	public static final Charset CHARSET = Charset.forName("windows-31j");

	/** System property: default delay of a save, in milliseconds. */
	public static final String SLOW_MILLIS_PROPERTY = "digilab.legacy.slowMillis";

	/** System property: default idle time after which a session expires. */
	public static final String SESSION_TIMEOUT_PROPERTY = "digilab.legacy.sessionTimeout";

	/** The idle time after which a session expires, unless configured. */
	public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(30);

	static final String COOKIE = "JUKISID";

	static final String EXPIRED_NOTICE = "一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。";

	private static final Set<String> PAGES = Set.of("/", "/menu", "/menu/side", "/menu/home", "/entry", "/list",
			"/lookup/postal");

	private static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

	private static final DateTimeFormatter ENTERED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern POSTAL = Pattern.compile("\\d{3}-\\d{4}");

	private static final Pattern PHONE = Pattern.compile("[0-9][0-9-]{8,12}[0-9]");

	/** What a browser sends for a character the page's encoding lacks. */
	private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);");

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

	private final HttpServer server;

	private final ExecutorService executor;

	private final Path file;

	private final String user;

	private final String password;

	private final long slowMillis;

	private final Duration sessionTimeout;

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	private final AtomicInteger logins = new AtomicInteger();

	private final AtomicInteger listViews = new AtomicInteger();

	private final List<Map<String, String>> entries = new ArrayList<>();

	private final SecureRandom random = new SecureRandom();

	private LegacySystem(HttpServer server, ExecutorService executor, Path file, Builder options,
			List<Map<String, String>> entries) {
		this.server = server;
		this.executor = executor;
		this.file = file;
		this.user = options.user;
		this.password = options.password;
		this.slowMillis = options.slowMillis;
		this.sessionTimeout = options.sessionTimeout;
		this.entries.addAll(entries);
	}

	/**
	 * Start the system with the default options (see {@link #builder()}).
	 * @param port the port, 0 for a free one
	 * @param dataDir where the entries are kept (created if missing)
	 * @param user the only user's id
	 * @param password the user's password
	 * @return the running system
	 * @throws IOException if the data cannot be read or the port not bound
	 */
	public static LegacySystem start(int port, Path dataDir, String user, String password) throws IOException {
		return builder().port(port).dataDir(dataDir).user(user).password(password).start();
	}

	/**
	 * Options for starting the system: port 0, data folder {@code legacy-data}, user
	 * {@code digilab}, no delay, sessions expiring after 30 minutes idle (or the system
	 * properties' values).
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	private static LegacySystem start(Builder options) throws IOException {
		if (options.user == null || options.user.isBlank() || options.password == null || options.password.isEmpty()) {
			throw new IllegalArgumentException("a user and a password are needed");
		}
		Files.createDirectories(options.dataDir);
		Path file = options.dataDir.resolve("entries.jsonl");
		List<Map<String, String>> loaded = new ArrayList<>();
		if (Files.exists(file)) {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					loaded.add(Json.parseObject(line));
				}
			}
		}
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port), 0);
		AtomicInteger threads = new AtomicInteger();
		// a frameset loads three pages at once, and a slow save holds its thread
		ExecutorService executor = Executors.newFixedThreadPool(8, (r) -> {
			Thread t = new Thread(r, "legacy-system-" + threads.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		LegacySystem system = new LegacySystem(server, executor, file, options, loaded);
		server.createContext("/", system::handle);
		server.setExecutor(executor);
		server.start();
		return system;
	}

	/**
	 * Where the system answers, e.g. {@code http://127.0.0.1:8090} (no trailing slash).
	 * @return the base URL
	 */
	public URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * Every entry so far, oldest first, with the keys {@link #KEYS} ({@code honseki} is
	 * {@code true} or {@code false}; dates are yyyy-mm-dd; {@code entered_at} is local
	 * time in Japan, yyyy-mm-ddThh:mm:ss).
	 * @return copies of the entries
	 */
	public List<Map<String, String>> entries() {
		synchronized (this.entries) {
			return this.entries.stream().map((e) -> Collections.unmodifiableMap(new LinkedHashMap<>(e))).toList();
		}
	}

	/**
	 * How many times someone logged in successfully since the start.
	 * @return the number of logins
	 */
	public int logins() {
		return this.logins.get();
	}

	/**
	 * How many times 登録一覧 (/list) was shown since the start.
	 * @return the number of views
	 */
	public int listViews() {
		return this.listViews.get();
	}

	/**
	 * How long a save takes to answer.
	 * @return the delay in milliseconds
	 */
	public long slowMillis() {
		return this.slowMillis;
	}

	/**
	 * The idle time after which a session expires.
	 * @return the timeout
	 */
	public Duration sessionTimeout() {
		return this.sessionTimeout;
	}

	/** Stop answering. The entries stay in the data folder. */
	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Run the system until killed: {@code --port N --data DIR --user U --password P
	 * [--slow-ms N] [--session-timeout 30m]}.
	 * @param args the arguments
	 * @throws Exception if it cannot start
	 */
	public static void main(String[] args) throws Exception {
		String usage = "usage: LegacySystem [--port N] [--data DIR] [--user U] --password P [--slow-ms N]"
				+ " [--session-timeout DURATION]";
		Builder options = builder().port(8090);
		for (int i = 0; i < args.length; i++) {
			String value = (i + 1 < args.length) ? args[i + 1] : null;
			switch (args[i]) {
				case "--port" -> options.port(Integer.parseInt(required(args[i], value)));
				case "--data" -> options.dataDir(Path.of(required(args[i], value)));
				case "--user" -> options.user(required(args[i], value));
				case "--password" -> options.password(required(args[i], value));
				case "--slow-ms" -> options.slowMillis(Long.parseLong(required(args[i], value)));
				case "--session-timeout" -> options.sessionTimeout(parseDuration(required(args[i], value)));
				default -> {
					System.err.println(usage);
					System.exit(2);
				}
			}
			i++;
		}
		if (options.password == null) {
			System.err.println(usage);
			System.exit(2);
		}
		LegacySystem system = options.start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			system.close();
			stopped.countDown();
		}));
		System.out.println(system.url());
		System.out.println(
				"住民記録システム (sample legacy system): user " + options.user + ", data " + options.dataDir.toAbsolutePath()
						+ ", sessions expire after " + system.sessionTimeout() + " idle; stop with Ctrl+C");
		System.out.flush();
		stopped.await();
	}

	/**
	 * A duration as {@code 1500ms}, {@code 90s}, {@code 30m}, {@code 2h}, a number of
	 * seconds, or ISO 8601 ({@code PT30M}).
	 * @param text the text
	 * @return the duration
	 * @throws IllegalArgumentException if the text is none of these
	 */
	static Duration parseDuration(String text) {
		String t = text.strip();
		if (t.startsWith("P") || t.startsWith("p")) {
			return Duration.parse(t);
		}
		Matcher m = DURATION.matcher(t);
		if (!m.matches()) {
			throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 90s, 30m, PT30M)");
		}
		long n = Long.parseLong(m.group(1));
		String unit = (m.group(2) != null) ? m.group(2) : "s";
		return switch (unit) {
			case "ms" -> Duration.ofMillis(n);
			case "m" -> Duration.ofMinutes(n);
			case "h" -> Duration.ofHours(n);
			default -> Duration.ofSeconds(n);
		};
	}

	private static String required(String option, String value) {
		if (value == null) {
			System.err.println(option + " needs a value");
			System.exit(2);
		}
		return value;
	}

	// ---- HTTP ----

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			boolean post = "POST".equals(method);
			if (!post && !"GET".equals(method) && !"HEAD".equals(method)) {
				send(exchange, 405, LegacyPages.page("エラー", "<p>このリクエストは受け付けられません。</p>"));
				return;
			}
			if (path.equals("/login")) {
				if (post) {
					login(exchange, form(exchange));
				}
				else {
					boolean expired = query(exchange).containsKey("expired");
					send(exchange, 200, LegacyPages.login(null, expired ? EXPIRED_NOTICE : null, ""));
				}
				return;
			}
			if (path.equals("/logout")) {
				String session = cookie(exchange);
				if (session != null) {
					this.sessions.remove(session);
				}
				exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0");
				redirect(exchange, "/login");
				return;
			}
			if (!PAGES.contains(path)) {
				send(exchange, 404, LegacyPages.page("エラー",
						"<p>ページが見つかりません。</p><p><a href=\"/menu\" target=\"_top\">業務メニューへ</a></p>"));
				return;
			}
			String refusal = checkSession(exchange);
			if (refusal != null) {
				redirect(exchange, refusal);
				return;
			}
			switch (path) {
				case "/", "/menu" -> send(exchange, 200, LegacyPages.frameset());
				case "/menu/side" -> send(exchange, 200, LegacyPages.side(this.user));
				case "/menu/home" -> send(exchange, 200, LegacyPages.home(count()));
				case "/list" -> {
					this.listViews.incrementAndGet();
					send(exchange, 200, LegacyPages.list(entries()));
				}
				case "/lookup/postal" -> send(exchange, 200, LegacyPages.postalLookup(query(exchange).get("q")));
				default -> {
					if (post) {
						enter(exchange, form(exchange));
					}
					else {
						send(exchange, 200, LegacyPages.entry(Map.of(), List.of()));
					}
				}
			}
		}
		catch (RuntimeException ex) {
			send(exchange, 500, LegacyPages.page("システムエラー", "<p>システムエラーが発生しました。</p>"));
		}
	}

	/**
	 * Touch the visitor's session.
	 * @return null if it is valid, else where to send the visitor
	 */
	private String checkSession(HttpExchange exchange) {
		String id = cookie(exchange);
		Session session = (id != null) ? this.sessions.get(id) : null;
		if (session == null) {
			return "/login";
		}
		long now = System.nanoTime();
		if (now - session.lastSeen > this.sessionTimeout.toNanos()) {
			this.sessions.remove(id);
			return "/login?expired=1";
		}
		session.lastSeen = now;
		return null;
	}

	private int count() {
		synchronized (this.entries) {
			return this.entries.size();
		}
	}

	private void login(HttpExchange exchange, Map<String, String> form) throws IOException {
		String id = form.getOrDefault("userid", "");
		if (this.user.equals(id) && this.password.equals(form.getOrDefault("password", ""))) {
			byte[] token = new byte[16];
			this.random.nextBytes(token);
			String session = HexFormat.of().formatHex(token);
			this.sessions.put(session, new Session(id, System.nanoTime()));
			this.logins.incrementAndGet();
			exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + session + "; Path=/; HttpOnly");
			redirect(exchange, "/menu");
		}
		else {
			send(exchange, 200, LegacyPages.login("利用者IDまたはパスワードが正しくありません。", null, id));
		}
	}

	private void enter(HttpExchange exchange, Map<String, String> form) throws IOException {
		List<String> errors = validate(form);
		if (!errors.isEmpty()) {
			send(exchange, 200, LegacyPages.entry(form, errors));
			return;
		}
		Map<String, String> entry = new LinkedHashMap<>();
		LocalDateTime now = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.SECONDS);
		synchronized (this.entries) {
			entry.put("receipt_no", String.format("R%d-%06d", now.getYear(), this.entries.size() + 1));
			for (Control c : LegacyPages.CONTROLS) {
				entry.put(c.key(), form.getOrDefault(c.name(), "").strip());
			}
			entry.put("purpose", form.get("purpose").strip());
			entry.put("copies", Integer.toString(Integer.parseInt(form.get("tsusu").strip())));
			entry.put("honseki", String.valueOf(form.containsKey("honseki")));
			entry.put("entered_at", now.format(ENTERED_AT));
			Map<String, String> ordered = new LinkedHashMap<>();
			KEYS.forEach((k) -> ordered.put(k, entry.get(k)));
			Files.writeString(this.file, Json.object(ordered) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
			this.entries.add(ordered);
		}
		if (this.slowMillis > 0) {
			// stored already, answered late: a robot that gives up meanwhile must not
			// enter it again
			try {
				Thread.sleep(this.slowMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		send(exchange, 200, LegacyPages.result(entry));
	}

	private static List<String> validate(Map<String, String> form) {
		List<String> errors = new ArrayList<>();
		for (Control c : LegacyPages.CONTROLS) {
			String value = form.getOrDefault(c.name(), "");
			if (c.required() && value.isBlank()) {
				errors.add(c.label() + "を入力してください。");
			}
			else if (CHARACTER_REFERENCE.matcher(value).find()) {
				errors.add(c.label() + "に使用できない文字（外字）が含まれています。");
			}
		}
		date(form, "seinengappi", "生年月日", errors);
		date(form, "seikyubi", "請求日", errors);
		String yubin = form.getOrDefault("yubin", "").strip();
		if (!yubin.isEmpty() && !POSTAL.matcher(yubin).matches()) {
			errors.add("郵便番号は 999-9999 の形式で入力してください。");
		}
		String denwa = form.getOrDefault("denwa", "").strip();
		if (!denwa.isEmpty() && !PHONE.matcher(denwa).matches()) {
			errors.add("電話番号は半角数字とハイフンで入力してください。");
		}
		if (!PURPOSES.contains(form.getOrDefault("purpose", "").strip())) {
			errors.add("使用目的を選択してください。");
		}
		String tsusu = form.getOrDefault("tsusu", "").strip();
		if (tsusu.isEmpty()) {
			errors.add("通数を入力してください。");
		}
		else if (!tsusu.matches("\\d{1,2}") || Integer.parseInt(tsusu) < 1 || Integer.parseInt(tsusu) > 20) {
			errors.add("通数は 1～20 の半角数字で入力してください。");
		}
		return errors;
	}

	private static void date(Map<String, String> form, String name, String label, List<String> errors) {
		String value = form.getOrDefault(name, "").strip();
		if (value.isEmpty()) {
			return;
		}
		try {
			if (!ISO_DATE.matcher(value).matches()) {
				throw new DateTimeParseException(value, value, 0);
			}
			LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			errors.add(label + "は yyyy-mm-dd の形式で入力してください。");
		}
	}

	private String cookie(HttpExchange exchange) {
		for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
			for (String cookie : header.split(";")) {
				String[] kv = cookie.strip().split("=", 2);
				if (kv.length == 2 && kv[0].equals(COOKIE) && this.sessions.containsKey(kv[1])) {
					return kv[1];
				}
			}
		}
		return null;
	}

	private static Map<String, String> form(HttpExchange exchange) throws IOException {
		return decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1));
	}

	private static Map<String, String> query(HttpExchange exchange) {
		String raw = exchange.getRequestURI().getRawQuery();
		return (raw != null) ? decode(raw) : Map.of();
	}

	/**
	 * Form fields as a browser sends them from a Shift_JIS page: percent-encoded
	 * windows-31j.
	 */
	private static Map<String, String> decode(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			String[] kv = pair.split("=", 2);
			form.putIfAbsent(percentDecode(kv[0]), (kv.length > 1) ? percentDecode(kv[1]) : "");
		}
		return form;
	}

	/**
	 * Undo a browser's percent-encoding of Shift_JIS bytes. The bytes are gathered first:
	 * a second byte in the ASCII range comes unescaped ({@code 司} is {@code %8Ei}), so
	 * decoding escape by escape, as {@code URLDecoder} does, would break such characters.
	 */
	static String percentDecode(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '+') {
				bytes.write(' ');
			}
			else if (c == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
				bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				bytes.write(c);
			}
		}
		return bytes.toString(CHARSET);
	}

	private static boolean isHex(String text, int at) {
		return at < text.length() && Character.digit(text.charAt(at), 16) >= 0;
	}

	private static void redirect(HttpExchange exchange, String location) throws IOException {
		exchange.getResponseHeaders().add("Location", location);
		exchange.sendResponseHeaders(302, -1);
	}

	private static void send(HttpExchange exchange, int status, String html) throws IOException {
		byte[] bytes = html.getBytes(CHARSET);
		exchange.getResponseHeaders().add("Content-Type", "text/html; charset=Shift_JIS");
		exchange.getResponseHeaders().add("Cache-Control", "no-store");
		boolean head = "HEAD".equals(exchange.getRequestMethod());
		exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
		if (!head) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	private static final class Session {

		final String user;

		volatile long lastSeen;

		Session(String user, long lastSeen) {
			this.user = user;
			this.lastSeen = lastSeen;
		}

	}

	/**
	 * How to start a {@link LegacySystem}.
	 */
	public static final class Builder {

		private int port;

		private Path dataDir = Path.of("legacy-data");

		private String user = "digilab";

		private String password;

		private long slowMillis = Long.getLong(SLOW_MILLIS_PROPERTY, 0L);

		private Duration sessionTimeout = defaultSessionTimeout();

		private Builder() {
		}

		private static Duration defaultSessionTimeout() {
			String value = System.getProperty(SESSION_TIMEOUT_PROPERTY);
			return (value != null && !value.isBlank()) ? parseDuration(value) : DEFAULT_SESSION_TIMEOUT;
		}

		/**
		 * The port, 0 (the default) for a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Where the entries are kept (created if missing).
		 * @param dataDir the folder
		 * @return this builder
		 */
		public Builder dataDir(Path dataDir) {
			this.dataDir = dataDir;
			return this;
		}

		/**
		 * The only user's id.
		 * @param user the id
		 * @return this builder
		 */
		public Builder user(String user) {
			this.user = user;
			return this;
		}

		/**
		 * The user's password (required).
		 * @param password the password
		 * @return this builder
		 */
		public Builder password(String password) {
			this.password = password;
			return this;
		}

		/**
		 * How long a save takes to answer (it is stored at once).
		 * @param millis the delay, 0 for none
		 * @return this builder
		 */
		public Builder slowMillis(long millis) {
			if (millis < 0) {
				throw new IllegalArgumentException("slowMillis < 0");
			}
			this.slowMillis = millis;
			return this;
		}

		/**
		 * The idle time after which a session expires.
		 * @param timeout the timeout, more than zero
		 * @return this builder
		 */
		public Builder sessionTimeout(Duration timeout) {
			if (timeout == null || timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("sessionTimeout must be more than zero");
			}
			this.sessionTimeout = timeout;
			return this;
		}

		/**
		 * Start the system.
		 * @return the running system
		 * @throws IOException if the data cannot be read or the port not bound
		 */
		public LegacySystem start() throws IOException {
			return LegacySystem.start(this);
		}

	}

}
