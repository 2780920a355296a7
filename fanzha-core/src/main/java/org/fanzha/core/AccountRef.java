package org.fanzha.core;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/*
 * A reference to an account held at a financial institution: a bank or a
 * non-bank payment institution (e.g. ICBC:6222021234567890, ALIPAY:2088...),
 * written INSTITUTION:ACCOUNT. This is the "involved account" (涉案账户) of stop-payment
 * and freeze instructions. No external standard: institution codes are the
 * platform's own short upper-case codes. Payment-institution accounts are not cards,
 * so the account number is not Luhn-checked; card() says when it is a valid card.
 */
public record AccountRef(String institutionCode, String accountNumber) {

	private static final Pattern INSTITUTION = Pattern.compile("[A-Z0-9]{1,16}");

	private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9-]{1,40}");

	public AccountRef {
		if (institutionCode == null || institutionCode.isBlank()) {
			throw new IllegalArgumentException("institution code is blank");
		}
		if (!INSTITUTION.matcher(institutionCode).matches()) {
			throw new IllegalArgumentException("institution code '" + institutionCode
					+ "' must be 1 to 16 upper-case letters or digits, e.g. ICBC");
		}
		if (accountNumber == null || accountNumber.isBlank()) {
			throw new IllegalArgumentException("account number is blank");
		}
		if (!ACCOUNT.matcher(accountNumber).matches()) {
			throw new IllegalArgumentException(
					"account number '" + accountNumber + "' must be 1 to 40 letters, digits or hyphens");
		}
	}

	/** Trims both parts and upper-cases the institution code ("icbc" ⇒ "ICBC"). */
	public static AccountRef of(String institutionCode, String accountNumber) {
		return new AccountRef(institutionCode == null ? null : institutionCode.strip().toUpperCase(Locale.ROOT),
				accountNumber == null ? null : accountNumber.strip());
	}

	/** Parses "ICBC:6222021234567890", the form toString() writes. */
	public static AccountRef parse(String text) {
		if (text == null) {
			throw new IllegalArgumentException("account reference is missing");
		}
		int colon = text.indexOf(':');
		if (colon < 0) {
			throw new IllegalArgumentException(
					"account reference '" + text + "' must look like INSTITUTION:ACCOUNT, e.g. ICBC:6222021234567890");
		}
		return of(text.substring(0, colon), text.substring(colon + 1));
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

	/**
	 * The account as a bank card, when the account number is all digits and a valid card
	 * number.
	 */
	public Optional<BankCardNumber> card() {
		boolean digitsOnly = accountNumber.chars().allMatch(c -> c >= '0' && c <= '9');
		return digitsOnly && BankCardNumber.isValid(accountNumber) ? Optional.of(BankCardNumber.parse(accountNumber))
				: Optional.empty();
	}

	@Override
	public String toString() {
		return institutionCode + ":" + accountNumber;
	}
}
