package org.fanzha.console;

import java.util.List;
import java.util.Map;

import org.fanzha.core.Beijing;
import org.fanzha.identity.Area;
import org.fanzha.identity.FanzhaPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Login and home (the user's work queue); every area maps its own pages. */
@Controller
class ConsolePages {

	private final Navigation navigation;

	private final WorkQueue queue;

	ConsolePages(Navigation navigation, WorkQueue queue) {
		this.navigation = navigation;
		this.queue = queue;
	}

	@GetMapping("/login")
	String login() {
		return "console/login";
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("areas", navigation.areas());
		FanzhaPrincipal me = navigation.currentUser();
		model.addAttribute("queue", me == null ? List.of() : queue.items(me));
		model.addAttribute("figures", me == null ? Map.of() : queue.figures(me));
		model.addAttribute("zone", Beijing.ZONE);
		model.addAttribute("statisticsLink", navigation.areas().contains(Area.STATISTICS));
		return "console/home";
	}

}
