package org.fanzha.core;

/*
 * A payment card number (PAN), ISO/IEC 7812: 12 to 19 digits whose last digit is
 * the Luhn (mod 10) check digit; the first 6 digits are the issuer identification
 * number (BIN). China UnionPay debit cards are usually 16 or 19 digits. Spaces and
 * hyphens in the input are formatting and are stripped.
 */
public final class BankCardNumber {

	private final String value;

	private BankCardNumber(String value) {
		this.value = value;
	}

	public static BankCardNumber parse(String text) {
		if (text == null) {
			throw new IllegalArgumentException("bank card number is missing");
		}
		StringBuilder digits = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				digits.append(c);
			}
			else if (c != ' ' && c != '-') {
				throw new IllegalArgumentException("bank card number '" + text + "' contains '" + c
						+ "': only digits, spaces and hyphens are allowed");
			}
		}
		String v = digits.toString();
		if (v.length() < 12 || v.length() > 19) {
			throw new IllegalArgumentException("bank card number must be 12 to 19 digits, got " + v.length());
		}
		char expected = luhnDigit(v.substring(0, v.length() - 1));
		char actual = v.charAt(v.length() - 1);
		if (actual != expected) {
			throw new IllegalArgumentException("bank card number " + v + " fails the Luhn check: expected check digit "
					+ expected + ", got " + actual);
		}
		return new BankCardNumber(v);
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

	/** Appends the Luhn check digit to 11 to 18 digits (for simulators). */
	public static String withLuhnDigit(String withoutCheck) {
		if (withoutCheck == null || withoutCheck.length() < 11 || withoutCheck.length() > 18
				|| !withoutCheck.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new IllegalArgumentException("card number body '" + withoutCheck + "' must be 11 to 18 digits");
		}
		return withoutCheck + luhnDigit(withoutCheck);
	}

	private static char luhnDigit(String body) {
		// Doubling starts from the rightmost body digit, which sits next to the check
		// digit.
		int sum = 0;
		boolean doubled = true;
		for (int i = body.length() - 1; i >= 0; i--) {
			int d = body.charAt(i) - '0';
			if (doubled) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			doubled = !doubled;
		}
		return (char) ('0' + (10 - sum % 10) % 10);
	}

	public String value() {
		return value;
	}

	/** Issuer identification number: the first 6 digits. */
	public String bin() {
		return value.substring(0, 6);
	}

	/**
	 * "6222 **** **** 1234": first 4 and last 4 visible, the hidden middle in groups of
	 * four (a shorter group last), so the length still shows.
	 */
	public String masked() {
		String m = Masking.mask(value, 4, 4);
		int end = m.length() - 4;
		StringBuilder sb = new StringBuilder(m.substring(0, 4));
		for (int i = 4; i < end; i += 4) {
			sb.append(' ').append(m, i, Math.min(i + 4, end));
		}
		return sb.append(' ').append(m, end, m.length()).toString();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof BankCardNumber other && other.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	/**
	 * Masked, so that a card number never lands whole in a log line; use value() for the
	 * number.
	 */
	@Override
	public String toString() {
		return masked();
	}

}
