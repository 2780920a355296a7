package org.fanzha.sim.world;

/**
 * What the platform has decided so far, as the gangs of a reacting world can find out: a
 * number that no longer gets through, an account whose money was held or stopped, a case
 * that was linked to others. The evaluation fills it from the engines' decisions; the
 * simulator asks it while generating, and it holds only decisions made before the hour
 * being generated (the simulator tells the sinks when an hour is complete,
 * {@link EventSink#hourEnd}), so the world never reacts to a decision before it was made.
 *
 * <p>
 * Times are epoch seconds; {@link #NEVER} when there is no such decision. Lookups must
 * not allocate: the simulator asks for every fraud contact and laundering hop.
 */
public interface Countermeasures {

	long NEVER = Long.MAX_VALUE;

	/**
	 * A platform that decides nothing (every lookup answers {@link #NEVER} unless
	 * overridden).
	 */
	Countermeasures NONE = new Countermeasures() {
	};

	/** When the number's outgoing calls and texts were first restricted or suspended. */
	default long restrictedAt(long phone) {
		return NEVER;
	}

	/**
	 * When a transfer into or out of the account was first delayed or frozen, or the
	 * account stopped.
	 */
	default long stoppedAt(int account) {
		return NEVER;
	}

	/**
	 * Smallest amount of a transfer into or out of the account that was delayed or
	 * frozen.
	 */
	default long smallestHeldFen(int account) {
		return NEVER;
	}

	/** When the case (a reported case id) was first linked to another case. */
	default long linkedAt(long caseId) {
		return NEVER;
	}

}
