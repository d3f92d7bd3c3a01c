package jp.digilab.app.security;

import org.springframework.security.core.Authentication;

/** What a console user may do; stored by name in {@code dl_user_role}. */
public enum Role {

	/** Everything, including user management. */
	ADMIN,
	/** Digi-Lab staff: runs, schedules, inboxes, templates, robots. */
	OPERATOR,
	/** Checks doubtful fields of their own department's records. */
	REVIEWER,
	/** Reads the hours saved. */
	MANAGER;

	public String authority() {
		return "ROLE_" + name();
	}

	public boolean isHeldBy(Authentication authentication) {
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch((a) -> authority().equals(a.getAuthority()));
	}

}
