package org.fanzha.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/*
 * An administrative division code of the People's Republic of China, GB/T 2260
 * (中华人民共和国行政区划代码): six digits, province xx0000, prefecture xxxx00,
 * county-level division xxxxxx. Full data (names and populations) is carried only
 * for Shaanxi (61), loaded from regions-61.tsv; for the other 33 province-level
 * units any six digits under a real province prefix are accepted, and only the
 * province name is known.
 */
public final class RegionCode {

	// The 34 province-level units of GB/T 2260, by their two-digit prefix.
	private static final Map<String, String> PROVINCES = Map.ofEntries(Map.entry("11", "北京市"), Map.entry("12", "天津市"),
			Map.entry("13", "河北省"), Map.entry("14", "山西省"), Map.entry("15", "内蒙古自治区"), Map.entry("21", "辽宁省"),
			Map.entry("22", "吉林省"), Map.entry("23", "黑龙江省"), Map.entry("31", "上海市"), Map.entry("32", "江苏省"),
			Map.entry("33", "浙江省"), Map.entry("34", "安徽省"), Map.entry("35", "福建省"), Map.entry("36", "江西省"),
			Map.entry("37", "山东省"), Map.entry("41", "河南省"), Map.entry("42", "湖北省"), Map.entry("43", "湖南省"),
			Map.entry("44", "广东省"), Map.entry("45", "广西壮族自治区"), Map.entry("46", "海南省"), Map.entry("50", "重庆市"),
			Map.entry("51", "四川省"), Map.entry("52", "贵州省"), Map.entry("53", "云南省"), Map.entry("54", "西藏自治区"),
			Map.entry("61", "陕西省"), Map.entry("62", "甘肃省"), Map.entry("63", "青海省"), Map.entry("64", "宁夏回族自治区"),
			Map.entry("65", "新疆维吾尔自治区"), Map.entry("71", "台湾省"), Map.entry("81", "香港特别行政区"),
			Map.entry("82", "澳门特别行政区"));

	private static final String SHAANXI_PREFIX = "61";

	private final String value;

	private RegionCode(String value) {
		this.value = value;
	}

	/**
	 * A known Shaanxi code, a province-level code, or any six digits under another real
	 * province prefix.
	 */
	public static RegionCode of(String code) {
		String c = checkPlausible(code);
		if (c.startsWith(SHAANXI_PREFIX) && !ShaanxiData.ENTRIES.containsKey(c)) {
			throw new IllegalArgumentException("region code " + c + " is not a known Shaanxi (61) division");
		}
		return new RegionCode(c);
	}

	public static boolean isValid(String code) {
		try {
			of(code);
			return true;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	/**
	 * Only the shape and province prefix are checked: an ID number keeps the county code
	 * of where it was issued even after that county is renamed or merged (e.g. 610125 户县,
	 * now 610118 鄠邑区), so ID numbers cannot be held to the current list.
	 */
	static RegionCode plausible(String code) {
		return new RegionCode(checkPlausible(code));
	}

	private static String checkPlausible(String code) {
		if (code == null) {
			throw new IllegalArgumentException("region code is missing");
		}
		String c = code.strip();
		if (c.length() != 6 || !c.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
			throw new IllegalArgumentException("region code '" + code + "' must be 6 digits");
		}
		if (!PROVINCES.containsKey(c.substring(0, 2))) {
			throw new IllegalArgumentException(
					"region code " + c + " has unknown province prefix " + c.substring(0, 2));
		}
		return c;
	}

	/**
	 * Every Shaanxi code in the data file (province, prefectures, counties), in code
	 * order.
	 */
	public static List<RegionCode> shaanxi() {
		return ShaanxiData.ALL;
	}

	public String value() {
		return value;
	}

	/** The province-level unit, xx0000. */
	public RegionCode province() {
		return new RegionCode(value.substring(0, 2) + "0000");
	}

	/**
	 * The prefecture-level code, xxxx00; for a province code this is the province itself.
	 */
	public RegionCode prefecture() {
		return new RegionCode(value.substring(0, 4) + "00");
	}

	public boolean isProvince() {
		return value.endsWith("0000");
	}

	public boolean isPrefecture() {
		return value.endsWith("00") && !isProvince();
	}

	public boolean isCounty() {
		return !value.endsWith("00");
	}

	/** County ⇒ its prefecture, prefecture ⇒ its province, province ⇒ empty. */
	public Optional<RegionCode> parent() {
		if (isProvince()) {
			return Optional.empty();
		}
		return Optional.of(isPrefecture() ? province() : prefecture());
	}

	/**
	 * The Chinese name when known: every province-level code, and every Shaanxi code in
	 * the data.
	 */
	public Optional<String> name() {
		Entry e = ShaanxiData.ENTRIES.get(value);
		if (e != null) {
			return Optional.of(e.name);
		}
		return isProvince() ? Optional.of(PROVINCES.get(value.substring(0, 2))) : Optional.empty();
	}

	/** Approximate 2020-census population, for Shaanxi codes only. */
	public OptionalLong populationWeight() {
		Entry e = ShaanxiData.ENTRIES.get(value);
		return e == null ? OptionalLong.empty() : OptionalLong.of(e.population);
	}

	/** Whether {@code other} lies within this division; every code contains itself. */
	public boolean contains(RegionCode other) {
		if (isProvince()) {
			return other.value.startsWith(value.substring(0, 2));
		}
		if (isPrefecture()) {
			return other.value.startsWith(value.substring(0, 4));
		}
		return value.equals(other.value);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof RegionCode r && r.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return value;
	}

	private record Entry(String name, long population) {
	}

	// Lazy holder: the file is read on first use, not when RegionCode is loaded.
	private static final class ShaanxiData {

		static final Map<String, Entry> ENTRIES = load();
		static final List<RegionCode> ALL = ENTRIES.keySet().stream().sorted().map(RegionCode::new).toList();

		private static Map<String, Entry> load() {
			String resource = "regions-61.tsv";
			Map<String, Entry> map = new LinkedHashMap<>();
			try (InputStream in = RegionCode.class.getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException("resource org/fanzha/core/" + resource + " is missing");
				}
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
				String line;
				int lineNo = 0;
				while ((line = reader.readLine()) != null) {
					lineNo++;
					if (line.isBlank() || line.startsWith("#")) {
						continue;
					}
					String[] f = line.split("\t", -1);
					if (f.length != 3 || !f[0].matches("61[0-9]{4}") || f[1].isBlank() || !f[2].matches("[0-9]+")) {
						throw new IllegalStateException(
								resource + " line " + lineNo + " is not code<TAB>name<TAB>population: " + line);
					}
					if (map.put(f[0], new Entry(f[1], Long.parseLong(f[2]))) != null) {
						throw new IllegalStateException(resource + " line " + lineNo + " repeats code " + f[0]);
					}
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot read " + resource, e);
			}
			return Collections.unmodifiableMap(map);
		}

	}

}
