package org.fanzha.engine.jurisdiction;

import java.util.Map;

import org.fanzha.core.RegionCode;

/**
 * Where a connection point is: a mainland division (GB/T 2260 code, at whatever level it
 * is known) or a place outside the mainland (境外), by ISO 3166-1 alpha-2 code. As in PRC
 * legal usage of 境外, Hong Kong (HK), Macao (MO) and Taiwan (TW) are outside: their GB/T
 * 2260 codes (81, 82, 71) are refused as domestic places, since no mainland
 * public-security unit sits there, and must be given as {@code overseas("HK")} etc.
 */
public sealed interface Place permits Place.Domestic, Place.Overseas {

	/**
	 * A mainland division; the code's level (county, prefecture, province) is the level
	 * of the competent unit.
	 */
	static Domestic region(String code) {
		return new Domestic(RegionCode.of(code));
	}

	/**
	 * Outside the mainland, by ISO 3166-1 alpha-2 code; the Chinese name comes from a
	 * short table or is the code.
	 */
	static Overseas overseas(String country) {
		return new Overseas(country, null);
	}

	/** The Chinese label used on the decision sheet. */
	String label();

	record Domestic(RegionCode region) implements Place {

		public Domestic {
			if (region == null) {
				throw new IllegalArgumentException("region code is missing");
			}
			String prefix = region.value().substring(0, 2);
			if (prefix.equals("71") || prefix.equals("81") || prefix.equals("82")) {
				throw new IllegalArgumentException(
						"region code " + region + " is outside the mainland (境外): give it as " + "Place.overseas(\""
								+ (prefix.equals("71") ? "TW" : prefix.equals("81") ? "HK" : "MO") + "\")");
			}
		}

		@Override
		public String label() {
			return UnitNames.regionName(region) + "（" + region.value() + "）";
		}
	}

	/**
	 * @param country ISO 3166-1 alpha-2, upper case; never CN
	 * @param name Chinese name; null ⇒ from the table of places often seen in fraud
	 * cases, else the code
	 */
	record Overseas(String country, String name) implements Place {

		// Places that come up in telecom-fraud cases; any other code is accepted and
		// shown as the code.
		private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("MM", "缅甸"), Map.entry("KH", "柬埔寨"),
				Map.entry("LA", "老挝"), Map.entry("PH", "菲律宾"), Map.entry("MY", "马来西亚"), Map.entry("TH", "泰国"),
				Map.entry("VN", "越南"), Map.entry("ID", "印度尼西亚"), Map.entry("AE", "阿联酋"), Map.entry("TR", "土耳其"),
				Map.entry("JP", "日本"), Map.entry("KR", "韩国"), Map.entry("US", "美国"), Map.entry("HK", "中国香港"),
				Map.entry("MO", "中国澳门"), Map.entry("TW", "中国台湾"));

		public Overseas {
			if (country == null || !country.matches("[A-Z]{2}")) {
				throw new IllegalArgumentException(
						"overseas country '" + country + "' must be an ISO 3166-1 alpha-2 code (two capital letters)");
			}
			if (country.equals("CN")) {
				throw new IllegalArgumentException(
						"CN is not overseas: give a mainland place as a GB/T 2260 region code");
			}
			if (name == null || name.isBlank()) {
				name = NAMES.getOrDefault(country, country);
			}
		}

		@Override
		public String label() {
			return "境外：" + name + "（" + country + "）";
		}
	}

}
