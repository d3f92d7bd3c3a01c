package jp.digilab.app.security;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Ends a user's open console sessions, so that a user who was disabled, lost a role or
 * got a new password cannot go on with a session opened before; their next request goes
 * to the login page.
 */
public class ConsoleSessions {

	private final SessionRegistry registry;

	ConsoleSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	/** Expires every session of {@code username}; returns how many were open. */
	public int end(String username) {
		int ended = 0;
		for (Object principal : this.registry.getAllPrincipals()) {
			if (principal instanceof UserDetails user && user.getUsername().equals(username)) {
				for (SessionInformation session : this.registry.getAllSessions(principal, false)) {
					session.expireNow();
					ended++;
				}
			}
		}
		return ended;
	}

}
