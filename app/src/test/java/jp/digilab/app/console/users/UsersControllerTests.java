package jp.digilab.app.console.users;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import jp.digilab.app.console.ConsoleTestSupport;
import jp.digilab.app.security.ConsoleUsers;
import jp.digilab.app.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * User management and the audit log: ADMIN only, CSRF, self-protection, audited, no
 * values.
 */
class UsersControllerTests extends ConsoleTestSupport {

	@Autowired
	ConsoleUsers users;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	JdbcClient jdbc;

	@Test
	void onlyAnAdministratorManagesUsers() throws Exception {
		for (String role : List.of("OPERATOR", "MANAGER", "REVIEWER")) {
			this.mvc.perform(get("/admin/users").with(user("x").roles(role))).andExpect(status().isForbidden());
			this.mvc.perform(get("/admin/audit").with(user("x").roles(role))).andExpect(status().isForbidden());
			this.mvc
				.perform(post("/admin/users").with(user("x").roles(role))
					.with(csrf())
					.param("username", "intruder-" + role)
					.param("roles", "ADMIN"))
				.andExpect(status().isForbidden());
		}
		assertThat(this.users.find("intruder-OPERATOR")).isEmpty();
		this.mvc.perform(get("/admin/users").with(user("boss").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"user-admin\"")))
			.andExpect(content().string(containsString("管理者")));
		this.mvc.perform(get("/admin/users/new").with(user("boss").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"roles\" value=\"REVIEWER\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void aPostWithoutCsrfTokenChangesNothing() throws Exception {
		this.mvc
			.perform(post("/admin/users").with(user("boss").roles("ADMIN"))
				.param("username", "no-token")
				.param("roles", "OPERATOR"))
			.andExpect(status().isForbidden());
		assertThat(this.users.find("no-token")).isEmpty();
	}

	@Test
	void aGeneratedPasswordIsShownOnceHashedAndNeverLoggedOrAudited() throws Exception {
		MvcResult created = this.mvc
			.perform(post("/admin/users").with(user("boss").roles("ADMIN"))
				.with(csrf())
				.param("username", "tanaka")
				.param("displayName", "田中 一郎")
				.param("department", "小倉北区 市民課")
				.param("roles", "REVIEWER"))
			.andExpect(redirectedUrl("/admin/users/tanaka"))
			.andReturn();
		String password = (String) created.getFlashMap().get("newPassword");
		assertThat(password).hasSizeGreaterThanOrEqualTo(20);
		// shown on the page the redirect leads to, and only there
		this.mvc.perform(get("/admin/users/tanaka").with(user("boss").roles("ADMIN")).flashAttrs(created.getFlashMap()))
			.andExpect(content().string(containsString("id=\"new-password\">" + password + "<")));
		this.mvc.perform(get("/admin/users/tanaka").with(user("boss").roles("ADMIN")))
			.andExpect(content().string(not(containsString(password))));
		String hash = this.jdbc.sql("select password_hash from dl_user where username = 'tanaka'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$2").doesNotContain(password);
		this.mvc.perform(formLogin("/login").user("tanaka").password(password))
			.andExpect(authenticated().withUsername("tanaka").withRoles("REVIEWER"))
			// a reviewer starts at the review queue
			.andExpect(redirectedUrl("/review"));
		assertThat(audit("tanaka")).containsExactly("boss USER_CREATE roles: REVIEWER");
		Path log = home.resolve("logs/digilab.log");
		if (Files.exists(log)) {
			assertThat(Files.readString(log)).doesNotContain(password).doesNotContain("田中 一郎");
		}
	}

	@Test
	void anAdministratorMaySetTheInitialPasswordOfTwelveCharactersOrMore() throws Exception {
		this.mvc
			.perform(post("/admin/users").with(user("boss").roles("ADMIN"))
				.with(csrf())
				.param("username", "short-pw")
				.param("roles", "MANAGER")
				.param("password", "too-short"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("パスワードは 12 文字以上にしてください")))
			.andExpect(content().string(not(containsString("too-short"))));
		assertThat(this.users.find("short-pw")).isEmpty();
		this.mvc
			.perform(post("/admin/users").with(user("boss").roles("ADMIN"))
				.with(csrf())
				.param("username", "chosen-pw")
				.param("roles", "MANAGER")
				.param("password", "kitakyushu-2026"))
			.andExpect(redirectedUrl("/admin/users/chosen-pw"))
			.andExpect(flash().attributeCount(1));
		this.mvc.perform(formLogin("/login").user("chosen-pw").password("kitakyushu-2026"))
			.andExpect(authenticated().withRoles("MANAGER"));
	}

	@Test
	void rolesAndDepartmentChangeAndTheAuditNamesWhatChangedNotTheValues() throws Exception {
		this.users.create("suzuki", this.encoder.encode("suzuki-password"), null, "八幡西区 市民課",
				EnumSet.of(Role.REVIEWER));
		this.mvc
			.perform(post("/admin/users/suzuki").with(user("boss").roles("ADMIN"))
				.with(csrf())
				.param("department", "戸畑区 市民課")
				.param("roles", "OPERATOR", "MANAGER"))
			.andExpect(redirectedUrl("/admin/users/suzuki"));
		ConsoleUsers.Account account = this.users.account("suzuki").orElseThrow();
		assertThat(account.roles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.MANAGER);
		assertThat(account.department()).isEqualTo("戸畑区 市民課");
		assertThat(audit("suzuki")).containsExactly("boss USER_UPDATE +OPERATOR, +MANAGER, -REVIEWER, department");
		this.mvc.perform(get("/admin/audit").with(user("boss").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("利用者の変更")))
			.andExpect(content().string(not(containsString("戸畑区"))));
	}

	@Test
	void anAdministratorCannotDropTheirOwnAdminRoleNorDisableThemselves() throws Exception {
		this.users.create("chief", this.encoder.encode("chief-password"), null, null, EnumSet.of(Role.ADMIN));
		this.mvc.perform(
				post("/admin/users/chief").with(user("chief").roles("ADMIN")).with(csrf()).param("roles", "OPERATOR"))
			.andExpect(redirectedUrl("/admin/users/chief"))
			.andExpect(flash().attribute("problem", "console.users.problem.ownAdmin"));
		this.mvc
			.perform(post("/admin/users/chief/enabled").with(user("chief").roles("ADMIN"))
				.with(csrf())
				.param("enabled", "false"))
			.andExpect(flash().attribute("problem", "console.users.problem.ownDisable"));
		ConsoleUsers.Account account = this.users.account("chief").orElseThrow();
		assertThat(account.roles()).containsExactly(Role.ADMIN);
		assertThat(account.enabled()).isTrue();
		assertThat(audit("chief")).isEmpty();
		// another administrator may
		this.mvc
			.perform(post("/admin/users/chief/enabled").with(user("boss").roles("ADMIN"))
				.with(csrf())
				.param("enabled", "false"))
			.andExpect(flash().attribute("done", "console.users.done.disabled"));
		assertThat(this.users.account("chief").orElseThrow().enabled()).isFalse();
	}

	@Test
	void aDisabledUserCannotLogInUntilEnabledAgain() throws Exception {
		this.users.create("sato", this.encoder.encode("sato-password-1"), null, null, EnumSet.of(Role.MANAGER));
		this.mvc
			.perform(post("/admin/users/sato/enabled").with(user("boss").roles("ADMIN"))
				.with(csrf())
				.param("enabled", "false"))
			.andExpect(redirectedUrl("/admin/users/sato"));
		this.mvc.perform(formLogin("/login").user("sato").password("sato-password-1")).andExpect(unauthenticated());
		this.mvc
			.perform(post("/admin/users/sato/enabled").with(user("boss").roles("ADMIN"))
				.with(csrf())
				.param("enabled", "true"))
			.andExpect(redirectedUrl("/admin/users/sato"));
		this.mvc.perform(formLogin("/login").user("sato").password("sato-password-1")).andExpect(authenticated());
		assertThat(audit("sato")).containsExactly("boss USER_DISABLE null", "boss USER_ENABLE null");
	}

	@Test
	void disablingAUserOrChangingTheirRolesEndsTheSessionsTheyHaveOpen() throws Exception {
		this.users.create("ito", this.encoder.encode("ito-password-12"), null, null,
				EnumSet.of(Role.OPERATOR, Role.MANAGER));
		MockHttpSession first = logIn("ito", "ito-password-12");
		this.mvc.perform(get("/runs").session(first)).andExpect(status().isOk());
		this.mvc
			.perform(post("/admin/users/ito").with(user("boss").roles("ADMIN")).with(csrf()).param("roles", "MANAGER"))
			.andExpect(redirectedUrl("/admin/users/ito"));
		this.mvc.perform(get("/runs").session(first)).andExpect(redirectedUrl("/login?expired"));
		MockHttpSession second = logIn("ito", "ito-password-12");
		this.mvc.perform(get("/").session(second)).andExpect(status().isOk());
		this.mvc.perform(get("/templates").session(second)).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/users/ito/enabled").with(user("boss").roles("ADMIN"))
				.with(csrf())
				.param("enabled", "false"))
			.andExpect(redirectedUrl("/admin/users/ito"));
		this.mvc.perform(get("/").session(second)).andExpect(redirectedUrl("/login?expired"));
	}

