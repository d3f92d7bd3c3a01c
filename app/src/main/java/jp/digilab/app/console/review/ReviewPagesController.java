package jp.digilab.app.console.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jp.digilab.app.security.AuditLog;
import jp.digilab.app.security.ConsoleUser;
import jp.digilab.app.security.Role;
import jp.digilab.jobs.review.ReviewException;
import jp.digilab.jobs.review.ReviewItem;
import jp.digilab.app.ScheduledRuns;
import jp.digilab.jobs.review.ReviewService;
import jp.digilab.ocr.FieldResult;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue, one record at a time, keyboard-first: the first doubtful field has
 * the focus and Enter approves. Reviewers see only their own department's records; the
 * seconds spent count from when the page was rendered.
 */
@Controller
class ReviewPagesController {

	static final String FIELD = "field.";

	private final ReviewService reviews;

	private final AuditLog audit;

	private final ScheduledRuns runs;

	ReviewPagesController(ReviewService reviews, AuditLog audit, ScheduledRuns runs) {
		this.runs = runs;
		this.reviews = reviews;
		this.audit = audit;
	}

	@GetMapping("/review")
	String queue(Authentication authentication, Model model) {
		model.addAttribute("items", queue(authentication));
		return "review/queue";
	}

	@GetMapping("/review/{recordKey}")
	String item(@PathVariable String recordKey, Authentication authentication, Model model) {
		ReviewItem item = visible(recordKey, authentication);
		Map<String, FieldResult> doubtful = new LinkedHashMap<>();
		item.doubtfulFields().forEach((name) -> doubtful.put(name, item.fields().get(name)));
		model.addAttribute("item", item);
		model.addAttribute("doubtful", doubtful);
		model.addAttribute("renderedAt", System.currentTimeMillis());
		return "review/item";
	}

	@PostMapping("/review/{recordKey}/approve")
	String approve(@PathVariable String recordKey, @RequestParam Map<String, String> form,
			@RequestParam long renderedAt, Authentication authentication, RedirectAttributes redirect) {
		ReviewItem item = visible(recordKey, authentication);
		Map<String, String> corrected = new LinkedHashMap<>();
		for (String name : item.doubtfulFields()) {
			String value = form.get(FIELD + name);
			if (value != null && !Objects.equals(value, item.fields().get(name).value())) {
				corrected.put(name, value);
			}
		}
		try {
			this.reviews.approve(recordKey, corrected, seconds(renderedAt), authentication.getName());
		}
		catch (ReviewException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/review/" + recordKey;
		}
		this.audit.record(authentication.getName(), "REVIEW_APPROVE", recordKey,
				"corrected fields: " + String.join(",", corrected.keySet()));
		finishIfReviewed(item);
		return next(authentication);
	}

	@PostMapping("/review/{recordKey}/reject")
	String reject(@PathVariable String recordKey, @RequestParam(defaultValue = "") String reason,
			@RequestParam long renderedAt, Authentication authentication, RedirectAttributes redirect) {
		ReviewItem item = visible(recordKey, authentication);
		try {
			this.reviews.reject(recordKey, reason, seconds(renderedAt), authentication.getName());
		}
		catch (ReviewException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/review/" + recordKey;
		}
		this.audit.record(authentication.getName(), "REVIEW_REJECT", recordKey, null);
		finishIfReviewed(item);
		return next(authentication);
	}

	/**
	 * When the last doubtful record of a run is decided, the run's approved records go
	 * on.
	 */
	private void finishIfReviewed(ReviewItem decided) {
		if (this.reviews.queue(null).stream().noneMatch((i) -> i.runId().equals(decided.runId()))) {
			this.runs.finishReviewedLater(decided.jobId(), decided.runId());
		}
	}

	private String next(Authentication authentication) {
		List<ReviewItem> items = queue(authentication);
		return items.isEmpty() ? "redirect:/review" : "redirect:/review/" + items.get(0).recordKey();
	}

	private List<ReviewItem> queue(Authentication authentication) {
		if (Role.ADMIN.isHeldBy(authentication)) {
			return this.reviews.queue(null);
		}
		String department = ConsoleUser.departmentOf(authentication);
		return (department != null) ? this.reviews.queue(department) : List.of();
	}

	private ReviewItem visible(String recordKey, Authentication authentication) {
		ReviewItem item = this.reviews.find(recordKey)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No record " + recordKey));
		if (!Role.ADMIN.isHeldBy(authentication)
				&& !Objects.equals(item.department(), ConsoleUser.departmentOf(authentication))) {
			// another department's record: as if it did not exist
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No record " + recordKey);
		}
		return item;
	}

	/** Seconds since the page was rendered, within 0 … 2 hours (a page left open). */
	static long seconds(long renderedAt) {
		long seconds = (System.currentTimeMillis() - renderedAt) / 1000;
		return Math.max(0, Math.min(seconds, 2 * 3600));
	}

}
