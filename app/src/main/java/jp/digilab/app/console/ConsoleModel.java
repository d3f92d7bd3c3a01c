package jp.digilab.app.console;

import jp.digilab.app.security.Role;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page's header needs: who is logged in and which menus they see. */
@ControllerAdvice(basePackages = "jp.digilab.app.console")
class ConsoleModel {

	@ModelAttribute("username")
	String username(Authentication authentication) {
		return (authentication != null) ? authentication.getName() : null;
	}

	@ModelAttribute("canSeeHours")
	boolean canSeeHours(Authentication authentication) {
		return has(authentication, Role.MANAGER) || has(authentication, Role.OPERATOR)
				|| has(authentication, Role.ADMIN);
	}

	@ModelAttribute("canReview")
	boolean canReview(Authentication authentication) {
		return has(authentication, Role.REVIEWER) || has(authentication, Role.ADMIN);
	}

	// --- admin helper: templates, robots, users and audit log menus ---
	@ModelAttribute("canOperate")
	boolean canOperate(Authentication authentication) {
		return has(authentication, Role.OPERATOR) || has(authentication, Role.ADMIN);
	}

	@ModelAttribute("isAdmin")
	boolean isAdmin(Authentication authentication) {
		return has(authentication, Role.ADMIN);
	}
	// --- end admin helper ---

	private static boolean has(Authentication authentication, Role role) {
		return role.isHeldBy(authentication);
	}

}
