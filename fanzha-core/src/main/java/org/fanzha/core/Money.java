package org.fanzha.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/*
 * An amount of Chinese yuan (CNY, ISO 4217), held as a whole number of fen (分,
 * 1/100 yuan) in a long: never a double, so sums and pro-rata returns are exact.
 * May be negative (differences, balances); amounts that must be positive are
 * checked with requirePositive. allocateLargestRemainder implements the pro-rata
 * return of frozen funds (《电信网络新型违法犯罪案件冻结资金返还若干规定》 art. 8)
 * rounded to the fen with the largest-remainder (Hamilton) method.
 */
public record Money(long fen) implements Comparable<Money> {

	public static final Money ZERO = new Money(0);

	private static final Pattern NUMBER = Pattern.compile("[0-9,]+(\\.[0-9]+)?");

	private static final Pattern GROUPED = Pattern.compile("[0-9]{1,3}(,[0-9]{3})+");

	public static Money ofFen(long fen) {
		return new Money(fen);
	}

	public static Money ofYuan(long yuan) {
		try {
			return new Money(Math.multiplyExact(yuan, 100L));
		}
		catch (ArithmeticException e) {
			throw new IllegalArgumentException("amount of " + yuan + " yuan is too large to hold in fen");
		}
	}

	/**
	 * Parses yuan as people write them: "1234", "1234.5", "1,234.56", "¥1234.50",
	 * "-¥12.00". At most two decimal places; thousands separators must be well placed.
	 */
	public static Money parse(String text) {
		if (text == null) {
			throw new IllegalArgumentException("amount is missing");
		}
		String t = text.strip();
		if (t.isEmpty()) {
			throw new IllegalArgumentException("amount is blank");
		}
		boolean negative = false;
		if (t.startsWith("-")) {
			negative = true;
			t = t.substring(1);
		}
		// Both the ASCII-range yen sign and the full-width one (common in Chinese text).
		if (t.startsWith("¥") || t.startsWith("￥")) {
			t = t.substring(1);
		}
		if (!NUMBER.matcher(t).matches()) {
			throw new IllegalArgumentException(
					"amount '" + text + "' is not a number of yuan like 1234.56, 1,234.56 or ¥1234.5");
		}
		int dot = t.indexOf('.');
		String whole = dot < 0 ? t : t.substring(0, dot);
		String decimals = dot < 0 ? "" : t.substring(dot + 1);
		if (whole.indexOf(',') >= 0 && !GROUPED.matcher(whole).matches()) {
			throw new IllegalArgumentException("amount '" + text + "' has misplaced thousands separators");
		}
		if (decimals.length() > 2) {
			throw new IllegalArgumentException("amount '" + text + "' has more than 2 decimal places");
		}
		try {
			long yuan = 0;
			for (int i = 0; i < whole.length(); i++) {
				char c = whole.charAt(i);
				if (c != ',') {
					yuan = Math.addExact(Math.multiplyExact(yuan, 10L), c - '0');
				}
			}
			long cents = decimals.isEmpty() ? 0 : Long.parseLong((decimals + "0").substring(0, 2));
			long fen = Math.addExact(Math.multiplyExact(yuan, 100L), cents);
			return new Money(negative ? -fen : fen);
		}
		catch (ArithmeticException e) {
			throw new IllegalArgumentException("amount '" + text + "' is too large");
		}
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

	public Money plus(Money other) {
		try {
			return new Money(Math.addExact(fen, other.fen));
		}
		catch (ArithmeticException e) {
			throw new ArithmeticException(this + " + " + other + " overflows");
		}
	}

	public Money minus(Money other) {
		try {
			return new Money(Math.subtractExact(fen, other.fen));
		}
		catch (ArithmeticException e) {
			throw new ArithmeticException(this + " - " + other + " overflows");
		}
	}

	public Money times(long factor) {
		try {
			return new Money(Math.multiplyExact(fen, factor));
		}
		catch (ArithmeticException e) {
			throw new ArithmeticException(this + " × " + factor + " overflows");
		}
	}

	public boolean isNegative() {
		return fen < 0;
	}

	public boolean isZero() {
		return fen == 0;
	}

	/**
	 * Returns this amount, or throws e.g. "stop-payment amount must be > 0, got ¥0.00".
	 */
	public Money requirePositive(String what) {
		if (fen <= 0) {
			throw new IllegalArgumentException(what + " must be > 0, got " + this);
		}
		return this;
	}

	@Override
	public int compareTo(Money other) {
		return Long.compare(fen, other.fen);
	}

	/** "¥1,234.56"; negative amounts "-¥12.00". */
	@Override
	public String toString() {
		// Both parts are well inside long range even for Long.MIN_VALUE, so abs is safe.
		long yuan = Math.abs(fen / 100);
		long cents = Math.abs(fen % 100);
		return (fen < 0 ? "-" : "") + String.format(Locale.ROOT, "¥%,d.%02d", yuan, cents);
	}

	/**
	 * Splits {@code total} fen into parts proportional to {@code weights} so that the
	 * parts add up exactly to total: each part gets the floor of its exact share, and the
	 * fen left over go one each to the largest fractional remainders (ties: lower index
	 * first). Every part is within 1 fen of its exact share; a zero weight gets 0.
	 */
	public static long[] allocateLargestRemainder(long total, long[] weights) {
		return allocateLargestRemainder(total, weights, null);
	}

	/**
	 * As {@link #allocateLargestRemainder(long, long[])}, but equal remainders are broken
	 * by {@code tieRank} (lower rank first; then lower index) instead of by position, so
	 * that a caller can make the split independent of the order its parties are listed in
	 * (e.g. rank victims by id). {@code null} ranks by index.
	 */
	public static long[] allocateLargestRemainder(long total, long[] weights, int[] tieRank) {
		if (total < 0) {
			throw new IllegalArgumentException("total to allocate must be >= 0, got " + total);
		}
		if (weights == null || weights.length == 0) {
			throw new IllegalArgumentException("weights must not be empty");
		}
		long sum = 0;
		for (int i = 0; i < weights.length; i++) {
			if (weights[i] < 0) {
				throw new IllegalArgumentException("weight " + i + " must be >= 0, got " + weights[i]);
			}
			try {
				sum = Math.addExact(sum, weights[i]);
			}
			catch (ArithmeticException e) {
				throw new IllegalArgumentException("sum of weights overflows a long");
			}
		}
		if (sum == 0) {
			throw new IllegalArgumentException("weights must not all be zero");
		}
		if (tieRank != null && tieRank.length != weights.length) {
			throw new IllegalArgumentException("tieRank must have one entry per weight");
		}
		// total * weight can need 126 bits; BigInteger only for that product and its
		// division.
		BigInteger bigTotal = BigInteger.valueOf(total);
		BigInteger bigSum = BigInteger.valueOf(sum);
		long[] parts = new long[weights.length];
		long[] remainders = new long[weights.length];
		long allocated = 0;
		for (int i = 0; i < weights.length; i++) {
			BigInteger[] qr = bigTotal.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(bigSum);
			parts[i] = qr[0].longValueExact(); // <= total, since weight <= sum
			remainders[i] = qr[1].longValueExact(); // < sum
			allocated += parts[i]; // sum of floors <= total, cannot overflow
		}
		long leftover = total - allocated; // < number of non-zero remainders
		List<Integer> order = new ArrayList<>(weights.length);
		for (int i = 0; i < weights.length; i++) {
			order.add(i);
		}
		order.sort((a, b) -> remainders[a] != remainders[b] ? Long.compare(remainders[b], remainders[a])
				: tieRank != null && tieRank[a] != tieRank[b] ? Integer.compare(tieRank[a], tieRank[b])
						: Integer.compare(a, b));
		for (int k = 0; k < leftover; k++) {
			parts[order.get(k)]++;
		}
		return parts;
	}
}
