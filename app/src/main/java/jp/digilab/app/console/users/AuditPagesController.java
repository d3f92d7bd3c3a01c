package jp.digilab.app.console.users;

import jp.digilab.app.security.AuditLog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for ADMIN, newest first: who did what, when, to which record or user.
 * Entries never hold field values or passwords, so they are shown as written.
 */
@Controller
class AuditPagesController {

	static final int PAGE_SIZE = 50;

	private final AuditLog audit;

	AuditPagesController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(defaultValue = "0") int page, Model model) {
		int current = Math.max(0, page);
		long total = this.audit.count();
		model.addAttribute("entries", this.audit.recent(PAGE_SIZE, current * PAGE_SIZE));
		model.addAttribute("page", current);
		model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < total);
		model.addAttribute("total", total);
		return "users/audit";
	}

}
