package org.fanzha.warnings;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.fanzha.cases.SuspectPhonesReported;
import org.fanzha.core.IdNumber;
import org.fanzha.core.PhoneNumber;
import org.fanzha.core.RegionCode;
import org.fanzha.engine.warnings.Channel;
import org.fanzha.engine.warnings.FraudType;
import org.fanzha.engine.warnings.Grade;
import org.fanzha.engine.warnings.SmsTemplates;
import org.fanzha.engine.warnings.WarningGrader;
import org.fanzha.engine.warnings.WarningGrader.Confidence;
import org.fanzha.engine.warnings.WarningGrader.SignalKind;
import org.fanzha.identity.AgencyType;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.telecom.SimRestricted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signal intake: what banks, operators, stations and the centre send. A batch is
 * validated as a whole (nothing is stored when one signal is wrong), then each person is
 * graded ({@link WarningGrader}) over their recent signals and the signals are stored
 * with what they cause in one transaction: each person has at most one open dissuasion
 * task, which a new signal joins (and raises when its grade is higher); a new task is
 * admitted only through the shared de-duplication windows ({@link Admissions}) and routed
 * by {@link StationRoutes}. SMS tasks are sent at once (12381, template per fraud type,
 * no links, no call-back numbers). Also the known fraud numbers: confirmed by reports,
 * suspected from SIM measures, asked about on every call of the operators' feed without
 * allocating.
 */
@Service
public class SignalIntake {

	/** One signal as a bank, an operator or the centre sends it. */
	public record SignalIn(String kind, String personPhone, String personName, String idNumber, String region,
			String fraudNumber, String confidence, Integer callSeconds, Integer contacts, Long amountFen,
			String fraudType, Instant at) {
	}

	/** What a batch of signals did. */
	public record Receipt(int signals, int tasksRaised, int tasksRaisedGrade, int suppressed) {
	}

	public static final int MAX_SIGNALS = 1_000;

	private final Dissuasions tasks;

	private final Signals signals;

	private final FraudNumbers numbers;

	private final Admissions admissions;

	private final StationRoutes routes;

	private final History history;

	private final Clock clock;

	private final WarningsProperties properties;

	private final TransactionTemplate tx;

	private final WarningGrader grader;

	private final Map<String, Confidence> known = new ConcurrentHashMap<>();

	/**
	 * The fraud type of the case that named a number. Operators' feeds carry no type;
	 * without this every task raised by a call from a reported number said "unknown
	 * type". Kept in memory: after a restart, numbers reported again regain their type.
	 */
	private final Map<String, FraudType> typeOfNumber = new ConcurrentHashMap<>();

	/**
	 * The known numbers as a sorted array, copied on write: the call feed asks about
	 * every call without allocating.
	 */
	private volatile long[] knownSorted = new long[0];

	private volatile boolean knownLoaded;

	SignalIntake(Dissuasions tasks, Signals signals, FraudNumbers numbers, Admissions admissions, StationRoutes routes,
			History history, Clock clock, WarningsProperties properties, PlatformTransactionManager transactions) {
		this.tasks = tasks;
		this.signals = signals;
		this.numbers = numbers;
		this.admissions = admissions;
		this.routes = routes;
		this.history = history;
		this.clock = clock;
		this.properties = properties;
		this.tx = new TransactionTemplate(transactions);
		this.grader = new WarningGrader(properties.thresholds(), properties.deadlines());
	}

	/** Which signal kinds each kind of sender may send (the centre all of them). */
	static Set<SignalKind> allowed(AgencyType sender) {
		return switch (sender) {
			case BANK -> EnumSet.of(SignalKind.PAYER_WARNING, SignalKind.TRANSFER_TO_RISKY_ACCOUNT,
					SignalKind.CREDIT_FROM_FLAGGED);
			// operators see the call patterns and, from their traffic, who reached a
			// reported app or site
			case TELECOM_OPERATOR -> EnumSet.of(SignalKind.CALL_FROM_FRAUD_NUMBER, SignalKind.SMS_FROM_FRAUD_NUMBER,
					SignalKind.SCRIPT_CALL, SignalKind.EXPOSED_TO_REPORTED);
			case POLICE_STATION -> EnumSet.of(SignalKind.PUBLIC_REPORT);
			case ANTI_FRAUD_CENTRE -> EnumSet.allOf(SignalKind.class);
			default -> EnumSet.noneOf(SignalKind.class);
		};
	}

