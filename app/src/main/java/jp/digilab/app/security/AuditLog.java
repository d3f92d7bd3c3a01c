package jp.digilab.app.security;

import java.time.LocalDateTime;
import java.util.List;

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

	/** One audit entry as the audit log page shows it. */
	public record Entry(long id, LocalDateTime at, String username, String action, String target, String detail) {
	}

	/** The most recent entries first. */
	public List<Entry> recent(int limit, int offset) {
		return this.jdbc
			.sql("select id, at, username, action, target, detail from dl_audit order by id desc limit ? offset ?")
			.params(limit, offset)
			.query((rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	public long count() {
		return this.jdbc.sql("select count(*) from dl_audit").query(Long.class).single();
	}

}
