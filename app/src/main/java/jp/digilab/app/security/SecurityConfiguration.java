package jp.digilab.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.digilab.jobs.home.DigilabHome;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open what in the console and the REST API. Everything needs a login except the
 * login page and static files; API calls without a session get 401, pages go to the login
 * page. CSRF protection stays on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

	private final ObjectProvider<AuditLog> audit;

	SecurityConfiguration(ObjectProvider<AuditLog> audit) {
		this.audit = audit;
	}

	// console helper -----------------------------------------------------------------

	/**
	 * Actions that change runs and schedules: OPERATOR and ADMIN only, POST with CSRF.
	 */
	public static final String[] CONSOLE_ACTIONS = { "/runs", "/runs/**", "/api/runs", "/api/runs/**", "/schedules/**",
			"/api/schedules/**" };

	// end console helper -------------------------------------------------------------

	/** Paths anyone may open. */
	public static final String[] PUBLIC = { "/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico" };

	@Bean
	SecurityFilterChain consoleSecurity(HttpSecurity http, SessionRegistry sessionRegistry) throws Exception {
		String admin = Role.ADMIN.name();
		String operator = Role.OPERATOR.name();
		String manager = Role.MANAGER.name();
		String reviewer = Role.REVIEWER.name();
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC)
			.permitAll()
			// console helper: run and schedule actions for operators and admins; the
			// schedules and inboxes pages for whoever reads runs --------------------
			.requestMatchers(HttpMethod.POST, CONSOLE_ACTIONS)
			.hasAnyRole(operator, admin)
			.requestMatchers(HttpMethod.PUT, "/api/schedules/**")
			.hasAnyRole(operator, admin)
			.requestMatchers("/schedules", "/schedules/**", "/inboxes", "/inboxes/**")
			.hasAnyRole(manager, operator, admin)
			.requestMatchers(HttpMethod.GET, "/api/csrf")
			.authenticated()
			// end console helper ----------------------------------------------------
			.requestMatchers("/review", "/review/**")
			.hasAnyRole(reviewer, admin)
			// --- admin helper: users and audit log (ADMIN); templates, robots
			// (OPERATOR, ADMIN) ---
			.requestMatchers("/admin/**")
			.hasRole(admin)
			.requestMatchers("/templates", "/templates/**", "/robots", "/robots/**")
			.hasAnyRole(operator, admin)
			// --- end admin helper ---
			// --- review API (helper "review"): reviewers and administrators, before
			// /api/**
			.requestMatchers("/api/review", "/api/review/**")
			.hasAnyRole(reviewer, admin)
			// --- end review API
			.requestMatchers("/", "/reports/**", "/runs", "/runs/**", "/api/**")
			.hasAnyRole(manager, operator, admin)
			.anyRequest()
			.authenticated())
			.formLogin((login) -> login.loginPage("/login").successHandler(new RoleHomes()).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint()))
			// admin helper: sessions are registered so that disabling a user, changing
			// their roles or resetting their password ends the sessions they have open
			.sessionManagement((sessions) -> sessions.maximumSessions(-1)
				.sessionRegistry(sessionRegistry)
				.expiredUrl("/login?expired"));
		return http.build();
	}

	// hardening (issue 8): Actuator ---------------------------------------------------

	/** Health status anyone may read (load balancers, uptime checks): UP or DOWN only. */
	public static final String[] PUBLIC_ACTUATOR = { "/actuator/health", "/actuator/health/liveness",
			"/actuator/health/readiness" };

	/**
	 * Actuator: the health status is public, its details and every other endpoint
	 * (metrics for Prometheus) need an ADMIN or OPERATOR, by the console's session or by
	 * HTTP basic authentication (what a Prometheus scrape job sends).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/actuator", "/actuator/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC_ACTUATOR)
				.permitAll()
				.anyRequest()
				.hasAnyRole(Role.ADMIN.name(), Role.OPERATOR.name()))
			.httpBasic(Customizer.withDefaults());
		return http.build();
	}

	// end hardening -----------------------------------------------------------------
	// --- admin helper: the session registry (UserStoreConfiguration) learns when a
	// session ends; Boot registers the listener ---
	@Bean
	static HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}
	// --- end admin helper ---

	private static AuthenticationEntryPoint entryPoint() {
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
		AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
		return (request, response, ex) -> (api.matches(request) ? unauthorized : login).commence(request, response, ex);
	}

	@Bean
	FirstAdministrator firstAdministrator(ConsoleUsers users, PasswordEncoder encoder, DigilabHome home) {
		return new FirstAdministrator(users, encoder, home);
	}

	@EventListener
	void loggedIn(AuthenticationSuccessEvent event) {
		// form logins only; MockMvc test users are not ConsoleUsers
		if (event.getAuthentication().getPrincipal() instanceof ConsoleUser user) {
			this.audit.getObject().record(user.getUsername(), "LOGIN", null, null);
		}
	}

	/** After login, reviewers without another role start at the review queue. */
	static class RoleHomes extends SavedRequestAwareAuthenticationSuccessHandler {

		@Override
		protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) {
			// roles only: Spring Security 7 adds factor authorities (FACTOR_PASSWORD) on
			// login, which made every reviewer look like more than a reviewer
			boolean reviewerOnly = authentication.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.filter((a) -> a != null && a.startsWith("ROLE_"))
				.allMatch(Role.REVIEWER.authority()::equals);
			return reviewerOnly ? "/review" : "/";
		}

	}

}
