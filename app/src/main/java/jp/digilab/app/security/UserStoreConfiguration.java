package jp.digilab.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users, passwords and the audit log, in every context (the command line too), so that
 * the console's services can be built with or without a web server.
 */
@Configuration(proxyBeanMethods = false)
class UserStoreConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	ConsoleUsers consoleUsers(JdbcClient jdbc) {
		return new ConsoleUsers(jdbc);
	}

	@Bean
	AuditLog auditLog(JdbcClient jdbc) {
		return new AuditLog(jdbc);
	}

	// --- admin helper: open console sessions per user, so that user management can end
	// them (in every context: the console's controllers are built without a web server
	// too) ---
	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	@Bean
	ConsoleSessions consoleSessions(SessionRegistry sessionRegistry) {
		return new ConsoleSessions(sessionRegistry);
	}
	// --- end admin helper ---

}
