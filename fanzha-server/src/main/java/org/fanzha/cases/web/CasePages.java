package org.fanzha.cases.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.fanzha.audit.PersonalData;
import org.fanzha.cases.CaseDetail;
import org.fanzha.cases.CaseFunds;
import org.fanzha.cases.CaseRegister;
import org.fanzha.cases.CaseSummary;
import org.fanzha.cases.Intake;
import org.fanzha.core.Beijing;
import org.fanzha.core.FraudType;
import org.fanzha.core.Money;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.platform.FormChoices;
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

/**
 * Console: the case list with the 30-minute clocks, the intake form, and a case's page.
 */
@Controller
class CasePages {

	private static final ZoneOffset CST = Beijing.ZONE;

	/** Rows of each repeatable identifier the intake form shows. */
	static final int ROWS = 2;

	static final int PAGE_SIZE = 50;

	private final CaseRegister cases;

	private final ObjectProvider<CaseFunds> funds;

	CasePages(CaseRegister cases, ObjectProvider<CaseFunds> funds) {
		this.cases = cases;
		this.funds = funds;
	}

	/**
	 * Procurators read cases; only the centre and stations take reports and enter
	 * payments. The security configuration refuses the read-only roles first; this keeps
	 * the form off their pages and the refusal where a role holds both.
	 */
	static boolean canEnter(FanzhaPrincipal me) {
		return me.has(Role.CENTRE_OFFICER) || me.has(Role.STATION_OFFICER);
	}

	/**
	 * Fifty cases a page, filtered by clock status, type and report date, searched by
	 * case number or account; htmx asks for the table alone (the {@code rows} fragment)
	 * as the filters change.
	 */
	@PersonalData(value = "CASE_LIST", purpose = "console: case list")
	@GetMapping("/cases")
	String list(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam(required = false) String status,
			@RequestParam(required = false) String type, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		CaseRegister.Status st = parse(CaseRegister.Status.class, status);
		FraudType ft = FraudType.parse(type == null ? "" : type).orElse(null);
		LocalDate f = date(from), t = date(to);
		CaseRegister.Page result = cases.search(
				new CaseRegister.Query(me.has(Role.CENTRE_OFFICER) || me.has(Role.PROCURATOR) ? null : me.agencyCode(),
						st, ft, f == null ? null : f.atStartOfDay(CST).toInstant(),
						t == null ? null : t.plusDays(1).atStartOfDay(CST).toInstant(), q, page, PAGE_SIZE));
		CaseFunds funds = this.funds.getIfAvailable();
		model.addAttribute("cases", result.rows());
		model.addAttribute("result", result);
		model.addAttribute("funds",
				funds == null ? Map.of() : funds.of(result.rows().stream().map(CaseSummary::caseNumber).toList()));
		model.addAttribute("filter", new Filter(st == null ? "" : st.name(), ft == null ? "" : ft.name(),
				f == null ? "" : f.toString(), t == null ? "" : t.toString(), q == null ? "" : q.strip()));
		model.addAttribute("statuses", CaseRegister.Status.values());
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
			return null; // an unknown filter value shows everything rather than an error
							// page
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
		formModel(model, "", List.of(PaymentRow.EMPTY));
		return "cases/new";
	}

