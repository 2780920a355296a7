package org.fanzha.sim.typology;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.fanzha.sim.world.Rng;

/**
 * The eight laundering shapes of IBM AMLSim (Suzumura and Kanezashi, "Anti-Money
 * Laundering Datasets", github.com/IBM/AMLSim, 2021; its {@code alertPatterns.csv} type
 * names), laid out as payments between the members of one alert. Written here from
 * AMLSim's descriptions, not copied:
 * <ul>
 * <li>{@code fan_in}: every other member pays the main account;</li>
 * <li>{@code fan_out}: the main account pays every other member;</li>
 * <li>{@code cycle}: member i pays member i + 1, the last pays the first, in order;</li>
 * <li>{@code random}: a walk from the main account, each step paying a random other
 * member who pays on at the next step;</li>
 * <li>{@code scatter_gather}: the main account pays the intermediates in the first half
 * of the period, each pays one beneficiary in the second half;</li>
 * <li>{@code gather_scatter}: the first half of the others pay the main account in the
 * first half of the period, it pays the second half of the others in the second;</li>
 * <li>{@code stack}: thirds of the members, every originator paying every intermediate,
 * then every intermediate paying every beneficiary;</li>
 * <li>{@code bipartite}: every member of the first half pays every member of the
 * second.</li>
 * </ul>
 * Member 0 is the main account. Amounts are factors on an alert's base amount (AMLSim
 * draws each payment between the pattern's least and largest amount; margins of up to 10
 * % are kept back where money passes on). Cost: O(k²) payments at most for k members
 * (stack and bipartite), O(k) otherwise.
 */
public enum Typology {

	FAN_IN("fan_in"), FAN_OUT("fan_out"), CYCLE("cycle"), RANDOM("random"), SCATTER_GATHER("scatter_gather"),
	GATHER_SCATTER("gather_scatter"), STACK("stack"), BIPARTITE("bipartite");

	/**
	 * The typology of mule accounts whose shape is the simulator's own layered chains.
	 */
	public static final String LAYERED = "layered";

	private final String label;

	Typology(String label) {
		this.label = label;
	}

	/** AMLSim's name, e.g. {@code scatter_gather}. */
	public String label() {
		return label;
	}

	/** Fewest members the shape needs. */
	public int minMembers() {
		return switch (this) {
			case SCATTER_GATHER, STACK -> 3;
			case GATHER_SCATTER -> 3;
			default -> 2;
		};
	}

	/**
	 * A typology by AMLSim's name or ours, case and {@code -}/{@code _} insensitive
	 * ({@code fan-in}, {@code FAN_IN}, {@code fanin}).
	 */
	public static Typology parse(String name) {
		String key = name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
		for (Typology t : values()) {
			if (t.label.replace("_", "").equals(key)) {
				return t;
			}
		}
		throw new IllegalArgumentException(
				"unknown typology '" + name + "': use one of " + labels(EnumSet.allOf(Typology.class)));
	}

	/** A comma-separated list of typologies; empty or "all" means all eight. */
	public static Set<Typology> parseList(String list) {
		if (list == null || list.isBlank() || list.strip().equalsIgnoreCase("all")) {
			return EnumSet.allOf(Typology.class);
		}
		Set<Typology> out = EnumSet.noneOf(Typology.class);
		for (String s : list.split(",")) {
			if (!s.isBlank()) {
				out.add(parse(s));
			}
		}
		return out;
	}

	public static String labels(Set<Typology> set) {
		List<String> names = new ArrayList<>();
		for (Typology t : set) {
			names.add(t.label);
		}
		return String.join(",", names);
	}

	/**
	 * One payment of a layout: member indices, the phase in the alert's period (0 its
	 * start, below 1 its end) and a factor on the alert's base amount.
	 */
	public record Payment(int from, int to, double phase, double amountFactor) {
	}

	/**
	 * The payments of one alert with {@code k} members ({@code k >= minMembers()}).
	 * Deterministic for the generator's state.
	 */
	public List<Payment> layout(int k, Rng r) {
		if (k < minMembers()) {
			throw new IllegalArgumentException(label + " needs " + minMembers() + " members at least, got " + k);
		}
		List<Payment> out = new ArrayList<>();
		switch (this) {
			case FAN_IN -> {
				for (int i = 1; i < k; i++) {
					out.add(new Payment(i, 0, r.nextDouble(), 1));
				}
			}
			case FAN_OUT -> {
				for (int i = 1; i < k; i++) {
					out.add(new Payment(0, i, r.nextDouble(), 1));
				}
			}
			case CYCLE -> {
				// in member order, each hop keeping back a margin of up to 10 %
				double amount = 1;
				for (int i = 0; i < k; i++) {
					out.add(new Payment(i, (i + 1) % k, (i + r.nextDouble()) / k, amount));
					amount *= 0.9 + 0.1 * r.nextDouble();
				}
			}
			case RANDOM -> {
				int at = 0;
				for (int s = 0; s < k; s++) {
					int next = (at + 1 + r.nextInt(k - 1)) % k;
					out.add(new Payment(at, next, (s + r.nextDouble()) / k, 1));
					at = next;
				}
			}
			case SCATTER_GATHER -> {
				// member 0 the source, member 1 the beneficiary, the rest intermediates
				for (int i = 2; i < k; i++) {
					out.add(new Payment(0, i, 0.5 * r.nextDouble(), 1));
					out.add(new Payment(i, 1, 0.5 + 0.5 * r.nextDouble(), 0.9 + 0.1 * r.nextDouble()));
				}
			}
			case GATHER_SCATTER -> {
				int origins = (k - 1) / 2;
				for (int i = 1; i <= origins; i++) {
					out.add(new Payment(i, 0, 0.5 * r.nextDouble(), 1));
				}
				// what came in, less a margin, shared among the beneficiaries
				double share = origins / (double) (k - 1 - origins) * 0.9;
				for (int i = origins + 1; i < k; i++) {
					out.add(new Payment(0, i, 0.5 + 0.5 * r.nextDouble(), share));
				}
			}
			case STACK -> {
				int third = k / 3;
				for (int i = 0; i < third; i++) {
					double when = 0.5 * r.nextDouble();
					for (int j = third; j < 2 * third; j++) {
						out.add(new Payment(i, j, when, 1));
					}
				}
				for (int i = third; i < 2 * third; i++) {
					double when = 0.5 + 0.5 * r.nextDouble();
					for (int j = 2 * third; j < k; j++) {
						out.add(new Payment(i, j, when, 0.9 + 0.1 * r.nextDouble()));
					}
				}
			}
			case BIPARTITE -> {
				int half = k / 2;
				for (int i = 0; i < half; i++) {
					double when = r.nextDouble();
					for (int j = half; j < k; j++) {
						out.add(new Payment(i, j, when, 1));
					}
				}
			}
		}
		return out;
	}

}
