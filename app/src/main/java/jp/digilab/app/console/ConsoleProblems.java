package jp.digilab.app.console;

import jp.digilab.app.runs.ConsoleProblem;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A refused console action: back to the page it came from with one clear line, in the
 * page's language; a page that cannot be shown gets its status and the line.
 */
@ControllerAdvice(basePackages = "jp.digilab.app.console")
class ConsoleProblems {

	private final MessageSource messages;

	ConsoleProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ConsoleProblem.class)
	ModelAndView refused(ConsoleProblem problem, HttpServletRequest request, HttpServletResponse response) {
		String message = this.messages.getMessage(problem.messageKey(), problem.arguments(),
				org.springframework.web.servlet.support.RequestContextUtils.getLocale(request));
		if ("POST".equals(request.getMethod())) {
			String back = request.getHeader(HttpHeaders.REFERER);
			String target = (back != null && back.startsWith(request.getScheme() + "://" + request.getServerName()))
					? back : request.getContextPath() + "/runs";
			var flash = org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request);
			flash.put("problem", message);
			org.springframework.web.servlet.support.RequestContextUtils.saveOutputFlashMap(target, request, response);
			return new ModelAndView("redirect:" + target);
		}
		ModelAndView page = new ModelAndView("problem");
		page.setStatus(problem.status());
		page.addObject("message", message);
		return page;
	}

}
