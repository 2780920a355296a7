package org.fanzha.sim.world;

/**
 * Ground truth about one victim, written when the simulation ends.
 *
 * @param payments payments made inside the simulated window
 * @param lossFen money paid inside the window (net of rebates paid back)
 * @param reports whether this victim reports at all (some never do)
 * @param caseId the case if the report fell inside the window, else -1
 */
public record VictimRecord(int person, int gang, FraudType type, long firstContact, int payments, long lossFen,
		boolean reports, long caseId) {
}
