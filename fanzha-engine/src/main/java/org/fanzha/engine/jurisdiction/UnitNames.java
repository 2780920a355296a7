package org.fanzha.engine.jurisdiction;

import java.util.Set;

import org.fanzha.core.RegionCode;

/*
 * Names of the police unit, procuratorate and court of a division, derived from its GB/T 2260 name. The
 * patterns are the usual ones (a city district's police is a branch of the city bureau: 西安市公安局雁塔分局; a
 * county or county-level city has its own bureau: 蓝田县公安局; a province has a 公安厅, a municipality directly
 * under the central government a 公安局). Special units (e.g. 杨凌示范区公安局) are not modelled. Outside Shaanxi
 * only province names are known, so lower divisions read "广东省（区划440305）" with a generic unit name.
 */
final class UnitNames {

	/**
	 * The four municipalities directly under the central government: their prefecture
	 * level is the city itself.
	 */
	private static final Set<String> MUNICIPALITIES = Set.of("11", "12", "31", "50");

	private UnitNames() {
	}

	static boolean isMunicipality(RegionCode r) {
		return MUNICIPALITIES.contains(r.value().substring(0, 2));
	}

	/** 西安市雁塔区, 蓝田县, 韩城市, 西安市, 陕西省, 广东省（区划440305）. */
	static String regionName(RegionCode r) {
		String own = r.name().orElse(null);
		if (own == null) {
			return r.province().name().orElseThrow() + "（区划" + r.value() + "）";
		}
		if (r.isCounty() && own.endsWith("区")) {
			return r.prefecture().name().map(city -> city + own).orElse(own);
		}
		return own;
	}

	static String police(RegionCode r) {
		String own = r.name().orElse(null);
		if (own == null) {
			return regionName(r) + (r.isPrefecture() ? "地市级公安机关" : "县级公安机关");
		}
		if (r.isProvince()) {
			return own + (isMunicipality(r) ? "公安局" : "公安厅");
		}
		if (r.isPrefecture()) {
			return own + "公安局";
		}
		if (own.endsWith("区") && own.length() > 2) {
			String city = r.prefecture().name().orElse("");
			return city + "公安局" + own.substring(0, own.length() - 1) + "分局";
		}
		return own + "公安局";
	}

	/** The procuratorate at the same level as the division. */
	static String procuratorate(RegionCode r) {
		return regionName(r) + "人民检察院";
	}

	/**
	 * The court at the same level: basic, intermediate (prefecture) or high (province).
	 */
	static String court(RegionCode r) {
		if (r.isProvince()) {
			return regionName(r) + "高级人民法院";
		}
		if (r.isPrefecture()) {
			return regionName(r) + "中级人民法院";
		}
		return regionName(r) + "人民法院";
	}

}
