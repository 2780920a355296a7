package org.fanzha.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fanzha.core.JsonText;
import org.fanzha.core.RegionCode;
import org.fanzha.sim.world.Catalog;
import org.springframework.stereotype.Component;

/**
 * What the console's forms offer to pick from instead of codes to type: the Shaanxi
 * cities and their counties by name (GB/T 2260, {@link RegionCode#shaanxi()}), and the
 * banks and payment institutions by name (the codes the simulated province and the bank
 * gateway use, {@link Catalog#INSTITUTIONS}). Templates reach it as {@code @formChoices}
 * (the region picker fragment in {@code regions.html}).
 */
@Component("formChoices")
public final class FormChoices {

	/** One option: the code sent, the name shown. */
	public record Choice(String code, String name) {
	}

	/** Shaanxi's prefecture-level cities in code order. */
	public static final List<Choice> CITIES;

	/**
	 * Each city's county-level divisions (districts, county-level cities, counties), by
	 * the city's code.
	 */
	public static final Map<String, List<Choice>> COUNTIES;

	/**
	 * {@link #COUNTIES} as JSON for the picker's data attribute:
	 * {"610100":[["610102","新城区"],…],…}.
	 */
	public static final String COUNTIES_JSON;

	public static final List<Choice> BANKS = Catalog.INSTITUTIONS.stream()
		.map(i -> new Choice(i.code(), i.name()))
		.toList();

	public static final Set<String> BANK_CODES = BANKS.stream()
		.map(Choice::code)
		.collect(Collectors.toUnmodifiableSet());

	static {
		List<Choice> cities = new ArrayList<>();
		Map<String, List<Choice>> counties = new LinkedHashMap<>();
		for (RegionCode r : RegionCode.shaanxi()) {
			if (r.isPrefecture()) {
				cities.add(new Choice(r.value(), r.name().orElse(r.value())));
				counties.put(r.value(), new ArrayList<>());
			}
		}
		for (RegionCode r : RegionCode.shaanxi()) {
			if (r.isCounty() && counties.containsKey(r.prefecture().value())) {
				counties.get(r.prefecture().value()).add(new Choice(r.value(), r.name().orElse(r.value())));
			}
		}
		counties.replaceAll((city, list) -> List.copyOf(list));
		CITIES = List.copyOf(cities);
		COUNTIES = Collections.unmodifiableMap(counties);
		COUNTIES_JSON = COUNTIES.entrySet()
			.stream()
			.map(e -> JsonText.quote(e.getKey()) + ":"
					+ e.getValue()
						.stream()
						.map(c -> "[" + JsonText.quote(c.code()) + "," + JsonText.quote(c.name()) + "]")
						.collect(Collectors.joining(",", "[", "]")))
			.collect(Collectors.joining(",", "{", "}"));
	}

	/**
	 * For templates: the cities, their counties by city, and the counties as JSON for
	 * forms.js.
	 */
	public List<Choice> cities() {
		return CITIES;
	}

	public Map<String, List<Choice>> counties() {
		return COUNTIES;
	}

	public String countiesJson() {
		return COUNTIES_JSON;
	}

	/** For templates: the city to show chosen for a region code, "" for none. */
	public String city(String regionCode) {
		return cityOf(regionCode);
	}

	/**
	 * A region code as a name where one is known: 西安市雁塔区 for 610113, the province for
	 * another province's code, else the code itself.
	 */
	public static String regionName(String regionCode) {
		if (regionCode == null || !RegionCode.isValid(regionCode)) {
			return regionCode == null ? "" : regionCode;
		}
		RegionCode r = RegionCode.of(regionCode);
		String name = r.name().orElse(null);
		if (name == null) {
			return r.province().name().map(p -> p + " " + r.value()).orElse(r.value());
		}
		return r.isCounty() ? r.prefecture().name().orElse("") + name : name;
	}

	/**
	 * The city of a Shaanxi county the picker offers, or "" (nothing chosen, or a code
	 * outside the list).
	 */
	public static String cityOf(String regionCode) {
		String code = regionCode == null ? "" : regionCode.strip();
		if (code.length() != 6) {
			return "";
		}
		String city = code.substring(0, 4) + "00";
		List<Choice> counties = COUNTIES.get(city);
		return counties != null && counties.stream().anyMatch(c -> c.code().equals(code)) ? city : "";
	}

}
