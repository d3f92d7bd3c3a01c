package jp.digilab.app.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import jp.digilab.app.console.ConsoleTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Login, the first administrator, 401 for the API, CSRF and the language switch. */
class ConsoleSecurityTests extends ConsoleTestSupport {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anUnauthenticatedVisitorIsSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/runs").header("Accept", "text/html")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theApiAnswers401WithoutASession() throws Exception {
		this.mvc.perform(get("/api/runs")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/schedules").header("Accept", "text/html")).andExpect(status().isUnauthorized());
	}

	@Test
	void theFirstAdministratorLogsInWithThePasswordFromTheFile() throws Exception {
		Path file = home.resolve("admin-password.txt");
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		Properties written = new Properties();
		try (var reader = Files.newBufferedReader(file)) {
			written.load(reader);
		}
		assertThat(written.getProperty("username")).isEqualTo("admin");
		String password = written.getProperty("password");
		assertThat(password).hasSizeGreaterThanOrEqualTo(20);
		String hash = this.jdbc.sql("select password_hash from dl_user where username = 'admin'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$2").doesNotContain(password);
		this.mvc.perform(formLogin("/login").user("admin").password("wrong")).andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user("admin").password(password))
			.andExpect(authenticated().withUsername("admin").withRoles("ADMIN"))
			.andExpect(redirectedUrl("/"));
		assertThat(this.jdbc.sql("select count(*) from dl_audit where username = 'admin' and action = 'LOGIN'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void aPostWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/logout").with(user("op").roles("OPERATOR"))).andExpect(status().isForbidden());
		this.mvc.perform(post("/login").param("username", "admin").param("password", "x"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/logout").with(user("op").roles("OPERATOR")).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void theLoginPageIsJapaneseByDefaultAndEnglishOnRequest() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("利用者ID")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/login?lang=en")));
		MockHttpServletResponse english = this.mvc.perform(get("/login").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("User ID")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/login?lang=ja")))
			.andReturn()
			.getResponse();
		// the choice is remembered for the next page
		this.mvc.perform(get("/login").cookie(english.getCookies()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Password")));
	}

	@Test
	void everyMappingExceptTheLoginPageRequiresLogin() throws Exception {
		Set<String> publicPaths = Set.of("/login", "/error");
		List<String> checked = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (publicPaths.contains(pattern)) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]*}", "x").replace("/**", "/x");
				HttpMethod method = methods.isEmpty() ? HttpMethod.GET
						: HttpMethod.valueOf(methods.iterator().next().name());
				MockHttpServletResponse response = this.mvc
					.perform(MockMvcRequestBuilders.request(method, path).with(csrf()))
					.andReturn()
					.getResponse();
				if (path.startsWith("/api/")) {
					assertThat(response.getStatus()).as(method + " " + path).isEqualTo(401);
				}
				else {
					assertThat(response.getStatus()).as(method + " " + path).isEqualTo(302);
					assertThat(response.getRedirectedUrl()).as(method + " " + path).endsWith("/login");
				}
				checked.add(method + " " + path);
			}
		}
		assertThat(checked).contains("GET /", "GET /runs", "GET /runs/x", "GET /review", "POST /review/x/approve",
				"GET /api/runs", "GET /api/schedules", "GET /reports/hours.xlsx");
	}

}
