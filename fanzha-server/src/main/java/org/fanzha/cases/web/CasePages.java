package org.fanzha.cases.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletResponse;

import org.fanzha.audit.PersonalData;
import org.fanzha.cases.CaseFunds;
import org.fanzha.cases.CaseSummary;
import org.fanzha.cases.Cases;
import org.fanzha.cases.Intake;
import org.fanzha.core.FraudType;
import org.fanzha.core.Money;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console: the case list with the 30-minute clocks, the intake form, and a case's page. */
@Controller
class CasePages {

	private static final ZoneOffset CST = ZoneOffset.ofHours(8);

	/** Rows of each repeatable identifier the intake form shows. */
	static final int ROWS = 2;

	static final int PAGE_SIZE = 50;

	private final Cases cases;

	private final ObjectProvider<CaseFunds> funds;

	CasePages(Cases cases, ObjectProvider<CaseFunds> funds) {
		this.cases = cases;
		this.funds = funds;
	}

	/**
	 * Procurators read cases; only the centre and stations take reports and enter payments. The security configuration
	 * refuses the read-only roles first; this keeps the form off their pages and the refusal where a role holds both.
	 */
	static boolean canEnter(FanzhaPrincipal me) {
		return me.has(Role.CENTRE_OFFICER) || me.has(Role.STATION_OFFICER);
	}

	/**
	 * Fifty cases a page, filtered by clock status, type and report date, searched by case number or account; htmx
	 * asks for the table alone (the {@code rows} fragment) as the filters change.
	 */
	@PersonalData(value = "CASE_LIST", purpose = "console: case list")
	@GetMapping("/cases")
	String list(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam(required = false) String status,
			@RequestParam(required = false) String type, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model) {
		Cases.Status st = parse(Cases.Status.class, status);
		FraudType ft = FraudType.parse(type == null ? "" : type).orElse(null);
		LocalDate f = date(from), t = date(to);
		Cases.Page result = cases.search(new Cases.Query(
				me.has(Role.CENTRE_OFFICER) || me.has(Role.PROCURATOR) ? null : me.agencyCode(), st, ft,
				f == null ? null : f.atStartOfDay(CST).toInstant(), t == null ? null : t.plusDays(1).atStartOfDay(CST).toInstant(),
				q, page, PAGE_SIZE));
		CaseFunds funds = this.funds.getIfAvailable();
		model.addAttribute("cases", result.rows());
		model.addAttribute("result", result);
		model.addAttribute("funds", funds == null ? Map.of()
				: funds.of(result.rows().stream().map(CaseSummary::caseNumber).toList()));
		model.addAttribute("filter", new Filter(st == null ? "" : st.name(), ft == null ? "" : ft.name(),
				f == null ? "" : f.toString(), t == null ? "" : t.toString(), q == null ? "" : q.strip()));
		model.addAttribute("statuses", Cases.Status.values());
		model.addAttribute("types", FraudType.values());
		model.addAttribute("zone", CST);
		model.addAttribute("canReport", canEnter(me));
		return htmx != null ? "cases/list :: rows" : "cases/list";
	}

	/** The filter as typed, for the form and the page links. */
	record Filter(String status, String type, String from, String to, String q) {
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		try {
			return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			return null; // an unknown filter value shows everything rather than an error page
		}
	}

	private static LocalDate date(String value) {
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	@GetMapping("/cases/new")
	String form(@AuthenticationPrincipal FanzhaPrincipal me, Model model, HttpServletResponse response) {
		if (!canEnter(me)) {
			return forbidden(response, model);
		}
		formModel(model);
		return "cases/new";
	}

	/**
	 * One victim, one payment and the suspects' identifiers: the form for the first minutes; more payments are added
	 * on the case's page or through the API. After an error everything typed is shown again.
	 */
	@PostMapping("/cases/new")
	String report(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam String name, @RequestParam String idNumber,
			@RequestParam(required = false) String phone, @RequestParam String regionCode, @RequestParam String fraudType,
			@RequestParam(required = false) String narrative, @RequestParam(required = false) String suspectPhone,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!canEnter(me)) {
			return forbidden(response, model);
		}
		try {
			List<Intake.Payment> payments = payment(form);
			Intake.Suspects suspects = new Intake.Suspects(
					suspectPhone == null || suspectPhone.isBlank() ? List.of() : List.of(suspectPhone.strip()), List.of(),
					lines(form.getFirst("urls")), lines(form.getFirst("apps")), List.of(),
					rows(form, "chatPlatform", "chatGroup", Intake.ChatGroup::new),
					rows(form, "imPlatform", "imAccount", Intake.ImAccount::new),
					rows(form, "fundInstitution", "fundAccount", Intake.FundAccount::new),
					rows(form, "cashOutKind", "cashOutPoint", Intake.CashOutPoint::new));
			Intake intake = new Intake(new Intake.Victim(name, idNumber, phone, regionCode), fraudType, narrative,
					Instant.now(), payments, suspects);
			CaseSummary s = cases.report(me.agencyCode(), me.username(), intake);
			redirect.addFlashAttribute("created", s);
			return "redirect:/cases/" + s.caseNumber();
		}
		catch (InvalidFieldsException e) {
			model.addAttribute("errors", e.errors());
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			model.addAttribute("errors", Map.of("payment", e.getMessage()));
		}
		formModel(model);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return "cases/new";
	}

