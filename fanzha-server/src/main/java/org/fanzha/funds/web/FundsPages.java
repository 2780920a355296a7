package org.fanzha.funds.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fanzha.audit.PersonalData;
import org.fanzha.funds.FreezeControl;
import org.fanzha.funds.FreezeView;
import org.fanzha.funds.FundControl;
import org.fanzha.funds.InstructionView;
import org.fanzha.funds.ReturnControl;
import org.fanzha.funds.ReturnView;
import org.fanzha.funds.Workflows.FreezeStatus;
import org.fanzha.funds.Workflows.StopStatus;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.platform.ChartJson;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console for the centre: the instruction board, and a case's plan — the fund-flow
 * picture (refreshed while the banks answer), freezes, renewals, unfreezes and return
 * rounds — through the same services as the API.
 */
@Controller
class FundsPages {

	private final FundControl funds;

	private final FreezeControl freezes;

	private final ReturnControl returns;

	private final ConsoleText text;

	private final Clock clock;

	FundsPages(FundControl funds, FreezeControl freezes, ReturnControl returns, ConsoleText text, Clock clock) {
		this.funds = funds;
		this.freezes = freezes;
		this.returns = returns;
		this.text = text;
		this.clock = clock;
	}

	@PersonalData(value = "STOP_PLAN", purpose = "console: instruction board")
	@GetMapping("/funds/board")
	String board(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam(required = false) String status,
			@RequestParam(required = false) String bank, @RequestParam(required = false) String level,
			@RequestParam(required = false) String due, Model model) {
		StopStatus s = null;
		try {
			s = status == null || status.isBlank() ? null : StopStatus.valueOf(status);
		}
		catch (IllegalArgumentException e) {
			// an unknown status filters nothing
		}
		Integer lv = level != null && level.matches("[1-9]") ? Integer.valueOf(level) : null;
		String b = bank == null || bank.isBlank() ? null : bank.strip().toUpperCase(Locale.ROOT);
		Instant now = clock.instant();
		List<InstructionView> rows = funds.board(s, b, lv, 500);
		if (due != null && !due.isBlank()) {
			// the deadline filter: past it, or due within the next hours
			Instant until = switch (due) {
				case "2h" -> now.plus(Duration.ofHours(2));
				case "24h" -> now.plus(Duration.ofHours(24));
				default -> now;
			};
			rows = rows.stream()
				.filter(i -> i.status() == StopStatus.ISSUED && i.deadline() != null && !i.deadline().isAfter(until))
				.toList();
		}
		model.addAttribute("rows", rows);
		model.addAttribute("statuses", StopStatus.values());
		model.addAttribute("status", s == null ? "" : s.name());
		model.addAttribute("bank", b == null ? "" : b);
		model.addAttribute("level", lv == null ? "" : lv.toString());
		model.addAttribute("due", due == null ? "" : due);
		model.addAttribute("now", now);
		model.addAttribute("zone", ConsoleText.BEIJING);
		return "funds/board";
	}

