package org.fanzha.core;

/*
 * Masking of personal numbers (ID, card, phone) for display and logs.
 * Keeps a few leading and trailing characters and replaces the rest with '*',
 * preserving the length, e.g. 610***********1234. Implements the display rule of
 * DOMAIN.md §3 "Personal information"; no external standard.
 */
public final class Masking {

	private Masking() {
	}

	/**
	 * Masks all but the first {@code keepStart} and last {@code keepEnd} characters. A
	 * string too short to hide anything between the kept parts is masked entirely, so
	 * that short values never leak whole.
	 */
	public static String mask(String s, int keepStart, int keepEnd) {
		if (s == null) {
			throw new IllegalArgumentException("cannot mask a null string");
		}
		if (keepStart < 0 || keepEnd < 0) {
			throw new IllegalArgumentException(
					"keepStart and keepEnd must be >= 0, got " + keepStart + " and " + keepEnd);
		}
		// Count code points, not chars, so a masked name never splits a surrogate pair.
		int[] cps = s.codePoints().toArray();
		int n = cps.length;
		StringBuilder sb = new StringBuilder(n);
		if ((long) keepStart + keepEnd >= n) {
			return "*".repeat(n);
		}
		for (int i = 0; i < n; i++) {
			if (i < keepStart || i >= n - keepEnd) {
				sb.appendCodePoint(cps[i]);
			}
			else {
				sb.append('*');
			}
		}
		return sb.toString();
	}

}
