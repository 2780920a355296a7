package org.fanzha.engine.linking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.fanzha.engine.warnings.HelpingCrimeThresholds;

/*
 * The whole-chain view (全链条) of a group of linked cases: who did what along the chain, from the upstream helpers to
 * the cash-out, with the money and the evidence per role, and where each suspect stands against the thresholds.
 * DOMAIN.md §2 item 10 (whole-chain handling) and §3 "Criminal law".
 *
 * Input: the group's cases (case id, victim's loss, time) and acts, each one suspect in one role (caller, SIM seller,
 * card seller, mule at level n, cash-out, technical help), optionally in one case, with an amount (for a mule or
 * cash-out: the money moved; for a seller: the price or the money the sold cards carried) and a line of evidence; per
 * suspect, optional counts (messages, calls, page views, cards sold, targets helped, illegal gains, prior penalty).
 * The server supplies these from case files; the simulator from its ground truth.
 *
 * Output: role lines in chain order — technical help, SIM sellers, card sellers, callers, mule level 1..n, cash-out —
 * each with its suspects, acts, total amount and evidence; and per suspect:
 *   - the fraud-amount assessment (FraudAmountThresholds) over the losses of the cases the suspect acted in, each case
 *     counted once at its time, two-year accumulation, plus the attempted-fraud counts. For helpers this is the
 *     amount they would answer for as joint offenders if they knew of the fraud (法释〔2011〕7号 art. 7);
 *   - for helper roles (everyone but callers), the 帮信 assessment (HelpingCrimeThresholds, unchanged): targets helped
 *     (given, else 1), payment settlement (the amount the suspect moved as a
 *     mule or at cash-out), illegal gains, cards sold (given, and at least one per act as card or SIM seller),
 *     prior penalty. Targets helped default to 1: a chain is one helped organisation, and the victims are not the
 *     "targets" of art. 12 (1). Whether the helped crime is established is given per suspect (default: established
 *     when the group holds a case with a loss).
 * Cost: O(a log a) for a acts. Decision support for the investigator, not a legal finding.
 */
/**
 * The whole chain of a case group: roles with amounts and evidence, and per-suspect
 * thresholds.
 */
public final class WholeChain {

	/** A role along the chain; {@link #ordinal()} is the chain order, upstream first. */
	public enum Role {

		TECHNICAL_HELP("技术支持"), SIM_SELLER("贩卖手机卡"), CARD_SELLER("贩卖银行卡"), CALLER("话务（实施诈骗）"), MULE("跑分/取款车手"),
		CASH_OUT("取现/洗白");

		private final String text;

		Role(String text) {
			this.text = text;
		}

		public String text() {
			return text;
		}

		public boolean helper() {
			return this != CALLER;
		}

	}

	/** A case of the group: its id, the victim's loss, and when it happened. */
	public record CaseLoss(long caseId, long lossFen, Instant time) {

		public CaseLoss {
			if (lossFen < 0 || time == null) {
				throw new IllegalArgumentException("a case needs a non-negative loss and a time");
			}
		}
	}

	/**
	 * One act: a suspect in a role ({@code muleLevel} >= 1 for a mule, else 0), in case
	 * {@code caseId} or -1 for none, moving or earning {@code amountFen}, with a line of
	 * evidence.
	 */
	public record Act(String suspect, Role role, int muleLevel, long caseId, long amountFen, Instant time,
			String evidence) {

		public Act {
			if (suspect == null || suspect.isBlank() || role == null || amountFen < 0 || time == null) {
				throw new IllegalArgumentException("an act needs a suspect, a role, a time and a non-negative amount");
			}
			if ((role == Role.MULE) != (muleLevel >= 1)) {
				throw new IllegalArgumentException(
						"a mule has a level >= 1, other roles level 0: " + role + " " + muleLevel);
			}
		}
	}

	/** What else is known of a suspect (counts already added up over two years). */
	public record SuspectFacts(FraudAmountThresholds.Attempts attempts, int targetsHelped, long illegalGainsFen,
			long advertisingFundsFen, int bankCardsSold, int simCardsSold, boolean priorPenaltyWithinTwoYears,
			Boolean helpedCrimeEstablished) {

		public static final SuspectFacts NONE = new SuspectFacts(FraudAmountThresholds.Attempts.NONE, -1, 0, 0, 0, 0,
				false, null);

		public SuspectFacts {
			if (attempts == null) {
				attempts = FraudAmountThresholds.Attempts.NONE;
			}
			if (illegalGainsFen < 0 || advertisingFundsFen < 0 || bankCardsSold < 0 || simCardsSold < 0) {
				throw new IllegalArgumentException("counts and amounts must not be negative");
			}
		}
	}

	/** A role line: the suspects in it, their acts, the total amount, the evidence. */
	public record RoleLine(Role role, int muleLevel, List<String> suspects, int acts, long amountFen,
			List<String> evidence) {

		public String label() {
			return role == Role.MULE ? role.text() + "（第" + muleLevel + "级）" : role.text();
		}
	}

	/**
	 * A suspect: roles, cases, amount moved, and the two assessments (helping is null for
	 * a caller only).
	 */
	public record Suspect(String name, Set<Role> roles, List<Long> cases, long amountFen,
			FraudAmountThresholds.Assessment fraud, HelpingCrimeThresholds.Assessment helping) {
	}

