package jp.digilab.app.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.digilab.schedules.ScheduleOverview;
import jp.digilab.schedules.ScheduleService;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Schedules with their next fire times (public holidays skipped where the schedule says
 * so).
 */
@RestController
@RequestMapping("/api/schedules")
class SchedulesController {

	private final ScheduleService schedules;

	SchedulesController(ScheduleService schedules) {
		this.schedules = schedules;
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(defaultValue = "5") int next) {
		ScheduleOverview overview = this.schedules.overview(Instant.now(), Math.max(1, Math.min(next, 50)));
		List<Map<String, Object>> rows = overview.schedules().stream().map((status) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", status.schedule().id());
			row.put("job", status.schedule().job());
			row.put("cron", status.schedule().cron());
			row.put("timeZone", status.schedule().timeZone().getId());
			row.put("skipHolidays", status.schedule().skipHolidays());
			row.put("nextFireTimes", status.nextFireTimes().stream().map(Object::toString).toList());
			return row;
		}).toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("schedules", rows);
		body.put("problems", overview.problems().stream().map(Object::toString).toList());
		return body;
	}

}
