package org.fanzha.engine.cardcutting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fanzha.engine.warnings.HelpingCrimeThresholds;
import org.fanzha.engine.warnings.HelpingCrimeThresholds.Consequences;
import org.fanzha.engine.warnings.HelpingCrimeThresholds.Facts;

/*
 * Turns a person's recorded involvement (evidence from transfer monitoring, SIM monitoring and the centre) into the
 * facts {@link HelpingCrimeThresholds} assesses (帮信罪, 法释〔2019〕15号 art. 12, verified; Opinion (II) 2021 card
 * counts, recalled):
 *   - only involvement within the last 2 years counts (art. 16 of the 2019 interpretation adds up repeated acts in
 *     2 years): at exactly now − 2 calendar years it counts, one second earlier it does not;
 *   - targets helped, settlement, advertising funds and illegal gains are summed;
 *   - bank cards sold or rented = distinct references among BANK_CARD_SOLD and MULE_ACCOUNT (an account in the
 *     person's name that monitoring flagged as a mule is taken as lent or rented until the person explains it —
 *     an assumption of this platform, shown as such to the officer); SIMs likewise among SIM_SOLD and FRAUD_SIM;
 *   - whether the helped crime is established, a prior penalty within 2 years and the consequences come from the
 *     officer (default: not established, so the 5× rule of art. 12 para. 2 applies).
 * Decision support, not a legal finding. Cost: one pass over the involvements, a hash set per card kind.
 */
/** A person's involvement records turned into 帮信 facts, and assessed. */
public final class Involvements {

	public enum Kind {

		/** An account in the person's name used as a mule (from transfer monitoring). */
		MULE_ACCOUNT,
		/** A SIM in the person's name restricted as a fraud SIM (from SIM monitoring). */
		FRAUD_SIM,
		/**
		 * The centre established that the person sold, rented or lent a bank card or
		 * account.
		 */
		BANK_CARD_SOLD,
		/** The centre established that the person sold, rented or lent a SIM card. */
		SIM_SOLD,
		/**
		 * Other help (settlement, advertising, technical support): counts only by its
		 * amounts and targets.
		 */
		OTHER;

		public boolean bankCard() {
			return this == MULE_ACCOUNT || this == BANK_CARD_SOLD;
		}

		public boolean sim() {
			return this == FRAUD_SIM || this == SIM_SOLD;
		}

	}

	/** One piece of involvement; amounts in fen. */
	public record Involvement(Kind kind, String reference, int targetsHelped, long settlementFen,
			long advertisingFundsFen, long illegalGainsFen, Instant at) {

		public Involvement {
			if (kind == null || at == null) {
				throw new IllegalArgumentException("an involvement has a kind and a time");
			}
			if ((kind.bankCard() || kind.sim()) && (reference == null || reference.isBlank())) {
				throw new IllegalArgumentException(kind + " names the card or SIM it concerns");
			}
			if (targetsHelped < 0 || settlementFen < 0 || advertisingFundsFen < 0 || illegalGainsFen < 0) {
				throw new IllegalArgumentException("counts and amounts must not be negative");
			}
		}
	}

	/** What the officer has established about the person. */
	public record Findings(boolean helpedCrimeEstablished, boolean priorPenaltyWithinTwoYears,
			Consequences consequences) {

		public static final Findings NONE = new Findings(false, false, Consequences.NONE);

	}

	private final HelpingCrimeThresholds thresholds;

	private final ZoneId zone;

	public Involvements(HelpingCrimeThresholds thresholds, ZoneId zone) {
		if (thresholds == null || zone == null) {
			throw new IllegalArgumentException("thresholds and zone are required");
		}
		this.thresholds = thresholds;
		this.zone = zone;
	}

	/**
	 * The facts of the involvement within the last 2 years (saturating at Long.MAX_VALUE
	 * fen).
	 */
	public Facts facts(List<Involvement> involvements, Findings findings, Instant now) {
		if (involvements == null || findings == null || now == null) {
			throw new IllegalArgumentException("involvements, findings and time are required");
		}
		Instant from = now.atZone(zone).minusYears(2).toInstant();
		long targets = 0;
		long settlement = 0;
		long advertising = 0;
		long gains = 0;
		Set<String> cards = new HashSet<>();
		Set<String> sims = new HashSet<>();
		for (Involvement i : involvements) {
			if (i.at().isBefore(from) || i.at().isAfter(now)) {
				continue;
			}
			targets += i.targetsHelped();
			settlement = add(settlement, i.settlementFen());
			advertising = add(advertising, i.advertisingFundsFen());
			gains = add(gains, i.illegalGainsFen());
			if (i.kind().bankCard()) {
				cards.add(i.reference());
			}
			else if (i.kind().sim()) {
				sims.add(i.reference());
			}
		}
		return new Facts((int) Math.min(targets, Integer.MAX_VALUE), settlement, advertising, gains,
				findings.priorPenaltyWithinTwoYears(), findings.consequences(), cards.size(), sims.size(),
				findings.helpedCrimeEstablished());
	}

	public HelpingCrimeThresholds.Assessment assess(List<Involvement> involvements, Findings findings, Instant now) {
		return thresholds.assess(facts(involvements, findings, now));
	}

	private static long add(long a, long b) {
		long s = a + b;
		return s < 0 ? Long.MAX_VALUE : s;
	}

}
