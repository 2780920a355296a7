package org.fanzha.telecom;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fanzha.cases.SuspectPhonesReported;
import org.fanzha.core.Operator;
import org.fanzha.core.PhoneNumber;
import org.fanzha.engine.telecom.SimMeasure;
import org.fanzha.engine.telecom.SimMonitor;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Abnormal-SIM monitoring on the platform: operators send their call and SMS records, the
 * engine's {@link SimMonitor} decides graded measures (re-verification, outgoing calls
 * restricted, suspension; SIM boxes reported), and every measure is stored with its
 * reasons, the documents the holder needs and the appeal channel. The operator's officer
 * records an appeal and, when it is verified, lifts the measure at once (art. 32) — or
 * turns it down with a note; both are recorded with who decided. Numbers named in
 * victims' reports are confirmed.
 */
@Service
public class SimControl {

	/** One call or text as an operator records it (CDR). */
	public record CallRecord(String type, String caller, String callee, Instant time, Integer durationSeconds,
			Boolean answered, String cell, String imei, String calleeRegion) {
	}

	public record MeasureView(long id, String phone, String operator, String measure, boolean simBox,
			List<String> reasons, List<String> documents, String appealChannel, int rulesVersion, Instant since,
			Instant reverifyBy, String status, String decidedBy, String appealStatement, String appealDocuments,
			Instant appealedAt, String closedBy, Instant closedAt, String closeNote) {

		public String measureLabel() {
			return SimMeasure.valueOf(measure).label();
		}
	}

	public record Summary(int records, int measures, Map<String, Integer> byMeasure) {
	}

	public static final int MAX_RECORDS = 10_000;

	static final String SYSTEM = "fanzha-sim-monitor";

	private final SimMonitor monitor = SimMonitor.withDefaultRules(1 << 16);

	private final Measures measures;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	SimControl(Measures measures, Clock clock, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.measures = measures;
		this.clock = clock;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
	}

