package org.fanzha.simulation.web;

import org.fanzha.core.Beijing;
import org.fanzha.simulation.LiveProvince;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The live province panel; the home page polls the fragment with htmx. */
@Controller
class ProvincePage {

	private final LiveProvince province;

	ProvincePage(LiveProvince province) {
		this.province = province;
	}

	@GetMapping("/province/live")
	String live(Model model) {
		model.addAttribute("enabled", province.enabled());
		model.addAttribute("status", province.status());
		// the province keeps China Standard Time whatever the server's zone
		model.addAttribute("zone", Beijing.ZONE);
		return "simulation/live :: live";
	}

}
