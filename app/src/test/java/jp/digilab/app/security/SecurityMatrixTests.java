package jp.digilab.app.security;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jp.digilab.app.console.ConsoleTestSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Security as tests, over every handler method the application has (found in the
 * {@link RequestMappingHandlerMapping}, so pages and endpoints added later are covered
 * without editing this class, except for a row in the role matrix): login required, the
 * role matrix, CSRF, and path traversal against every handler that serves a file.
 */
class SecurityMatrixTests extends ConsoleTestSupport {

	/**
	 * Who may open what. A route that matches no row fails the test: a new page or
	 * endpoint must say here who may use it.
	 */
	static final Map<String, Set<Role>> ROLE_MATRIX = new LinkedHashMap<>();
	static {
		// console helper: actions on runs and schedules (a row may name its method)
		ROLE_MATRIX.put("POST /runs", EnumSet.of(Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("POST /runs/**", EnumSet.of(Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("POST /api/runs", EnumSet.of(Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("POST /api/runs/**", EnumSet.of(Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("POST /schedules/**", EnumSet.of(Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("POST /api/schedules/**", EnumSet.of(Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("PUT /api/schedules/**", EnumSet.of(Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("/schedules", EnumSet.of(Role.MANAGER, Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("/schedules/**", EnumSet.of(Role.MANAGER, Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("/inboxes", EnumSet.of(Role.MANAGER, Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("/api/csrf", EnumSet.allOf(Role.class));
		ROLE_MATRIX.put("/v3/api-docs", EnumSet.allOf(Role.class));
		ROLE_MATRIX.put("/v3/api-docs.yaml", EnumSet.allOf(Role.class));
		ROLE_MATRIX.put("/v3/api-docs/**", EnumSet.allOf(Role.class));
		ROLE_MATRIX.put("/swagger-ui.html", EnumSet.allOf(Role.class));
		// admin helper's pages and the review API
		ROLE_MATRIX.put("/admin/**", EnumSet.of(Role.ADMIN));
		ROLE_MATRIX.put("/templates", EnumSet.of(Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("/templates/**", EnumSet.of(Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("/robots", EnumSet.of(Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("/robots/**", EnumSet.of(Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("/api/review", EnumSet.of(Role.REVIEWER, Role.ADMIN));
		ROLE_MATRIX.put("/api/review/**", EnumSet.of(Role.REVIEWER, Role.ADMIN));
		ROLE_MATRIX.put("/review", EnumSet.of(Role.REVIEWER, Role.ADMIN));
		ROLE_MATRIX.put("/review/**", EnumSet.of(Role.REVIEWER, Role.ADMIN));
		ROLE_MATRIX.put("/", EnumSet.of(Role.MANAGER, Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("/runs", EnumSet.of(Role.MANAGER, Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("/runs/**", EnumSet.of(Role.MANAGER, Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("/reports/**", EnumSet.of(Role.MANAGER, Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("/api/review", EnumSet.of(Role.REVIEWER, Role.ADMIN));
		ROLE_MATRIX.put("/api/review/**", EnumSet.of(Role.REVIEWER, Role.ADMIN));
		ROLE_MATRIX.put("/admin/**", EnumSet.of(Role.ADMIN));
		ROLE_MATRIX.put("/templates", EnumSet.of(Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("/templates/**", EnumSet.of(Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("/robots", EnumSet.of(Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("/robots/**", EnumSet.of(Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("/api/**", EnumSet.of(Role.MANAGER, Role.OPERATOR, Role.ADMIN));
		ROLE_MATRIX.put("/actuator/prometheus", EnumSet.of(Role.OPERATOR, Role.ADMIN));
	}

	/** Paths anyone may open. */
	static final Set<String> PUBLIC = Set.of("/login", "/error");

	/** What a traversal attack tries to reach instead of what the endpoint serves. */
	static final List<String> TRAVERSALS = List.of("../../../../../../etc/passwd", "..%2F..%2F..%2F..%2Fetc%2Fpasswd",
			"%2e%2e%2f%2e%2e%2f%2e%2e%2fadmin-password.txt", "..%5c..%5cadmin-password.txt", "/etc/passwd",
			"....//....//admin-password.txt", "%252e%252e%252fadmin-password.txt");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	record Route(HttpMethod method, String pattern, HandlerMethod handler) {

		String path() {
			return this.pattern.replaceAll("\\{[^}]*}", "x").replace("/**", "/x");
		}

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			for (String pattern : entry.getKey().getPatternValues()) {
				if (PUBLIC.contains(pattern)) {
					continue;
				}
				if (methods.isEmpty()) {
					routes.add(new Route(HttpMethod.GET, pattern, entry.getValue()));
					routes.add(new Route(HttpMethod.POST, pattern, entry.getValue()));
				}
				for (RequestMethod method : methods) {
					routes.add(new Route(HttpMethod.valueOf(method.name()), pattern, entry.getValue()));
				}
			}
		}
		return routes;
	}

	@Test
	void everyHandlerMethodAndEveryHttpMethodOfItRequiresLogin() throws Exception {
		SoftAssertions soft = new SoftAssertions();
		for (Route route : routes()) {
			MockHttpServletResponse response = perform(
					MockMvcRequestBuilders.request(route.method(), route.path()).with(csrf()));
			if (route.path().startsWith("/api/")) {
				soft.assertThat(response.getStatus()).as(route.toString()).isEqualTo(401);
			}
			else {
				soft.assertThat(response.getRedirectedUrl()).as(route.toString()).endsWith("/login");
			}
		}
		soft.assertAll();
		assertThat(routes()).extracting(Route::toString).contains("GET /", "POST /review/{recordKey}/approve");
	}

	@Test
	void actuatorHealthShowsOnlyItsStatusWithoutLoginAndMetricsNeedAnOperator() throws Exception {
		MockHttpServletResponse health = perform(get("/actuator/health"));
		assertThat(health.getContentAsString()).contains("\"status\"").doesNotContain("tesseract", "diskSpace");
		assertThat(perform(get("/actuator/prometheus")).getStatus()).isEqualTo(401);
		assertThat(perform(get("/actuator/prometheus").with(user("m").roles("MANAGER"))).getStatus()).isEqualTo(403);
		Properties admin = new Properties();
		try (var reader = Files.newBufferedReader(home.resolve("admin-password.txt"))) {
			admin.load(reader);
		}
		// what a Prometheus scrape job sends
		MockHttpServletResponse metrics = perform(
				get("/actuator/prometheus").with(httpBasic("admin", admin.getProperty("password"))));
		assertThat(metrics.getStatus()).isEqualTo(200);
		assertThat(metrics.getContentAsString()).contains("digilab_pages_read_total", "digilab_robot_records_total",
				"digilab_hours_saved_hours", "digilab_inbox_queue_depth", "digilab_fields_reviewed_total");
		MockHttpServletResponse details = perform(get("/actuator/health").with(user("op").roles("OPERATOR")));
		assertThat(details.getContentAsString()).contains("\"tesseract\"", "\"chromium\"", "\"db\"", "\"diskSpace\"");
	}

	/** A row is a path pattern, or a method and a path pattern ("POST /runs/**"). */
	private static boolean rowMatches(AntPathMatcher matcher, String row, Route route) {
		int space = row.indexOf(' ');
		if (space < 0) {
			return matcher.match(row, route.pattern());
		}
		return row.substring(0, space).equals(route.method().name())
				&& matcher.match(row.substring(space + 1), route.pattern());
	}

	@Test
	void theRoleMatrixHoldsForEveryRoute() throws Exception {
		AntPathMatcher matcher = new AntPathMatcher();
		List<Route> routes = new ArrayList<>(routes());
		routes.add(new Route(HttpMethod.GET, "/actuator/prometheus", null));
		SoftAssertions soft = new SoftAssertions();
		for (Route route : routes) {
			Set<Role> allowed = ROLE_MATRIX.entrySet()
				.stream()
				.filter((row) -> rowMatches(matcher, row.getKey(), route))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
			soft.assertThat(allowed)
				.as("%s has no row in SecurityMatrixTests.ROLE_MATRIX: say who may use it", route)
				.isNotNull();
			if (allowed == null) {
				continue;
			}
			for (Role role : Role.values()) {
				int status = perform(MockMvcRequestBuilders.request(route.method(), route.path())
					.with(user("u-" + role).roles(role.name()))
					.with(csrf())).getStatus();
				soft.assertThat(status != 403)
					.as("%s as %s (status %d)", route, role, status)
					.isEqualTo(allowed.contains(role));
			}
		}
		soft.assertAll();
	}

	@Test
	void everyStateChangingRouteRefusesARequestWithoutCsrfToken() throws Exception {
		SoftAssertions soft = new SoftAssertions();
		int checked = 0;
		for (Route route : routes()) {
			if (route.method() == HttpMethod.GET || route.method() == HttpMethod.HEAD) {
				continue;
			}
			checked++;
			soft.assertThat(perform(MockMvcRequestBuilders.request(route.method(), route.path())
				.with(user("admin").roles("ADMIN", "REVIEWER", "OPERATOR", "MANAGER"))).getStatus())
				.as(route + " without token")
				.isEqualTo(403);
		}
		soft.assertThat(perform(MockMvcRequestBuilders.post("/logout").with(user("op").roles("OPERATOR"))).getStatus())
			.isEqualTo(403);
		soft.assertAll();
		assertThat(checked).isPositive();
	}

	@Test
	void noFileServingEndpointCanBeMadeToServeAnotherFile() throws Exception {
		String adminPassword = Files.readAllLines(home.resolve("admin-password.txt"))
			.stream()
			.filter((l) -> l.startsWith("password="))
			.findFirst()
			.orElseThrow()
			.substring("password=".length());
		Path canary = Files.writeString(home.getParent().resolve("canary.txt"), "CANARY-outside-every-served-folder");
		List<String> payloads = new ArrayList<>(TRAVERSALS);
		payloads.add(canary.toAbsolutePath().toString());
		payloads.add(home.resolve("admin-password.txt").toAbsolutePath().toString());
		payloads.add("../canary.txt");
		List<Route> serving = routes().stream()
			.filter((r) -> r.method() == HttpMethod.GET && servesFile(r.handler()))
			.toList();
		assertThat(serving).extracting(Route::toString).contains("GET /reports/hours.xlsx", "GET /reports/hours.csv");
		SoftAssertions soft = new SoftAssertions();
		for (Route route : serving) {
			for (String payload : payloads) {
				for (RequestBuilder request : attacks(route, payload)) {
					MockHttpServletResponse response = perform(request);
					String body = response.getContentAsString(java.nio.charset.StandardCharsets.ISO_8859_1);
					soft.assertThat(body)
						.as("%s with %s", route, payload)
						.doesNotContain("root:x:0:0", "CANARY-outside", adminPassword);
				}
			}
		}
		soft.assertAll();
	}

	@Autowired
	jp.digilab.jobs.run.RunRepository runs;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/**
	 * A reviewer sees only their own department: every route a reviewer may use that
	 * takes an id (and every department-scoped {@link ServesFile} route) is asked, by a
	 * reviewer of another department, for a record, run and file of 小倉北区 市民課; the same
	 * request by a reviewer of that department is the control that the ids are real.
	 */
	@Test
	void aReviewerCannotOpenTheRecordsOrFilesOfAnotherDepartment() throws Exception {
		String runId = "security-" + System.nanoTime();
		String marker = "越境確認太郎";
		this.runs.createRun(runId, "juminhyo", "小倉北区 市民課", 0, 6.5, null);
		this.runs.addFile(runId, 1, "scan-001.png", home.resolve("inbox/juminhyo/scan-001.png"),
				home.resolve("inbox/juminhyo/scan-001.png"), "0".repeat(64));
		String recordKey = runId + "-1-1";
		this.runs.addRecord(new jp.digilab.jobs.run.StoredRecord(recordKey, runId, 1, 1, "scan-001.png", List.of(1),
				"juminhyo-request", jp.digilab.jobs.run.StoredRecord.RecordState.NEEDS_REVIEW,
				Map.of("name", new jp.digilab.ocr.FieldResult(marker, marker, 0.3, true,
						List.of("confidence 0.30 below 0.80"), 1, new double[] { 50, 52, 140, 10 })),
				0, null, null, Map.of()));
		ConsoleUser own = reviewer("kokurakita", "小倉北区 市民課");
		ConsoleUser other = reviewer("wakamatsu", "若松区 市民課");
		AntPathMatcher matcher = new AntPathMatcher();
		List<String> checked = new ArrayList<>();
		SoftAssertions soft = new SoftAssertions();
		for (Route route : routes()) {
			boolean reviewerRoute = ROLE_MATRIX.entrySet()
				.stream()
				.filter((row) -> rowMatches(matcher, row.getKey(), route))
				.findFirst()
				.map((row) -> row.getValue().contains(Role.REVIEWER))
				.orElse(false);
			ServesFile serves = route.handler().getMethodAnnotation(ServesFile.class);
			if (route.method() != HttpMethod.GET || !route.pattern().contains("{")
					|| !(reviewerRoute || (serves != null && serves.departmentScoped()))) {
				continue;
			}
			for (String id : List.of(recordKey, runId, "1")) {
				String path = route.pattern().replaceAll("\\{[^}]*}", id);
				MockHttpServletResponse control = perform(get(path).with(user(own)));
				if (control.getStatus() != 200) {
					continue;
				}
				MockHttpServletResponse response = perform(get(path).with(user(other)));
				soft.assertThat(response.getStatus()).as("%s as a reviewer of another department", path).isIn(403, 404);
				soft.assertThat(response.getContentAsString()).as(path).doesNotContain(marker);
				checked.add(route.pattern());
			}
		}
		// the other console tests share this database: leave it as it was
		for (String table : List.of("dl_record", "dl_file", "dl_run")) {
			this.jdbc.sql("delete from " + table + " where run_id = ?").param(runId).update();
		}
		soft.assertAll();
		assertThat(checked).contains("/review/{recordKey}");
	}

	private static ConsoleUser reviewer(String name, String department) {
		return new ConsoleUser(name, "unused", true, department, List
			.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(Role.REVIEWER.authority())));
	}

	/**
	 * The payload in each path variable, and in each String request parameter, of the
	 * route; sent as raw (already encoded) URIs so that encodings reach the server as an
	 * attacker would send them.
	 */
	private List<RequestBuilder> attacks(Route route, String payload) {
		List<RequestBuilder> requests = new ArrayList<>();
		String withVariables = route.pattern().replaceAll("\\{[^}]*}", payload).replace("/**", "/" + payload);
		if (!withVariables.equals(route.pattern())) {
			requests.add(asAdmin(get(URI.create(withVariables.replace(" ", "%20")))));
		}
		for (MethodParameter parameter : route.handler().getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null && parameter.getParameterType() == String.class) {
				String name = !param.name().isEmpty() ? param.name()
						: (!param.value().isEmpty() ? param.value() : parameter.getParameterName());
				requests.add(asAdmin(get(route.path()).queryParam(name, payload)));
			}
			if (parameter.hasParameterAnnotation(PathVariable.class) && requests.isEmpty()) {
				requests.add(asAdmin(get(route.path())));
			}
		}
		if (requests.isEmpty()) {
			requests.add(asAdmin(get(route.path())));
		}
		return requests;
	}

	private static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.with(user("admin").roles("ADMIN", "OPERATOR", "MANAGER", "REVIEWER"));
	}

	/**
	 * A handler that serves a file's content: marked {@link ServesFile}, or returning a
	 * {@code Resource}, {@code byte[]} or a stream, or writing to the response itself.
	 */
	static boolean servesFile(HandlerMethod handler) {
		if (handler.hasMethodAnnotation(ServesFile.class)) {
			return true;
		}
		if (isFileBody(handler.getReturnType().getGenericParameterType())) {
			return true;
		}
		for (MethodParameter parameter : handler.getMethodParameters()) {
			Class<?> type = parameter.getParameterType();
			if (HttpServletResponse.class.isAssignableFrom(type) || java.io.OutputStream.class.isAssignableFrom(type)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isFileBody(Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == ResponseEntity.class) {
			return isFileBody(parameterized.getActualTypeArguments()[0]);
		}
		if (type instanceof Class<?> raw) {
			return raw == byte[].class || Resource.class.isAssignableFrom(raw)
					|| StreamingResponseBody.class.isAssignableFrom(raw)
					|| java.io.InputStream.class.isAssignableFrom(raw);
		}
		return false;
	}

	/**
	 * The response, or an empty one with status 500 when the handler threw (it passed
	 * security; what matters here is who got in, and that nothing leaked).
	 */
	private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
		try {
			return this.mvc.perform(request).andReturn().getResponse();
		}
		catch (jakarta.servlet.ServletException | RuntimeException ex) {
			MockHttpServletResponse failed = new MockHttpServletResponse();
			failed.setStatus(500);
			return failed;
		}
	}

}
