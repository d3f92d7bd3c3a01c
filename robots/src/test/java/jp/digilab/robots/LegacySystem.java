package jp.digilab.robots;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small old-fashioned legacy system for robot tests, on 127.0.0.1 with a free port: a
 * login with cookie sessions, an entry form with a confirm() dialog, a code lookup
 * pop-up, a result page with a receipt number, frames, a Shift_JIS page, and a page that
 * never finishes loading. Pages are in {@code src/test/resources/legacy}.
 */
final class LegacySystem implements AutoCloseable {

	static final String USER = "robot-user-7";

	static final String PASSWORD = "s3cret-Pa55";

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Set<String> sessions = ConcurrentHashMap.newKeySet();

	private final AtomicInteger logins = new AtomicInteger();

	private final List<Map<String, String>> entries = new CopyOnWriteArrayList<>();

	LegacySystem() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	int logins() {
		return this.logins.get();
	}

	List<Map<String, String>> entries() {
		return this.entries;
	}

	/** The legacy system forgets every session (as after a time-out). */
	void expireSessions() {
		this.sessions.clear();
	}

	private void handle(HttpExchange ex) throws IOException {
		try (ex) {
			String path = ex.getRequestURI().getPath();
			boolean post = ex.getRequestMethod().equals("POST");
			if (path.startsWith("/page/")) {
				String name = path.substring("/page/".length());
				send(ex, 200, page(name), name.equals("sjis.html") ? "Shift_JIS" : "UTF-8");
			}
			else if (path.equals("/slow")) {
				slow(ex);
			}
			else if (path.equals("/login") && post) {
				Map<String, String> form = form(ex);
				if (USER.equals(form.get("uid")) && PASSWORD.equals(form.get("pw"))) {
					String sid = UUID.randomUUID().toString();
					this.sessions.add(sid);
					this.logins.incrementAndGet();
					ex.getResponseHeaders().add("Set-Cookie", "SID=" + sid + "; Path=/");
					redirect(ex, "/menu");
				}
				else {
					send(ex, 200, text("login.html").replace("{{error}}", "IDまたはパスワードが違います"), "UTF-8");
				}
			}
			else if (path.equals("/login")) {
				send(ex, 200, text("login.html").replace("{{error}}", ""), "UTF-8");
			}
			else if (!loggedIn(ex)) {
				redirect(ex, "/login");
			}
			else if (path.equals("/menu")) {
				send(ex, 200, text("menu.html").replace("{{user}}", USER), "UTF-8");
			}
			else if (path.equals("/entry") && post) {
				Map<String, String> form = form(ex);
				this.entries.add(form);
				String receipt = String.format("R-%04d", this.entries.size());
				send(ex, 200, text("result.html").replace("{{receipt}}", receipt), "UTF-8");
			}
			else if (path.equals("/entry")) {
				StringBuilder rows = new StringBuilder();
				for (Map<String, String> e : this.entries) {
					rows.append("<tr><td>").append(e.get("application_no")).append("</td></tr>");
				}
				send(ex, 200, text("entry.html").replace("{{user}}", USER).replace("{{rows}}", rows), "UTF-8");
			}
			else if (path.equals("/popup")) {
				send(ex, 200, text("popup.html"), "UTF-8");
			}
			else {
				send(ex, 404, "<html><body>not found</body></html>", "UTF-8");
			}
		}
	}

	private boolean loggedIn(HttpExchange ex) {
		String cookies = String.join(";", ex.getRequestHeaders().getOrDefault("Cookie", List.of()));
		for (String c : cookies.split(";")) {
			String[] kv = c.trim().split("=", 2);
			if (kv.length == 2 && kv[0].equals("SID") && this.sessions.contains(kv[1])) {
				return true;
			}
		}
		return false;
	}

	private void slow(HttpExchange ex) throws IOException {
		ex.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
		ex.sendResponseHeaders(200, 0);
		OutputStream out = ex.getResponseBody();
		out.write("<html><head><title>処理中</title></head><body><p>処理中…</p>".getBytes(StandardCharsets.UTF_8));
		out.flush();
		try {
			Thread.sleep(60_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static Map<String, String> form(HttpExchange ex) throws IOException {
		String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			String[] kv = pair.split("=", 2);
			if (kv.length == 2) {
				form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
						URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static void redirect(HttpExchange ex, String to) throws IOException {
		ex.getResponseHeaders().add("Location", to);
		ex.sendResponseHeaders(303, -1);
	}

	private static void send(HttpExchange ex, int status, String html, String charset) throws IOException {
		send(ex, status, html.getBytes(
				charset.equals("UTF-8") ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName("windows-31j")),
				charset);
	}

	private static void send(HttpExchange ex, int status, byte[] body, String charset) throws IOException {
		ex.getResponseHeaders().add("Content-Type", "text/html; charset=" + charset);
		ex.sendResponseHeaders(status, body.length);
		ex.getResponseBody().write(body);
	}

	private static byte[] page(String name) throws IOException {
		try (InputStream in = LegacySystem.class.getResourceAsStream("/legacy/" + name)) {
			if (in == null) {
				return "<html><body>not found</body></html>".getBytes(StandardCharsets.UTF_8);
			}
			return in.readAllBytes();
		}
	}

	private static String text(String name) throws IOException {
		return new String(page(name), StandardCharsets.UTF_8);
	}

	List<String> receivedNames() {
		List<String> names = new ArrayList<>();
		this.entries.forEach((e) -> names.add(e.get("shimei")));
		return names;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
