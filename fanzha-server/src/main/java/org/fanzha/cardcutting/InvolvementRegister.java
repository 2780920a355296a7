package org.fanzha.cardcutting;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fanzha.audit.AuditTrail;
import org.fanzha.core.BankCardNumber;
import org.fanzha.core.Beijing;
import org.fanzha.core.IdNumber;
import org.fanzha.core.Masking;
import org.fanzha.core.Operator;
import org.fanzha.core.PhoneNumber;
import org.fanzha.core.RegionCode;
import org.fanzha.engine.cardcutting.Involvements;
import org.fanzha.engine.cardcutting.PersonCards;
import org.fanzha.engine.telecom.SimMeasure;
import org.fanzha.engine.warnings.HelpingCrimeThresholds;
import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.fanzha.identity.Role;
import org.fanzha.monitoring.MuleAccountFlagged;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.fanzha.telecom.SimRestricted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persons of card-cutting work with their accounts and SIMs, the evidence of their
 * involvement and the 帮信 assessment ({@link Involvements} over
 * {@link HelpingCrimeThresholds}) with the card-limit check ({@link PersonCards}).
 * Evidence comes from transfer monitoring ({@link MuleAccountFlagged}: an account
 * registered here was flagged as a mule), SIM monitoring ({@link SimRestricted}: a SIM
 * registered here was restricted) and the centre's API. Each new piece of involvement may
 * put the person on the disciplinary list as a proposal and, for a student, opens a case
 * at the school. Every read of a person is audited; numbers are masked for non-police
 * viewers. A person is addressed by a random public id ({@code personId}), never by the
 * ID number, which must not appear in URLs (browser history, proxy logs, Referer
 * headers); the ID number is looked up with {@link #search}, where it travels in a
 * request body.
 */
@Service
public class InvolvementRegister {

	public record NewPerson(String idNumber, String name, String phone, String regionCode, String school) {
	}

	public record NewAccount(String bank, String cardNumber, String accountClass) {
	}

	public record NewSim(String phone) {
	}

	/** Amounts in fen; {@code occurredAt} defaults to now. */
	public record NewInvolvement(String kind, String reference, Integer targetsHelped, Long settlementFen,
			Long advertisingFundsFen, Long illegalGainsFen, Instant occurredAt, String detail) {
	}

	public record FindingsIn(Boolean helpedCrimeEstablished, Boolean priorPenaltyWithinTwoYears, String consequences) {
	}

	public record PersonSummary(String personId, String idNumber, String name, String phone, String regionCode,
			String school, int accounts, int sims, int involvements, boolean serious, String listingStatus) {
	}

	public record AccountView(String bank, String cardNumber, String accountClass) {
	}

	public record SimView(String phone, String operator) {
	}

	public record InvolvementView(long id, String kind, String reference, int targetsHelped, long settlementFen,
			long advertisingFundsFen, long illegalGainsFen, String source, String detail, Instant occurredAt,
			String recordedBy) {
	}

	public record Findings(boolean helpedCrimeEstablished, boolean priorPenaltyWithinTwoYears, String consequences) {
	}

	public record PersonView(String personId, String idNumber, String name, String phone, String regionCode,
			String regionName, String school, Findings findings, List<AccountView> accounts, List<SimView> sims,
			List<InvolvementView> involvements, PersonCards.Result cardCheck, HelpingCrimeThresholds.Facts facts,
			HelpingCrimeThresholds.Assessment assessment, List<DisciplinaryList.ListingView> listings) {
	}

	/** A lookup by ID number: the number goes in the body of a POST. */
	public record Search(String idNumber) {
	}

	static final ZoneId CHINA = Beijing.ZONE;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CardCuttingRecords store;

	private final AuditTrail audit;

	private final Clock clock;

	private final Directory directory;

	private final DisciplinaryList list;

	private final SchoolDesk schools;

	private final PersonCards cards;

	private final Involvements involvements = new Involvements(new HelpingCrimeThresholds(), CHINA);

	InvolvementRegister(CardCuttingRecords store, AuditTrail audit, Clock clock, Directory directory,
			DisciplinaryList list, SchoolDesk schools, CardCuttingProperties properties) {
		this.store = store;
		this.audit = audit;
		this.clock = clock;
		this.directory = directory;
		this.list = list;
		this.schools = schools;
		this.cards = new PersonCards(properties.limits());
	}

	/**
	 * The centre registers a person (a suspected card seller, a student, a holder of
	 * flagged cards).
	 */
	@Transactional
	public PersonView register(Viewer me, NewPerson in) {
		requireCentre(me);
		if (in == null) {
			throw new InvalidFieldsException(Map.of("person", "is empty"));
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String id = idNumber(in.idNumber(), errors);
		if (in.name() == null || in.name().isBlank() || in.name().strip().length() > 40) {
			errors.put("name", "is required (at most 40 characters)");
		}
		if (in.phone() != null && !in.phone().isBlank() && !PhoneNumber.isValid(in.phone())) {
			errors.put("phone", "must be an 11-digit mobile number");
		}
		String region = null;
		try {
			region = RegionCode.of(in.regionCode()).value();
		}
		catch (RuntimeException e) {
			errors.put("regionCode", in.regionCode() == null ? "is required (a GB/T 2260 code)" : e.getMessage());
		}
		String school = in.school() == null || in.school().isBlank() ? null : in.school().strip();
		if (school != null && directory.agency(school).filter(a -> a.type() == AgencyType.SCHOOL).isEmpty()) {
			errors.put("school", "no school agency with code " + school);
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		if (store.person(id).isPresent()) {
			throw new ConflictException("the person is already registered");
		}
		String phone = in.phone() == null || in.phone().isBlank() ? null : PhoneNumber.parse(in.phone()).value();
		long pid = store.insertPerson(publicId(), id, in.name().strip(), phone, region, school, clock.instant(),
				me.username());
		audit.changed("CARDCUTTING_PERSON", ref(pid, id), null, "card-cutting: person registered");
		return view(me, store.person(pid).orElseThrow(), false);
	}

	@Transactional
	public PersonView addAccount(Viewer me, String personId, NewAccount in) {
		requireCentre(me);
		CardCuttingRecords.PersonRow p = find(me, personId);
		Map<String, String> errors = new LinkedHashMap<>();
		if (in == null) {
			throw new InvalidFieldsException(Map.of("account", "is empty"));
		}
		if (in.bank() == null || !in.bank().matches("[A-Za-z0-9-]{2,32}")) {
			errors.put("bank", "must be the bank's code (2-32 letters, digits or '-')");
		}
		if (in.cardNumber() == null || !BankCardNumber.isValid(in.cardNumber())) {
			errors.put("cardNumber", "must be a bank card number with a valid Luhn check digit");
		}
		String cls = in.accountClass() == null || in.accountClass().isBlank() ? "I" : in.accountClass().strip();
		try {
			PersonCards.AccountClass.valueOf(cls);
		}
		catch (IllegalArgumentException e) {
			errors.put("accountClass", "must be I, II or III");
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		String card = BankCardNumber.parse(in.cardNumber()).value();
		if (store.cardExists(card)) {
			throw new ConflictException("card " + BankCardNumber.parse(card).masked() + " is already registered");
		}
		store.insertAccount(p.id(), in.bank().strip().toUpperCase(Locale.ROOT), card, cls, clock.instant());
		audit.changed("CARDCUTTING_PERSON", ref(p.id(), p.idNumber()), null, "card-cutting: account added");
		return view(me, p, false);
	}

	@Transactional
	public PersonView addSim(Viewer me, String personId, NewSim in) {
		requireCentre(me);
		CardCuttingRecords.PersonRow p = find(me, personId);
		if (in == null || in.phone() == null || !PhoneNumber.isValid(in.phone())) {
			throw new InvalidFieldsException(Map.of("phone", "must be an 11-digit mobile number"));
		}
		PhoneNumber phone = PhoneNumber.parse(in.phone());
		if (store.simExists(phone.value())) {
			throw new ConflictException("SIM " + phone.masked() + " is already registered");
		}
		Operator op = phone.operator() == null ? Operator.UNKNOWN : phone.operator();
		store.insertSim(p.id(), phone.value(), op.name(), clock.instant());
		audit.changed("CARDCUTTING_PERSON", ref(p.id(), p.idNumber()), null, "card-cutting: SIM added");
		return view(me, p, false);
	}

	/**
	 * The centre records a piece of involvement; the person may be proposed for the list,
	 * a student's school warned.
	 */
	@Transactional
	public PersonView recordInvolvement(Viewer me, String personId, NewInvolvement in) {
		requireCentre(me);
		CardCuttingRecords.PersonRow p = find(me, personId);
		if (in == null) {
			throw new InvalidFieldsException(Map.of("involvement", "is empty"));
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Involvements.Kind kind = null;
		try {
			kind = Involvements.Kind.valueOf(in.kind() == null ? "" : in.kind());
		}
		catch (IllegalArgumentException e) {
			errors.put("kind", "must be one of MULE_ACCOUNT, FRAUD_SIM, BANK_CARD_SOLD, SIM_SOLD, OTHER");
		}
		String reference = in.reference() == null || in.reference().isBlank() ? null : in.reference().strip();
		if (reference != null && !reference.matches("[A-Za-z0-9:+_-]{1,64}")) {
			errors.put("reference", "must be 1-64 letters, digits, ':', '+', '_' or '-' (a card, account or phone)");
		}
		if (kind != null && kind != Involvements.Kind.OTHER && reference == null) {
			errors.put("reference", "names the card, account or SIM concerned");
		}
		nonNegative(errors, "targetsHelped", in.targetsHelped() == null ? 0 : in.targetsHelped());
		nonNegative(errors, "settlementFen", in.settlementFen());
		nonNegative(errors, "advertisingFundsFen", in.advertisingFundsFen());
		nonNegative(errors, "illegalGainsFen", in.illegalGainsFen());
		Instant now = clock.instant();
		if (in.occurredAt() != null && in.occurredAt().isAfter(now)) {
			errors.put("occurredAt", "must not be in the future");
		}
		if (in.detail() == null || in.detail().isBlank() || in.detail().length() > 400) {
			errors.put("detail", "is required: what the person did, and how it is known (at most 400 characters)");
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		store.lockPerson(p.id());
		store.insertInvolvement(p.id(), kind.name(), reference, in.targetsHelped() == null ? 0 : in.targetsHelped(),
				orZero(in.settlementFen()), orZero(in.advertisingFundsFen()), orZero(in.illegalGainsFen()), "CENTRE",
				in.detail().strip(), in.occurredAt() == null ? now : in.occurredAt(), now, me.username());
		audit.changed("CARDCUTTING_PERSON", ref(p.id(), p.idNumber()), null, "card-cutting: involvement recorded");
		followUp(p, in.detail().strip(), now);
		return view(me, p, false);
	}

	/**
	 * What the officer has established (helped crime proven, prior penalty,
	 * consequences).
	 */
	@Transactional
	public PersonView findings(Viewer me, String personId, FindingsIn in) {
		requireCentre(me);
		CardCuttingRecords.PersonRow p = find(me, personId);
		if (in == null || in.helpedCrimeEstablished() == null || in.priorPenaltyWithinTwoYears() == null) {
			throw new InvalidFieldsException(Map.of("findings",
					"helpedCrimeEstablished and priorPenaltyWithinTwoYears are required (true or false)"));
		}
		HelpingCrimeThresholds.Consequences c;
		try {
			c = in.consequences() == null ? HelpingCrimeThresholds.Consequences.NONE
					: HelpingCrimeThresholds.Consequences.valueOf(in.consequences());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldsException(Map.of("consequences", "must be NONE, SERIOUS or ESPECIALLY_SERIOUS"));
		}
		store.findings(p.id(), in.helpedCrimeEstablished(), in.priorPenaltyWithinTwoYears(), c.name());
		audit.changed("CARDCUTTING_PERSON", ref(p.id(), p.idNumber()), null, "card-cutting: findings recorded");
		CardCuttingRecords.PersonRow updated = store.person(p.id()).orElseThrow();
		list.proposeIfDue(updated, assess(updated, clock.instant()), clock.instant());
		return view(me, updated, false);
	}

	/**
	 * One person with everything known; the read is audited. A station sees persons of
	 * its own region only.
	 */
	@Transactional
	public PersonView person(Viewer me, String personId) {
		requirePolice(me);
		return view(me, find(me, personId), true);
	}

	/**
	 * The person with this ID number, read like {@link #person} (audited, region-scoped).
	 */
	@Transactional
	public PersonView search(Viewer me, Search in) {
		requirePolice(me);
		Map<String, String> errors = new LinkedHashMap<>();
		String id = idNumber(in == null ? null : in.idNumber(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		CardCuttingRecords.PersonRow p = store.person(id)
			.orElseThrow(() -> new NotFoundException("no person with that ID number"));
		return view(me, inScope(me, p), true);
	}

	/** Persons newest first (a station: its region); the read of the list is audited. */
	@Transactional
	public List<PersonSummary> persons(Viewer me, int limit) {
		requirePolice(me);
		Instant now = clock.instant();
		List<PersonSummary> out = new ArrayList<>();
		for (CardCuttingRecords.PersonRow p : store.persons(regionScope(me), limit)) {
			List<CardCuttingRecords.ListingRow> listings = store.listingsOf(p.id());
			out.add(new PersonSummary(p.publicId(), me.id(p.idNumber()), p.name(), me.phone(p.phone()), p.regionCode(),
					p.schoolCode(), store.accounts(p.id()).size(), store.sims(p.id()).size(),
					store.involvements(p.id()).size(), assess(p, now).serious(),
					listings.isEmpty() ? null : listings.get(0).snapshot().status().name()));
		}
		audit.read("CARDCUTTING_PERSON", "list of " + out.size(), null, "card-cutting: person list");
		return out;
	}

	// --- evidence from other modules

	/**
	 * An account registered here was flagged by transfer monitoring: its holder's
	 * involvement as a mule.
	 */
	@ApplicationModuleListener
	void on(MuleAccountFlagged flagged) {
		String account = flagged.accountId();
		String card = account.contains(":") ? account.substring(account.lastIndexOf(':') + 1) : account;
		store.personOfCard(card).ifPresent(pid -> {
			store.lockPerson(pid);
			if (store.involvementExists(pid, Involvements.Kind.MULE_ACCOUNT.name(), account, "MONITORING")) {
				return;
			}
			// the record is read by officers: the decision in words, the rule's own text
			// rather than its code
			String detail = cut("交易监测：名下账户" + BankCardNumber.parse(card).masked() + "被"
					+ decisionLabel(flagged.decision()) + "：" + flagged.reason(), 400);
			system(pid, Involvements.Kind.MULE_ACCOUNT, account, "MONITORING", detail, flagged.flaggedAt());
		});
	}

	/**
	 * A SIM registered here was restricted by SIM monitoring: its holder's involvement as
	 * a fraud-SIM owner.
	 */
	@ApplicationModuleListener
	void on(SimRestricted restricted) {
		store.personOfSim(restricted.phone()).ifPresent(pid -> {
			store.lockPerson(pid);
			if (store.involvementExists(pid, Involvements.Kind.FRAUD_SIM.name(), restricted.phone(), "TELECOM")) {
				return;
			}
			String detail = cut("涉诈电话卡：名下号码" + PhoneNumber.parse(restricted.phone()).masked() + "被采取"
					+ SimMeasure.valueOf(restricted.measure()).label() + (restricted.simBox() ? "（猫池/GOIP）" : "") + "："
					+ String.join("；", restricted.reasons().stream().map(InvolvementRegister::withoutCode).toList()),
					400);
			system(pid, Involvements.Kind.FRAUD_SIM, restricted.phone(), "TELECOM", detail, restricted.at());
		});
	}

	private static String decisionLabel(String decision) {
		return switch (decision) {
			case "PROTECTIVE_FREEZE" -> "保护性冻结";
			case "DELAY" -> "延迟到账";
			case "REVIEW" -> "人工复核";
			case "WARN_PAYER" -> "提醒付款人";
			default -> "标记";
		};
	}

	/** "MASS_CALLING 大量呼叫…" without its code. */
	private static String withoutCode(String reason) {
		return reason.matches("[A-Z_]+ .*") ? reason.substring(reason.indexOf(' ') + 1) : reason;
	}

	private void system(long pid, Involvements.Kind kind, String ref, String source, String detail, Instant at) {
		Instant now = clock.instant();
		store.insertInvolvement(pid, kind.name(), cut(ref, 64), 0, 0, 0, 0, source, detail,
				at == null || at.isAfter(now) ? now : at, now, "system");
		followUp(store.person(pid).orElseThrow(), detail, now);
	}

	/**
	 * After new involvement: a proposal for the list when due, and the school's case for
	 * a student.
	 */
	private void followUp(CardCuttingRecords.PersonRow p, String detail, Instant now) {
		list.proposeIfDue(p, assess(p, now), now);
		if (p.schoolCode() != null) {
			schools.openIfNone(p.id(), p.schoolCode(), detail, now);
		}
	}

	// --- views

	HelpingCrimeThresholds.Assessment assess(CardCuttingRecords.PersonRow p, Instant now) {
		return involvements.assess(involvementsOf(p), findingsOf(p), now);
	}

	List<Involvements.Involvement> involvementsOf(CardCuttingRecords.PersonRow p) {
		return store.involvements(p.id())
			.stream()
			.map(i -> new Involvements.Involvement(Involvements.Kind.valueOf(i.kind()), i.ref(), i.targets(),
					i.settlementFen(), i.advertisingFen(), i.gainsFen(), i.occurredAt()))
			.toList();
	}

	private static Involvements.Findings findingsOf(CardCuttingRecords.PersonRow p) {
		return new Involvements.Findings(p.helpedCrimeEstablished(), p.priorPenalty(),
				HelpingCrimeThresholds.Consequences.valueOf(p.consequences()));
	}

	private PersonView view(Viewer me, CardCuttingRecords.PersonRow p, boolean auditRead) {
		Instant now = clock.instant();
		if (auditRead) {
			audit.read("CARDCUTTING_PERSON", ref(p.id(), p.idNumber()), null, "card-cutting: person view");
		}
		List<CardCuttingRecords.AccountRow> accounts = store.accounts(p.id());
		List<CardCuttingRecords.SimRow> sims = store.sims(p.id());
		PersonCards.Result check = cards.check(accounts.stream()
			.map(a -> new PersonCards.Account(a.bank(), PersonCards.AccountClass.valueOf(a.accountClass())))
			.toList(), sims.stream().map(s -> Operator.valueOf(s.operator())).toList());
		HelpingCrimeThresholds.Facts facts = involvements.facts(involvementsOf(p), findingsOf(p), now);
		return new PersonView(p.publicId(), me.id(p.idNumber()), p.name(), me.phone(p.phone()), p.regionCode(),
				RegionCode.of(p.regionCode()).name().orElse(null), p.schoolCode(),
				new Findings(p.helpedCrimeEstablished(), p.priorPenalty(), p.consequences()),
				accounts.stream()
					.map(a -> new AccountView(a.bank(),
							me.police() ? a.cardNumber() : BankCardNumber.parse(a.cardNumber()).masked(),
							a.accountClass()))
					.toList(),
				sims.stream().map(s -> new SimView(me.phone(s.phone()), s.operator())).toList(),
				store.involvements(p.id())
					.stream()
					.map(i -> new InvolvementView(i.id(), i.kind(), i.ref(), i.targets(), i.settlementFen(),
							i.advertisingFen(), i.gainsFen(), i.source(), i.detail(), i.occurredAt(), i.recordedBy()))
					.toList(),
				check, facts, new HelpingCrimeThresholds().assess(facts),
				store.listingsOf(p.id()).stream().map(l -> list.view(me, l, p, now)).toList());
	}

	private CardCuttingRecords.PersonRow find(Viewer me, String personId) {
		CardCuttingRecords.PersonRow p = personId == null ? null : store.personByPublicId(personId).orElse(null);
		if (p == null) {
			throw new NotFoundException("no such person");
		}
		return inScope(me, p);
	}

	/**
	 * A person outside a station's region is answered as unknown, so that its existence
	 * does not leak.
	 */
	private static CardCuttingRecords.PersonRow inScope(Viewer me, CardCuttingRecords.PersonRow p) {
		String scope = regionScope(me);
		if (scope != null && !p.regionCode().startsWith(scope)) {
			throw new NotFoundException("no such person");
		}
		return p;
	}

	/**
	 * Four random 8-digit groups, as V24 gives the rows it fills: opaque, and never
	 * mistaken for an ID number.
	 */
	static String publicId() {
		return String.format("%08d-%08d-%08d-%08d", RANDOM.nextInt(100_000_000), RANDOM.nextInt(100_000_000),
				RANDOM.nextInt(100_000_000), RANDOM.nextInt(100_000_000));
	}

	/**
	 * The region prefix a viewer is limited to: a station its county (or prefecture), the
	 * centre nothing.
	 */
	static String regionScope(Viewer me) {
		if (me.role() != Role.STATION_OFFICER) {
			return null;
		}
		RegionCode r = me.region();
		return r.isProvince() ? r.value().substring(0, 2) : r.isPrefecture() ? r.value().substring(0, 4) : r.value();
	}

	String idNumber(String text, Map<String, String> errors) {
		try {
			return IdNumber.parse(text, LocalDate.now(clock.withZone(CHINA))).value();
		}
		catch (IllegalArgumentException e) {
			errors.put("idNumber", e.getMessage());
			return null;
		}
	}

	private static void requirePolice(Viewer me) {
		if (!me.police()) {
			throw new AccessDeniedException("person records are for the police; banks and operators query the list");
		}
	}

	static void requireCentre(Viewer me) {
		if (!me.centre()) {
			throw new AccessDeniedException("card-cutting records are kept by the anti-fraud centre");
		}
	}

	static String ref(long personId, String idNumber) {
		return Masking.mask(idNumber, 3, 4) + " #" + personId;
	}

	private static void nonNegative(Map<String, String> errors, String field, Number value) {
		if (value != null && value.longValue() < 0) {
			errors.put(field, "must not be negative");
		}
	}

	private static long orZero(Long v) {
		return v == null ? 0 : v;
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

}
