package jp.digilab.app.security;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;

/** Console users and their roles in {@code dl_user} / {@code dl_user_role}. */
public class ConsoleUsers implements UserDetailsService {

	private final JdbcClient jdbc;

	public ConsoleUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return find(username).orElseThrow(() -> new UsernameNotFoundException("No console user " + username));
	}

	public Optional<ConsoleUser> find(String username) {
		List<SimpleGrantedAuthority> roles = this.jdbc
			.sql("select role from dl_user_role where username = ? order by role")
			.param(username)
			.query((rs, i) -> new SimpleGrantedAuthority("ROLE_" + rs.getString(1)))
			.list();
		return this.jdbc.sql("select username, password_hash, enabled, department from dl_user where username = ?")
			.param(username)
			.query((rs, i) -> new ConsoleUser(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
					roles))
			.optional();
	}

	public long count() {
		return this.jdbc.sql("select count(*) from dl_user").query(Long.class).single();
	}

	/** Adds a user; {@code passwordHash} is already encoded (BCrypt). */
	@Transactional
	public void create(String username, String passwordHash, String displayName, String department, Set<Role> roles) {
		this.jdbc.sql("""
				insert into dl_user (username, password_hash, display_name, department, enabled, created_at)
				values (?, ?, ?, ?, true, ?)""")
			.params(username, passwordHash, displayName, department, LocalDateTime.now())
			.update();
		for (Role role : roles) {
			this.jdbc.sql("insert into dl_user_role (username, role) values (?, ?)")
				.params(username, role.name())
				.update();
		}
	}

	// --- user management (ADMIN pages): list, change, disable, reset password ---

	/** A user as the user management page shows it; never the password hash. */
	public record Account(String username, String displayName, String department, boolean enabled, Set<Role> roles,
			LocalDateTime createdAt) {

		public boolean has(Role role) {
			return this.roles.contains(role);
		}

	}

	public List<Account> list() {
		Map<String, Set<Role>> roles = new LinkedHashMap<>();
		this.jdbc.sql("select username, role from dl_user_role order by username, role").query((rs) -> {
			Set<Role> held = roles.computeIfAbsent(rs.getString(1), (u) -> EnumSet.noneOf(Role.class));
			Role role = role(rs.getString(2));
			if (role != null) {
				held.add(role);
			}
		});
		return this.jdbc
			.sql("select username, display_name, department, enabled, created_at from dl_user order by username")
			.query((rs, i) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					roles.getOrDefault(rs.getString(1), EnumSet.noneOf(Role.class)),
					rs.getTimestamp(5).toLocalDateTime()))
			.list();
	}

	public Optional<Account> account(String username) {
		return list().stream().filter((a) -> a.username().equals(username)).findFirst();
	}

	/** Changes a user's display name, department and roles. */
	@Transactional
	public void update(String username, String displayName, String department, Set<Role> roles) {
		this.jdbc.sql("update dl_user set display_name = ?, department = ? where username = ?")
			.params(displayName, department, username)
			.update();
		this.jdbc.sql("delete from dl_user_role where username = ?").param(username).update();
		for (Role role : roles) {
			this.jdbc.sql("insert into dl_user_role (username, role) values (?, ?)")
				.params(username, role.name())
				.update();
		}
	}

	public void setEnabled(String username, boolean enabled) {
		this.jdbc.sql("update dl_user set enabled = ? where username = ?").params(enabled, username).update();
	}

	/** Replaces a user's password; {@code passwordHash} is already encoded (BCrypt). */
	public void setPasswordHash(String username, String passwordHash) {
		this.jdbc.sql("update dl_user set password_hash = ? where username = ?")
			.params(passwordHash, username)
			.update();
	}

	private static Role role(String name) {
		try {
			return Role.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			// a role written by hand into the table that this version does not know
			return null;
		}
	}

}
