package jp.digilab.app.security;

import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who did what in the console ({@code dl_audit}): logins, review decisions, configuration
 * changes. Entries name records and users, never field values.
 */
public class AuditLog {

	private final JdbcClient jdbc;

	public AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(String username, String action, String target, String detail) {
		this.jdbc.sql("insert into dl_audit (at, username, action, target, detail) values (?, ?, ?, ?, ?)")
			.params(LocalDateTime.now(), username, action, target, detail)
			.update();
	}

}
