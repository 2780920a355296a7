package org.fanzha.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/*
 * A mainland China mobile number (E.164 country code +86): 11 digits, "1" then a
 * second digit 3-9, the first three digits being the segment (号段) that MIIT
 * allocates to an operator. Input may carry a +86 / 0086 / 86 prefix, spaces and
 * hyphens. Landlines (area code 0xx) and other countries are rejected.
 */
public final class PhoneNumber {

	private static final Set<String> MVNO_SEGMENTS = Set.of("162", "165", "167", "170", "171");

	private static final Map<String, Operator> SEGMENTS = segments();

	private final String value;

	private PhoneNumber(String value) {
		this.value = value;
	}

	private static Map<String, Operator> segments() {
		Map<String, Operator> m = new HashMap<>();
		put(m, Operator.CHINA_MOBILE, "134", "135", "136", "137", "138", "139", "147", "150", "151", "152", "157",
				"158", "159", "172", "178", "182", "183", "184", "187", "188", "195", "197", "198");
		put(m, Operator.CHINA_UNICOM, "130", "131", "132", "145", "155", "156", "166", "175", "176", "185", "186",
				"196");
		put(m, Operator.CHINA_TELECOM, "133", "149", "153", "173", "177", "180", "181", "189", "190", "191", "193",
				"199");
		put(m, Operator.CHINA_BROADNET, "192");
		put(m, Operator.MVNO, MVNO_SEGMENTS.toArray(String[]::new));
		return Map.copyOf(m);
	}

	private static void put(Map<String, Operator> m, Operator op, String... segments) {
		for (String s : segments) {
			if (m.put(s, op) != null) {
				throw new IllegalStateException("segment " + s + " listed twice");
			}
		}
	}

	public static PhoneNumber parse(String text) {
		if (text == null) {
			throw new IllegalArgumentException("phone number is missing");
		}
		String t = text.strip().replace(" ", "").replace("-", "");
		if (t.isEmpty()) {
			throw new IllegalArgumentException("phone number is blank");
		}
		boolean international = true;
		if (t.startsWith("+86")) {
			t = t.substring(3);
		}
		else if (t.startsWith("0086")) {
			t = t.substring(4);
		}
		else if (t.startsWith("86") && t.length() == 13) {
			t = t.substring(2);
		}
		else if (t.startsWith("+") || t.startsWith("00")) {
			throw new IllegalArgumentException("phone number " + text + " is not a mainland China number (+86)");
		}
		else {
			international = false;
		}
		if (!t.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new IllegalArgumentException(
					"phone number '" + text + "' may contain only digits, spaces, hyphens and a +86 prefix");
		}
		// Domestic landlines dial a 0 trunk prefix; after +86 they start with the bare
		// area code.
		if (t.startsWith("0") || (international && !t.isEmpty() && !t.startsWith("1"))) {
			throw new IllegalArgumentException(
					"phone number " + text + " looks like a landline: mobile numbers start with 1");
		}
		if (t.length() != 11) {
			throw new IllegalArgumentException("phone number " + text + " must have 11 digits, got " + t.length());
		}
		if (t.charAt(0) != '1') {
			throw new IllegalArgumentException("phone number " + text + " must start with 1");
		}
		if (t.charAt(1) < '3') {
			throw new IllegalArgumentException("phone number " + text + " has unknown segment " + t.substring(0, 3)
					+ ": the second digit must be 3-9");
		}
		return new PhoneNumber(t);
	}

	public static boolean isValid(String text) {
		try {
			parse(text);
			return true;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	/** The 11 digits, without country code. */
	public String value() {
		return value;
	}

	public String segment() {
		return value.substring(0, 3);
	}

	public Operator operator() {
		return SEGMENTS.getOrDefault(segment(), Operator.UNKNOWN);
	}

	/**
	 * Virtual-operator segments are historically over-represented in fraud (DOMAIN.md
	 * §5).
	 */
	public boolean isMvnoSegment() {
		return MVNO_SEGMENTS.contains(segment());
	}

	/** "138****5678": first 3 and last 4 visible. */
	public String masked() {
		return Masking.mask(value, 3, 4);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof PhoneNumber other && other.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	/**
	 * Masked, so that a phone number never lands whole in a log line; use value() for the
	 * number.
	 */
	@Override
	public String toString() {
		return masked();
	}

}
