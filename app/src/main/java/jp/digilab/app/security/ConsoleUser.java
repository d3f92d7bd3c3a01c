package jp.digilab.app.security;

import java.util.Collection;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A logged-in console user; reviewers see only their own department's records. */
public class ConsoleUser extends User {

	private final String department;

	public ConsoleUser(String username, String password, boolean enabled, String department,
			Collection<? extends GrantedAuthority> authorities) {
		super(username, password, enabled, true, true, true, authorities);
		this.department = department;
	}

	/** The department as written in job definitions, or null. */
	public String getDepartment() {
		return this.department;
	}

	/** The department of a logged-in console user, or null. */
	public static String departmentOf(Authentication authentication) {
		return (authentication != null && authentication.getPrincipal() instanceof ConsoleUser user)
				? user.getDepartment() : null;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
