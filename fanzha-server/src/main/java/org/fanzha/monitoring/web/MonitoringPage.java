package org.fanzha.monitoring.web;

import java.util.List;

import org.fanzha.audit.PersonalData;
import org.fanzha.core.Beijing;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.monitoring.MonitoringRules;
import org.fanzha.monitoring.TransferScreening;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console: the live decision stream (htmx refresh), top reasons and flagged accounts; a
 * bank sees its own.
 */
@Controller
class MonitoringPage {

	private final TransferScreening decisions;

	private final MonitoringRules rules;

	MonitoringPage(TransferScreening decisions, MonitoringRules rules) {
		this.decisions = decisions;
		this.rules = rules;
	}

	@PersonalData(value = "TRANSFER_DECISION", purpose = "console: transfer decisions and flagged accounts")
	@GetMapping("/monitoring")
	String page(@AuthenticationPrincipal FanzhaPrincipal me, Model model) {
		fill(me, model);
		rulesSection(me, model, null, null);
		return "monitoring/page";
	}

	/**
	 * The centre loads a new version from the console; errors come back on the page with
	 * the text kept.
	 */
	@PostMapping("/monitoring/rules")
	String load(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam String rules,
			@RequestParam(required = false) String note, Model model) {
		try {
			this.rules.load(rules, note == null || note.isBlank() ? null : note, me.username());
		}
		catch (InvalidFieldsException | ConflictException e) {
			fill(me, model);
			rulesSection(me, model,
					e instanceof InvalidFieldsException f ? String.join("; ", f.errors().values()) : e.getMessage(),
					rules);
			return "monitoring/page";
		}
		return "redirect:/monitoring";
	}

	private void rulesSection(FanzhaPrincipal me, Model model, String error, String draft) {
		model.addAttribute("rules", rules.current());
		model.addAttribute("guardAlarm", decisions.guardAlarm());
		model.addAttribute("canLoadRules", me.has(Role.CENTRE_OFFICER));
		model.addAttribute("rulesError", error);
		model.addAttribute("draft", draft);
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
		model.addAttribute("flagged", me.has(Role.CENTRE_OFFICER) ? decisions.flaggedAccounts() : List.of());
		model.addAttribute("zone", Beijing.ZONE);
	}

}
