package org.fanzha.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;

/*
 * A Chinese resident identity card number (公民身份号码), GB 11643-1999: 18 characters =
 * 6-digit address code (GB/T 2260) + 8-digit birth date yyyyMMdd + 3-digit sequence
 * code (odd last digit = male) + a check character computed with ISO 7064 MOD 11-2
 * (0-9 or X). Parsing accepts a lowercase x and stores X.
 */
public final class IdNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK_CHARS = "10X98765432";

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	private final String value;

	private final LocalDate birthDate;

	private IdNumber(String value, LocalDate birthDate) {
		this.value = value;
		this.birthDate = birthDate;
	}

	public static IdNumber parse(String text) {
		return parse(text, LocalDate.now());
	}

	/**
	 * As {@link #parse(String)}, judging "birth date in the future" against
	 * {@code today}.
	 */
	public static IdNumber parse(String text, LocalDate today) {
		if (text == null) {
			throw new IllegalArgumentException("ID number is missing");
		}
		String v = text.strip().toUpperCase(Locale.ROOT);
		if (v.length() != 18) {
			throw new IllegalArgumentException("ID number must be 18 characters, got " + v.length());
		}
		if (!allDigits(v.substring(0, 17)) || !(Character.isDigit(v.charAt(17)) || v.charAt(17) == 'X')) {
			throw new IllegalArgumentException("ID number " + v + " must be 17 digits followed by a digit or X");
		}
		char expected = checkChar(v.substring(0, 17));
		if (v.charAt(17) != expected) {
			throw new IllegalArgumentException(
					"ID number " + v + " has wrong check digit: expected " + expected + ", got " + v.charAt(17));
		}
		String region = v.substring(0, 6);
		try {
			RegionCode.plausible(region);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("ID number " + v + " has an implausible region code: " + e.getMessage());
		}
		String dateDigits = v.substring(6, 14);
		LocalDate birth;
		try {
			birth = LocalDate.of(Integer.parseInt(dateDigits.substring(0, 4)),
					Integer.parseInt(dateDigits.substring(4, 6)), Integer.parseInt(dateDigits.substring(6, 8)));
		}
		catch (DateTimeException e) {
			throw new IllegalArgumentException("ID number " + v + " has invalid birth date " + dateDigits);
		}
		if (birth.isBefore(EARLIEST_BIRTH)) {
			throw new IllegalArgumentException("ID number " + v + " has birth date " + dateDigits + " before 1900");
		}
		if (birth.isAfter(today)) {
			throw new IllegalArgumentException(
					"ID number " + v + " has birth date " + dateDigits + " in the future (today is " + today + ")");
		}
		return new IdNumber(v, birth);
	}

	public static boolean isValid(String text) {
		return isValid(text, LocalDate.now());
	}

	public static boolean isValid(String text, LocalDate today) {
		try {
			parse(text, today);
			return true;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	/**
	 * Appends the MOD 11-2 check character to 17 digits; checks nothing else (for
	 * simulators).
	 */
	public static String withCheckDigit(String first17) {
		if (first17 == null || first17.length() != 17 || !allDigits(first17)) {
			throw new IllegalArgumentException("ID number body '" + first17 + "' must be exactly 17 digits");
		}
		return first17 + checkChar(first17);
	}

	private static char checkChar(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARS.charAt(sum % 11);
	}

	private static boolean allDigits(String s) {
		return s.chars().allMatch(c -> c >= '0' && c <= '9');
	}

	public String value() {
		return value;
	}

	/** Where the number was issued; may be a code since retired from GB/T 2260. */
	public RegionCode regionCode() {
		return RegionCode.plausible(value.substring(0, 6));
	}

	public LocalDate birthDate() {
		return birthDate;
	}

	public Gender gender() {
		return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
	}

	/** Age in completed years on {@code date}. */
	public int ageOn(LocalDate date) {
		if (date.isBefore(birthDate)) {
			throw new IllegalArgumentException("date " + date + " is before the birth date " + birthDate);
		}
		return Period.between(birthDate, date).getYears();
	}

	/** "610***********1234": first 3 and last 4 visible. */
	public String masked() {
		return Masking.mask(value, 3, 4);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof IdNumber other && other.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	/**
	 * Masked, so that an ID number never lands whole in a log line; use value() for the
	 * number.
	 */
	@Override
	public String toString() {
		return masked();
	}

}
