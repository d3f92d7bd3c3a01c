package jp.digilab.app.console.inboxes;

import jp.digilab.app.inboxes.InboxOverview;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The watched folders: per job, the files waiting, the last pick-up, the files that
 * failed and why, and the watcher's status.
 */
@Controller
class InboxPagesController {

	private final InboxOverview inboxes;

	InboxPagesController(InboxOverview inboxes) {
		this.inboxes = inboxes;
	}

	@GetMapping("/inboxes")
	String inboxes(Model model) {
		model.addAttribute("overview", this.inboxes.overview());
		return "inboxes/list";
	}

}
