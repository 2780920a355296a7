package org.fanzha.monitoring.web;

import java.time.ZoneOffset;

import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.monitoring.TransferDecisions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Console: the live decision stream (htmx refresh), top reasons and flagged accounts; a bank sees its own. */
@Controller
class MonitoringPage {

	private final TransferDecisions decisions;

	MonitoringPage(TransferDecisions decisions) {
		this.decisions = decisions;
	}

	@GetMapping("/monitoring")
	String page(@AuthenticationPrincipal FanzhaPrincipal me, Model model) {
		fill(me, model);
		return "monitoring/page";
	}

	@GetMapping("/monitoring/live")
	String live(@AuthenticationPrincipal FanzhaPrincipal me, Model model) {
		fill(me, model);
		return "monitoring/page :: live";
	}

	private void fill(FanzhaPrincipal me, Model model) {
		String bank = me.has(Role.BANK_OFFICER) ? DecisionsApi.bank(me) : null;
		model.addAttribute("bank", bank);
		model.addAttribute("recent", decisions.recent(bank, 30));
		model.addAttribute("counts", decisions.countsByDecision());
		model.addAttribute("reasons", decisions.topReasons(10));
		model.addAttribute("flagged", me.has(Role.CENTRE_OFFICER) ? decisions.flaggedAccounts() : java.util.List.of());
		model.addAttribute("zone", ZoneOffset.ofHours(8));
	}
}
