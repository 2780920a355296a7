package org.fanzha.telecom.web;

import java.time.ZoneOffset;
import java.util.List;

import org.fanzha.audit.PersonalData;
import org.fanzha.core.Operator;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.Labels;
import org.fanzha.telecom.Applications;
import org.fanzha.telecom.SimMeasures;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console: the operator's measures on SIMs with the appeal workflow (record an appeal, lift when verified, turn it
 * down with a reason) and its latest issuance checks; the centre sees all measures, read-only.
 */
@Controller
class TelecomPage {

	private final SimMeasures measures;

	private final Applications applications;

	private final Labels labels;

	TelecomPage(SimMeasures measures, Applications applications, Labels labels) {
		this.labels = labels;
		this.measures = measures;
		this.applications = applications;
	}

	@PersonalData(value = "SIM_MEASURE", purpose = "console: telecom page")
	@GetMapping("/telecom")
	String page(@AuthenticationPrincipal FanzhaPrincipal me, Model model) {
		fill(me, model, null);
		return "telecom/page";
	}

	@PostMapping("/telecom/measures/{id}/appeal")
	String appeal(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id, @RequestParam String statement,
			@RequestParam(required = false) List<String> documents, Model model) {
		return act(me, model, () -> measures.appeal(id, operator(me), statement, documents));
	}

	@PostMapping("/telecom/measures/{id}/lift")
	String lift(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String note, Model model) {
		return act(me, model, () -> measures.lift(id, operator(me), me.username(), note));
	}

	@PostMapping("/telecom/measures/{id}/turn-down")
	String turnDown(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id, @RequestParam String note,
			Model model) {
		return act(me, model, () -> measures.turnDown(id, operator(me), me.username(), note));
	}

	/** The clerk checks an application from the console (same rules and storage as the sales channel's API). */
	@PostMapping("/telecom/applications/check")
	String check(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam(required = false) String applicationId,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) String idValidUntil,
			@RequestParam(required = false) String face, @RequestParam(required = false) boolean guardianPresent,
			@RequestParam(required = false) String shippingAddress, @RequestParam(required = false) String agentId,
			@RequestParam(required = false) boolean riskNoticeSigned, Model model) {
		Operator op = operator(me);
		try {
			Applications.Answer answer = applications.check(op, new Applications.CheckRequest(applicationId, op.name(),
					idNumber, idValidUntil, face, guardianPresent, shippingAddress, agentId, riskNoticeSigned, null),
					me.username());
			fill(me, model, null);
			model.addAttribute("answer", answer);
		}
		catch (InvalidFieldsException e) {
			fill(me, model, labels.explain(e));
		}
		catch (ConflictException e) {
			fill(me, model, labels.explain(e));
		}
		return "telecom/page";
	}

	private String act(FanzhaPrincipal me, Model model, Runnable action) {
		try {
			action.run();
		}
		catch (InvalidFieldsException e) {
			fill(me, model, labels.explain(e));
			return "telecom/page";
		}
		catch (ConflictException e) {
			fill(me, model, labels.explain(e));
			return "telecom/page";
		}
		return "redirect:/telecom";
	}

	private static Operator operator(FanzhaPrincipal me) {
		if (!me.has(Role.TELECOM_OFFICER)) {
			throw new AccessDeniedException("measures are decided by the operator");
		}
		return Applications.operatorOf(me.agencyCode());
	}

	private void fill(FanzhaPrincipal me, Model model, String error) {
		boolean officer = me.has(Role.TELECOM_OFFICER);
		Operator op = officer ? Applications.operatorOf(me.agencyCode()) : null;
		model.addAttribute("officer", officer);
		model.addAttribute("operator", op);
		model.addAttribute("measures", measures.list(op, false, 100));
		model.addAttribute("applications", officer ? applications.latest(op, 30, false) : List.of());
		model.addAttribute("agents", applications.agents(op).stream().limit(20).toList());
		model.addAttribute("error", error);
		model.addAttribute("zone", ZoneOffset.ofHours(8));
	}
}
