package jp.digilab.app.console.users;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import jp.digilab.app.security.AuditLog;
import jp.digilab.app.security.ConsoleSessions;
import jp.digilab.app.security.ConsoleUsers;
import jp.digilab.app.security.ConsoleUsers.Account;
import jp.digilab.app.security.Role;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * User management for ADMIN: list, create, change roles and department, disable and
 * enable, reset passwords. An administrator can neither drop their own ADMIN role nor
 * disable themselves, so the console always keeps one. Every change is audited by the
 * names of what changed, never by values; passwords are neither logged nor audited, and a
 * generated one is shown once (a flash attribute, gone after the next page).
 */
@Controller
@RequestMapping("/admin/users")
class UsersController {

	static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	static final int MIN_PASSWORD = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ConsoleUsers users;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final ConsoleSessions sessions;

	UsersController(ConsoleUsers users, PasswordEncoder encoder, AuditLog audit, ConsoleSessions sessions) {
		this.users = users;
		this.encoder = encoder;
		this.audit = audit;
		this.sessions = sessions;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("accounts", this.users.list());
		return "users/list";
	}

	@GetMapping("/new")
	String createForm(Model model) {
		model.addAttribute("roles", Role.values());
		model.addAttribute("selected", EnumSet.noneOf(Role.class));
		return "users/new";
	}

	@PostMapping
	String create(@RequestParam String username, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String department,
			@RequestParam(name = "roles", required = false) List<String> roleNames,
			@RequestParam(defaultValue = "") String password, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		Set<Role> roles = roles(roleNames);
		List<String> problems = new ArrayList<>();
		if (!USERNAME.matcher(username).matches()) {
			problems.add("console.users.problem.username");
		}
		else if (this.users.find(username).isPresent()) {
			problems.add("console.users.problem.exists");
		}
		if (roles.isEmpty()) {
			problems.add("console.users.problem.roles");
		}
		if (!password.isEmpty() && password.length() < MIN_PASSWORD) {
			problems.add("console.users.problem.password");
		}
		if (!problems.isEmpty()) {
			// the form again with what was typed, except the password
			model.addAttribute("problems", problems);
			model.addAttribute("roles", Role.values());
			model.addAttribute("selected", roles);
			model.addAttribute("newUsername", username);
			model.addAttribute("displayName", displayName);
			model.addAttribute("department", department);
			return "users/new";
		}
		boolean generated = password.isEmpty();
		String initial = generated ? generatedPassword() : password;
		this.users.create(username, this.encoder.encode(initial), blankToNull(displayName), blankToNull(department),
				roles);
		this.audit.record(authentication.getName(), "USER_CREATE", username, "roles: " + names(roles));
		if (generated) {
			redirect.addFlashAttribute("newPassword", initial);
		}
		redirect.addFlashAttribute("done", "console.users.done.created");
		return "redirect:/admin/users/" + username;
	}

	@GetMapping("/{username}")
	String edit(@PathVariable String username, Authentication authentication, Model model) {
		model.addAttribute("account", account(username));
		model.addAttribute("roles", Role.values());
		model.addAttribute("self", username.equals(authentication.getName()));
		return "users/edit";
	}

	@PostMapping("/{username}")
	String update(@PathVariable String username, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String department,
			@RequestParam(name = "roles", required = false) List<String> roleNames, Authentication authentication,
			RedirectAttributes redirect) {
		Account before = account(username);
		Set<Role> roles = roles(roleNames);
		if (roles.isEmpty()) {
			return problem(username, "console.users.problem.roles", redirect);
		}
		if (username.equals(authentication.getName()) && !roles.contains(Role.ADMIN)) {
			return problem(username, "console.users.problem.ownAdmin", redirect);
		}
		this.users.update(username, blankToNull(displayName), blankToNull(department), roles);
		List<String> changes = new ArrayList<>();
		Set<Role> added = EnumSet.copyOf(roles);
		added.removeAll(before.roles());
		Set<Role> removed = EnumSet.noneOf(Role.class);
		removed.addAll(before.roles());
		removed.removeAll(roles);
		added.forEach((r) -> changes.add("+" + r.name()));
		removed.forEach((r) -> changes.add("-" + r.name()));
		// names of what changed, never the values (a department or a name is personal)
		if (!Objects.equals(before.department(), blankToNull(department))) {
			changes.add("department");
		}
		if (!Objects.equals(before.displayName(), blankToNull(displayName))) {
			changes.add("display name");
		}
		if (!changes.isEmpty()) {
			this.audit.record(authentication.getName(), "USER_UPDATE", username, String.join(", ", changes));
		}
		if (!added.isEmpty() || !removed.isEmpty()) {
			// roles live in the session: the user logs in again to get the new ones
			endSessions(username, authentication);
		}
		redirect.addFlashAttribute("done", "console.users.done.updated");
		return "redirect:/admin/users/" + username;
	}

	@PostMapping("/{username}/enabled")
	String enable(@PathVariable String username, @RequestParam boolean enabled, Authentication authentication,
			RedirectAttributes redirect) {
		account(username);
		if (username.equals(authentication.getName()) && !enabled) {
			return problem(username, "console.users.problem.ownDisable", redirect);
		}
		this.users.setEnabled(username, enabled);
		if (!enabled) {
			endSessions(username, authentication);
		}
		this.audit.record(authentication.getName(), enabled ? "USER_ENABLE" : "USER_DISABLE", username, null);
		redirect.addFlashAttribute("done", enabled ? "console.users.done.enabled" : "console.users.done.disabled");
		return "redirect:/admin/users/" + username;
	}

	@PostMapping("/{username}/password")
	String resetPassword(@PathVariable String username, @RequestParam(defaultValue = "") String password,
			Authentication authentication, RedirectAttributes redirect) {
		account(username);
		if (!password.isEmpty() && password.length() < MIN_PASSWORD) {
			return problem(username, "console.users.problem.password", redirect);
		}
		boolean generated = password.isEmpty();
		String chosen = generated ? generatedPassword() : password;
		this.users.setPasswordHash(username, this.encoder.encode(chosen));
		endSessions(username, authentication);
		this.audit.record(authentication.getName(), "USER_PASSWORD_RESET", username,
				generated ? "generated" : "set by administrator");
		if (generated) {
			redirect.addFlashAttribute("newPassword", chosen);
		}
		redirect.addFlashAttribute("done", "console.users.done.password");
		return "redirect:/admin/users/" + username;
	}

	/** Ends another user's open sessions; an administrator's own stays open. */
	private void endSessions(String username, Authentication authentication) {
		if (!username.equals(authentication.getName())) {
			this.sessions.end(username);
		}
	}

	private Account account(String username) {
		return this.users.account(username)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No console user " + username));
	}

	private static String problem(String username, String key, RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", key);
		return "redirect:/admin/users/" + username;
	}

	/** Role names from the form; unknown names are ignored. */
	static Set<Role> roles(List<String> names) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (names != null) {
			for (Role role : Role.values()) {
				if (names.contains(role.name())) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

	private static String names(Set<Role> roles) {
		return String.join(",", roles.stream().map(Role::name).toList());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * 18 random bytes, URL-safe Base64: 24 characters, as for the first administrator.
	 */
	static String generatedPassword() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
