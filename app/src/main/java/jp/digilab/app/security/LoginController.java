package jp.digilab.app.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; Spring Security handles its POST. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
