package org.fanzha.engine.cardcutting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fanzha.core.Beijing;
import org.fanzha.core.IdNumber;
import org.fanzha.core.RegionCode;

/*
 * One person's entry on the card-cutting disciplinary list (惩戒名单), as a state machine:
 *
 *   PROPOSED ──dismiss──▶ DISMISSED
 *      │ decide (police of a prefecture-level-or-above unit only)
 *      ▼
 *   DECIDED ──notify──▶ NOTIFIED ──appeal──▶ APPEALED ──lift (appeal verified)──▶ LIFTED
 *                          ▲  │                  │
 *                          │  └─expire──▶ EXPIRED └─reject appeal──▶ NOTIFIED (may appeal again before the deadline)
 *                          │
 *   NOTIFIED, LIFTED, EXPIRED ──repair credit──▶ CREDIT_REPAIRED
 *
 * Sources (reference/law/anti-telecom-fraud-law-2022.md, verified):
 *   art. 31 para. 2: people who sell, rent or lend cards/accounts, once determined by a public security organ "at the
 *     level of a city divided into districts or above" (设区的市级以上公安机关), may have it recorded in their credit
 *     record and be subject to measures: non-counter business stopped, new business suspended, network access limited.
 *     Appeals, credit repair and remedies must exist.
 *   art. 32 para. 3: every restriction tells the person the reason, the appeal channel and the documents needed; an
 *     appeal that is verified lifts the measures at once (即时解除).
 * Measure durations are not in the law: DOMAIN.md §3 (secondary) gives 5 years for non-counter business and 3 years
 * for new accounts; the SIM limit has no published duration, 3 years is assumed. All three are configurable
 * ({@link Durations}); the appeal deadline in the notice (60 days by default) is an assumption too.
 *
 * Measures take effect at the decision (banks and operators must apply them from then on) and each ends at its own
 * "until" instant, so one may expire while another is still in force; {@link #measuresInForce(Instant)} answers
 * with the injected time. Lifting or credit repair ends every measure at that instant. Every transition records who
 * and when; an illegal one throws IllegalStateException naming the current state. Cost: O(1) per transition.
 */
/**
 * A person's listing on the card-cutting disciplinary list and its lifecycle (arts.
 * 31-32).
 */
public final class DisciplinaryListing {

	public enum Status {

		PROPOSED, DISMISSED, DECIDED, NOTIFIED, APPEALED, LIFTED, EXPIRED, CREDIT_REPAIRED;

		/** Whether the listing's measures can still be in force in this state. */
		public boolean binding() {
			return this == DECIDED || this == NOTIFIED || this == APPEALED;
		}

	}

	/** The measures of art. 31 para. 2, with the party that applies each. */
	public enum Measure {

		/** 停止非柜面业务: banks and payment institutions. */
		NON_COUNTER_BUSINESS_STOPPED("停止非柜面业务", true),
		/** 暂停新业务（不得新开账户）: banks and payment institutions. */
		NO_NEW_ACCOUNTS("暂停新开户", true),
		/** 限制入网（限制新办电话卡）: telecom operators. */
		SIM_LIMIT("限制入网（限制新办电话卡）", false);

		private final String label;

		private final boolean banking;

		Measure(String label, boolean banking) {
			this.label = label;
			this.banking = banking;
		}

		public String label() {
			return label;
		}

		/** Applied by banks and payment institutions; otherwise by telecom operators. */
		public boolean banking() {
			return banking;
		}

	}

	/**
	 * How long each measure lasts from the decision. Defaults: 5 years, 3 years
	 * (DOMAIN.md §3, secondary), 3 years (assumed).
	 */
	public record Durations(Period nonCounterBusinessStopped, Period noNewAccounts, Period simLimit) {

		public static final Durations DEFAULTS = new Durations(Period.ofYears(5), Period.ofYears(3), Period.ofYears(3));

		public Durations {
			for (Period p : new Period[] { nonCounterBusinessStopped, noNewAccounts, simLimit }) {
				if (p == null || p.isNegative() || p.isZero()) {
					throw new IllegalArgumentException("every measure needs a positive duration");
				}
			}
		}