	/**
	 * Validates the whole batch (nothing is stored when one signal is wrong), then grades
	 * each person in order and stores the signals with the tasks they raise in one
	 * transaction.
	 */
	public Receipt signals(AgencyType sender, String source, List<SignalIn> in) {
		if (in == null || in.isEmpty() || in.size() > MAX_SIGNALS) {
			throw new InvalidFieldsException(
					Map.of("signals", "send 1 to %,d signals per request".formatted(MAX_SIGNALS)));
		}
		Set<SignalKind> may = allowed(sender);
		Instant now = clock.instant();
		Map<String, String> errors = new LinkedHashMap<>();
		List<Parsed> parsed = new ArrayList<>(in.size());
		for (int i = 0; i < in.size(); i++) {
			Parsed p = parse(in.get(i), "[" + i + "].", now, may, errors);
			if (p != null) {
				parsed.add(p);
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		// one intake at a time, committed before the next starts: a person's open task is
		// always seen by the next signal
		synchronized (admissions.lock()) {
			return tx.execute(s -> {
				int[] counts = new int[3];
				for (Parsed p : parsed) {
					handle(p, source, counts);
				}
				return new Receipt(parsed.size(), counts[0], counts[1], counts[2]);
			});
		}
	}

	/**
	 * A call or text an operator's feed saw (the demo's simulated operators): a signal
	 * only when the caller is a known fraud number and the callee a mobile number;
	 * otherwise nothing happens (and nothing is stored).
	 */
	public void observeContact(boolean call, long caller, long callee, long epochSecond, int seconds, boolean answered,
			String region) {
		if (!isFraudNumber(caller)) {
			return;
		}
		Confidence c = known.get(Long.toString(caller));
		if (c == null) {
			return;
		}
		String phone = Long.toString(callee);
		if (!PhoneNumber.isValid(phone) || region == null || !RegionCode.isValid(region)
				|| !RegionCode.of(region).isCounty()) {
			return;
		}
		SignalKind kind = call ? SignalKind.CALL_FROM_FRAUD_NUMBER : SignalKind.SMS_FROM_FRAUD_NUMBER;
		Parsed p = new Parsed(kind, phone, null, null, region, Long.toString(caller), c, answered ? seconds : 0, 1,
				null, typeOfNumber.getOrDefault(Long.toString(caller), FraudType.UNKNOWN),
				Instant.ofEpochSecond(epochSecond));
		synchronized (admissions.lock()) {
			tx.executeWithoutResult(s -> handle(p, "operator feed", new int[3]));
		}
	}

	/** Whether a number is known as a fraud number, and how sure. */
	public Optional<Confidence> fraudNumber(String phone) {
		loadKnown();
		return Optional.ofNullable(known.get(phone));
	}

	private record Parsed(SignalKind kind, String phone, String name, String idNumber, String region,
			String fraudNumber, Confidence confidence, int callSeconds, int contacts, Long amountFen, FraudType type,
			Instant at) {

		WarningGrader.Signal signal() {
			boolean contact = kind == SignalKind.CALL_FROM_FRAUD_NUMBER || kind == SignalKind.SMS_FROM_FRAUD_NUMBER;
			return new WarningGrader.Signal(kind, contact ? confidence : null, callSeconds, contacts, at, type);
		}
	}

	private Parsed parse(SignalIn s, String at, Instant now, Set<SignalKind> may, Map<String, String> errors) {
		if (s == null) {
			errors.put(at + "signal", "is empty");
			return null;
		}
		int before = errors.size();
		SignalKind kind = null;
		try {
			kind = s.kind() == null ? null : SignalKind.valueOf(s.kind());
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		if (kind == null) {
			errors.put(at + "kind", "must be one of " + List.of(SignalKind.values()));
		}
		else if (!may.contains(kind)) {
			errors.put(at + "kind", kind + " is not a signal your agency sends (yours: " + may + ")");
		}
		if (s.personPhone() == null || !PhoneNumber.isValid(s.personPhone())) {
			errors.put(at + "personPhone", "must be an 11-digit mobile number");
		}
		if (s.personName() != null && s.personName().strip().length() > 32) {
			errors.put(at + "personName", "at most 32 characters");
		}
		String region = s.region();
		if (s.idNumber() != null && !s.idNumber().isBlank() && !IdNumber.isValid(s.idNumber())) {
			errors.put(at + "idNumber", "is not a valid ID number (length, birth date or check digit)");
		}
		else if ((region == null || region.isBlank()) && s.idNumber() != null && !s.idNumber().isBlank()) {
			region = IdNumber.parse(s.idNumber()).regionCode().value(); // where the ID
																		// was issued,
																		// failing better
		}
		if (region == null || !RegionCode.isValid(region) || !RegionCode.of(region).isCounty()) {
			errors.put(at + "region", "must be the 6-digit county-level GB/T 2260 code where the person lives");
		}
		Confidence confidence = null;
		boolean contact = kind == SignalKind.CALL_FROM_FRAUD_NUMBER || kind == SignalKind.SMS_FROM_FRAUD_NUMBER;
		if (contact) {
			if (s.fraudNumber() == null || !s.fraudNumber().matches("\\+?[0-9]{3,20}")) {
				errors.put(at + "fraudNumber", "must be the calling or sending number (digits, optional +)");
			}
			else if (s.confidence() != null) {
				try {
					confidence = Confidence.valueOf(s.confidence());
				}
				catch (IllegalArgumentException e) {
					errors.put(at + "confidence", "must be CONFIRMED or SUSPECTED");
				}
			}
			else {
				confidence = fraudNumber(s.fraudNumber().replace("+", "")).orElse(null);
				if (confidence == null) {
					errors.put(at + "confidence",
							"is required: " + s.fraudNumber() + " is not on file as a fraud number");
				}
			}
		}
		if (s.callSeconds() != null && (s.callSeconds() < 0 || s.callSeconds() > 86_400)) {
			errors.put(at + "callSeconds", "must be 0-86,400");
		}
		if (s.contacts() != null && (s.contacts() < 1 || s.contacts() > 10_000)) {
			errors.put(at + "contacts", "must be 1-10,000");
		}
		if (s.amountFen() != null && s.amountFen() < 0) {
			errors.put(at + "amountFen", "must not be negative");
		}
		FraudType type = FraudType.UNKNOWN;
		if (s.fraudType() != null) {
			try {
				type = FraudType.valueOf(s.fraudType());
			}
			catch (IllegalArgumentException e) {
				errors.put(at + "fraudType", "must be one of " + List.of(FraudType.values()));
			}
		}
		if (s.at() == null || s.at().isAfter(now.plusSeconds(300))) {
			errors.put(at + "at", "is required and must not be in the future");
		}
		if (errors.size() > before) {
			return null;
		}
		String name = s.personName() == null || s.personName().isBlank() ? null : s.personName().strip();
		String id = s.idNumber() == null || s.idNumber().isBlank() ? null : IdNumber.parse(s.idNumber()).value();
		return new Parsed(kind, PhoneNumber.parse(s.personPhone()).value(), name, id, region,
				contact ? s.fraudNumber().replace("+", "") : null, confidence,
				s.callSeconds() == null ? 0 : s.callSeconds(), s.contacts() == null ? 1 : s.contacts(), s.amountFen(),
				type, s.at().truncatedTo(ChronoUnit.MILLIS)); // as the database keeps it,
																// so it finds it again
	}

	/**
	 * counts: [0] tasks raised, [1] tasks whose grade rose, [2] signals suppressed by
	 * de-duplication.
	 */
	private void handle(Parsed p, String source, int[] counts) {
		Instant now = clock.instant();
		// the caller holds the admissions' lock
		long signalId = signals.insert(p.phone(), p.signal(), p.fraudNumber(), p.amountFen(), now, source);
		List<WarningGrader.Signal> window = signals.forPerson(p.phone(), p.at().minus(properties.lookBack()), p.at());
		WarningGrader.Result graded = grader.grade(window, p.at());
		List<String> reasons = graded.reasons().stream().map(r -> r.code() + " " + r.text()).toList();
		Optional<Dissuasions.Row> open = tasks.openFor(p.phone());
		if (open.isPresent()) {
			Dissuasions.Row t = open.get();
			signals.attach(signalId, t.id());
			if (graded.grade().compareTo(Grade.valueOf(t.grade())) > 0) {
				admissions.admit(p.phone(), graded.grade(), graded.channel(), now);
				StationRoutes.Route r = routes.route(graded.channel(), t.region());
				tasks.raise(t.id(), graded.grade().name(), graded.channel().name(), reasons,
						properties.deadlines().due(graded.channel(), now), r.code(), r.name(),
						history.gradeRose(now, graded.grade(), graded.channel()));
				counts[1]++;
			}
			return;
		}
		if (!admissions.admit(p.phone(), graded.grade(), graded.channel(), now)) {
			counts[2]++;
			return;
		}
		StationRoutes.Route r = routes.route(graded.channel(), p.region());
		boolean sms = graded.channel() == Channel.SMS;
		String smsText = sms ? SmsTemplates.text(graded.likelyType()) : null;
		long id = tasks.insert(p.phone(), p.name(), p.idNumber(), p.region(), r.code(), r.name(), graded.grade().name(),
				graded.channel().name(), graded.likelyType().name(), reasons, smsText, now,
				properties.deadlines().due(graded.channel(), now),
				history.raised(now, graded.grade(), graded.channel()));
		if (sms) {
			// 12381 sends it at once: the task is done when it is raised
			tasks.close(id, "SMS_SENT", "12381 短信已发送", 0, "12381", now, null, history.closed(now, "SMS_SENT", "12381"));
		}
		signals.attach(signalId, id);
		counts[0]++;
	}

	private void loadKnown() {
		if (knownLoaded) {
			return;
		}
		synchronized (known) {
			if (!knownLoaded) {
				numbers.all().forEach((phone, c) -> known.merge(phone, c, SignalIntake::stronger));
				resort();
				knownLoaded = true;
			}
		}
	}

	/**
	 * Whether a number is known as a fraud number; allocation-free, for the per-call
	 * feed.
	 */
	public boolean isFraudNumber(long phone) {
		loadKnown();
		return Arrays.binarySearch(knownSorted, phone) >= 0;
	}

	private void resort() {
		synchronized (known) {
			knownSorted = known.keySet()
				.stream()
				.filter(p -> p.length() <= 18 && p.chars().allMatch(Character::isDigit))
				.mapToLong(Long::parseLong)
				.sorted()
				.toArray();
		}
	}

	private static Confidence stronger(Confidence a, Confidence b) {
		return a == Confidence.CONFIRMED || b == Confidence.CONFIRMED ? Confidence.CONFIRMED : Confidence.SUSPECTED;
	}

	/** A number a victim names is a confirmed fraud number from the report on. */
	@ApplicationModuleListener
	void on(SuspectPhonesReported reported) {
		for (String p : reported.phones()) {
			String phone = p.replace("+", "");
			if (phone.matches("[0-9]{3,20}")) {
				numbers.confirm(phone, "案件 " + reported.caseNumber(), reported.reportedAt());
				known.put(phone, Confidence.CONFIRMED);
				FraudType type = warningType(reported.fraudType());
				if (type != FraudType.UNKNOWN) {
					typeOfNumber.put(phone, type);
				}
			}
		}
		resort();
	}

	/** The warning type of a case's type (a core fraud type name); UNKNOWN for none. */
	static FraudType warningType(String caseType) {
		return FraudType.ofCase(org.fanzha.core.FraudType.parse(caseType).orElse(null)); // style:fqn
	}

	/**
	 * A SIM the SIM monitor restricted is a suspected fraud number (unless already
	 * confirmed).
	 */
	@ApplicationModuleListener
	void on(SimRestricted restricted) {
		numbers.suspect(restricted.phone(), restricted.operator() + " " + restricted.measure(), restricted.at());
		known.merge(restricted.phone(), Confidence.SUSPECTED, SignalIntake::stronger);
		resort();
	}

}
