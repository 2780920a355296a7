package org.fanzha.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.fanzha.audit.AuditTrail;
import org.fanzha.core.BankCardNumber;
import org.fanzha.core.Beijing;
import org.fanzha.core.FraudType;
import org.fanzha.core.IdNumber;
import org.fanzha.core.Masking;
import org.fanzha.core.PhoneNumber;
import org.fanzha.core.RegionCode;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake and the case list. Every field is checked before anything is written
 * (field-level errors, all at once); the report, its payments and suspects are stored in
 * one transaction with its audit entry and the {@link CaseReported} event (kept in the
 * event publication registry until fund tracing has handled it).
 *
 * <p>
 * The 30-minute clock (MPS practice, secondary; DOMAIN §3): the first-level accounts —
 * the payees of the victim's payments — must be entered within 30 minutes of the report.
 * A case whose payments came later, or have not come and whose deadline passed, is
 * overdue.
 */
@Service
public class CaseRegister {

	public static final Duration FIRST_LEVEL_DEADLINE = Duration.ofMinutes(30);

	private static final Pattern INSTITUTION = Pattern.compile("[A-Z0-9]{2,16}");

	private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9:-]{1,40}");

	private static final Pattern FOREIGN_PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

	/**
	 * IM platforms intake names chat groups and accounts on, most used first (the console
	 * offers them in this order).
	 */
	public static final List<String> IM_PLATFORMS = List.of("WECHAT", "QQ", "TELEGRAM", "WHATSAPP", "DINGTALK",
			"OTHER");

	/**
	 * Kinds of cash-out point: ATM site, colluding POS merchant, gold or crypto (OTC)
	 * merchant, courier address.
	 */
	public static final List<String> CASH_OUT_KINDS = List.of("ATM", "POS_MERCHANT", "GOLD_CRYPTO_MERCHANT",
			"COURIER_ADDRESS");

	/**
	 * Third-party payment institutions: their account numbers carry no Luhn check digit.
	 */
	static final Set<String> PAYMENT_INSTITUTIONS = Set.of("ALIPAY", "WECHATPAY", "TENPAY", "JDPAY", "UNIONPAY",
			"DOUYINPAY", "LAKALA");

	/**
	 * A website or domain, with or without scheme and path; letters of any script for
	 * internationalised domains.
	 */
	private static final Pattern WEBSITE = Pattern.compile(
			"(?i)(https?://)?([\\p{L}0-9]([\\p{L}0-9-]*[\\p{L}0-9])?\\.)+[\\p{L}0-9-]{2,63}(:[0-9]{1,5})?([/?#]\\S*)?");

	/** An IM account or group number: no spaces or control characters. */
	private static final Pattern IM_ID = Pattern.compile("[^\\s\\p{Cntrl}]{1,64}");

	private static final ZoneOffset CST = Beijing.ZONE;

	private final CaseReports reports;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CaseRegister(CaseReports reports, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.reports = reports;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Takes a report in; returns its summary with the case number and the first-level
	 * deadline.
	 */
	@Transactional
	public CaseSummary report(String agencyCode, String officer, Intake in) {
		return report(agencyCode, officer, in, null);
	}

	/**
	 * As {@link #report(String, String, Intake)}, with the time the desk entered it when
	 * that was earlier than now (a report replayed from the simulated province was
	 * entered at its own report time).
	 */
	@Transactional
	public CaseSummary report(String agencyCode, String officer, Intake in, Instant enteredAt) {
		Instant now = clock.instant();
		Map<String, String> errors = new LinkedHashMap<>();
		if (in == null || in.victim() == null) {
			throw new InvalidFieldsException(Map.of("victim", "is required"));
		}
		Instant reportedAt = in.reportedAt() == null ? now : in.reportedAt();
		checkVictim(in.victim(), now, errors);
		if (FraudType.parse(in.fraudType()).isEmpty()) {
			errors.put("fraudType", "must be one of " + List.of(FraudType.values()));
		}
		if (in.narrative() != null && in.narrative().length() > 4_000) {
			errors.put("narrative", "must be at most 4,000 characters");
		}
		if (reportedAt.isAfter(now.plusSeconds(60))) {
			errors.put("reportedAt", "must not be in the future");
		}
		List<Intake.Payment> payments = in.payments() == null ? List.of() : in.payments();
		checkPayments(payments, reportedAt, now, errors);
		checkSuspects(in.suspects(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		long loss = payments.stream().mapToLong(Intake.Payment::amountFen).sum();
		Instant deadline = reportedAt.plus(FIRST_LEVEL_DEADLINE);
		Instant entered = enteredAt != null && !enteredAt.isAfter(now) ? enteredAt : now;
		long id = reports.insert(agencyCode, in, reportedAt, entered, deadline, payments.isEmpty() ? null : entered,
				loss, officer);
		String number = agencyCode + "-" + LocalDate.ofInstant(reportedAt, CST).getYear() + "-"
				+ String.format("%06d", id);
		reports.setNumber(id, number);
		for (Intake.Payment p : payments) {
			reports.addPayment(id, p, entered);
		}
		Intake.Suspects s = in.suspects();
		if (s != null) {
			add(id, "PHONE", s.phones());
			add(id, "ACCOUNT", s.accounts());
			add(id, "URL", s.urls());
			add(id, "APP", s.apps());
			add(id, "IM", s.imAccounts());
			for (Intake.ChatGroup g : s.chatGroups()) {
				reports.addSuspect(id, "CHAT_GROUP", g.groupId().strip(), g.platform().strip());
			}
			for (Intake.ImAccount a : s.imContacts()) {
				reports.addSuspect(id, "IM", a.account().strip(), a.platform().strip());
			}
			for (Intake.FundAccount a : s.fundAccounts()) {
				reports.addSuspect(id, "ACCOUNT", a.account().replace(" ", ""), a.institution().strip());
			}
			for (Intake.CashOutPoint p : s.cashOutPoints()) {
				reports.addSuspect(id, "CASH_OUT", p.identifier().strip(), p.kind().strip());
			}
		}
		audit.changed("VICTIM", IdNumber.parse(in.victim().idNumber()).masked(), number, "case intake");
		if (!payments.isEmpty()) {
			events.publishEvent(event(number, agencyCode, reportedAt, loss, payments));
		}
		if (s != null && s.phones() != null && !s.phones().isEmpty()) {
			events.publishEvent(new SuspectPhonesReported(number, reportedAt,
					s.phones().stream().map(String::strip).toList(), in.fraudType()));
		}
		return reports.summary(number, now).orElseThrow();
	}

	/**
	 * First-level accounts entered after the intake (the clock stops at the first);
	 * audited as a change to the case.
	 */
	@Transactional
	public CaseSummary addPayments(String caseNumber, List<Intake.Payment> payments) {
		Instant now = clock.instant();
		long id = reports.idOf(caseNumber).orElseThrow(() -> new NotFoundException("No case " + caseNumber));
		CaseSummary before = reports.summary(caseNumber, now).orElseThrow();
		Map<String, String> errors = new LinkedHashMap<>();
		if (payments == null || payments.isEmpty()) {
			errors.put("payments", "at least one payment is required");
		}
		else {
			checkPayments(payments, before.reportedAt(), now, errors);
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		long added = 0;
		for (Intake.Payment p : payments) {
			reports.addPayment(id, p, now);
			added += p.amountFen();
		}
		reports.markEntered(id, now, added);
		// who entered which first-level accounts, as intake audits the report itself
		audit.changed("PAYEE_ACCOUNT",
				String.join(",", payments.stream().map(p -> Masking.mask(p.payeeAccount(), 4, 4)).toList()), caseNumber,
				"first-level payments added");
		CaseSummary after = reports.summary(caseNumber, now).orElseThrow();
		events.publishEvent(event(caseNumber, after.agencyCode(), after.reportedAt(), added, payments));
		return after;
	}

	@Transactional(readOnly = true)
	public List<CaseSummary> list(String agencyOrNull, int limit) {
		if (limit < 1 || limit > 500) {
			throw new IllegalArgumentException("limit must be between 1 and 500, got " + limit);
		}
		return reports.list(agencyOrNull, limit, clock.instant());
	}

	/**
	 * Where a case's 30-minute clock stands. LAPSED: no payments and the deadline passed
	 * (OVERDUE also counts payments entered late); WAITING: RUNNING and LAPSED, the
	 * intake queue.
	 */
	public enum Status {

		RUNNING, OVERDUE, LAPSED, ENTERED, WAITING

	}

	/**
	 * A filter of the case list: every field may be null.
	 *
	 * @param text a case number or part of one, or an account (payer, payee or suspect)
	 * @param to exclusive
	 */
	public record Query(String agencyOrNull, Status status, FraudType fraudType, Instant from, Instant to, String text,
			int page, int size) {

		public Query {
			text = text == null || text.isBlank() ? null : text.strip();
			page = Math.max(0, page);
			if (size < 1 || size > 500) {
				throw new IllegalArgumentException("size must be between 1 and 500, got " + size);
			}
		}
	}

	/** One page of cases and how many match. */
	public record Page(List<CaseSummary> rows, int page, int size, long total) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	@Transactional(readOnly = true)
	public Page search(Query query) {
		return reports.search(query, clock.instant());
	}

	/** The agency that took the case in. */
	@Transactional(readOnly = true)
	public String agencyOf(String caseNumber) {
		return reports.summary(caseNumber, clock.instant())
			.map(CaseSummary::agencyCode)
			.orElseThrow(() -> new NotFoundException("No case " + caseNumber));
	}

	/** The full case with the victim's identity: the read is audited for this case. */
	@Transactional
	public CaseDetail detail(String caseNumber, String purpose) {
		CaseDetail d = reports.detail(caseNumber, clock.instant())
			.orElseThrow(() -> new NotFoundException("No case " + caseNumber));
		audit.read("VICTIM", IdNumber.parse(d.victim().idNumber()).masked(), caseNumber, purpose);
		return d;
	}

	private void add(long id, String kind, List<String> values) {
		if (values != null) {
			for (String v : values) {
				reports.addSuspect(id, kind, v.strip(), null);
			}
		}
	}

	private static CaseReported event(String number, String agency, Instant reportedAt, long loss,
			List<Intake.Payment> payments) {
		List<CaseReported.Payment> ps = new ArrayList<>();
		for (Intake.Payment p : payments) {
			ps.add(new CaseReported.Payment(p.payerAccount(), p.payeeName(), p.payeeAccount(), p.payeeBank(),
					p.amountFen(), p.paidAt(), p.transferId()));
		}
		return new CaseReported(number, agency, reportedAt, loss, List.copyOf(ps));
	}

	private static void checkVictim(Intake.Victim v, Instant now, Map<String, String> errors) {
		if (v.name() == null || v.name().isBlank() || v.name().length() > 100) {
			errors.put("victim.name", "must be 1-100 characters");
		}
		try {
			IdNumber.parse(v.idNumber() == null ? "" : v.idNumber(), LocalDate.ofInstant(now, CST));
		}
		catch (IllegalArgumentException e) {
			errors.put("victim.idNumber", e.getMessage());
		}
		if (v.phone() != null && !v.phone().isBlank()) {
			try {
				PhoneNumber.parse(v.phone());
			}
			catch (IllegalArgumentException e) {
				errors.put("victim.phone", e.getMessage());
			}
		}
		try {
			RegionCode.of(v.regionCode());
		}
		catch (IllegalArgumentException | NullPointerException e) {
			errors.put("victim.regionCode", e.getMessage() == null ? "is required" : e.getMessage());
		}
	}

	private static void checkPayments(List<Intake.Payment> payments, Instant reportedAt, Instant now,
			Map<String, String> errors) {
		if (payments.size() > 200) {
			errors.put("payments", "at most 200 payments per request");
			return;
		}
		for (int i = 0; i < payments.size(); i++) {
			Intake.Payment p = payments.get(i);
			String at = "payments[" + i + "].";
			if (p == null) {
				errors.put("payments[" + i + "]", "is empty");
				continue;
			}
			account(p.payerAccount(), at + "payerAccount", errors);
			account(p.payeeAccount(), at + "payeeAccount", errors);
			if (p.payeeName() == null || p.payeeName().isBlank() || p.payeeName().length() > 100) {
				errors.put(at + "payeeName", "must be 1-100 characters (the bank checks the name)");
			}
			if (p.payeeBank() == null || !INSTITUTION.matcher(p.payeeBank()).matches()) {
				errors.put(at + "payeeBank", "must be an institution code such as ICBC or ALIPAY");
			}
			if (p.amountFen() == null || p.amountFen() <= 0 || p.amountFen() > 100_000_000_000L) {
				errors.put(at + "amountFen", "must be > 0 fen (and at most ¥1,000,000,000)");
			}
			if (p.paidAt() == null) {
				errors.put(at + "paidAt", "is required (the bank checks the transaction time)");
			}
			else if (p.paidAt().isAfter(now.plusSeconds(60)) || p.paidAt().isAfter(reportedAt.plusSeconds(60))) {
				errors.put(at + "paidAt", "must not be after the report or in the future");
			}
			if (p.transferId() != null && p.transferId().length() > 40) {
				errors.put(at + "transferId", "must be at most 40 characters");
			}
		}
	}

	/**
	 * Card numbers (12-19 digits) must pass Luhn; other accounts (payment institutions)
	 * letters and digits.
	 */
	private static void account(String value, String field, Map<String, String> errors) {
		if (value == null || !ACCOUNT.matcher(value.replace(" ", "")).matches()) {
			errors.put(field, "must be 1-40 letters, digits, ':' or '-'");
			return;
		}
		String compact = value.replace(" ", "");
		if (compact.chars().allMatch(Character::isDigit) && compact.length() >= 12 && compact.length() <= 19
				&& !BankCardNumber.isValid(compact)) {
			errors.put(field, "card number " + compact + " fails the Luhn check");
		}
	}

	private static void checkSuspects(Intake.Suspects s, Map<String, String> errors) {
		if (s == null) {
			return;
		}
		check(s.phones(), "suspects.phones", 100, v -> {
			if (!FOREIGN_PHONE.matcher(v).matches()) {
				PhoneNumber.parse(v);
			}
		}, errors);
		check(s.accounts(), "suspects.accounts", 100, v -> {
			if (!ACCOUNT.matcher(v).matches()) {
				throw new IllegalArgumentException("must be 1-40 letters, digits, ':' or '-'");
			}
		}, errors);
		check(s.urls(), "suspects.urls", 200, v -> {
			if (!WEBSITE.matcher(v).matches()) {
				throw new IllegalArgumentException(
						"must be a website or domain such as xinhui88.top or https://xinhui88.top/login");
			}
		}, errors);
		check(s.apps(), "suspects.apps", 100, v -> {
		}, errors);
		check(s.imAccounts(), "suspects.imAccounts", 100, v -> {
		}, errors);
		checkPairs(s.chatGroups(), "suspects.chatGroups", errors, (g, at) -> {
			platform(g.platform(), at + "platform", errors);
			if (g.groupId() == null || g.groupId().isBlank() || g.groupId().strip().length() > 100
					|| g.groupId().chars().anyMatch(Character::isISOControl)) {
				errors.put(at + "groupId", "must be 1-100 characters (the group's number or name)");
			}
		});
		checkPairs(s.imContacts(), "suspects.imContacts", errors, (a, at) -> {
			platform(a.platform(), at + "platform", errors);
			if (a.account() == null || !IM_ID.matcher(a.account().strip()).matches()) {
				errors.put(at + "account", "must be 1-64 characters without spaces");
			}
		});
		checkPairs(s.fundAccounts(), "suspects.fundAccounts", errors, (a, at) -> {
			if (a.institution() == null || !INSTITUTION.matcher(a.institution().strip()).matches()) {
				errors.put(at + "institution", "must be an institution code such as ICBC, ALIPAY or WECHATPAY");
			}
			if (a.institution() != null && PAYMENT_INSTITUTIONS.contains(a.institution().strip())) {
				// a payment institution's account number (Alipay's 2088…) is no card: no
				// Luhn digit
				if (a.account() == null || !ACCOUNT.matcher(a.account().replace(" ", "")).matches()) {
					errors.put(at + "account", "must be 1-40 letters, digits, ':' or '-'");
				}
			}
			else {
				account(a.account(), at + "account", errors);
			}
		});
		checkPairs(s.cashOutPoints(), "suspects.cashOutPoints", errors, (p, at) -> {
			if (p.kind() == null || !CASH_OUT_KINDS.contains(p.kind().strip())) {
				errors.put(at + "kind", "must be one of " + CASH_OUT_KINDS);
			}
			if (p.identifier() == null || p.identifier().isBlank() || p.identifier().strip().length() > 200) {
				errors.put(at + "identifier", "must be 1-200 characters (terminal number, merchant or address)");
			}
		});
	}

	private static void platform(String value, String field, Map<String, String> errors) {
		if (value == null || !IM_PLATFORMS.contains(value.strip())) {
			errors.put(field, "must be one of " + IM_PLATFORMS);
		}
	}

	/**
	 * At most 100 entries, none null; {@code rule} gets each entry with its field prefix,
	 * e.g. {@code x[0].}.
	 */
	private static <T> void checkPairs(List<T> values, String field, Map<String, String> errors,
			BiConsumer<T, String> rule) {
		if (values.size() > 100) {
			errors.put(field, "at most 100 entries");
			return;
		}
		for (int i = 0; i < values.size(); i++) {
			if (values.get(i) == null) {
				errors.put(field + "[" + i + "]", "is empty");
			}
			else {
				rule.accept(values.get(i), field + "[" + i + "].");
			}
		}
	}

	private static void check(List<String> values, String field, int maxLength, Consumer<String> rule,
			Map<String, String> errors) {
		if (values == null) {
			return;
		}
		if (values.size() > 100) {
			errors.put(field, "at most 100 entries");
			return;
		}
		for (int i = 0; i < values.size(); i++) {
			String v = values.get(i);
			if (v == null || v.isBlank() || v.length() > maxLength) {
				errors.put(field + "[" + i + "]", "must be 1-" + maxLength + " characters");
				continue;
			}
			try {
				rule.accept(v.strip());
			}
			catch (IllegalArgumentException e) {
				errors.put(field + "[" + i + "]", e.getMessage());
			}
		}
	}

}
