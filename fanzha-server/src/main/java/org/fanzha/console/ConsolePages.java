package org.fanzha.console;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

import org.fanzha.identity.Area;
import org.fanzha.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Login, home, and the placeholder pages of areas whose work has not landed yet. */
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

	/** Areas still waiting for their issue; a module that implements one maps the path itself and drops it here. */
	@GetMapping({ "/warnings", "/linking", "/statistics" })
	String placeholder(HttpServletRequest request, Model model) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Area area = Arrays.stream(Area.values()).filter(a -> a.consolePath().equals(path)).findFirst()
				.orElseThrow(() -> new NotFoundException("No console area at " + path));
		model.addAttribute("area", area);
		return "console/area";
	}
}
