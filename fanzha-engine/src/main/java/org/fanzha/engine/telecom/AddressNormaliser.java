package org.fanzha.engine.telecom;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fanzha.core.RegionCode;

/**
 * A simple normaliser of Chinese shipping addresses, so that SIM cards shipped to one
 * place are counted together however the address was typed (the per-address limit of
 * {@link IssuanceCheck}). It is deliberately simple and errs towards treating two
 * addresses as one (which only tightens the limit):
 * <ol>
 * <li>Unicode NFKC: full-width letters, digits, spaces and punctuation become half-width
 * (“３号楼” → “3号楼”); Latin letters are upper-cased;</li>
 * <li>whitespace and punctuation are removed (commas, full stops, brackets, quotes, “#”,
 * “·”), dash variants become “-”;</li>
 * <li>Chinese numerals before a unit word become digits (“三号楼二单元” → “3号楼2单元”, up to
 * 99);</li>
 * <li>unit variants are unified: 号楼, 幢, 座 and 栋楼 after a number become 栋; a trailing 室 or
 * 号 after the room number is dropped (“3号楼2单元501室” and “3栋2单元501” are the same);</li>
 * <li>leading country, province and city names are dropped when a district or county
 * follows (“陕西省西安市雁塔区…”, “陕西西安雁塔区…” and “雁塔区…” are the same): the 34 province-level names
 * with or without their suffix, the Shaanxi prefectures by name, and any “××市” of another
 * province.</li>
 * </ol>
 * Not handled: “3-2-501” against “3栋2单元501”, misspellings, and districts of the same name
 * in two cities (they are counted together — the limit errs on the safe side).
 */
public final class AddressNormaliser {

	private static final String[] PROVINCES = { "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江",
			"安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海",
			"宁夏", "新疆", "台湾", "香港", "澳门" };

	private static final Pattern PROVINCE = Pattern
		.compile("^(?:中华人民共和国|中国)?(?:" + String.join("|", PROVINCES) + ")(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)?");

	private static final Pattern CITY = Pattern.compile("^(?:" + String.join("|", shaanxiCities())
			+ "|[\\u4e00-\\u9fff]{2,4}?市)(?=[\\u4e00-\\u9fff]{1,8}?(?:区|县|市|旗))");

	private static final Pattern DROP = Pattern.compile("[\\s,，.。、;；:：'\"“”‘’()（）\\[\\]【】{}<>《》#·•_/\\\\]+");

	private static final Pattern DASH = Pattern.compile("[‐‑‒–—―－]");

	private static final Pattern NUMERAL = Pattern.compile("([零〇一二两三四五六七八九十]{1,3})(?=号楼|号|栋|幢|座|单元|层|楼|室|户|组|排|巷|弄)");

	private static final Pattern BUILDING = Pattern.compile("(?<=[0-9A-Z])(?:号楼|栋楼|幢|座)");

	private static final Pattern TRAILING_ROOM = Pattern.compile("(?<=[0-9])(?:室|号)$");

	private AddressNormaliser() {
	}

	private static List<String> shaanxiCities() {
		List<String> names = new ArrayList<>();
		for (RegionCode r : RegionCode.shaanxi()) {
			if (r.isPrefecture() && r.name().isPresent()) {
				String name = r.name().get();
				names.add(name);
				if (name.endsWith("市")) {
					names.add(name.substring(0, name.length() - 1));
				}
			}
		}
		names.sort(Comparator.comparingInt(String::length).reversed());
		return names;
	}

	/**
	 * The normalised form of an address.
	 * @throws IllegalArgumentException when the address is missing or nothing is left of
	 * it
	 */
	public static String normalise(String address) {
		if (address == null || address.isBlank()) {
			throw new IllegalArgumentException("shippingAddress is blank");
		}
		String s = Normalizer.normalize(address, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
		s = DROP.matcher(s).replaceAll("");
		s = DASH.matcher(s).replaceAll("-");
		s = numerals(s);
		s = BUILDING.matcher(s).replaceAll("栋");
		s = TRAILING_ROOM.matcher(s).replaceAll("");
		s = PROVINCE.matcher(s).replaceFirst("");
		s = CITY.matcher(s).replaceFirst("");
		if (s.isEmpty()) {
			throw new IllegalArgumentException("shippingAddress '" + address + "' holds no address");
		}
		return s;
	}

	private static String numerals(String s) {
		Matcher m = NUMERAL.matcher(s);
		StringBuilder b = new StringBuilder(s.length());
		while (m.find()) {
			int v = chineseNumber(m.group(1));
			m.appendReplacement(b, v < 0 ? m.group(1) : Integer.toString(v));
		}
		m.appendTail(b);
		return b.toString();
	}

	/** 一..九十九 (with 两, 零/〇 as 0); -1 for what is not such a number. */
	static int chineseNumber(String t) {
		int ten = t.indexOf('十');
		if (ten < 0) {
			if (t.length() != 1) {
				return -1;
			}
			return digit(t.charAt(0));
		}
		if (t.indexOf('十', ten + 1) >= 0 || ten > 1 || t.length() - ten > 2) {
			return -1;
		}
		int tens = ten == 0 ? 1 : digit(t.charAt(0));
		int units = ten == t.length() - 1 ? 0 : digit(t.charAt(ten + 1));
		return tens <= 0 || units < 0 ? -1 : tens * 10 + units;
	}

	private static int digit(char c) {
		return switch (c) {
			case '零', '〇' -> 0;
			case '一' -> 1;
			case '二', '两' -> 2;
			case '三' -> 3;
			case '四' -> 4;
			case '五' -> 5;
			case '六' -> 6;
			case '七' -> 7;
			case '八' -> 8;
			case '九' -> 9;
			default -> -1;
		};
	}

}
