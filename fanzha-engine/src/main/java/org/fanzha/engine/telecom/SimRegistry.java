package org.fanzha.engine.telecom;

import java.time.LocalDate;

import org.fanzha.core.IdNumber;
import org.fanzha.core.Operator;

/**
 * What {@link IssuanceCheck} needs to know beyond the application, implemented by the
 * caller over its own records (the operator's real-name register, the national card-count
 * check of art. 10, the shipping log). Counts exclude the application being checked.
 */
public interface SimRegistry {

	/** SIM cards the ID number holds now with one operator. */
	int simsHeld(IdNumber id, Operator operator);

	/**
	 * SIM cards the ID number holds now with all operators together (the national count,
	 * art. 10).
	 */
	int simsHeldTotal(IdNumber id);

	/**
	 * Applications already made with this ID number on or after {@code from} (any
	 * outcome).
	 */
	int applicationsSince(IdNumber id, LocalDate from);

	/**
	 * Cards shipped to this normalised address ({@link AddressNormaliser}) on or after
	 * {@code from}.
	 */
	int cardsShippedTo(String normalisedAddress, LocalDate from);

	/**
	 * Whether the selling agent is on the operator's watch list (e.g. listed by
	 * {@link AgentScores}); applications it takes get an extra check. None by default.
	 */
	default boolean agentWatched(String agentId) {
		return false;
	}

}
