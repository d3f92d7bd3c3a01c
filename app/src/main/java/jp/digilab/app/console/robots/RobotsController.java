package jp.digilab.app.console.robots;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The robots page: each robot script, whether it is valid, and its last runs. */
@Controller
class RobotsController {

	private final RobotCatalog robots;

	RobotsController(RobotCatalog robots) {
		this.robots = robots;
	}

	@GetMapping("/robots")
	String list(Model model) {
		List<String> problems = new ArrayList<>();
		model.addAttribute("robots", this.robots.all(problems));
		model.addAttribute("problems", problems);
		return "robots/list";
	}

}
