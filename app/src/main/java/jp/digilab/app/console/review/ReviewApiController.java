package jp.digilab.app.console.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.digilab.jobs.review.ReviewException;
import jp.digilab.jobs.review.ReviewService.EntryOutcome;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review queue as JSON, through the same {@link ReviewDesk} as the console pages:
 * department-scoped, My Numbers masked unless allowed, crops as PNG. A decision that
 * cannot be made (not waiting, invalid field left uncorrected, a second entry by the same
 * person) is 409 with the reason.
 */
@RestController
@RequestMapping("/api/review")
class ReviewApiController {

	/** Longest review time one call may claim: a page left open. */
	static final long MAX_SECONDS = 2 * 3600;

	private final ReviewDesk desk;

	ReviewApiController(ReviewDesk desk) {
		this.desk = desk;
	}

	@GetMapping
	List<QueueEntry> queue(Authentication authentication) {
		return this.desk.queue(authentication)
			.stream()
			.map((i) -> new QueueEntry(i.recordKey(), i.runId(), i.jobId(), i.department(), i.sourceFile(),
					i.doubtfulFields()))
			.toList();
	}

	@GetMapping("/{recordKey}")
	ReviewView item(@PathVariable String recordKey, Authentication authentication) {
		return this.desk.view(recordKey, authentication);
	}

	@GetMapping("/{recordKey}/fields/{field}/crop.png")
	ResponseEntity<byte[]> crop(@PathVariable String recordKey, @PathVariable String field,
			Authentication authentication) {
		return ReviewPagesController.png(this.desk.cropPng(recordKey, field, authentication));
	}

	@PostMapping("/{recordKey}/approve")
	Map<String, Object> approve(@PathVariable String recordKey, @RequestBody Approval approval,
			Authentication authentication) {
		EntryOutcome outcome = this.desk.approve(recordKey, (approval.fields() != null) ? approval.fields() : Map.of(),
				bounded(approval.seconds()), authentication);
		return result(recordKey, outcome.name(), authentication);
	}

	@PostMapping("/{recordKey}/reject")
	Map<String, Object> reject(@PathVariable String recordKey, @RequestBody Rejection rejection,
			Authentication authentication) {
		this.desk.reject(recordKey, (rejection.reason() != null) ? rejection.reason() : "",
				bounded(rejection.seconds()), authentication);
		return result(recordKey, "REJECTED", authentication);
	}

	@ExceptionHandler(ReviewException.class)
	ResponseEntity<Map<String, String>> problem(ReviewException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(Map.of("problem", ex.getMessage(), "code", ex.problem().name()));
	}

	private Map<String, Object> result(String recordKey, String outcome, Authentication authentication) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("recordKey", recordKey);
		body.put("outcome", outcome);
		body.put("next", this.desk.next(recordKey, authentication));
		return body;
	}

	private static long bounded(Long seconds) {
		return (seconds != null) ? Math.max(0, Math.min(seconds, MAX_SECONDS)) : 0;
	}

	/** A record in the queue: names of its doubtful fields, no values. */
	record QueueEntry(String recordKey, String runId, String jobId, String department, String sourceFile,
			List<String> doubtfulFields) {
	}

	/**
	 * {@code {"fields": {"postal_code": "803-8501"}, "seconds": 42}}: the doubtful
	 * fields' values (all of them in a double entry), and the seconds spent.
	 */
	record Approval(Map<String, String> fields, Long seconds) {
	}

	/** {@code {"reason": "不鮮明", "seconds": 10}}. */
	record Rejection(String reason, Long seconds) {
	}

}
