package org.fanzha.engine.warnings;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fanzha.core.RegionCode;

/*
 * Routes a warning to the police station (派出所) of the person's region, along the four-level linkage of DOMAIN.md §3
 * ("Warning and dissuasion": province, city, county, and the station below the county, which carries out in-person
 * dissuasion). The region is a GB/T 2260 county-level code, checked and named by org.fanzha.core.RegionCode (full names
 * for Shaanxi, province names elsewhere).
 *
 * Stations come from the caller's table, county code ⇒ stations (at least one per county, ids unique in the table).
 * The choice is deterministic: without a township, the county's first listed station (its default); with a township
 * code (GB/T 10114: the county's six digits + 3, or a 12-digit statistical code starting with the county's six), the
 * station at floorMod(String.hashCode(township), n) in the listed order — String.hashCode is fixed by the Java
 * specification, so the same table routes the same township to the same station on every run. Errors
 * (IllegalArgumentException): malformed or unknown codes, a code that is not county-level, a county with no station,
 * a township outside its county.
 */
/**
 * County code (and optional township) ⇒ province/city/county names and the responsible
 * police station.
 */
public final class StationRouting {

	/** A police station: its id and name. */
	public record Station(String id, String name) {

		public Station {
			if (id == null || id.isBlank() || name == null || name.isBlank()) {
				throw new IllegalArgumentException("station id and name are required");
			}
		}
	}

	/**
	 * Where a warning goes: the three administrative levels (names null where RegionCode
	 * does not know them) and the station.
	 */
	public record Route(RegionCode province, String provinceName, RegionCode city, String cityName, RegionCode county,
			String countyName, Station station) {
	}

	private final Map<String, List<Station>> stations;

	/**
	 * @param table county code ⇒ its stations, the first being the county's default
	 */
	public StationRouting(Map<String, List<Station>> table) {
		if (table == null) {
			throw new IllegalArgumentException("station table is required");
		}
		Map<String, List<Station>> copy = new HashMap<>();
		Set<String> ids = new HashSet<>();
		for (Map.Entry<String, List<Station>> e : table.entrySet()) {
			RegionCode county = county(e.getKey());
			List<Station> list = e.getValue();
			if (list == null || list.isEmpty()) {
				throw new IllegalArgumentException("county " + county + " has no station in the table");
			}
			for (Station s : list) {
				if (s == null || !ids.add(s.id())) {
					throw new IllegalArgumentException(
							"station " + (s == null ? "null" : s.id()) + " is missing or listed twice");
				}
			}
			copy.put(county.value(), List.copyOf(list));
		}
		this.stations = Map.copyOf(copy);
	}

	/** The county's default station. */
	public Route route(String countyCode) {
		return route(countyCode, null);
	}

	/** The station for the township (null: the county's default). */
	public Route route(String countyCode, String townshipCode) {
		RegionCode county = county(countyCode);
		List<Station> list = stations.get(county.value());
		if (list == null) {
			throw new IllegalArgumentException("no police station on file for county " + county);
		}
		Station station = list.get(0);
		if (townshipCode != null) {
			String t = townshipCode.strip();
			if ((t.length() != 9 && t.length() != 12) || !t.chars().allMatch(c -> c >= '0' && c <= '9')
					|| !t.startsWith(county.value())) {
				throw new IllegalArgumentException(
						"township code '" + townshipCode + "' must be 9 or 12 digits under county " + county);
			}
			station = list.get(Math.floorMod(t.hashCode(), list.size()));
		}
		RegionCode city = county.prefecture();
		RegionCode province = county.province();
		return new Route(province, province.name().orElse(null), city, city.name().orElse(null), county,
				county.name().orElse(null), station);
	}

	private static RegionCode county(String code) {
		RegionCode r = RegionCode.of(code);
		if (!r.isCounty()) {
			throw new IllegalArgumentException("region code " + r + " is not a county-level code");
		}
		return r;
	}

}
