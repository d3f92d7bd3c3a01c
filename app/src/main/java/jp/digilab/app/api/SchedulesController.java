package jp.digilab.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.digilab.app.scheduling.ScheduleAdmin;
import jp.digilab.app.scheduling.ScheduleRow;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Schedules with their next fire times (public holidays skipped where the schedule says
 * so) and Quartz state; edit, pause, resume — the service the console's schedules page
 * uses.
 */
@RestController
@RequestMapping("/api/schedules")
@Tag(name = "schedules", description = "Schedules (schedules/ID.yml): list, next fire times, update, pause, resume")
class SchedulesController {

	private final ScheduleAdmin schedules;

	SchedulesController(ScheduleAdmin schedules) {
		this.schedules = schedules;
	}

	@GetMapping
	@Operation(summary = "Every schedule with its next fire times, and one line per unusable file")
	ScheduleAdmin.Overview list(@RequestParam(defaultValue = "5") int next) {
		return this.schedules.overview(next);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One schedule with its next fire times")
	ScheduleRow get(@PathVariable String id, @RequestParam(defaultValue = "5") int next) {
		return this.schedules.get(id, next);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change cron, timeZone, skipHolidays or misfire (OPERATOR, ADMIN); "
			+ "absent keys stay; the file is rewritten and the scheduler reloads it")
	ScheduleRow update(@PathVariable String id, @RequestBody ScheduleAdmin.Change change, Authentication user) {
		return this.schedules.update(id, change, user.getName());
	}

	@PostMapping("/{id}/pause")
	@Operation(summary = "Pause a schedule (OPERATOR, ADMIN); it does not fire until resumed")
	ScheduleRow pause(@PathVariable String id, Authentication user) {
		return this.schedules.pause(id, user.getName());
	}

	@PostMapping("/{id}/resume")
	@Operation(summary = "Resume a paused schedule (OPERATOR, ADMIN)")
	ScheduleRow resume(@PathVariable String id, Authentication user) {
		return this.schedules.resume(id, user.getName());
	}

}