	/**
	 * One victim, the payments the victim made (rows of the same fields, added and
	 * removed in place) and the suspects' identifiers: the form for the first minutes;
	 * more payments are added on the case's page or through the API. After an error
	 * everything typed is shown again, every payment row included.
	 */
	@PostMapping("/cases/new")
	String report(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam String name, @RequestParam String idNumber,
			@RequestParam(required = false) String phone, @RequestParam String regionCode,
			@RequestParam String fraudType, @RequestParam(required = false) String narrative,
			@RequestParam(required = false) String suspectPhone, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!canEnter(me)) {
			return forbidden(response, model);
		}
		List<PaymentRow> rows = PaymentRow.of(form);
		Payments payments = Payments.parse(rows);
		try {
			Intake.Suspects suspects = new Intake.Suspects(
					suspectPhone == null || suspectPhone.isBlank() ? List.of() : List.of(suspectPhone.strip()),
					List.of(), lines(form.getFirst("urls")), lines(form.getFirst("apps")), List.of(),
					rows(form, "chatPlatform", "chatGroup", Intake.ChatGroup::new),
					rows(form, "imPlatform", "imAccount", Intake.ImAccount::new),
					rows(form, "fundInstitution", "fundAccount", Intake.FundAccount::new),
					rows(form, "cashOutKind", "cashOutPoint", Intake.CashOutPoint::new));
			Intake intake = new Intake(new Intake.Victim(name, idNumber, phone, regionCode), fraudType, narrative,
					Instant.now(), payments.payments(), suspects);
			CaseSummary s = cases.report(me.agencyCode(), me.username(), intake);
			redirect.addFlashAttribute("created", s);
			return "redirect:/cases/" + s.caseNumber();
		}
		catch (InvalidFieldsException e) {
			model.addAttribute("errors", payments.errors(e.errors()));
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			model.addAttribute("errors", Map.of("payment", e.getMessage()));
		}
		formModel(model, regionCode, rows);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return "cases/new";
	}

	@GetMapping("/cases/{caseNumber}")
	String detail(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber, Model model) {
		visible(me, caseNumber);
		CaseDetail c = cases.detail(caseNumber, "case page in console");
		model.addAttribute("c", c);
		model.addAttribute("regionName", FormChoices.regionName(c.victim().regionCode()));
		model.addAttribute("zone", CST);
		model.addAttribute("canAddPayment", canEnter(me));
		model.addAttribute("banks", FormChoices.BANKS);
		model.addAttribute("bankCodes", FormChoices.BANK_CODES);
		return "cases/detail";
	}

	/**
	 * A first-level payment the victim's bank records show after intake: the same service
	 * as the API.
	 */
	@PostMapping("/cases/{caseNumber}/payments")
	String addPayment(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!canEnter(me)) {
			return forbidden(response, model);
		}
		visible(me, caseNumber);
		Payments payments = Payments.parse(PaymentRow.of(form));
		try {
			if (payments.payments().isEmpty()) {
				throw new InvalidFieldsException(Map.of("payments[0].payeeAccount", "is required"));
			}
			cases.addPayments(caseNumber, payments.payments());
			redirect.addFlashAttribute("paymentAdded", true);
			return "redirect:/cases/" + caseNumber;
		}
		catch (InvalidFieldsException e) {
			model.addAttribute("paymentErrors", payments.errors(e.errors()));
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			model.addAttribute("paymentErrors", Map.of("payment", e.getMessage()));
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return detail(me, caseNumber, model);
	}

	private void visible(FanzhaPrincipal me, String caseNumber) {
		if (!(me.has(Role.CENTRE_OFFICER) || me.has(Role.PROCURATOR))
				&& !me.agencyCode().equals(cases.agencyOf(caseNumber))) {
			throw new NotFoundException("No case " + caseNumber);
		}
	}

	private static String forbidden(HttpServletResponse response, Model model) {
		// a page, not the API's problem detail: the console's Chinese 403, saying why
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("reason", "cases.readOnly");
		return "error/403";
	}

	/**
	 * The intake form's choices and what it shows again: the region picker's city and
	 * county (a code outside the picker's list stays as its own option), and the payment
	 * rows as typed.
	 */
	private static void formModel(Model model, String regionCode, List<PaymentRow> payments) {
		model.addAttribute("types", FraudType.values());
		model.addAttribute("imPlatforms", CaseRegister.IM_PLATFORMS);
		model.addAttribute("cashOutKinds", CaseRegister.CASH_OUT_KINDS);
		model.addAttribute("rows", ROWS);
		model.addAttribute("region", regionCode == null ? "" : regionCode.strip());
		model.addAttribute("banks", FormChoices.BANKS);
		model.addAttribute("bankCodes", FormChoices.BANK_CODES);
		model.addAttribute("payments", payments.isEmpty() ? List.of(PaymentRow.EMPTY) : payments);
	}

	/**
	 * One payment row of a form as typed, every field a string; the bank is a choice, so
	 * it alone does not count.
	 */
	record PaymentRow(String payerAccount, String payeeName, String payeeAccount, String payeeBank, String amountYuan,
			String paidAt, String transferId) {

		static final PaymentRow EMPTY = new PaymentRow("", "", "", "", "", "", "");

		/**
		 * The repeated payment fields of a form, row by row (each row sends every field,
		 * so they line up).
		 */
		static List<PaymentRow> of(MultiValueMap<String, String> form) {
			String[] fields = { "payerAccount", "payeeName", "payeeAccount", "payeeBank", "amountYuan", "paidAt",
					"transferId" };
			int n = 0;
			for (String f : fields) {
				n = Math.max(n, form.getOrDefault(f, List.of()).size());
			}
			List<PaymentRow> rows = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				String[] v = new String[fields.length];
				for (int j = 0; j < fields.length; j++) {
					List<String> values = form.getOrDefault(fields[j], List.of());
					v[j] = i < values.size() && values.get(i) != null ? values.get(i) : "";
				}
				rows.add(new PaymentRow(v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
			}
			return rows;
		}

		boolean blank() {
			return payerAccount.isBlank() && payeeName.isBlank() && payeeAccount.isBlank() && amountYuan.isBlank()
					&& paidAt.isBlank() && transferId.isBlank();
		}
	}

	/**
	 * The rows that were filled in, as the service's payments; amounts and times that do
	 * not parse are left empty and reported with the service's own errors, by the row the
	 * officer sees (blank rows are skipped, not numbered).
	 */
	record Payments(List<Intake.Payment> payments, List<Integer> rowOf, Map<String, String> parseErrors) {

		static Payments parse(List<PaymentRow> rows) {
			List<Intake.Payment> payments = new ArrayList<>();
			List<Integer> rowOf = new ArrayList<>();
			Map<String, String> errors = new LinkedHashMap<>();
			for (int i = 0; i < rows.size(); i++) {
				PaymentRow r = rows.get(i);
				if (r.blank()) {
					continue;
				}
				String at = "payments[" + payments.size() + "].";
				Long fen = null;
				if (r.amountYuan().isBlank()) {
					errors.put(at + "amountFen", "is required");
				}
				else {
					try {
						fen = Money.parse(r.amountYuan()).fen();
					}
					catch (IllegalArgumentException e) {
						errors.put(at + "amountFen", e.getMessage());
					}
				}
				Instant paidAt = null;
				if (r.paidAt().isBlank()) {
					errors.put(at + "paidAt", "is required");
				}
				else {
					try {
						paidAt = LocalDateTime.parse(r.paidAt().strip()).atOffset(CST).toInstant();
					}
					catch (DateTimeParseException e) {
						errors.put(at + "paidAt", "must be a date and time like 2026-01-31T14:05");
					}
				}
				payments.add(new Intake.Payment(blankToNull(r.payerAccount()), blankToNull(r.payeeName()),
						blankToNull(r.payeeAccount()), blankToNull(r.payeeBank()), fen, paidAt,
						blankToNull(r.transferId())));
				rowOf.add(i);
			}
			return new Payments(List.copyOf(payments), List.copyOf(rowOf), errors);
		}

		/**
		 * The service's errors with the parse errors, payment indexes turned into the
		 * rows of the form.
		 */
		Map<String, String> errors(Map<String, String> service) {
			Map<String, String> all = new LinkedHashMap<>(service);
			all.putAll(parseErrors);
			Map<String, String> out = new LinkedHashMap<>();
			all.forEach((key, message) -> {
				Matcher m = PAYMENT_INDEX.matcher(key);
				if (m.find() && Integer.parseInt(m.group(1)) < rowOf.size()) {
					key = "payments[" + rowOf.get(Integer.parseInt(m.group(1))) + "]" + key.substring(m.end());
				}
				out.put(key, message);
			});
			return out;
		}
	}

	private static final Pattern PAYMENT_INDEX = Pattern.compile("^payments\\[(\\d+)\\]");

	/** A textarea, one identifier per line. */
	private static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	/**
	 * Repeated (qualifier, value) rows of the form; rows with an empty value are left
	 * out.
	 */
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
