package jp.digilab.app.console.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.digilab.jobs.review.ReviewException;
import jp.digilab.jobs.review.ReviewItem;
import jp.digilab.jobs.review.ReviewService.EntryOutcome;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue, one record at a time, keyboard-first: the first doubtful field has
 * the focus, Enter goes to the next field and approves on the last, Ctrl+Enter or Alt+A
 * approves, Alt+R rejects, Alt+N skips to the next record. Reviewers see only their own
 * department's records; the seconds spent count from when the page was rendered.
 */
@Controller
class ReviewPagesController {

	static final String FIELD = "field.";

	private final ReviewDesk desk;

	ReviewPagesController(ReviewDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/review")
	String queue(Authentication authentication, Model model) {
		model.addAttribute("items", this.desk.queue(authentication));
		return "review/queue";
	}

	@GetMapping("/review/{recordKey}")
	String item(@PathVariable String recordKey, Authentication authentication, Model model) {
		model.addAttribute("item", this.desk.view(recordKey, authentication));
		model.addAttribute("renderedAt", System.currentTimeMillis());
		return "review/item";
	}

	@GetMapping("/review/{recordKey}/fields/{field}/crop.png")
	ResponseEntity<byte[]> crop(@PathVariable String recordKey, @PathVariable String field,
			Authentication authentication) {
		return png(this.desk.cropPng(recordKey, field, authentication));
	}

	@PostMapping("/review/{recordKey}/approve")
	String approve(@PathVariable String recordKey, @RequestParam Map<String, String> form,
			@RequestParam long renderedAt, Authentication authentication, RedirectAttributes redirect) {
		Map<String, String> typed = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith(FIELD)) {
				typed.put(name.substring(FIELD.length()), value);
			}
		});
		EntryOutcome outcome;
		try {
			outcome = this.desk.approve(recordKey, typed, seconds(renderedAt), authentication);
		}
		catch (ReviewException ex) {
			redirect.addFlashAttribute("problem", problem(ex));
			return "redirect:/review/" + recordKey;
		}
		redirect.addFlashAttribute("done", "console.review.outcome." + outcome.name());
		redirect.addFlashAttribute("doneRecord", recordKey);
		return next(authentication);
	}

	@PostMapping("/review/{recordKey}/reject")
	String reject(@PathVariable String recordKey, @RequestParam(defaultValue = "") String reason,
			@RequestParam long renderedAt, Authentication authentication, RedirectAttributes redirect) {
		try {
			this.desk.reject(recordKey, reason, seconds(renderedAt), authentication);
		}
		catch (ReviewException ex) {
			redirect.addFlashAttribute("problem", problem(ex));
			return "redirect:/review/" + recordKey;
		}
		redirect.addFlashAttribute("done", "console.review.outcome.REJECTED");
		redirect.addFlashAttribute("doneRecord", recordKey);
		return next(authentication);
	}

	private String next(Authentication authentication) {
		List<ReviewItem> items = this.desk.queue(authentication);
		return items.isEmpty() ? "redirect:/review" : "redirect:/review/" + items.get(0).recordKey();
	}

	/** The problem in the user's language: its message key, then its arguments. */
	static List<String> problem(ReviewException ex) {
		List<String> keyAndArguments = new java.util.ArrayList<>();
		keyAndArguments.add("console.review.problem." + ex.problem().name());
		keyAndArguments.addAll(ex.arguments());
		return keyAndArguments;
	}

	/** Seconds since the page was rendered, within 0 … 2 hours (a page left open). */
	static long seconds(long renderedAt) {
		long seconds = (System.currentTimeMillis() - renderedAt) / 1000;
		return Math.max(0, Math.min(seconds, 2 * 3600));
	}

	/** Crops show personal data: never kept by the browser or a proxy. */
	static ResponseEntity<byte[]> png(byte[] bytes) {
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(bytes);
	}

}
