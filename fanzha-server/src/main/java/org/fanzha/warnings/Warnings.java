package org.fanzha.warnings;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.fanzha.core.Beijing;
import org.fanzha.audit.AuditTrail;
import org.fanzha.cases.SuspectPhonesReported;
import org.fanzha.core.IdNumber;
import org.fanzha.core.PhoneNumber;
import org.fanzha.core.RegionCode;
import org.fanzha.engine.warnings.Channel;
import org.fanzha.engine.warnings.Dedup;
import org.fanzha.engine.warnings.Escalation;
import org.fanzha.engine.warnings.FraudType;
import org.fanzha.engine.warnings.Grade;
import org.fanzha.engine.warnings.SmsTemplates;
import org.fanzha.engine.warnings.StationRouting;
import org.fanzha.engine.warnings.WarningGrader;
import org.fanzha.engine.warnings.WarningGrader.Confidence;
import org.fanzha.engine.warnings.WarningGrader.SignalKind;
import org.fanzha.identity.Agency;
import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.fanzha.telecom.SimRestricted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Early warning on the platform. Signals are validated as a whole batch and stored in one transaction with what they
 * cause; each person has at most one open dissuasion task, which a new signal joins (and raises when its grade is
 * higher); a new task is admitted only through the engine's {@link Dedup}, so a person is not warned again on the same
 * channel inside its window. SMS tasks are sent at once (12381, template per fraud type, no links, no call-back
 * numbers); call tasks wait for the centre's 96110 desk; visits are routed by the person's county to its police
 * station ({@link StationRouting}); {@link #escalateDue()} moves unreachable or overdue tasks up the ladder
 * ({@link Escalation}). Prevented loss per outcome: see {@link #close}.
 */
@Service
public class Warnings {

	/** One signal as a bank, an operator or the centre sends it. */
	public record SignalIn(String kind, String personPhone, String personName, String idNumber, String region,
			String fraudNumber, String confidence, Integer callSeconds, Integer contacts, Long amountFen,
			String fraudType, Instant at) {
	}

	/** Who looks: a centre sees its region (code prefix), a station its own tasks, others none. */
	public record Viewer(String username, String agencyCode, Kind kind, String regionPrefix) {

		public enum Kind {
			CENTRE, STATION, SENDER
		}

		/** A centre sees its region, a station its own tasks, everyone else sends signals only. */
		public static Viewer of(FanzhaPrincipal me, Directory directory) {
			if (me.has(Role.CENTRE_OFFICER)) {
				RegionCode region = directory.agency(me.agencyCode()).map(a -> a.regionCode()).orElse(null);
				return new Viewer(me.username(), me.agencyCode(), Kind.CENTRE, prefix(region));
			}
			if (me.has(Role.STATION_OFFICER)) {
				return new Viewer(me.username(), me.agencyCode(), Kind.STATION, null);
			}
			return new Viewer(me.username(), me.agencyCode(), Kind.SENDER, null);
		}

		/** 610000 ⇒ "61", 610100 ⇒ "6101", a county ⇒ its six digits; no region ⇒ nothing. */
		static String prefix(RegionCode region) {
			if (region == null) {
				return "-";
			}
			return region.isProvince() ? region.value().substring(0, 2)
					: region.isPrefecture() ? region.value().substring(0, 4) : region.value();
		}
	}

	public record TaskView(long id, String personPhone, String personName, String idNumber, String region,
			String regionName, String stationCode, String stationName, String grade, String channel, String fraudType,
			List<String> reasons, String smsText, Instant raisedAt, Instant deadline, String status, int failedAttempts,
			List<String> history, Long amountAtRiskFen, String outcome, String outcomeNote, long preventedFen,
			String closedBy, Instant closedAt) {

		public String gradeLabel() {
			return Grade.valueOf(grade).label();
		}

		public String fraudTypeLabel() {
			return FraudType.valueOf(fraudType).label();
		}

		public boolean open() {
			return !"CLOSED".equals(status);
		}

		TaskView masked(String phone, String id) {
			return new TaskView(id(), phone, personName, id, region, regionName, stationCode, stationName, grade, channel,
					fraudType, reasons, smsText, raisedAt, deadline, status, failedAttempts, history, amountAtRiskFen,
					outcome, outcomeNote, preventedFen, closedBy, closedAt);
		}
	}

	/**
	 * A filter of the task list; every field may be null.
	 *
	 * @param status OPEN, REFERRED, CLOSED, or OPEN_ALL for every task not closed
	 * @param phone digits of the person's phone
	 * @param to exclusive
	 */
	public record TaskQuery(String status, String fraudType, Instant from, Instant to, String phone, int page, int size) {

		public TaskQuery {
			phone = phone == null ? null : phone.replaceAll("[^0-9]", "");
			phone = phone == null || phone.isEmpty() ? null : phone;
			page = Math.max(0, page);
			if (size < 1 || size > 500) {
				throw new IllegalArgumentException("size must be between 1 and 500, got " + size);
			}
		}
	}

	/** One page of tasks and how many match. */
	public record TaskPage(List<TaskView> rows, int page, int size, long total) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	/** What a batch of signals did. */
	public record Intake(int signals, int tasksRaised, int tasksRaisedGrade, int suppressed) {
	}

	/** The closed task and, when the person had already paid, the link to a prefilled case intake. */
	public record Closed(TaskView task, String intake) {
	}

	/** Counts and prevented loss for one group (a city, a channel, a fraud type). */
	public record Row(String key, String label, long warnings, long dissuaded, long alreadyPaid, long preventedFen) {
	}

	public record Statistics(Instant from, Instant to, long warnings, long open, long overdue, long dissuaded,
			long preventedFen, Map<String, Long> byChannel, Map<String, Long> byOutcome, List<Row> byCity,
			List<Row> byFraudType) {
	}

	public static final int MAX_SIGNALS = 1_000;

	/** Outcomes an officer records; SMS_SENT is the system's own for an SMS. */
	public static final Set<String> OUTCOMES = Set.of("DISSUADED", "ALREADY_PAID", "NOT_VICTIM", "UNREACHABLE");

	static final String SYSTEM = "fanzha-warnings";

	private final Dissuasions tasks;

	private final Signals signals;

	private final FraudNumbers numbers;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	private final WarningsProperties properties;

	private final TransactionTemplate tx;


	private final WarningGrader grader;

	private final Escalation escalation;

	private final Dedup dedup;

	private volatile boolean dedupLoaded;

	private final Map<String, Confidence> known = new ConcurrentHashMap<>();

	/**
	 * The fraud type of the case that named a number. Operators' feeds carry no type; without this every task raised
	 * by a call from a reported number said "unknown type". Kept in memory: after a restart, numbers reported again
	 * regain their type.
	 */
	private final Map<String, FraudType> typeOfNumber = new ConcurrentHashMap<>();

	/** The known numbers as a sorted array, copied on write: the call feed asks about every call without allocating. */
	private volatile long[] knownSorted = new long[0];

	private volatile boolean knownLoaded;

	Warnings(Dissuasions tasks, Signals signals, FraudNumbers numbers, Directory directory, AuditTrail audit, Clock clock,
			WarningsProperties properties, PlatformTransactionManager transactions) {
		this.tasks = tasks;
		this.signals = signals;
		this.numbers = numbers;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
		this.tx = new TransactionTemplate(transactions);
		this.grader = new WarningGrader(properties.thresholds(), properties.deadlines());
		this.escalation = new Escalation(properties.maxAttempts(), properties.deadlines());
		this.dedup = new Dedup(properties.windows());
	}

	/** Which signal kinds each kind of sender may send (the centre all of them). */
	static Set<SignalKind> allowed(AgencyType sender) {
		return switch (sender) {
		case BANK -> EnumSet.of(SignalKind.PAYER_WARNING, SignalKind.TRANSFER_TO_RISKY_ACCOUNT);
		case TELECOM_OPERATOR -> EnumSet.of(SignalKind.CALL_FROM_FRAUD_NUMBER, SignalKind.SMS_FROM_FRAUD_NUMBER);
		case POLICE_STATION -> EnumSet.of(SignalKind.PUBLIC_REPORT);
		case ANTI_FRAUD_CENTRE -> EnumSet.allOf(SignalKind.class);
		default -> EnumSet.noneOf(SignalKind.class);
		};
	}

	/**
	 * Validates the whole batch (nothing is stored when one signal is wrong), then grades each person in order and stores
	 * the signals with the tasks they raise in one transaction.
	 */
	public Intake signals(AgencyType sender, String source, List<SignalIn> in) {
		if (in == null || in.isEmpty() || in.size() > MAX_SIGNALS) {
			throw new InvalidFieldsException(Map.of("signals", "send 1 to %,d signals per request".formatted(MAX_SIGNALS)));
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
		// one intake at a time, committed before the next starts: a person's open task is always seen by the next signal
		synchronized (dedup) {
			return tx.execute(s -> {
				int[] counts = new int[3];
				for (Parsed p : parsed) {
					handle(p, source, counts);
				}
				return new Intake(parsed.size(), counts[0], counts[1], counts[2]);
			});
		}
	}

	/**
	 * A call or text an operator's feed saw (the demo's simulated operators): a signal only when the caller is a known
	 * fraud number and the callee a mobile number; otherwise nothing happens (and nothing is stored).
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
		Parsed p = new Parsed(kind, phone, null, null, region, Long.toString(caller), c, answered ? seconds : 0, 1, null,
				typeOfNumber.getOrDefault(Long.toString(caller), FraudType.UNKNOWN), Instant.ofEpochSecond(epochSecond));
		synchronized (dedup) {
			tx.executeWithoutResult(s -> handle(p, "operator feed", new int[3]));
		}
	}

	/** Whether a number is known as a fraud number, and how sure. */
	public Optional<Confidence> fraudNumber(String phone) {
		loadKnown();
		return Optional.ofNullable(known.get(phone));
	}

	private record Parsed(SignalKind kind, String phone, String name, String idNumber, String region, String fraudNumber,
			Confidence confidence, int callSeconds, int contacts, Long amountFen, FraudType type, Instant at) {

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
			region = IdNumber.parse(s.idNumber()).regionCode().value(); // where the ID was issued, failing better
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
					errors.put(at + "confidence", "is required: " + s.fraudNumber() + " is not on file as a fraud number");
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
				s.callSeconds() == null ? 0 : s.callSeconds(), s.contacts() == null ? 1 : s.contacts(), s.amountFen(), type,
				s.at().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)); // as the database keeps it, so it finds it again
	}

	/** counts: [0] tasks raised, [1] tasks whose grade rose, [2] signals suppressed by de-duplication. */
	private void handle(Parsed p, String source, int[] counts) {
		Instant now = clock.instant();
		// the caller holds the lock on dedup
		loadDedup();
		long signalId = signals.insert(p.phone(), p.signal(), p.fraudNumber(), p.amountFen(), now, source);
		List<WarningGrader.Signal> window = signals.forPerson(p.phone(), p.at().minus(properties.lookBack()), p.at());
		WarningGrader.Result graded = grader.grade(window, p.at());
		List<String> reasons = graded.reasons().stream().map(r -> r.code() + " " + r.text()).toList();
		Optional<Dissuasions.Row> open = tasks.openFor(p.phone());
		if (open.isPresent()) {
			Dissuasions.Row t = open.get();
			signals.attach(signalId, t.id());
			if (graded.grade().compareTo(Grade.valueOf(t.grade())) > 0) {
				dedup.admit(p.phone(), graded.grade(), graded.channel(), now);
				Route r = route(graded.channel(), t.region());
				tasks.raise(t.id(), graded.grade().name(), graded.channel().name(), reasons,
						properties.deadlines().due(graded.channel(), now), r.code(), r.name(),
						at(now) + " 新线索，风险升为" + graded.grade().label() + "，改为" + label(graded.channel()));
				counts[1]++;
			}
			return;
		}
		if (!dedup.admit(p.phone(), graded.grade(), graded.channel(), now)) {
			counts[2]++;
			return;
		}
		Route r = route(graded.channel(), p.region());
		boolean sms = graded.channel() == Channel.SMS;
		String smsText = sms ? SmsTemplates.text(graded.likelyType()) : null;
		long id = tasks.insert(p.phone(), p.name(), p.idNumber(), p.region(), r.code(), r.name(), graded.grade().name(),
				graded.channel().name(), graded.likelyType().name(), reasons, smsText, now,
				properties.deadlines().due(graded.channel(), now),
				at(now) + " 预警生成：" + graded.grade().label() + "，" + label(graded.channel()));
		if (sms) {
			// 12381 sends it at once: the task is done when it is raised
			tasks.close(id, "SMS_SENT", "12381 短信已发送", 0, "12381", now, null);
		}
		signals.attach(signalId, id);
		counts[0]++;
	}

	/** After a restart, the tasks of the last day count against the de-duplication windows again. */
	private void loadDedup() {
		if (dedupLoaded) {
			return;
		}
		Instant now = clock.instant();
		for (Dissuasions.Row t : tasks.raisedSince(now.minus(properties.visitWindow().plus(properties.callWindow())))) {
			dedup.admit(t.phone(), Grade.valueOf(t.grade()), Channel.valueOf(t.channel()), t.raisedAt());
		}
		dedupLoaded = true;
	}

	private void loadKnown() {
		if (knownLoaded) {
			return;
		}
		synchronized (known) {
			if (!knownLoaded) {
				numbers.all().forEach((phone, c) -> known.merge(phone, c, Warnings::stronger));
				resort();
				knownLoaded = true;
			}
		}
	}

	/** Whether a number is known as a fraud number; allocation-free, for the per-call feed. */
	public boolean isFraudNumber(long phone) {
		loadKnown();
		return java.util.Arrays.binarySearch(knownSorted, phone) >= 0;
	}

	private void resort() {
		synchronized (known) {
			knownSorted = known.keySet().stream().filter(p -> p.length() <= 18 && p.chars().allMatch(Character::isDigit))
					.mapToLong(Long::parseLong).sorted().toArray();
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
		for (FraudType t : FraudType.values()) {
			if (t != FraudType.UNKNOWN && t.caseType().name().equals(caseType)) {
				return t;
			}
		}
		return FraudType.UNKNOWN;
	}

	/** A SIM the SIM monitor restricted is a suspected fraud number (unless already confirmed). */
	@ApplicationModuleListener
	void on(SimRestricted restricted) {
		numbers.suspect(restricted.phone(), restricted.operator() + " " + restricted.measure(), restricted.at());
		known.merge(restricted.phone(), Confidence.SUSPECTED, Warnings::stronger);
		resort();
	}

	record Route(String code, String name) {
	}

	/**
	 * Visits go to the station of the person's county (the platform's police stations by region code); a county whose
	 * stations are not on the platform yet goes to its county bureau, which the centre sees. Calls go to the 96110 desk
	 * of the nearest anti-fraud centre above the county; SMS to 12381.
	 */
	Route route(Channel channel, String county) {
		if (channel == Channel.SMS) {
			return new Route("12381", "12381 预警短信");
		}
		List<Agency> agencies = directory.agencies();
		if (channel == Channel.VISIT) {
			Map<String, List<StationRouting.Station>> table = new TreeMap<>();
			for (Agency a : agencies) {
				if (a.type() == AgencyType.POLICE_STATION && a.regionCode() != null && a.regionCode().isCounty()) {
					table.computeIfAbsent(a.regionCode().value(), k -> new ArrayList<>())
							.add(new StationRouting.Station(a.code(), a.name()));
				}
			}
			if (table.containsKey(county)) {
				StationRouting.Station s = new StationRouting(table).route(county).station();
				return new Route(s.id(), s.name());
			}
			RegionCode c = RegionCode.of(county);
			return new Route("COUNTY-" + county, c.name().orElse(county) + "公安局（派出所未接入平台）");
		}
		RegionCode person = RegionCode.of(county);
		Agency best = null;
		for (Agency a : agencies) {
			if (a.type() == AgencyType.ANTI_FRAUD_CENTRE && a.regionCode() != null && a.regionCode().contains(person)
					&& (best == null || best.regionCode().contains(a.regionCode()))) {
				best = a;
			}
		}
		return best == null ? new Route("96110", "96110 反诈专线") : new Route(best.code(), best.name() + " 96110 专席");
	}

	/** The Chinese name of a channel (SMS, PHONE_CALL, VISIT); other text as it is. */
	public static String channelLabel(String channel) {
		for (Channel c : Channel.values()) {
			if (c.name().equals(channel)) {
				return label(c);
			}
		}
		return channel;
	}

	/** The Chinese name of an outcome; OPEN stands for a task not closed yet. */
	public static String outcomeLabel(String outcome) {
		return switch (outcome) {
		case "SMS_SENT" -> "短信已发送";
		case "DISSUADED" -> "劝阻成功";
		case "ALREADY_PAID" -> "已被骗转账，转立案";
		case "NOT_VICTIM" -> "非受害人";
		case "UNREACHABLE" -> "无法联系";
		case "OPEN" -> "处置中";
		default -> outcome;
		};
	}

	/** The Chinese name of a case's fraud type, by the cases module's names (see {@link #caseType}). */
	public static String caseTypeLabel(String caseType) {
		return org.fanzha.core.FraudType.parse(caseType).map(org.fanzha.core.FraudType::label).orElse(caseType);
	}

	private static String label(Channel c) {
		return switch (c) {
		case SMS -> "短信劝阻";
		case PHONE_CALL -> "电话劝阻（96110）";
		case VISIT -> "见面劝阻";
		};
	}

	private static String at(Instant t) {
		return java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(Beijing.ZONE)
				.format(t);
	}

	/** Moves open tasks that are unreachable or overdue up the ladder; a visit is referred up. */
	@Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
	public int escalateDue() {
		Instant now = clock.instant();
		int moved = 0;
		for (Dissuasions.Row t : tasks.due(now)) {
			if (decide(t, now)) {
				moved++;
			}
		}
		return moved;
	}

	private boolean decide(Dissuasions.Row t, Instant now) {
		Escalation.Decision d = escalation.decide(new Escalation.Task(Long.toString(t.id()), Grade.valueOf(t.grade()),
				Channel.valueOf(t.channel()), t.deadline(), t.failedAttempts()), now);
		switch (d.action()) {
		case KEEP:
			return false;
		case REFER_UP:
			return tasks.refer(t.id(), at(now) + " " + d.reasonCode() + " " + d.text());
		default:
			Escalation.Task next = d.task();
			Route r = route(next.channel(), t.region());
			synchronized (dedup) {
				dedup.admit(t.phone(), next.grade(), next.channel(), now);
			}
			return tasks.escalate(t.id(), t.channel(), next.grade().name(), next.channel().name(), next.deadline(), r.code(),
					r.name(), at(now) + " " + d.reasonCode() + " " + d.text());
		}
	}

	/** Tasks the viewer may see, newest first: a station its own, a centre those of its region. */
	public List<TaskView> list(Viewer viewer, boolean openOnly, int limit) {
		List<TaskView> found = switch (viewer.kind()) {
		case STATION -> tasks.forStation(viewer.agencyCode(), openOnly, limit);
		case CENTRE -> tasks.forRegion(viewer.regionPrefix(), openOnly, limit);
		case SENDER -> throw new AccessDeniedException("banks and operators send signals; dissuasion tasks are the police's");
		};
		// the viewer's agency says whose tasks were listed (a centre's region or a station's own)
		audit.read("warning-tasks", viewer.agencyCode(), null,
				"dissuasion task list " + found.size());
		return found.stream().map(t -> mask(t, viewer)).toList();
	}

	/** A filtered page of the tasks the viewer may see, the most urgent first. */
	public TaskPage search(Viewer viewer, TaskQuery query) {
		if (viewer.kind() == Viewer.Kind.SENDER) {
			throw new AccessDeniedException("banks and operators send signals; dissuasion tasks are the police's");
		}
		TaskPage found = tasks.search(viewer, query);
		audit.read("warning-tasks", viewer.kind() + ":" + viewer.agencyCode(), null,
				"dissuasion task list (" + found.rows().size() + " persons)");
		return new TaskPage(found.rows().stream().map(t -> mask(t, viewer)).toList(), found.page(), found.size(),
				found.total());
	}

	public TaskView get(long id, Viewer viewer) {
		TaskView t = visible(id, viewer);
		audit.read("warning-task", Long.toString(id), null, "dissuasion task of " + PhoneNumber.parse(t.personPhone()).masked());
		return mask(t, viewer);
	}

	/** The signals behind a task (what the officer says when calling or at the door). */
	public List<String> evidence(long id, Viewer viewer) {
		visible(id, viewer);
		return signals.forTask(id);
	}

	private TaskView visible(long id, Viewer viewer) {
		TaskView t = tasks.byId(id).orElseThrow(() -> new NotFoundException("no dissuasion task " + id));
		boolean may = switch (viewer.kind()) {
		case STATION -> viewer.agencyCode().equals(t.stationCode());
		case CENTRE -> t.region().startsWith(viewer.regionPrefix());
		case SENDER -> false;
		};
		if (!may) {
			throw new NotFoundException("no dissuasion task " + id); // not even whether it exists
		}
		return t;
	}

	/** The station and the centre need the phone to reach the person; the ID number stays masked for the station. */
	private static TaskView mask(TaskView t, Viewer viewer) {
		String id = t.idNumber() == null ? null
				: viewer.kind() == Viewer.Kind.CENTRE ? t.idNumber() : IdNumber.parse(t.idNumber()).masked();
		return t.masked(t.personPhone(), id);
	}

	/** A contact attempt that did not reach the person; enough of them escalate the task at once. */
	public TaskView attempt(long id, Viewer viewer, String note) {
		if (note != null && note.length() > 400) {
			throw new InvalidFieldsException(Map.of("note", "at most 400 characters"));
		}
		TaskView t = visible(id, viewer);
		Instant now = clock.instant();
		if (!tasks.attempt(id, at(now) + " 未联系上（" + viewer.username() + "）" + (note == null ? "" : "：" + note.strip()))) {
			throw new ConflictException("task " + id + " is " + t.status() + ": no attempt to record");
		}
		tasks.byRow(id).ifPresent(r -> decide(r, now));
		return get(id, viewer);
	}

	/**
	 * Records the outcome. Prevented loss (docs/warnings.md): DISSUADED counts the amount the person was about to pay —
	 * as the officer states it, else the largest amount a bank reported with the signals, else the assumed loss of the
	 * likely fraud type; every other outcome prevents nothing. ALREADY_PAID answers with a link to a case intake
	 * prefilled with the person's details.
	 */
	public Closed close(long id, Viewer viewer, String outcome, String note, Long amountAtRiskFen) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (outcome == null || !OUTCOMES.contains(outcome)) {
			errors.put("outcome", "must be one of " + new java.util.TreeSet<>(OUTCOMES));
		}
		if (note != null && note.length() > 400) {
			errors.put("note", "at most 400 characters");
		}
		if (amountAtRiskFen != null && amountAtRiskFen < 0) {
			errors.put("amountAtRiskFen", "must not be negative");
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		TaskView t = visible(id, viewer);
		long prevented = 0;
		if ("DISSUADED".equals(outcome)) {
			long reported = signals.largestAmount(id);
			prevented = amountAtRiskFen != null ? amountAtRiskFen
					: reported > 0 ? reported : properties.assumedLossFen(FraudType.valueOf(t.fraudType()));
		}
		if (!tasks.close(id, outcome, note == null ? null : note.strip(), prevented, viewer.username(), clock.instant(),
				amountAtRiskFen)) {
			throw new ConflictException("task " + id + " is already closed");
		}
		TaskView closed = get(id, viewer);
		String intake = null;
		if ("ALREADY_PAID".equals(outcome)) {
			StringBuilder b = new StringBuilder("/cases/new?phone=").append(closed.personPhone()).append("&regionCode=")
					.append(closed.region()).append("&fraudType=").append(caseType(FraudType.valueOf(closed.fraudType())));
			if (closed.personName() != null) {
				b.append("&name=").append(java.net.URLEncoder.encode(closed.personName(), java.nio.charset.StandardCharsets.UTF_8));
			}
			if (viewer.kind() == Viewer.Kind.CENTRE && closed.idNumber() != null) {
				b.append("&idNumber=").append(closed.idNumber());
			}
			signals.fraudNumbers(id).stream().findFirst().ifPresent(n -> b.append("&suspectPhone=").append(n));
			intake = b.toString();
		}
		return new Closed(closed, intake);
	}

	/** The case intake's fraud type for a warning's type. */
	static String caseType(FraudType t) {
		org.fanzha.core.FraudType c = t.caseType();
		return c == null ? "" : c.name(); // UNKNOWN: the officer picks one
	}

	/**
	 * Figures for a period: warnings by channel and outcome, by city and by fraud type, with prevented loss; aggregates
	 * only (no person's data), so the oversight statistics may read them. {@code regionPrefix} "" is everywhere.
	 */
	public Statistics statistics(Instant from, Instant to, String regionPrefix) {
		if (from == null || to == null || !from.isBefore(to)) {
			throw new InvalidFieldsException(Map.of("period", "from must be before to"));
		}
		String prefix = regionPrefix == null ? "" : regionPrefix;
		Map<String, Long> byChannel = new TreeMap<>();
		Map<String, Long> byOutcome = new TreeMap<>();
		Map<String, long[]> city = new TreeMap<>();
		Map<String, long[]> type = new TreeMap<>();
		long total = 0, open = 0, dissuaded = 0, prevented = 0;
		for (Dissuasions.Group g : tasks.groups(from, to, prefix)) {
			total += g.count();
			byChannel.merge(g.channel(), g.count(), Long::sum);
			byOutcome.merge(g.outcome() == null ? "OPEN" : g.outcome(), g.count(), Long::sum);
			if (g.outcome() == null) {
				open += g.count();
			}
			long d = "DISSUADED".equals(g.outcome()) ? g.count() : 0;
			long paid = "ALREADY_PAID".equals(g.outcome()) ? g.count() : 0;
			dissuaded += d;
			prevented += g.preventedFen();
			for (var e : List.of(Map.entry(city, g.region().substring(0, 4) + "00"), Map.entry(type, g.fraudType()))) {
				long[] acc = e.getKey().computeIfAbsent(e.getValue(), k -> new long[4]);
				acc[0] += g.count();
				acc[1] += d;
				acc[2] += paid;
				acc[3] += g.preventedFen();
			}
		}
		List<Row> cities = city.entrySet().stream().map(e -> new Row(e.getKey(),
				RegionCode.isValid(e.getKey()) ? RegionCode.of(e.getKey()).name().orElse(e.getKey()) : e.getKey(),
				e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3])).toList();
		List<Row> types = type.entrySet().stream().map(e -> new Row(e.getKey(), FraudType.valueOf(e.getKey()).label(),
				e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3])).toList();
		return new Statistics(from, to, total, open, tasks.overdue(clock.instant(), prefix), dissuaded, prevented,
				byChannel, byOutcome, cities, types);
	}
}
