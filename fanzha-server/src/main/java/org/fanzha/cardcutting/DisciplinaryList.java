package org.fanzha.cardcutting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fanzha.audit.AuditTrail;
import org.fanzha.core.IdNumber;
import org.fanzha.core.Masking;
import org.fanzha.engine.cardcutting.DisciplinaryListing;
import org.fanzha.engine.cardcutting.DisciplinaryListing.Measure;
import org.fanzha.engine.cardcutting.DisciplinaryListing.Status;
import org.fanzha.engine.warnings.HelpingCrimeThresholds;
import org.fanzha.identity.Role;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The disciplinary list of Anti-Telecom-Fraud Law art. 31, each listing driven by the
 * engine's {@link DisciplinaryListing}: the system proposes (when the 帮信 assessment is
 * serious, or after {@code fanzha.cardcutting.proposal-involvements} pieces of
 * involvement within 2 years); a centre officer of a prefecture-level or provincial unit
 * decides or dismisses (anyone else: 403); the notice of art. 32 states the reason, the
 * appeal channel, the documents and the deadline; the person appeals through the centre;
 * a verified appeal lifts every measure at once; credit repair clears the record. Banks
 * and operators query an ID number and see only the measures they apply, until when.
 * Every step is stored with who and when; every read is audited.
 */
@Service
public class DisciplinaryList {

	public record MeasureView(String measure, String label, Instant until, boolean inForce) {
	}

	public record StepView(String step, String actor, Instant at, String note) {
	}

	public record ListingView(long id, String personId, String idNumber, String name, String regionCode, String status,
			List<String> evidence, Instant proposedAt, String decidedBy, String decidingUnit, Instant decidedAt,
			List<MeasureView> measures, String noticeText, String appealChannel, List<String> noticeDocuments,
			Instant appealDeadline, String appealStatement, List<String> appealDocuments, Instant appealedAt,
			int appealsRejected, String closedBy, Instant closedAt, String closeNote, List<StepView> steps) {
	}

	/**
	 * What a bank or operator learns: whether measures it applies are in force on the ID
	 * number, and until when.
	 */
	public record QueryAnswer(String idNumber, boolean listed, List<MeasureView> measures, String appealChannel) {
	}

	/** A list check: the ID number goes in the body of a POST, never in a URL. */
	public record CheckIn(String idNumber) {
	}

	public record DecisionIn(List<String> measures, String note) {
	}

	public record NoticeIn(String appealChannel, List<String> documents) {
	}

	public record AppealIn(String statement, List<String> documents) {
	}

	public record NoteIn(String note) {
	}

	private final CardCuttingRecords store;

	private final AuditTrail audit;

	private final Clock clock;

	private final CardCuttingProperties properties;

