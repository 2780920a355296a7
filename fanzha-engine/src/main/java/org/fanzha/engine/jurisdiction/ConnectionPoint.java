package org.fanzha.engine.jurisdiction;

import java.time.Instant;
import java.util.Optional;

/**
 * One connection point (连接点) found in a case's data.
 *
 * @param kind what kind of place it is, which fixes its legal basis
 * @param place mainland division or overseas country
 * @param evidence what it is, in words: the record it comes from (e.g.
 * "报案笔录：被害人在雁塔区家中被骗")
 * @param time when, if known (null otherwise)
 * @param lossFen the victim's loss, only for {@link ConnectionKind#VICTIM_LOCATION}; 0
 * elsewhere. Only victim locations carry money so that the same money is not counted
 * again where it was moved or withdrawn.
 */
public record ConnectionPoint(ConnectionKind kind, Place place, String evidence, Instant time, long lossFen) {

	public static final int MAX_EVIDENCE_LENGTH = 500;

	public ConnectionPoint {
		if (kind == null) {
			throw new IllegalArgumentException("connection point kind is missing");
		}
		if (place == null) {
			throw new IllegalArgumentException("connection point " + kind + " has no place");
		}
		if (evidence == null || evidence.isBlank()) {
			throw new IllegalArgumentException(
					"connection point " + kind + " at " + place.label() + " has no evidence text");
		}
		evidence = evidence.strip();
		if (evidence.length() > MAX_EVIDENCE_LENGTH) {
			throw new IllegalArgumentException(
					"connection point evidence is longer than " + MAX_EVIDENCE_LENGTH + " characters");
		}
		if (lossFen < 0) {
			throw new IllegalArgumentException("connection point loss must be >= 0 fen, got " + lossFen);
		}
		if (lossFen > 0 && kind != ConnectionKind.VICTIM_LOCATION) {
			throw new IllegalArgumentException(
					"only a VICTIM_LOCATION point carries a loss (money is counted where the victim lost it), not "
							+ kind);
		}
	}

	/** A mainland point by GB/T 2260 code, no time, no loss. */
	public static ConnectionPoint of(ConnectionKind kind, String regionCode, String evidence) {
		return new ConnectionPoint(kind, Place.region(regionCode), evidence, null, 0);
	}

	/** A point outside the mainland by ISO 3166-1 alpha-2 code. */
	public static ConnectionPoint overseas(ConnectionKind kind, String country, String evidence) {
		return new ConnectionPoint(kind, Place.overseas(country), evidence, null, 0);
	}

	/** Where a victim was when defrauded, with what they lost. */
	public static ConnectionPoint victim(String regionCode, long lossFen, String evidence, Instant time) {
		return new ConnectionPoint(ConnectionKind.VICTIM_LOCATION, Place.region(regionCode), evidence, time, lossFen);
	}

	public ConnectionPoint at(Instant when) {
		return new ConnectionPoint(kind, place, evidence, when, lossFen);
	}

	public Optional<Instant> when() {
		return Optional.ofNullable(time);
	}

	public boolean isOverseas() {
		return place instanceof Place.Overseas;
	}
}
