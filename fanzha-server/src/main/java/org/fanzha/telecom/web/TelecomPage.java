package org.fanzha.telecom.web;

import java.util.List;

import org.fanzha.audit.PersonalData;
import org.fanzha.core.Beijing;
import org.fanzha.core.Operator;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.Labels;
import org.fanzha.telecom.SimControl;
import org.fanzha.telecom.SimIssuance;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console: the operator's measures on SIMs, paged, filtered and searched by phone, each
 * handled on its own page with the appeal workflow (record an appeal, lift when verified,
 * turn it down with a reason), and its latest issuance checks; the centre sees all
 * measures, read-only.
 */
@Controller
class TelecomPage {

	private final SimControl measures;

	private final SimIssuance applications;

	private final Labels labels;

	private final MessageSource messages;

	TelecomPage(SimControl measures, SimIssuance applications, Labels labels, MessageSource messages) {
		this.labels = labels;
		this.messages = messages;
		this.measures = measures;
		this.applications = applications;
	}

	/** Measures a page of the list. */
	static final int PAGE_SIZE = 20;

	/**
	 * The operator's measures (the centre's: all), twenty a page, the urgent first,
	 * filtered by status and searched by phone number (full or part); each row links to
	 * its measure page, where it is handled.
	 */
	@PersonalData(value = "SIM_MEASURE", purpose = "console: telecom page")
	@GetMapping("/telecom")
	String page(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
		fill(me, model, null, q, status, page);
		return "telecom/page";
	}

	/**
	 * One measure: its facts, the appeal channel, the phone's history and, for the
	 * operator, the forms to decide.
	 */
	@PersonalData(value = "SIM_MEASURE", purpose = "console: telecom measure")
	@GetMapping("/telecom/measures/{id}")
	String measure(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id, Model model) {
		boolean officer = me.has(Role.TELECOM_OFFICER);
		Operator op = officer ? SimIssuance.operatorOf(me.agencyCode()) : null;
		SimControl.MeasureView m = measures.get(id, op);
		model.addAttribute("officer", officer);
		model.addAttribute("m", m);
		model.addAttribute("history", measures.history(m, op).stream().filter(h -> h.id() != m.id()).toList());
		model.addAttribute("open", "ACTIVE".equals(m.status()) || "APPEALED".equals(m.status()));
		model.addAttribute("zone", Beijing.ZONE);
		return "telecom/measure";
	}

	@PostMapping("/telecom/measures/{id}/appeal")
	String appeal(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String statement, @RequestParam(required = false) List<String> documents,
			RedirectAttributes flash) {
		return act(id, flash, () -> {
			measures.appeal(id, operator(me), statement, documents);
			return say("telecom.done.appealed");
		});
	}

	@PostMapping("/telecom/measures/{id}/lift")
	String lift(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		return act(id, flash, () -> {
			SimControl.MeasureView m = measures.lift(id, operator(me), me.username(), blankToNull(note));
			return say("telecom.done.lifted", m.phone(), m.measureLabel());
		});
	}

	@PostMapping("/telecom/measures/{id}/turn-down")
	String turnDown(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		return act(id, flash, () -> {
			measures.turnDown(id, operator(me), me.username(), note);
			return say("telecom.done.turnedDown");
		});
	}

	/**
	 * The clerk checks an application from the console (same rules and storage as the
	 * sales channel's API).
	 */
	@PostMapping("/telecom/applications/check")
	String check(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam(required = false) String applicationId,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) String idValidUntil,
			@RequestParam(required = false) String face, @RequestParam(required = false) boolean guardianPresent,
			@RequestParam(required = false) String shippingAddress, @RequestParam(required = false) String agentId,
			@RequestParam(required = false) boolean riskNoticeSigned, Model model) {
		Operator op = operator(me);
		try {
			SimIssuance.Answer answer = applications.check(op, new SimIssuance.CheckRequest(applicationId, op.name(),
					idNumber, idValidUntil, face, guardianPresent, shippingAddress, agentId, riskNoticeSigned, null),
					me.username());
			fill(me, model, null, null, null, 0);
			model.addAttribute("answer", answer);
		}
		catch (InvalidFieldsException e) {
			fill(me, model, labels.explain(e), null, null, 0);
		}
		catch (ConflictException e) {
			fill(me, model, labels.explain(e), null, null, 0);
		}
		return "telecom/page";
	}

	private interface Action {

		String run();

	}

	/** Does it, and goes back to the measure with what happened, or why not, in words. */
	private String act(long id, RedirectAttributes flash, Action action) {
		try {
			flash.addFlashAttribute("notice", action.run());
		}
		catch (InvalidFieldsException | ConflictException e) {
			flash.addFlashAttribute("error", labels.explain(e));
		}
		return "redirect:/telecom/measures/" + id;
	}

	private String say(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static Operator operator(FanzhaPrincipal me) {
		if (!me.has(Role.TELECOM_OFFICER)) {
			throw new AccessDeniedException("measures are decided by the operator");
		}
		return SimIssuance.operatorOf(me.agencyCode());
	}

	private void fill(FanzhaPrincipal me, Model model, String error, String q, String status, int page) {
		boolean officer = me.has(Role.TELECOM_OFFICER);
		Operator op = officer ? SimIssuance.operatorOf(me.agencyCode()) : null;
		String query = q == null ? "" : q.strip();
		String filter = status == null || !SimControl.STATUSES.contains(status.strip()) ? "CURRENT" : status.strip();
		SimControl.Page result;
		try {
			result = measures.search(op, filter, query, page, PAGE_SIZE);
		}
		catch (InvalidFieldsException e) {
			result = new SimControl.Page(List.of(), 0, 1, 0);
			error = error == null ? labels.explain(e) : error;
		}
		model.addAttribute("officer", officer);
		model.addAttribute("operator", op);
		model.addAttribute("q", query);
		model.addAttribute("status", filter);
		model.addAttribute("statuses", SimControl.STATUSES);
		model.addAttribute("result", result);
		model.addAttribute("measures", result.rows());
		model.addAttribute("applications", officer ? applications.latest(op, 30, false) : List.of());
		model.addAttribute("agents", applications.agents(op).stream().limit(20).toList());
		model.addAttribute("error", error);
		model.addAttribute("zone", Beijing.ZONE);
	}

}
