package org.fanzha.funds.web;

import java.time.ZoneOffset;
import java.util.List;

import org.fanzha.audit.PersonalData;
import org.fanzha.funds.FundControl;
import org.fanzha.funds.InstructionView;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Console: the bank's instruction inbox, and a case's stop-payment plan with its fund-flow picture. */
@Controller
class FundsPages {

	private final FundControl funds;

	private final org.fanzha.funds.FreezeControl freezes;

	private final org.fanzha.funds.ReturnControl returns;

	private final org.fanzha.funds.MuleCandidates mules;

	FundsPages(FundControl funds, org.fanzha.funds.FreezeControl freezes, org.fanzha.funds.ReturnControl returns,
			org.fanzha.funds.MuleCandidates mules) {
		this.mules = mules;
		this.funds = funds;
		this.freezes = freezes;
		this.returns = returns;
	}

	@PersonalData(value = "BANK_INBOX", purpose = "console: funds inbox")
	@GetMapping("/funds")
	String inbox(@AuthenticationPrincipal FanzhaPrincipal me, Model model) {
		if (me.has(Role.BANK_OFFICER)) {
			String agency = me.agencyCode();
			String bank = agency.contains("-") ? agency.substring(0, agency.indexOf('-')) : agency;
			model.addAttribute("bank", bank);
			model.addAttribute("waiting", funds.forBank(bank, org.fanzha.funds.Workflows.StopStatus.ISSUED));
			model.addAttribute("candidates", mules.open(bank, 50));
		}
		if (me.has(Role.CENTRE_OFFICER)) {
			model.addAttribute("expiring", freezes.expiring(15));
			model.addAttribute("candidates", mules.open(null, 50));
		}
		model.addAttribute("zone", ZoneOffset.ofHours(8));
		return "funds/inbox";
	}

	@PersonalData(value = "STOP_PLAN", purpose = "console: stop-payment plan of a case")
	@GetMapping("/funds/cases/{caseNumber}")
	String plan(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber, Model model) {
		if (!me.has(Role.CENTRE_OFFICER)) {
			throw new org.springframework.security.access.AccessDeniedException("the plan is the centre's");
		}
		List<InstructionView> plan = funds.forCase(caseNumber);
		model.addAttribute("caseNumber", caseNumber);
		model.addAttribute("plan", plan);
		List<org.fanzha.funds.FreezeView> fs = freezes.forCase(caseNumber);
		model.addAttribute("freezes", fs);
		model.addAttribute("rounds", fs.stream().flatMap(f -> returns.forFreeze(f.id()).stream()).toList());
		// plain maps for the chart: the JavaScript inliner serialises maps, not records
		model.addAttribute("chart", plan.stream().map(i -> {
			java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
			m.put("accountId", i.accountId());
			m.put("parentAccount", i.parentAccount());
			m.put("level", i.level());
			m.put("amountFen", i.amountFen());
			m.put("status", i.status().name());
			return m;
		}).toList());
		model.addAttribute("zone", ZoneOffset.ofHours(8));
		return "funds/plan";
	}

	@PostMapping("/funds/cases/{caseNumber}/confirm")
	String confirm(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber) {
		if (!me.has(Role.CENTRE_OFFICER)) {
			throw new org.springframework.security.access.AccessDeniedException("the plan is the centre's");
		}
		funds.confirm(caseNumber, me.username());
		return "redirect:/funds/cases/" + caseNumber;
	}
}
