package jp.digilab.app.api;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jp.digilab.app.runs.ConsoleProblem;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The API's answer to a refused request: an RFC 9457 problem whose {@code detail} is one
 * clear line in the caller's language (Japanese unless {@code ?lang=en} was chosen), and
 * whose {@code code} is the message key.
 */
@RestControllerAdvice(basePackages = "jp.digilab.app.api")
class ApiProblems {

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ConsoleProblem.class)
	ProblemDetail refused(ConsoleProblem problem, HttpServletRequest request) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), this.messages
			.getMessage(problem.messageKey(), problem.arguments(), RequestContextUtils.getLocale(request)));
		body.setProperty("code", problem.messageKey());
		return body;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("console.error.body", null, RequestContextUtils.getLocale(request)));
		body.setProperty("code", "console.error.body");
		return body;
	}

	/**
	 * The CSRF token a script or tool sends in the {@code X-CSRF-TOKEN} header with each
	 * POST or PUT of its session.
	 */
	@RestController
	static class CsrfController {

		@GetMapping("/api/csrf")
		Map<String, String> csrf(CsrfToken token) {
			return Map.of("headerName", token.getHeaderName(), "parameterName", token.getParameterName(), "token",
					token.getToken());
		}

	}

}
