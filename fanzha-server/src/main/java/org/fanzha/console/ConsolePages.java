package org.fanzha.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Login and home; every area maps its own pages. */
@Controller
class ConsolePages {

	private final Navigation navigation;

	ConsolePages(Navigation navigation) {
		this.navigation = navigation;
	}

	@GetMapping("/login")
	String login() {
		return "console/login";
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("areas", navigation.areas());
		return "console/home";
	}
}
