package org.fanzha.engine.telecom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores an operator's selling agents (代理商) by how many of the SIM cards they sold later
 * turned out to be fraud SIMs, so the operator can act on art. 9 para. 2 (agents answer
 * for real-name registration; breaches have contractual consequences) and watch the
 * applications they take ({@link SimRegistry#agentWatched}).
 *
 * <p>
 * The raw fraud share f/n rewards chance: an agent who sold 2 cards, one of them to a
 * fraudster, has a share of 50 %. The score is therefore the lower bound of the Wilson
 * score interval for the share (E. B. Wilson, "Probable inference, the law of succession,
 * and statistical inference", JASA 1927; the usual small-count correction for ranking by
 * a proportion):
 *
 * <pre>
 * lower = (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n),   p = f/n
 * </pre>
 *
 * with z = 1.96 (95 %) by default: 1 fraud card out of 2 scores 0.095, 20 out of 200
 * scores 0.066, 0 out of any scores 0. An agent is listed when the lower bound reaches
 * {@link Policy#listShare} and it sold at least {@link Policy#minFraud} fraud cards.
 * Counting is a hash-map update per card; ranking sorts the agents (n log n). Not
 * thread-safe.
 */
public final class AgentScores {

	/**
	 * When an agent is listed: Wilson lower bound ≥ {@code listShare} with at least
	 * {@code minFraud} fraud cards, the bound computed with {@code z}. Defaults: z =
	 * 1.96, 1 % and 3 cards (assumptions; an ordinary agent's share is far below 1 %).
	 */
	public record Policy(double z, double listShare, int minFraud) {

		public static final Policy DEFAULTS = new Policy(1.96, 0.01, 3);

		public Policy {
			if (!(z > 0) || !(listShare >= 0 && listShare <= 1) || minFraud < 0) {
				throw new IllegalArgumentException("z must be > 0, listShare within [0, 1], minFraud >= 0");
			}
		}
	}

	/**
	 * One agent's figures: cards sold, fraud cards among them, the raw share, the Wilson
	 * lower bound, listed or not.
	 */
	public record Score(String agentId, long sold, long fraud, double share, double lowerBound, boolean listed) {
	}

	private static final class Counts {

		long sold;

		long fraud;

	}

	private final Policy policy;

	private final Map<String, Counts> agents = new HashMap<>();

	public AgentScores() {
		this(Policy.DEFAULTS);
	}

	public AgentScores(Policy policy) {
		this.policy = policy;
	}

	private Counts of(String agentId) {
		if (agentId == null || agentId.isBlank()) {
			throw new IllegalArgumentException("agentId is missing");
		}
		return agents.computeIfAbsent(agentId, k -> new Counts());
	}

	/** The agent sold {@code cards} SIM cards. */
	public void sold(String agentId, long cards) {
		if (cards < 0) {
			throw new IllegalArgumentException("cards must be >= 0, got " + cards);
		}
		of(agentId).sold += cards;
	}

	/**
	 * One of the cards the agent sold was confirmed as a fraud SIM (a card counts once:
	 * call this once per card).
	 */
	public void fraud(String agentId) {
		of(agentId).fraud++;
	}

	/**
	 * The Wilson score lower bound of f fraud cards out of n sold (exactly 0 when f = 0
	 * or n = 0).
	 */
	public static double wilsonLower(long f, long n, double z) {
		if (n <= 0 || f <= 0) {
			return 0; // the formula gives 0 too, up to rounding
		}
		double p = Math.min(1.0, f / (double) n);
		double z2 = z * z;
		double centre = p + z2 / (2 * n);
		double margin = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
		return Math.max(0, (centre - margin) / (1 + z2 / n));
	}

	private Score score(String id, Counts c) {
		// an agent whose fraud cards were recorded but whose sales were not is scored on
		// at least those cards
		long n = Math.max(c.sold, c.fraud);
		double lower = wilsonLower(c.fraud, n, policy.z());
		boolean listed = c.fraud >= policy.minFraud() && lower >= policy.listShare();
		return new Score(id, n, c.fraud, n == 0 ? 0 : c.fraud / (double) n, lower, listed);
	}

	/** Every agent, highest lower bound first (then more fraud cards, then the id). */
	public List<Score> ranked() {
		List<Score> all = new ArrayList<>(agents.size());
		agents.forEach((id, c) -> all.add(score(id, c)));
		all.sort(Comparator.comparingDouble(Score::lowerBound)
			.reversed()
			.thenComparing(Comparator.comparingLong(Score::fraud).reversed())
			.thenComparing(Score::agentId));
		return all;
	}

	/** The listed agents, ranked. */
	public List<Score> listed() {
		return ranked().stream().filter(Score::listed).toList();
	}

	/** One agent's score (zeros for an agent never seen). */
	public Score score(String agentId) {
		Counts c = agents.get(agentId);
		return score(agentId, c == null ? new Counts() : c);
	}

}