	/**
	 * Validates all records, then decides each in order; the measures they raise are
	 * stored in one transaction.
	 */
	public Summary records(Operator operator, List<CallRecord> records) {
		if (records == null || records.isEmpty() || records.size() > MAX_RECORDS) {
			throw new InvalidFieldsException(
					Map.of("records", "send 1 to %,d records per request".formatted(MAX_RECORDS)));
		}
		Instant now = clock.instant();
		Map<String, String> errors = new LinkedHashMap<>();
		for (int i = 0; i < records.size(); i++) {
			CallRecord r = records.get(i);
			String at = "[" + i + "].";
			if (r == null) {
				errors.put(at + "record", "is empty");
				continue;
			}
			if (!"CALL".equals(r.type()) && !"SMS".equals(r.type())) {
				errors.put(at + "type", "must be CALL or SMS");
			}
			if (r.caller() == null || !PhoneNumber.isValid(r.caller())) {
				errors.put(at + "caller", "must be an 11-digit mobile number");
			}
			if (r.callee() == null || !r.callee().matches("\\+?[0-9]{3,20}")) {
				errors.put(at + "callee", "must be a phone number (digits, optional +)");
			}
			if (r.time() == null || r.time().isAfter(now.plusSeconds(300))) {
				errors.put(at + "time", "is required and must not be in the future");
			}
			if (r.durationSeconds() != null && (r.durationSeconds() < 0 || r.durationSeconds() > 86_400)) {
				errors.put(at + "durationSeconds", "must be 0-86,400");
			}
			if (r.cell() != null && !r.cell().matches("[0-9]{1,18}")) {
				errors.put(at + "cell", "must be digits (a cell id)");
			}
			if (r.imei() != null && !r.imei().matches("[0-9]{14,16}")) {
				errors.put(at + "imei", "must be 14-16 digits");
			}
			if (r.calleeRegion() != null && !r.calleeRegion().matches("[0-9]{6}")) {
				errors.put(at + "calleeRegion", "must be a 6-digit GB/T 2260 code");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		List<MeasureView> raised = new ArrayList<>();
		synchronized (monitor) {
			for (CallRecord r : records) {
				long caller = Long.parseLong(PhoneNumber.parse(r.caller()).value());
				long callee = Long.parseLong(r.callee().replace("+", ""));
				long time = r.time().getEpochSecond();
				long cell = r.cell() == null ? SimMonitor.UNKNOWN : Long.parseLong(r.cell());
				long imei = r.imei() == null ? SimMonitor.UNKNOWN : Long.parseLong(r.imei());
				long region = r.calleeRegion() == null ? SimMonitor.UNKNOWN : Long.parseLong(r.calleeRegion());
				SimMonitor.Verdict v = "CALL".equals(r.type())
						? monitor.call(caller, callee, time, r.durationSeconds() == null ? 0 : r.durationSeconds(),
								Boolean.TRUE.equals(r.answered()), cell, imei, region)
						: monitor.sms(caller, callee, time, cell, imei, region);
				collect(operator.name(), v, raised);
			}
		}
		store(raised);
		Map<String, Integer> by = new TreeMap<>();
		raised.forEach(m -> by.merge(m.measure(), 1, Integer::sum));
		return new Summary(records.size(), raised.size(), by);
	}

	/**
	 * A call or text seen on a feed (the demo's simulated operators) rather than sent
	 * through the API: decided, and the measures it raises stored, under the operator its
	 * number segment belongs to.
	 */
	public void observe(boolean call, long caller, long callee, long epochSecond, int durationSeconds, boolean answered,
			long region, long imei) {
		List<MeasureView> raised = new ArrayList<>(0);
		String operator = operatorOf(caller);
		synchronized (monitor) {
			SimMonitor.Verdict v = call
					? monitor.call(caller, callee, epochSecond, durationSeconds, answered, region, imei,
							SimMonitor.UNKNOWN)
					: monitor.sms(caller, callee, epochSecond, region, imei, SimMonitor.UNKNOWN);
			if (v.escalated || v.others > 0) {
				collect(operator, v, raised);
			}
		}
		store(raised);
	}

	private static String operatorOf(long phone) {
		String p = Long.toString(phone);
		if (!PhoneNumber.isValid(p)) {
			return "UNKNOWN";
		}
		Operator op = PhoneNumber.parse(p).operator();
		return op == null ? "UNKNOWN" : op.name();
	}

	/**
	 * Measures risen at this verdict: the SIM decided on, and SIMs of a SIM box found
	 * with it.
	 */
	private void collect(String operator, SimMonitor.Verdict v, List<MeasureView> out) {
		if (v.escalated) {
			out.add(view(operator, monitor.decision(v.phone)));
		}
		for (int i = 0; i < v.others; i++) {
			out.add(view(operator, monitor.decision(v.other(i))));
		}
	}

	private static MeasureView view(String operator, SimMonitor.Decision d) {
		return new MeasureView(0, Long.toString(d.phone()), operator, d.measure().name(), d.simBox(),
				d.reasons().stream().map(r -> r.code() + " " + r.text()).toList(), d.appealDocuments(),
				d.appealChannel(), d.rulesVersion(), Instant.ofEpochSecond(d.sinceEpochSecond()),
				d.reverifyByEpochSecond() == 0 ? null : Instant.ofEpochSecond(d.reverifyByEpochSecond()), "ACTIVE",
				SYSTEM, null, null, null, null, null, null);
	}

	private void store(List<MeasureView> raised) {
		if (raised.isEmpty()) {
			return;
		}
		tx.executeWithoutResult(s -> {
			for (MeasureView m : raised) {
				measures.insert(m);
				if (SimMeasure.valueOf(m.measure()).restricts() || m.simBox()) {
					events.publishEvent(new SimRestricted(m.phone(), m.operator(), m.measure(), m.simBox(), m.reasons(),
							m.since()));
				}
			}
		});
	}

	/**
	 * The numbers a victim names are confirmed fraud numbers: suspended (rule CONFIRMED)
	 * with the report as reason.
	 */
	@ApplicationModuleListener
	void on(SuspectPhonesReported reported) {
		List<MeasureView> raised = new ArrayList<>();
		synchronized (monitor) {
			for (String p : reported.phones()) {
				if (!PhoneNumber.isValid(p)) {
					continue; // landlines and foreign numbers are not operators' SIMs
				}
				PhoneNumber phone = PhoneNumber.parse(p);
				Operator op = phone.operator();
				collect(op == null ? "UNKNOWN" : op.name(),
						monitor.confirm(Long.parseLong(phone.value()), reported.reportedAt().getEpochSecond()), raised);
			}
		}
		store(raised);
	}

	/** An operator sees its own measures; the centre (null) sees all. */
	public List<MeasureView> list(Operator operatorOrNull, boolean openOnly, int limit) {
		return measures.list(operatorOrNull == null ? null : operatorOrNull.name(), openOnly, limit);
	}

	/**
	 * The statuses a list can be filtered by: {@code CURRENT} (the default) leaves out
	 * measures a newer one replaced, {@code OPEN} is in force (active or under appeal),
	 * {@code ALL} includes the replaced ones.
	 */
	public static final List<String> STATUSES = List.of("CURRENT", "OPEN", "APPEALED", "ACTIVE", "LIFTED", "SUPERSEDED",
			"ALL");

	/**
	 * One page of a search: the rows, the page (from 0), how many pages and measures
	 * matched.
	 */
	public record Page(List<MeasureView> rows, int page, int pages, long total) {
	}

	/**
	 * Measures the operator sees (the centre: all), the urgent first — under appeal, then
	 * in force, newest first — in a status ({@link #STATUSES}; null or blank:
	 * {@code CURRENT}), on phones containing the digits typed (full number or part; +86
	 * and separators ignored).
	 */
	public Page search(Operator operatorOrNull, String status, String phoneQuery, int page, int size) {
		String s = status == null || status.isBlank() ? "CURRENT" : status.strip();
		if (!STATUSES.contains(s)) {
			throw new InvalidFieldsException(Map.of("status", "must be one of " + STATUSES));
		}
		s = "ALL".equals(s) ? null : s;
		String digits = null;
		if (phoneQuery != null && !phoneQuery.isBlank()) {
			digits = phoneQuery.replaceAll("[\\s()\\-]", "");
			if (digits.startsWith("+86") || digits.startsWith("86") && digits.length() == 13) {
				digits = digits.substring(digits.indexOf("86") + 2);
			}
			if (!digits.matches("[0-9]{1,11}")) {
				throw new InvalidFieldsException(Map.of("q", "type the phone number or part of it (digits)"));
			}
		}
		String op = operatorOrNull == null ? null : operatorOrNull.name();
		long total = measures.count(op, s, digits);
		int pages = (int) Math.max(1, (total + size - 1) / size);
		int at = Math.min(Math.max(0, page), pages - 1);
		return new Page(measures.page(op, s, digits, at * size, size), at, pages, total);
	}

	/**
	 * Every measure on the phone of this one, newest first, as far as the viewer sees
	 * them.
	 */
	public List<MeasureView> history(MeasureView m, Operator operatorOrNull) {
		return measures.onPhone(m.phone(), operatorOrNull == null ? null : operatorOrNull.name());
	}

	public MeasureView get(long id, Operator operatorOrNull) {
		return measures.byId(id)
			.filter(m -> operatorOrNull == null || operatorOrNull.name().equals(m.operator()))
			.orElseThrow(() -> new NotFoundException("no measure " + id));
	}

	/**
	 * The holder appeals (at a hall or the hotline); the officer records it with the
	 * documents shown.
	 */
	public MeasureView appeal(long id, Operator operator, String statement, List<String> documents) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (statement == null || statement.isBlank() || statement.length() > 400) {
			errors.put("statement", "is required (at most 400 characters)");
		}
		if (documents == null || documents.isEmpty() || String.join("；", documents).length() > 400) {
			errors.put("documents", "list the documents the holder showed");
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		get(id, operator);
		if (!measures.appeal(id, statement.strip(), String.join("；", documents), clock.instant())) {
			throw new ConflictException("measure " + id + " is not in force: nothing to appeal");
		}
		return get(id, operator);
	}

	/**
	 * A verified appeal lifts the measure at once (art. 32); the engine leaves the SIM
	 * alone for a grace period.
	 */
	public MeasureView lift(long id, Operator operator, String actor, String note) {
		MeasureView m = get(id, operator);
		Instant now = clock.instant();
		boolean closed = measures.close(id, "APPEALED", "LIFTED", actor, now, note)
				|| measures.close(id, "ACTIVE", "LIFTED", actor, now, note);
		if (!closed) {
			throw new ConflictException("measure " + id + " is " + m.status() + ": nothing to lift");
		}
		synchronized (monitor) {
			monitor.lift(Long.parseLong(m.phone()), now.getEpochSecond());
		}
		return get(id, operator);
	}

	/**
	 * The result of a re-verification (二次实人核验, art. 11) the holder did at a hall or
	 * online: passed lifts a measure below suspension (recorded as lifted by the
	 * officer); failed suspends the SIM.
	 */
	public MeasureView reverification(String phoneText, Operator operator, boolean passed, String actor) {
		if (phoneText == null || !PhoneNumber.isValid(phoneText)) {
			throw new InvalidFieldsException(Map.of("phone", "must be an 11-digit mobile number"));
		}
		String phone = PhoneNumber.parse(phoneText).value();
		MeasureView open = measures.inForce(phone, operator.name())
			.orElseThrow(() -> new NotFoundException("no measure in force on " + PhoneNumber.parse(phone).masked()));
		Instant now = clock.instant();
		if (passed) {
			if (SimMeasure.valueOf(open.measure()) == SimMeasure.SUSPEND) {
				throw new ConflictException("a suspension is lifted only by a verified appeal, not by re-verification");
			}
			synchronized (monitor) {
				monitor.reverified(Long.parseLong(phone), now.getEpochSecond());
			}
			measures.close(open.id(), open.status(), "LIFTED", actor, now, "二次实人核验通过");
			return get(open.id(), operator);
		}
		List<MeasureView> raised = new ArrayList<>();
		synchronized (monitor) {
			collect(operator.name(), monitor.reverificationFailed(Long.parseLong(phone), now.getEpochSecond()), raised);
		}
		store(raised);
		return measures.inForce(phone, operator.name()).orElseThrow();
	}

	/** The appeal was checked and does not hold: the measure stays, the note says why. */
	public MeasureView turnDown(long id, Operator operator, String actor, String note) {
		if (note == null || note.isBlank() || note.length() > 400) {
			throw new InvalidFieldsException(
					Map.of("note", "say why the appeal does not hold (at most 400 characters)"));
		}
		MeasureView m = get(id, operator);
		if (!measures.close(id, "APPEALED", "ACTIVE", actor, clock.instant(), note.strip())) {
			throw new ConflictException("measure " + id + " is " + m.status() + ": no appeal to turn down");
		}
		return get(id, operator);
	}

}
