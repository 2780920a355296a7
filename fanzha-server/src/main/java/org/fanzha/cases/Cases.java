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
import java.util.regex.Pattern;

import org.fanzha.audit.AuditTrail;
import org.fanzha.core.BankCardNumber;
import org.fanzha.core.IdNumber;
import org.fanzha.core.PhoneNumber;
import org.fanzha.core.RegionCode;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.fanzha.sim.world.FraudType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake and the case list. Every field is checked before anything is written (field-level errors, all at
 * once); the report, its payments and suspects are stored in one transaction with its audit entry and the
 * {@link CaseReported} event (kept in the event publication registry until fund tracing has handled it).
 *
 * <p>The 30-minute clock (MPS practice, secondary; DOMAIN §3): the first-level accounts — the payees of the
 * victim's payments — must be entered within 30 minutes of the report. A case whose payments came later, or
 * have not come and whose deadline passed, is overdue.
 */
@Service
public class Cases {

	public static final Duration FIRST_LEVEL_DEADLINE = Duration.ofMinutes(30);

	private static final Pattern INSTITUTION = Pattern.compile("[A-Z0-9]{2,16}");

	private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9:-]{1,40}");

	private static final Pattern FOREIGN_PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

	private static final ZoneOffset CST = ZoneOffset.ofHours(8);

	private final CaseReports reports;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Cases(CaseReports reports, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.reports = reports;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Takes a report in; returns its summary with the case number and the first-level deadline. */
	@Transactional
	public CaseSummary report(String agencyCode, String officer, Intake in) {
		return report(agencyCode, officer, in, null);
	}

	/**
	 * As {@link #report(String, String, Intake)}, with the time the desk entered it when that was earlier than
	 * now (a report replayed from the simulated province was entered at its own report time).
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
		if (in.fraudType() == null || !isFraudType(in.fraudType())) {
			errors.put("fraudType", "must be one of " + java.util.Arrays.toString(FraudType.values()));
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
		long id = reports.insert(agencyCode, in, reportedAt, entered, deadline, payments.isEmpty() ? null : entered, loss,
				officer);
		String number = agencyCode + "-" + LocalDate.ofInstant(reportedAt, CST).getYear() + "-" + String.format("%06d", id);
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
		}
		audit.changed("VICTIM", IdNumber.parse(in.victim().idNumber()).masked(), number, "case intake");
		if (!payments.isEmpty()) {
			events.publishEvent(event(number, agencyCode, reportedAt, loss, payments));
		}
		if (s != null && s.phones() != null && !s.phones().isEmpty()) {
			events.publishEvent(new SuspectPhonesReported(number, reportedAt, s.phones().stream().map(String::strip).toList()));
		}
		return reports.summary(number, now).orElseThrow();
	}

	/** First-level accounts entered after the intake (the clock stops at the first). */
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

	/** The agency that took the case in. */
	@Transactional(readOnly = true)
	public String agencyOf(String caseNumber) {
		return reports.summary(caseNumber, clock.instant()).map(CaseSummary::agencyCode)
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
				reports.addSuspect(id, kind, v.strip());
			}
		}
	}

	private static CaseReported event(String number, String agency, Instant reportedAt, long loss,
			List<Intake.Payment> payments) {
		List<CaseReported.Payment> ps = new ArrayList<>();
		for (Intake.Payment p : payments) {
			ps.add(new CaseReported.Payment(p.payerAccount(), p.payeeName(), p.payeeAccount(), p.payeeBank(), p.amountFen(),
					p.paidAt(), p.transferId()));
		}
		return new CaseReported(number, agency, reportedAt, loss, List.copyOf(ps));
	}

	private static boolean isFraudType(String t) {
		for (FraudType f : FraudType.values()) {
			if (f.name().equals(t)) {
				return true;
			}
		}
		return false;
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

	/** Card numbers (12-19 digits) must pass Luhn; other accounts (payment institutions) letters and digits. */
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
		}, errors);
		check(s.apps(), "suspects.apps", 100, v -> {
		}, errors);
		check(s.imAccounts(), "suspects.imAccounts", 100, v -> {
		}, errors);
	}

	private static void check(List<String> values, String field, int maxLength,
			java.util.function.Consumer<String> rule, Map<String, String> errors) {
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
