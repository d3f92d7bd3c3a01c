package jp.digilab.app.console.schedules;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jp.digilab.app.runs.ConsoleProblem;
import jp.digilab.app.scheduling.ScheduleAdmin;
import jp.digilab.app.scheduling.ScheduleRow;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Schedules: the list with next fire times and state, one schedule's edit form (a bad
 * value is shown on the form in one line, nothing is saved), pause and resume.
 */
@Controller
class SchedulePagesController {

	private static final List<String> TIME_ZONES = List.of("Asia/Tokyo", "UTC");

	private final ScheduleAdmin schedules;

	private final MessageSource messages;

	SchedulePagesController(ScheduleAdmin schedules, MessageSource messages) {
		this.schedules = schedules;
		this.messages = messages;
	}

	@GetMapping("/schedules")
	String list(Model model) {
		model.addAttribute("overview", this.schedules.overview(3));
		return "schedules/list";
	}

	@GetMapping("/schedules/{id}")
	String edit(@PathVariable String id, Model model) {
		ScheduleRow schedule = this.schedules.get(id, 10);
		model.addAttribute("schedule", schedule);
		model.addAttribute("form", new ScheduleAdmin.Change(schedule.cron(), schedule.timeZone(),
				schedule.skipHolidays(), schedule.misfire()));
		model.addAttribute("timeZones", TIME_ZONES);
		return "schedules/edit";
	}

	@PostMapping("/schedules/{id}")
	String save(@PathVariable String id, @RequestParam String cron, @RequestParam String timeZone,
			@RequestParam(defaultValue = "false") boolean skipHolidays, @RequestParam String misfire,
			Authentication user, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		ScheduleAdmin.Change change = new ScheduleAdmin.Change(cron, timeZone, skipHolidays, misfire);
		try {
			this.schedules.update(id, change, user.getName());
		}
		catch (ConsoleProblem problem) {
			if (problem.status() == HttpStatus.NOT_FOUND) {
				throw problem;
			}
			// the form again with what was typed and one line saying what is wrong
			model.addAttribute("schedule", this.schedules.get(id, 10));
			model.addAttribute("form", change);
			model.addAttribute("timeZones", TIME_ZONES);
			model.addAttribute("problem", this.messages.getMessage(problem.messageKey(), problem.arguments(),
					RequestContextUtils.getLocale(request)));
			return "schedules/edit";
		}
		redirect.addFlashAttribute("notice", "console.schedules.saved");
		return "redirect:/schedules";
	}

	@PostMapping("/schedules/{id}/pause")
	String pause(@PathVariable String id, Authentication user, RedirectAttributes redirect) {
		this.schedules.pause(id, user.getName());
		redirect.addFlashAttribute("notice", "console.schedules.paused");
		return "redirect:/schedules";
	}

	@PostMapping("/schedules/{id}/resume")
	String resume(@PathVariable String id, Authentication user, RedirectAttributes redirect) {
		this.schedules.resume(id, user.getName());
		redirect.addFlashAttribute("notice", "console.schedules.resumed");
		return "redirect:/schedules";
	}

}