	@PersonalData(value = "STOP_PLAN", purpose = "console: stop-payment plan of a case")
	@GetMapping("/funds/cases/{caseNumber}")
	String plan(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber, Model model) {
		List<InstructionView> plan = live(caseNumber, model);
		List<FreezeView> fs = freezes.forCase(caseNumber);
		Instant now = clock.instant();
		Set<Long> frozenStops = new HashSet<>();
		fs.stream()
			.filter(f -> f.status() == FreezeStatus.REQUESTED || f.status() == FreezeStatus.FROZEN)
			.forEach(f -> frozenStops.add(f.instructionId()));
		// a stop in force (or a third stop the bank refused) can become a freeze, once
		model.addAttribute("freezable",
				plan.stream()
					.filter(i -> !frozenStops.contains(i.id()) && (i.freezeAdvised()
							|| (i.status().inForce() && i.expiresAt() != null && i.expiresAt().isAfter(now))))
					.toList());
		List<ReturnView> rounds = new ArrayList<>();
		Map<Long, List<String>> casesOf = new LinkedHashMap<>();
		for (FreezeView f : fs) {
			rounds.addAll(returns.forFreeze(f.id()));
			casesOf.put(f.id(),
					funds.byId(f.instructionId()).map(InstructionView::cases).orElse(List.of(f.caseNumber())));
		}
		model.addAttribute("rounds", rounds);
		model.addAttribute("casesOf", casesOf);
		Set<String> victims = new LinkedHashSet<>();
		victims.add(caseNumber);
		plan.forEach(i -> victims.addAll(i.cases()));
		rounds.forEach(r -> r.shares().forEach(s -> victims.add(s.caseNumber())));
		List<ReturnControl.VictimAccount> accounts = new ArrayList<>();
		for (String c : victims) {
			try {
				accounts.add(returns.account(c));
			}
			catch (NotFoundException e) {
				// a case number without a victim record (not reported through intake)
			}
		}
		model.addAttribute("accounts", accounts);
		return "funds/plan";
	}

	/** The part of the plan that changes as the banks answer: polled by the page. */
	@GetMapping("/funds/cases/{caseNumber}/live")
	String liveFragment(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber, Model model) {
		live(caseNumber, model);
		return "funds/plan :: live";
	}