		public Period of(Measure m) {
			return switch (m) {
				case NON_COUNTER_BUSINESS_STOPPED -> nonCounterBusinessStopped;
				case NO_NEW_ACCOUNTS -> noNewAccounts;
				case SIM_LIMIT -> simLimit;
			};
		}
	}

	/** Who decides: a user, whether a police officer, and the region of their unit. */
	public record Decider(String username, boolean police, RegionCode unitRegion) {

		public Decider {
			if (username == null || username.isBlank()) {
				throw new IllegalArgumentException("the decider's username is required");
			}
			if (unitRegion == null) {
				throw new IllegalArgumentException("the decider's unit region is required");
			}
		}

		/** Art. 31 para. 2: police at the level of a prefecture (设区的市) or a province. */
		public boolean mayDecide() {
			return police && (unitRegion.isPrefecture() || unitRegion.isProvince());
		}
	}

	/**
	 * The notice of art. 32: reason, appeal channel, documents and the appeal deadline,
	 * with the full text.
	 */
	public record Notice(String reason, String appealChannel, List<String> documents, Instant appealDeadline,
			Instant issuedAt, String text) {

		public Notice {
			documents = List.copyOf(documents);
		}
	}

	/** Everything the listing holds, to store and to restore it. */
	public record Snapshot(String idNumber, List<String> evidence, Status status, Instant proposedAt, String decidedBy,
			String decidingUnit, Instant decidedAt, Map<Measure, Instant> until, Notice notice, String appealStatement,
			List<String> appealDocuments, Instant appealedAt, int appealsRejected, String closedBy, Instant closedAt,
			String closeNote) {

		public Snapshot {
			evidence = List.copyOf(evidence);
			until = until == null || until.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(until));
			appealDocuments = appealDocuments == null ? List.of() : List.copyOf(appealDocuments);
		}
	}

	private final String idNumber;

	private final List<String> evidence;

	private final Instant proposedAt;

	private Status status;

	private String decidedBy;

	private String decidingUnit;

	private Instant decidedAt;

	private final EnumMap<Measure, Instant> until = new EnumMap<>(Measure.class);

	private Notice notice;

	private String appealStatement;

	private List<String> appealDocuments = List.of();

	private Instant appealedAt;

	private int appealsRejected;

	private String closedBy;

	private Instant closedAt;

	private String closeNote;

	private DisciplinaryListing(String idNumber, List<String> evidence, Instant proposedAt, Status status) {
		this.idNumber = idNumber;
		this.evidence = List.copyOf(evidence);
		this.proposedAt = proposedAt;
		this.status = status;
	}

	/** The system proposes a listing with the evidence (at least one item). */
	public static DisciplinaryListing propose(String idNumber, List<String> evidence, Instant now) {
		requireTime(now);
		if (idNumber == null || !IdNumber.isValid(idNumber, LocalDate.ofInstant(now, Beijing.ZONE))) {
			throw new IllegalArgumentException("a valid ID number is required");
		}
		if (evidence == null || evidence.isEmpty() || evidence.stream().anyMatch(e -> e == null || e.isBlank())) {
			throw new IllegalArgumentException("a proposal needs evidence");
		}
		return new DisciplinaryListing(idNumber, evidence, now, Status.PROPOSED);
	}

	public static DisciplinaryListing restore(Snapshot s) {
		DisciplinaryListing l = new DisciplinaryListing(s.idNumber(), s.evidence(), s.proposedAt(), s.status());
		l.decidedBy = s.decidedBy();
		l.decidingUnit = s.decidingUnit();
		l.decidedAt = s.decidedAt();
		l.until.putAll(s.until());
		l.notice = s.notice();
		l.appealStatement = s.appealStatement();
		l.appealDocuments = s.appealDocuments();
		l.appealedAt = s.appealedAt();
		l.appealsRejected = s.appealsRejected();
		l.closedBy = s.closedBy();
		l.closedAt = s.closedAt();
		l.closeNote = s.closeNote();
		return l;
	}

	public Snapshot snapshot() {
		return new Snapshot(idNumber, evidence, status, proposedAt, decidedBy, decidingUnit, decidedAt, until, notice,
				appealStatement, appealDocuments, appealedAt, appealsRejected, closedBy, closedAt, closeNote);
	}

	/**
	 * The decision of art. 31: the listed measures start now and each lasts its duration
	 * (calendar years in {@code zone}). Only a police user of a prefecture-level-or-above
	 * unit decides.
	 */
	public void decide(Decider decider, Set<Measure> measures, Durations durations, ZoneId zone, Instant now) {
		if (decider == null || !decider.mayDecide()) {
			throw new IllegalArgumentException("only the police of a prefecture-level or higher unit decide a listing "
					+ "(Anti-Telecom-Fraud Law art. 31)"
					+ (decider == null ? "" : "; " + decider.username() + " of " + decider.unitRegion() + " may not"));
		}
		if (measures == null || measures.isEmpty()) {
			throw new IllegalArgumentException("a decision names at least one measure");
		}
		if (durations == null || zone == null) {
			throw new IllegalArgumentException("durations and zone are required");
		}
		requireTime(now);
		expect("decide", Status.PROPOSED);
		for (Measure m : measures) {
			until.put(m, now.atZone(zone).plus(durations.of(m)).toInstant());
		}
		decidedBy = decider.username();
		decidingUnit = decider.unitRegion().value();
		decidedAt = now;
		status = Status.DECIDED;
	}

	/** The proposal does not hold (by the same authority as a decision). */
	public void dismiss(Decider decider, String note, Instant now) {
		if (decider == null || !decider.mayDecide()) {
			throw new IllegalArgumentException(
					"only the police of a prefecture-level or higher unit dismiss a proposal");
		}
		requireNote(note);
		requireTime(now);
		expect("dismiss", Status.PROPOSED);
		close(Status.DISMISSED, decider.username(), now, note);
	}

	/**
	 * The notice of art. 32, issued to the person: the text states the reason, channel,
	 * documents and deadline.
	 */
	public Notice notify(String appealChannel, List<String> documents, Period appealPeriod, ZoneId zone, Instant now) {
		if (appealChannel == null || appealChannel.isBlank()) {
			throw new IllegalArgumentException("the notice names the appeal channel");
		}
		if (documents == null || documents.isEmpty() || documents.stream().anyMatch(d -> d == null || d.isBlank())) {
			throw new IllegalArgumentException("the notice lists the documents an appeal needs");
		}
		if (appealPeriod == null || appealPeriod.isNegative() || appealPeriod.isZero() || zone == null) {
			throw new IllegalArgumentException("a positive appeal period and a zone are required");
		}
		requireTime(now);
		expect("notify", Status.DECIDED);
		Instant deadline = now.atZone(zone).plus(appealPeriod).toInstant();
		String reason = String.join("；", evidence);
		StringBuilder text = new StringBuilder(
				"惩戒告知书：经设区的市级以上公安机关认定，你实施了《中华人民共和国反电信网络诈骗法》" + "第三十一条第一款规定的行为（" + reason + "），依照该条第二款对你采取以下措施：");
		for (Map.Entry<Measure, Instant> e : until.entrySet()) {
			text.append(e.getKey().label()).append("（至").append(e.getValue().atZone(zone).toLocalDate()).append("）；");
		}
		text.append("如有异议，可于")
			.append(deadline.atZone(zone).toLocalDate())
			.append("前通过")
			.append(appealChannel)
			.append("提出申诉，需提交：")
			.append(String.join("、", documents))
			.append("。申诉经核查属实的，即时解除上述措施（第三十二条）。");
		notice = new Notice(reason, appealChannel, documents, deadline, now, text.toString());
		status = Status.NOTIFIED;
		return notice;
	}

	/**
	 * The person appeals (through the centre) with a statement and the documents, before
	 * the deadline.
	 */
	public void appeal(String statement, List<String> documents, Instant now) {
		requireNote(statement);
		if (documents == null || documents.isEmpty()) {
			throw new IllegalArgumentException("an appeal lists the documents submitted");
		}
		requireTime(now);
		expect("appeal", Status.NOTIFIED);
		if (now.isAfter(notice.appealDeadline())) {
			throw new IllegalStateException("the appeal deadline " + notice.appealDeadline() + " has passed");
		}
		if (measuresInForce(now).isEmpty()) {
			throw new IllegalStateException("no measure is in force any more: nothing to appeal");
		}
		appealStatement = statement.strip();
		appealDocuments = List.copyOf(documents);
		appealedAt = now;
		status = Status.APPEALED;
	}

	/** The appeal was verified: every measure ends now (art. 32 "即时解除"). */
	public void lift(String actor, String note, Instant now) {
		requireActor(actor);
		requireTime(now);
		expect("lift", Status.APPEALED);
		endMeasures(now);
		close(Status.LIFTED, actor, now, note);
	}

	/**
	 * The appeal does not hold: the measures stay, the note says why; the person may
	 * appeal again before the deadline.
	 */
	public void rejectAppeal(String actor, String note, Instant now) {
		requireActor(actor);
		requireNote(note);
		requireTime(now);
		expect("reject the appeal", Status.APPEALED);
		appealsRejected++;
		closedBy = actor;
		closedAt = now;
		closeNote = note.strip();
		status = Status.NOTIFIED;
	}

	/**
	 * Credit repair (信用修复, art. 31 para. 2): the record is cleared and any measure still
	 * running ends now.
	 */
	public void repairCredit(String actor, String note, Instant now) {
		requireActor(actor);
		requireNote(note);
		requireTime(now);
		expect("repair credit", Status.NOTIFIED, Status.LIFTED, Status.EXPIRED);
		endMeasures(now);
		close(Status.CREDIT_REPAIRED, actor, now, note);
	}

	/**
	 * Moves a notified listing whose measures have all run out to EXPIRED; answers
	 * whether it did.
	 */
	public boolean expireIfDue(Instant now) {
		requireTime(now);
		if ((status == Status.NOTIFIED || status == Status.DECIDED) && measuresInForce(now).isEmpty()) {
			close(Status.EXPIRED, "system", now, null);
			return true;
		}
		return false;
	}

	/**
	 * The measures in force at {@code now}, each with its end; empty unless the listing
	 * binds.
	 */
	public Map<Measure, Instant> measuresInForce(Instant now) {
		requireTime(now);
		EnumMap<Measure, Instant> out = new EnumMap<>(Measure.class);
		if (status.binding()) {
			for (Map.Entry<Measure, Instant> e : until.entrySet()) {
				if (now.isBefore(e.getValue())) {
					out.put(e.getKey(), e.getValue());
				}
			}
		}
		return out;
	}

	public Status status() {
		return status;
	}

	public String idNumber() {
		return idNumber;
	}

	public Notice notice() {
		return notice;
	}

	private void endMeasures(Instant now) {
		until.replaceAll((m, u) -> u.isAfter(now) ? now : u);
	}

	private void close(Status to, String actor, Instant now, String note) {
		status = to;
		closedBy = actor;
		closedAt = now;
		closeNote = note == null || note.isBlank() ? null : note.strip();
	}

	private void expect(String action, Status... allowed) {
		for (Status s : allowed) {
			if (status == s) {
				return;
			}
		}
		List<Status> names = new ArrayList<>(List.of(allowed));
		throw new IllegalStateException("cannot " + action + " a listing that is " + status + " (only when "
				+ names.stream().map(Enum::name).reduce((a, b) -> a + " or " + b).orElse("") + ")");
	}

	private static void requireTime(Instant now) {
		if (now == null) {
			throw new IllegalArgumentException("the time is required");
		}
	}

	private static void requireActor(String actor) {
		if (actor == null || actor.isBlank()) {
			throw new IllegalArgumentException("who acts is required");
		}
	}

	private static void requireNote(String note) {
		if (note == null || note.isBlank()) {
			throw new IllegalArgumentException("a note (statement or reason) is required");
		}
	}

}
