package org.fanzha.sim.world;

/**
 * How the gangs react to what the platform decided ({@link Countermeasures});
 * {@link #STATIC} is the world that never reacts (the simulator's behaviour before
 * reactions existed, event for event). Each behaviour's assumption is in
 * docs/simulator.md ("A world that fights back"); the figures are ours unless a source is
 * named there.
 *
 * @param on whether the gangs react at all
 * @param simSwitchMinutes median delay from a SIM's restriction to the gang dropping it
 * for another bought SIM (log-normal, {@code sigma}); the calls in between are made and
 * blocked by the operator
 * @param accountSwitchMinutes median delay from the first freeze, delay or stop on a mule
 * account to the gang routing around it (log-normal, {@code sigma})
 * @param sigma log-normal spread of both delays
 * @param alarmedDwellFactor once a gang has seen one of its accounts stopped, its mules'
 * dwell times are multiplied by this (money moves faster)
 * @param alarmedMinParts fewest parts an alarmed gang splits a forward into
 * @param alarmedMaxParts most parts
 * @param rotateHours median delay (log-normal, {@code sigma}) from one of a gang's cases
 * being linked to the gang rotating its app, website and chat groups
 * @param probingShare share of gangs that probe the monitor: they keep each layering
 * transfer under {@code probeMargin} × the smallest amount they saw held
 * @param probeMargin see {@code probingShare}
 */
public record Reactions(boolean on, double simSwitchMinutes, double accountSwitchMinutes, double sigma,
		double alarmedDwellFactor, int alarmedMinParts, int alarmedMaxParts, double rotateHours, double probingShare,
		double probeMargin) {

	public Reactions {
		if (simSwitchMinutes <= 0 || accountSwitchMinutes <= 0 || sigma < 0 || rotateHours <= 0) {
			throw new IllegalArgumentException("reaction delays must be > 0 and sigma >= 0");
		}
		if (alarmedDwellFactor <= 0 || alarmedMinParts < 1 || alarmedMaxParts < alarmedMinParts) {
			throw new IllegalArgumentException("dwell factor must be > 0 and 1 <= min parts <= max parts");
		}
		if (probingShare < 0 || probingShare > 1 || probeMargin <= 0 || probeMargin > 1) {
			throw new IllegalArgumentException("probing share and margin must be within [0, 1]");
		}
	}

	/** Gangs that never react. */
	public static final Reactions STATIC = new Reactions(false, 120, 30, 0.8, 0.3, 2, 5, 12, 0.3, 0.9);

	/** The documented defaults of the reacting world. */
	public static final Reactions REACTING = new Reactions(true, 120, 30, 0.8, 0.3, 2, 5, 12, 0.3, 0.9);

	/** {@code static} or {@code reacting}. */
	public static Reactions named(String world) {
		return switch (world) {
			case "static" -> STATIC;
			case "reacting" -> REACTING;
			default -> throw new IllegalArgumentException("Unknown world '" + world + "': use static or reacting");
		};
	}

	public String worldName() {
		return on ? "reacting" : "static";
	}

	/** The same with other reaction delays (tests pin them). */
	public Reactions withDelays(double simSwitchMinutes, double accountSwitchMinutes, double sigma) {
		return new Reactions(on, simSwitchMinutes, accountSwitchMinutes, sigma, alarmedDwellFactor, alarmedMinParts,
				alarmedMaxParts, rotateHours, probingShare, probeMargin);
	}

	public Reactions withProbingShare(double share) {
		return new Reactions(on, simSwitchMinutes, accountSwitchMinutes, sigma, alarmedDwellFactor, alarmedMinParts,
				alarmedMaxParts, rotateHours, share, probeMargin);
	}
}