	private List<InstructionView> live(String caseNumber, Model model) {
		List<InstructionView> plan = funds.forCase(caseNumber);
		List<FreezeView> fs = freezes.forCase(caseNumber);
		model.addAttribute("caseNumber", caseNumber);
		model.addAttribute("plan", plan);
		model.addAttribute("freezes", fs);
		// plain maps for the chart, as JSON in a data attribute that /js/plan.js reads
		// (no inline script: CSP)
		model.addAttribute("chartJson", ChartJson.of(plan.stream().map(i -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("accountId", i.accountId());
			m.put("parentAccount", i.parentAccount());
			m.put("level", i.level());
			m.put("amountFen", i.amountFen());
			m.put("status", i.status().name());
			m.put("statusText", text.text("funds.status." + i.status().name()));
			// the picture's side panel: the bank by name, the holder, what was stopped,
			// the instruction's history
			m.put("id", i.id());
			m.put("bank", i.institution());
			m.put("bankName", text.bankName(i.institution()));
			m.put("payeeName", i.payeeName());
			m.put("stoppedFen", i.stoppedFen());
			m.put("history", "/funds/history/stop/" + i.id());
			String parentBank = bankOf(i.parentAccount());
			m.put("parentBank", parentBank);
			m.put("parentBankName", text.bankName(parentBank));
			return m;
		}).toList()));
		model.addAttribute("now", clock.instant());
		model.addAttribute("zone", ConsoleText.BEIJING);
		return plan;
	}

	@PostMapping("/funds/cases/{caseNumber}/confirm")
	String confirm(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber) {
		funds.confirm(caseNumber, me.username());
		return "redirect:/funds/cases/" + caseNumber;
	}

	@PostMapping("/funds/stops/{id}/freeze")
	String freeze(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String caseNumber, @RequestParam(required = false) String documentNumber,
			@RequestParam(required = false) String issuingUnit, @RequestParam(required = false) String officerOne,
			@RequestParam(required = false) String officerTwo, RedirectAttributes flash) {
		InstructionView stop = funds.byId(id).orElseThrow(() -> new NotFoundException("No instruction " + id));
		return act(back(caseNumber, stop.cases(), stop.caseNumber()), flash, () -> {
			FreezeView f = freezes.request(id,
					new FreezeControl.FreezeDocument(documentNumber, issuingUnit, officerOne, officerTwo),
					me.username());
			return text.text("funds.done.freezeRequested", f.accountId(), BankPages.yuan(f.amountFen()));
		});
	}

	@PostMapping("/funds/freezes/{id}/renew")
	String renew(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String caseNumber, @RequestParam(required = false) String documentNumber,
			RedirectAttributes flash) {
		FreezeView f = freeze(id);
		return act(back(caseNumber, List.of(), f.caseNumber()), flash, () -> {
			FreezeView r = freezes.renew(id, documentNumber, me.username());
			return text.text("funds.done.renewed", r.accountId(),
					r.expiresAt().atOffset(ConsoleText.BEIJING).toLocalDate().toString());
		});
	}

	@PostMapping("/funds/freezes/{id}/unfreeze")
	String unfreeze(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String caseNumber, @RequestParam(required = false) String documentNumber,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		FreezeView f = freeze(id);
		return act(back(caseNumber, List.of(), f.caseNumber()), flash, () -> {
			freezes.unfreeze(id, documentNumber, reason, me.username());
			return text.text("funds.done.unfrozen", f.accountId());
		});
	}

	@PostMapping("/funds/freezes/{id}/returns")
	String propose(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String caseNumber, @RequestParam(required = false) List<String> cases,
			@RequestParam(required = false) String addCase, @RequestParam(required = false) String addReason,
			RedirectAttributes flash) {
		FreezeView f = freeze(id);
		return act(back(caseNumber, List.of(), f.caseNumber()), flash, () -> {
			List<ReturnControl.Addition> added = addCase == null || addCase.isBlank() ? List.of()
					: List.of(new ReturnControl.Addition(addCase.strip(), addReason));
			ReturnView r = returns.propose(id, cases == null ? List.of() : cases, added, me.username());
			return text.text("funds.done.proposed", r.round(), text.text("funds.basis." + r.basis()),
					BankPages.yuan(r.totalFen()), text.text("funds.return.status." + r.status().name()));
		});
	}

	@PostMapping("/funds/returns/{id}/objections")
	String object(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String caseNumber, @RequestParam(required = false) String raisedBy,
			@RequestParam(required = false) String content, RedirectAttributes flash) {
		ReturnView r = round(id);
		return act(back(caseNumber, List.of(), freeze(r.freezeId()).caseNumber()), flash, () -> {
			returns.object(id, raisedBy, content);
			return text.text("funds.done.objection", r.round());
		});
	}

	@PostMapping("/funds/returns/{id}/decide")
	String decide(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String caseNumber, @RequestParam(required = false) String resolution,
			RedirectAttributes flash) {
		ReturnView r = round(id);
		return act(back(caseNumber, List.of(), freeze(r.freezeId()).caseNumber()), flash, () -> {
			ReturnView d = returns.decide(id, resolution, me.username());
			return text.text("funds.done.decided", d.round(), d.executeBy().toString());
		});
	}

	private FreezeView freeze(long id) {
		return freezes.byId(id).orElseThrow(() -> new NotFoundException("No freeze " + id));
	}

	private ReturnView round(long id) {
		return returns.byId(id).orElseThrow(() -> new NotFoundException("No return round " + id));
	}

	/** Back to the plan the form was on, when that case is one the instruction serves. */
	private static String back(String asked, List<String> cases, String fallback) {
		String to = asked != null && asked.matches("[A-Za-z0-9-]{1,48}") ? asked : fallback;
		return cases.isEmpty() || cases.contains(to) ? to : fallback;
	}

	private interface Action {

		String run();

	}

	private String act(String caseNumber, RedirectAttributes flash, Action action) {
		try {
			flash.addFlashAttribute("notice", action.run());
		}
		catch (InvalidFieldsException | ConflictException e) {
			flash.addFlashAttribute("error", text.explain(e));
		}
		return "redirect:/funds/cases/" + caseNumber;
	}

	/**
	 * The bank of an account id written BANK:NUMBER (ICBC:M1), as the ledger and the
	 * statements write them; else none.
	 */
	static String bankOf(String accountId) {
		int colon = accountId == null ? -1 : accountId.indexOf(':');
		return colon > 0 ? accountId.substring(0, colon) : null;
	}

}