	DisciplinaryList(CardCuttingRecords store, AuditTrail audit, Clock clock, CardCuttingProperties properties) {
		this.store = store;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Proposes the person when due and no listing of theirs is open; after a closed
	 * listing (dismissed, lifted, expired, repaired) only new involvement recorded since
	 * counts.
	 */
	void proposeIfDue(CardCuttingRecords.PersonRow p, HelpingCrimeThresholds.Assessment assessment, Instant now) {
		List<CardCuttingRecords.ListingRow> listings = store.listingsOf(p.id());
		Instant since = null;
		if (!listings.isEmpty()) {
			DisciplinaryListing.Snapshot last = listings.get(0).snapshot();
			if (last.status() == Status.PROPOSED || last.status().binding()) {
				return;
			}
			since = last.closedAt();
		}
		Instant from = now.atZone(InvolvementRegister.CHINA).minusYears(2).toInstant();
		Instant after = since;
		List<CardCuttingRecords.InvolvementRow> recent = store.involvements(p.id())
			.stream()
			.filter(i -> !i.occurredAt().isBefore(from) && (after == null || i.recordedAt().isAfter(after)))
			.toList();
		if (recent.isEmpty()) {
			return;
		}
		boolean due = assessment.serious() || recent.size() >= properties.proposalInvolvements();
		if (!due) {
			return;
		}
		List<String> evidence = new ArrayList<>();
		for (HelpingCrimeThresholds.Met m : assessment.met()) {
			evidence.add("帮信罪情节严重：" + m.text() + "（" + m.source() + "）");
		}
		for (CardCuttingRecords.InvolvementRow i : recent) {
			evidence.add(i.detail());
		}
		DisciplinaryListing l = DisciplinaryListing.propose(p.idNumber(), evidence, now);
		long id = store.insertListing(p.id(), l.snapshot());
		store.step(id, "PROPOSED", "system", now, assessment.serious() ? "帮信评估达到情节严重" : "涉案线索" + recent.size() + "条");
	}

	/** The list, newest first; a station sees listings of persons in its region. */
	@Transactional
	public List<ListingView> listings(Viewer me, String statusOrNull, int limit) {
		requirePolice(me);
		if (statusOrNull != null) {
			try {
				Status.valueOf(statusOrNull);
			}
			catch (IllegalArgumentException e) {
				throw new InvalidFieldsException(Map.of("status", "must be one of " + List.of(Status.values())));
			}
		}
		Instant now = clock.instant();
		List<ListingView> out = store.listings(statusOrNull, InvolvementRegister.regionScope(me), limit)
			.stream()
			.map(l -> view(me, l, store.person(l.personId()).orElseThrow(), now))
			.toList();
		audit.read("DISCIPLINARY_LISTING", "list of " + out.size(), null, "card-cutting: disciplinary list");
		return out;
	}

	@Transactional
	public ListingView listing(Viewer me, long id) {
		requirePolice(me);
		CardCuttingRecords.ListingRow l = find(me, id);
		CardCuttingRecords.PersonRow p = store.person(l.personId()).orElseThrow();
		audit.read("DISCIPLINARY_LISTING", InvolvementRegister.ref(p.id(), p.idNumber()), "listing " + id,
				"card-cutting: listing view");
		return view(me, l, p, clock.instant());
	}

	/** Art. 31: the decision with the measures taken (all three when none are named). */
	@Transactional
	public ListingView decide(Viewer me, long id, DecisionIn in) {
		requireDecider(me);
		Set<Measure> measures = EnumSet.noneOf(Measure.class);
		if (in != null && in.measures() != null && !in.measures().isEmpty()) {
			for (String m : in.measures()) {
				try {
					measures.add(Measure.valueOf(m == null ? "" : m));
				}
				catch (IllegalArgumentException e) {
					throw new InvalidFieldsException(Map.of("measures",
							"each must be NON_COUNTER_BUSINESS_STOPPED, NO_NEW_ACCOUNTS or SIM_LIMIT"));
				}
			}
		}
		else {
			measures = EnumSet.allOf(Measure.class);
		}
		Set<Measure> chosen = measures;
		return step(me, id, "DECIDED", in == null ? null : in.note(),
				(l, now) -> l.decide(decider(me), chosen, properties.durations(), InvolvementRegister.CHINA, now));
	}

	@Transactional
	public ListingView dismiss(Viewer me, long id, NoteIn in) {
		requireDecider(me);
		String note = note(in, true);
		return step(me, id, "DISMISSED", note, (l, now) -> l.dismiss(decider(me), note, now));
	}

	/** The notice of art. 32 (channel and documents default to the configured ones). */
	@Transactional
	public ListingView notify(Viewer me, long id, NoticeIn in) {
		requireCentre(me);
		String channel = in == null || in.appealChannel() == null || in.appealChannel().isBlank()
				? properties.appealChannel() : in.appealChannel().strip();
		List<String> documents = in == null || in.documents() == null || in.documents().isEmpty()
				? properties.appealDocuments() : in.documents();
		if (channel.length() > 200 || String.join("\n", documents).length() > 400) {
			throw new InvalidFieldsException(Map.of("notice", "channel at most 200, documents at most 400 characters"));
		}
		return step(me, id, "NOTIFIED", null,
				(l, now) -> l.notify(channel, documents, properties.appealPeriod(), InvolvementRegister.CHINA, now));
	}

	/** The person's appeal, recorded by the centre with the documents submitted. */
	@Transactional
	public ListingView appeal(Viewer me, long id, AppealIn in) {
		requireCentre(me);
		Map<String, String> errors = new LinkedHashMap<>();
		if (in == null || in.statement() == null || in.statement().isBlank() || in.statement().length() > 400) {
			errors.put("statement", "is required (at most 400 characters)");
		}
		if (in == null || in.documents() == null || in.documents().isEmpty()
				|| in.documents().stream().anyMatch(d -> d == null || d.isBlank())
				|| String.join("\n", in.documents()).length() > 400) {
			errors.put("documents", "list the documents the person submitted");
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		return step(me, id, "APPEALED", in.statement().strip(),
				(l, now) -> l.appeal(in.statement(), in.documents(), now));
	}

	/** The appeal was verified: every measure ends at once (art. 32). */
	@Transactional
	public ListingView lift(Viewer me, long id, NoteIn in) {
		requireDecider(me);
		String note = note(in, false);
		return step(me, id, "LIFTED", note, (l, now) -> l.lift(me.username(), note, now));
	}

	@Transactional
	public ListingView rejectAppeal(Viewer me, long id, NoteIn in) {
		requireDecider(me);
		String note = note(in, true);
		return step(me, id, "APPEAL_REJECTED", note, (l, now) -> l.rejectAppeal(me.username(), note, now));
	}

	@Transactional
	public ListingView repairCredit(Viewer me, long id, NoteIn in) {
		requireDecider(me);
		String note = note(in, true);
		return step(me, id, "CREDIT_REPAIRED", note, (l, now) -> l.repairCredit(me.username(), note, now));
	}

	/**
	 * A bank or operator asks about an ID number: listed (for them) when a measure they
	 * apply is in force. The police see every measure. Listings whose measures have all
	 * run out are moved to EXPIRED on the way.
	 */
	@Transactional
	public QueryAnswer query(Viewer me, String idNumberText) {
		String id;
		try {
			id = IdNumber.parse(idNumberText, LocalDate.now(clock.withZone(InvolvementRegister.CHINA))).value();
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldsException(Map.of("idNumber", e.getMessage()));
		}
		Instant now = clock.instant();
		List<MeasureView> measures = new ArrayList<>();
		String channel = null;
		for (CardCuttingRecords.ListingRow row : store.bindingListings(id)) {
			DisciplinaryListing l = DisciplinaryListing.restore(row.snapshot());
			if (l.expireIfDue(now)) {
				store.updateListing(row.id(), row.snapshot().status(), l.snapshot());
				store.step(row.id(), "EXPIRED", "system", now, null);
				continue;
			}
			l.measuresInForce(now).forEach((m, until) -> {
				if (relevant(me, m)) {
					measures.add(new MeasureView(m.name(), m.label(), until, true));
				}
			});
			if (l.notice() != null) {
				channel = l.notice().appealChannel();
			}
		}
		audit.read("DISCIPLINARY_LIST", Masking.mask(id, 3, 4), null,
				"card-cutting: list query by " + me.role().name().toLowerCase(Locale.ROOT));
		return new QueryAnswer(me.id(id), !measures.isEmpty(), measures, measures.isEmpty() ? null : channel);
	}

	/** Banks see the banking measures, operators the SIM limit, the police all. */
	static boolean relevant(Viewer me, Measure m) {
		if (me.role() == Role.BANK_OFFICER) {
			return m.banking();
		}
		if (me.role() == Role.TELECOM_OFFICER) {
			return !m.banking();
		}
		return me.police();
	}

	// --- internals

	private interface Transition {

		void apply(DisciplinaryListing l, Instant now);

	}

	private ListingView step(Viewer me, long id, String step, String note, Transition t) {
		CardCuttingRecords.ListingRow row = find(me, id);
		Instant now = clock.instant();
		DisciplinaryListing l = DisciplinaryListing.restore(row.snapshot());
		try {
			t.apply(l, now);
		}
		catch (IllegalStateException e) {
			throw new ConflictException(e.getMessage());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldsException(Map.of("listing", e.getMessage()));
		}
		if (!store.updateListing(id, row.snapshot().status(), l.snapshot())) {
			throw new ConflictException("listing " + id + " changed meanwhile; reload and try again");
		}
		store.step(id, step, me.username(), now, note);
		CardCuttingRecords.PersonRow p = store.person(row.personId()).orElseThrow();
		audit.changed("DISCIPLINARY_LISTING", InvolvementRegister.ref(p.id(), p.idNumber()), "listing " + id,
				"card-cutting: " + step.toLowerCase(Locale.ROOT));
		return view(me, store.listing(id).orElseThrow(), p, now);
	}

	private CardCuttingRecords.ListingRow find(Viewer me, long id) {
		CardCuttingRecords.ListingRow l = store.listing(id)
			.orElseThrow(() -> new NotFoundException("no listing " + id));
		String scope = InvolvementRegister.regionScope(me);
		if (scope != null && !store.person(l.personId()).orElseThrow().regionCode().startsWith(scope)) {
			throw new NotFoundException("no listing " + id);
		}
		return l;
	}

	ListingView view(Viewer me, CardCuttingRecords.ListingRow row, CardCuttingRecords.PersonRow p, Instant now) {
		DisciplinaryListing.Snapshot s = row.snapshot();
		Map<Measure, Instant> inForce = DisciplinaryListing.restore(s).measuresInForce(now);
		List<MeasureView> measures = new ArrayList<>();
		s.until()
			.forEach((m, until) -> measures.add(new MeasureView(m.name(), m.label(), until, inForce.containsKey(m))));
		DisciplinaryListing.Notice n = s.notice();
		return new ListingView(row.id(), p.publicId(), me.id(s.idNumber()), p.name(), p.regionCode(), s.status().name(),
				s.evidence(), s.proposedAt(), s.decidedBy(), s.decidingUnit(), s.decidedAt(), measures,
				n == null ? null : n.text(), n == null ? null : n.appealChannel(),
				n == null ? List.of() : n.documents(), n == null ? null : n.appealDeadline(), s.appealStatement(),
				s.appealDocuments(), s.appealedAt(), s.appealsRejected(), s.closedBy(), s.closedAt(), s.closeNote(),
				store.steps(row.id()).stream().map(x -> new StepView(x.step(), x.actor(), x.at(), x.note())).toList());
	}

	private static DisciplinaryListing.Decider decider(Viewer me) {
		return new DisciplinaryListing.Decider(me.username(), me.police(), me.region());
	}

	private static String note(NoteIn in, boolean required) {
		String note = in == null || in.note() == null || in.note().isBlank() ? null : in.note().strip();
		if ((required && note == null) || (note != null && note.length() > 400)) {
			throw new InvalidFieldsException(Map.of("note",
					required ? "is required: say why (at most 400 characters)" : "at most 400 characters"));
		}
		return note;
	}

	private static void requirePolice(Viewer me) {
		if (!me.police()) {
			throw new AccessDeniedException("banks and operators query one ID number at a time");
		}
	}

	private static void requireCentre(Viewer me) {
		if (!me.centre()) {
			throw new AccessDeniedException("the anti-fraud centre handles the listing");
		}
	}

	/**
	 * Art. 31: only a centre officer of a prefecture-level or provincial unit decides,
	 * lifts or repairs.
	 */
	private static void requireDecider(Viewer me) {
		if (!me.mayDecide()) {
			throw new AccessDeniedException("only an anti-fraud centre officer of a prefecture-level or higher public "
					+ "security organ decides on the disciplinary list (Anti-Telecom-Fraud Law art. 31)");
		}
	}

}