	private MockHttpSession logIn(String username, String password) throws Exception {
		MvcResult login = this.mvc.perform(formLogin("/login").user(username).password(password))
			.andExpect(authenticated())
			.andReturn();
		return (MockHttpSession) login.getRequest().getSession(false);
	}

	@Test
	void aResetPasswordReplacesTheOldOne() throws Exception {
		this.users.create("kato", this.encoder.encode("kato-password-1"), null, null, EnumSet.of(Role.OPERATOR));
		MvcResult reset = this.mvc
			.perform(post("/admin/users/kato/password").with(user("boss").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/kato"))
			.andReturn();
		String password = (String) reset.getFlashMap().get("newPassword");
		this.mvc.perform(formLogin("/login").user("kato").password("kato-password-1")).andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user("kato").password(password)).andExpect(authenticated());
		assertThat(audit("kato")).containsExactly("boss USER_PASSWORD_RESET generated");
	}

	@Test
	void unknownUsersAreNotFound() throws Exception {
		this.mvc.perform(get("/admin/users/nobody").with(user("boss").roles("ADMIN"))).andExpect(status().isNotFound());
	}

	/** The audit entries about a user, oldest first, as "who ACTION detail". */
	private List<String> audit(String target) {
		return this.jdbc.sql("select username, action, detail from dl_audit where target = ? order by id")
			.param(target)
			.query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list();
	}

}