	/**
	 * The chain: total loss of the group's cases, the role lines in chain order, and the
	 * suspects by name.
	 */
	public record View(int cases, long lossFen, List<RoleLine> roles, List<Suspect> suspects) {

		public Suspect suspect(String name) {
			return suspects.stream()
				.filter(s -> s.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no suspect " + name));
		}
	}

	private final FraudAmountThresholds fraud;

	private final HelpingCrimeThresholds helping;

	public WholeChain() {
		this(new FraudAmountThresholds(), new HelpingCrimeThresholds());
	}

	public WholeChain(FraudAmountThresholds fraud, HelpingCrimeThresholds helping) {
		if (fraud == null || helping == null) {
			throw new IllegalArgumentException("thresholds are required");
		}
		this.fraud = fraud;
		this.helping = helping;
	}

	public View of(List<CaseLoss> cases, List<Act> acts, Map<String, SuspectFacts> facts) {
		if (cases == null || acts == null) {
			throw new IllegalArgumentException("cases and acts are required");
		}
		Map<String, SuspectFacts> known = facts == null ? Map.of() : facts;
		Map<Long, CaseLoss> byId = new HashMap<>();
		long loss = 0;
		for (CaseLoss c : cases) {
			if (byId.put(c.caseId(), c) != null) {
				throw new IllegalArgumentException("case " + c.caseId() + " given twice");
			}
			loss = Math.addExact(loss, c.lossFen());
		}
		// role lines keyed by (role, level) in chain order
		TreeMap<Integer, List<Act>> lines = new TreeMap<>();
		Map<String, List<Act>> bySuspect = new LinkedHashMap<>();
		for (Act a : acts) {
			if (a.caseId() >= 0 && !byId.containsKey(a.caseId())) {
				throw new IllegalArgumentException(
						"act of " + a.suspect() + " names case " + a.caseId() + ", not in the group");
			}
			lines.computeIfAbsent(a.role().ordinal() * 1_000 + Math.min(a.muleLevel(), 999), k -> new ArrayList<>())
				.add(a);
			bySuspect.computeIfAbsent(a.suspect(), k -> new ArrayList<>()).add(a);
		}
		for (String s : known.keySet()) {
			if (!bySuspect.containsKey(s)) {
				throw new IllegalArgumentException("facts given for " + s + ", who has no act in the chain");
			}
		}
		List<RoleLine> roles = new ArrayList<>();
		for (List<Act> line : lines.values()) {
			TreeSet<String> names = new TreeSet<>();
			List<String> evidence = new ArrayList<>();
			long amount = 0;
			for (Act a : line) {
				names.add(a.suspect());
				amount = Math.addExact(amount, a.amountFen());
				if (a.evidence() != null && !a.evidence().isBlank() && !evidence.contains(a.evidence())) {
					evidence.add(a.evidence());
				}
			}
			Act first = line.get(0);
			roles.add(new RoleLine(first.role(), first.muleLevel(), List.copyOf(names), line.size(), amount,
					List.copyOf(evidence)));
		}
		boolean anyLoss = loss > 0;
		List<Suspect> suspects = new ArrayList<>();
		for (Map.Entry<String, List<Act>> e : bySuspect.entrySet()) {
			SuspectFacts f = known.getOrDefault(e.getKey(), SuspectFacts.NONE);
			EnumSet<Role> rs = EnumSet.noneOf(Role.class);
			TreeSet<Long> caseIds = new TreeSet<>();
			long moved = 0;
			int cardActs = 0;
			int simActs = 0;
			for (Act a : e.getValue()) {
				rs.add(a.role());
				cardActs += a.role() == Role.CARD_SELLER ? 1 : 0;
				simActs += a.role() == Role.SIM_SELLER ? 1 : 0;
				if (a.caseId() >= 0) {
					caseIds.add(a.caseId());
				}
				if (a.role() == Role.MULE || a.role() == Role.CASH_OUT) {
					moved = Math.addExact(moved, a.amountFen());
				}
			}
			List<FraudAmountThresholds.Fraud> frauds = new ArrayList<>();
			for (long id : caseIds) {
				CaseLoss c = byId.get(id);
				frauds.add(new FraudAmountThresholds.Fraud(c.time(), c.lossFen()));
			}
			FraudAmountThresholds.Assessment fa = fraud.assess(frauds, f.attempts());
			HelpingCrimeThresholds.Assessment ha = null;
			if (rs.stream().anyMatch(Role::helper)) {
				int targets = f.targetsHelped() >= 0 ? f.targetsHelped() : 1;
				boolean established = f.helpedCrimeEstablished() != null ? f.helpedCrimeEstablished() : anyLoss;
				ha = helping.assess(new HelpingCrimeThresholds.Facts(targets, moved, f.advertisingFundsFen(),
						f.illegalGainsFen(), f.priorPenaltyWithinTwoYears(), HelpingCrimeThresholds.Consequences.NONE,
						Math.max(f.bankCardsSold(), cardActs), Math.max(f.simCardsSold(), simActs), established));
			}
			suspects.add(new Suspect(e.getKey(), rs, List.copyOf(caseIds), moved, fa, ha));
		}
		suspects.sort(Comparator.comparing((Suspect s) -> s.roles().iterator().next()).thenComparing(Suspect::name));
		return new View(cases.size(), loss, List.copyOf(roles), List.copyOf(suspects));
	}

}
