package jp.digilab.app.security;

import java.time.LocalDateTime;
import java.util.List;
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

}
