package org.fanzha.cases.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.fanzha.audit.PersonalData;
import org.fanzha.cases.CaseSummary;
import org.fanzha.cases.Cases;
import org.fanzha.cases.Intake;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.fanzha.sim.world.FraudType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Console: the case list with the 30-minute clocks, the intake form, and a case's page. */
@Controller
class CasePages {

	private final Cases cases;

	CasePages(Cases cases) {
		this.cases = cases;
	}

	@PersonalData(value = "CASE_LIST", purpose = "console: case list")
	@GetMapping("/cases")
	String list(@AuthenticationPrincipal FanzhaPrincipal me, Model model) {
		model.addAttribute("cases", cases.list(me.has(Role.CENTRE_OFFICER) || me.has(Role.PROCURATOR) ? null : me.agencyCode(), 200));
		model.addAttribute("zone", ZoneOffset.ofHours(8));
		model.addAttribute("canReport", !me.has(Role.PROCURATOR) || me.has(Role.CENTRE_OFFICER));
		return "cases/list";
	}

	@GetMapping("/cases/new")
	String form(Model model) {
		model.addAttribute("types", FraudType.values());
		return "cases/new";
	}

	/** One victim, one payment: the form for the first minutes; more payments go through the API. */
	@PostMapping("/cases/new")
	String report(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam String name, @RequestParam String idNumber,
			@RequestParam(required = false) String phone, @RequestParam String regionCode, @RequestParam String fraudType,
			@RequestParam(required = false) String narrative, @RequestParam(required = false) String payerAccount,
			@RequestParam(required = false) String payeeName, @RequestParam(required = false) String payeeAccount,
			@RequestParam(required = false) String payeeBank, @RequestParam(required = false) String amountYuan,
			@RequestParam(required = false) String paidAt, @RequestParam(required = false) String suspectPhone, Model model) {
		List<Intake.Payment> payments = new ArrayList<>();
		try {
			if (payeeAccount != null && !payeeAccount.isBlank()) {
				payments.add(new Intake.Payment(payerAccount, payeeName, payeeAccount.strip(), payeeBank,
						org.fanzha.core.Money.parse(amountYuan).fen(),
						java.time.LocalDateTime.parse(paidAt).atOffset(ZoneOffset.ofHours(8)).toInstant(), null));
			}
			Intake intake = new Intake(new Intake.Victim(name, idNumber, phone, regionCode), fraudType, narrative,
					Instant.now(), payments, new Intake.Suspects(suspectPhone == null || suspectPhone.isBlank() ? List.of()
							: List.of(suspectPhone.strip()), List.of(), List.of(), List.of(), List.of()));
			CaseSummary s = cases.report(me.agencyCode(), me.username(), intake);
			return "redirect:/cases/" + s.caseNumber();
		}
		catch (InvalidFieldsException e) {
			model.addAttribute("errors", e.errors());
		}
		catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
			model.addAttribute("errors", java.util.Map.of("payment", e.getMessage()));
		}
		model.addAttribute("types", FraudType.values());
		return "cases/new";
	}

	@GetMapping("/cases/{caseNumber}")
	String detail(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber, Model model) {
		if (!(me.has(Role.CENTRE_OFFICER) || me.has(Role.PROCURATOR)) && !me.agencyCode().equals(cases.agencyOf(caseNumber))) {
			throw new NotFoundException("No case " + caseNumber);
		}
		model.addAttribute("c", cases.detail(caseNumber, "case page in console"));
		model.addAttribute("zone", ZoneOffset.ofHours(8));
		return "cases/detail";
	}
}