	@GetMapping("/cases/{caseNumber}")
	String detail(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber, Model model) {
		visible(me, caseNumber);
		model.addAttribute("c", cases.detail(caseNumber, "case page in console"));
		model.addAttribute("zone", CST);
		model.addAttribute("canAddPayment", canEnter(me));
		return "cases/detail";
	}

	/** A first-level payment the victim's bank records show after intake: the same service as the API. */
	@PostMapping("/cases/{caseNumber}/payments")
	String addPayment(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!canEnter(me)) {
			return forbidden(response, model);
		}
		visible(me, caseNumber);
		try {
			List<Intake.Payment> payments = payment(form);
			if (payments.isEmpty()) {
				throw new InvalidFieldsException(Map.of("payments[0].payeeAccount", "is required"));
			}
			cases.addPayments(caseNumber, payments);
			redirect.addFlashAttribute("paymentAdded", true);
			return "redirect:/cases/" + caseNumber;
		}
		catch (InvalidFieldsException e) {
			model.addAttribute("paymentErrors", e.errors());
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			model.addAttribute("paymentErrors", Map.of("payment", e.getMessage()));
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return detail(me, caseNumber, model);
	}

	private void visible(FanzhaPrincipal me, String caseNumber) {
		if (!(me.has(Role.CENTRE_OFFICER) || me.has(Role.PROCURATOR)) && !me.agencyCode().equals(cases.agencyOf(caseNumber))) {
			throw new NotFoundException("No case " + caseNumber);
		}
	}

	private static String forbidden(HttpServletResponse response, Model model) {
		// a page, not the API's problem detail: the console's Chinese 403, saying why
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("reason", "cases.readOnly");
		return "error/403";
	}

	private static void formModel(Model model) {
		model.addAttribute("types", FraudType.values());
		model.addAttribute("imPlatforms", Cases.IM_PLATFORMS);
		model.addAttribute("cashOutKinds", Cases.CASH_OUT_KINDS);
		model.addAttribute("rows", ROWS);
	}

	/** The payment fields of a form, or none when no payee account was typed. */
	private static List<Intake.Payment> payment(MultiValueMap<String, String> form) {
		String payeeAccount = form.getFirst("payeeAccount");
		if (payeeAccount == null || payeeAccount.isBlank()) {
			return List.of();
		}
		String amount = form.getFirst("amountYuan");
		String paidAt = form.getFirst("paidAt");
		if (amount == null || amount.isBlank() || paidAt == null || paidAt.isBlank()) {
			throw new InvalidFieldsException(Map.of(amount == null || amount.isBlank() ? "payments[0].amountFen"
					: "payments[0].paidAt", "is required"));
		}
		return List.of(new Intake.Payment(form.getFirst("payerAccount"), form.getFirst("payeeName"), payeeAccount.strip(),
				form.getFirst("payeeBank"), Money.parse(amount).fen(), LocalDateTime.parse(paidAt).atOffset(CST).toInstant(),
				blankToNull(form.getFirst("transferId"))));
	}

	/** A textarea, one identifier per line. */
	private static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	/** Repeated (qualifier, value) rows of the form; rows with an empty value are left out. */
	private static <T> List<T> rows(MultiValueMap<String, String> form, String qualifier, String value,
			BiFunction<String, String, T> make) {
		List<String> qs = form.getOrDefault(qualifier, List.of());
		List<String> vs = form.getOrDefault(value, List.of());
		List<T> out = new ArrayList<>();
		for (int i = 0; i < vs.size(); i++) {
			if (vs.get(i) != null && !vs.get(i).isBlank()) {
				out.add(make.apply(i < qs.size() ? qs.get(i) : null, vs.get(i).strip()));
			}
		}
		return out;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
