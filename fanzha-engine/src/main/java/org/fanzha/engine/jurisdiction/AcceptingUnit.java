package org.fanzha.engine.jurisdiction;

import org.fanzha.core.RegionCode;

/**
 * The police unit that first accepted the case (最初受理的公安机关) and the division it serves.
 *
 * @param name as the unit calls itself, e.g. 西安市公安局雁塔分局
 * @param region its division, at its own level (a county-level unit: the county code)
 */
public record AcceptingUnit(String name, RegionCode region) {

	public AcceptingUnit {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("first accepting unit has no name");
		}
		name = name.strip();
		if (region == null) {
			throw new IllegalArgumentException("first accepting unit " + name + " has no region code");
		}
		new Place.Domestic(region); // refuses 71/81/82 with the same message as a point
									// would
	}

	public static AcceptingUnit of(String name, String regionCode) {
		return new AcceptingUnit(name, RegionCode.of(regionCode));
	}
}
