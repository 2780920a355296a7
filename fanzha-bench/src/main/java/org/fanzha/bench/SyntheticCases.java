package org.fanzha.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.fanzha.engine.linking.IdentifierKind;

/**
 * A synthetic case-linking input with realistic skew, as dense ints: {@code cases} cases
 * naming exactly {@code identifiers} distinct identifiers.
 *
 * <ul>
 * <li>Gangs of many sizes: Pareto (alpha 1.3) from 1 case (a lone fraudster) up to
 * {@code cases / 50}.</li>
 * <li>Each gang has pools it draws from: fund accounts (one per 4 cases), phones (one per
 * 3), handsets (one per 3 phones), websites (one per 500 cases), apps (one per 300), IM
 * accounts (one per 5), chat groups (one per 200), cash-out points (one per 300),
 * suspects (one per 25). A case names 1–2 of the gang's accounts (0.1 % of accounts come
 * from another gang: a card dealer selling to both), each account's bank (20 banks,
 * Zipf-skewed), 1–2 phones, a handset half the time, a website or an app, an IM account
 * half the time, a chat group (20 %), a cash-out point (30 %), a suspect (10 %).</li>
 * <li>Very common identifiers the guard must hold back: 5 popular apps (each in 1 % of
 * cases), 3 spoofed service numbers (each in 0.5 %), and the banks.</li>
 * <li>The rest of the identifiers are named by one case only (a number used once, a
 * one-off account), spread evenly: most identifiers in real case data are never seen
 * twice.</li>
 * </ul>
 * Deterministic for a seed.
 */
public final class SyntheticCases {

	public final int cases;

	public final int identifiers;

	/** Kind ordinal per identifier. */
	public final byte[] kinds;

	public final int[] caseOf;

	public final int[] identifierOf;

	public final int incidences;

	/** The generating gang of each case (the truth). */
	public final int[] gangOf;

	public final int gangs;

	private byte[] k = new byte[1 << 16];

	private int ids;

	private int[] co;

	private int[] io;

	private int n;

	public SyntheticCases(int cases, int identifiers, long seed) {
		if (cases < 100 || identifiers < cases * 2) {
			throw new IllegalArgumentException("at least 100 cases and 2 identifiers per case");
		}
		SplittableRandom r = new SplittableRandom(seed);
		this.cases = cases;
		co = new int[cases * 16];
		io = new int[cases * 16];
		gangOf = new int[cases];
		// gang sizes
		int maxGang = Math.max(1, cases / 50);
		int[] gangStart = new int[16];
		int g = 0;
		int c0 = 0;
		while (c0 < cases) {
			int size = (int) Math.min(maxGang, Math.floor(Math.pow(1 - r.nextDouble(), -1 / 1.3)));
			size = Math.min(size, cases - c0);
			if (g + 2 > gangStart.length) {
				gangStart = Arrays.copyOf(gangStart, gangStart.length * 2);
			}
			gangStart[g] = c0;
			for (int c = c0; c < c0 + size; c++) {
				gangOf[c] = g;
			}
			c0 += size;
			g++;
		}
		gangStart[g] = cases;
		gangs = g;
		int banks = newIds(IdentifierKind.BANK, 20);
		int popularApps = newIds(IdentifierKind.APP, 5);
		int spoofed = newIds(IdentifierKind.PHONE, 3);
		// pools per gang: first id of each pool and its size
		int[][] first = new int[gangs][9];
		int[][] size = new int[gangs][9];
		IdentifierKind[] poolKinds = { IdentifierKind.FUND_ACCOUNT, IdentifierKind.PHONE, IdentifierKind.DEVICE,
				IdentifierKind.WEBSITE, IdentifierKind.APP, IdentifierKind.IM_ACCOUNT, IdentifierKind.CHAT_GROUP,
				IdentifierKind.CASH_OUT_POINT, IdentifierKind.SUSPECT };
		int[] per = { 4, 3, 9, 500, 300, 5, 200, 300, 25 };
		for (int q = 0; q < gangs; q++) {
			int s = gangStart[q + 1] - gangStart[q];
			for (int p = 0; p < poolKinds.length; p++) {
				size[q][p] = 1 + s / per[p];
				first[q][p] = newIds(poolKinds[p], size[q][p]);
			}
		}
		if (ids > identifiers) {
			throw new IllegalArgumentException("too few identifiers for the gangs' pools: " + ids);
		}
		long fresh = identifiers - ids;
		IdentifierKind[] freshKinds = { IdentifierKind.PHONE, IdentifierKind.FUND_ACCOUNT, IdentifierKind.IM_ACCOUNT,
				IdentifierKind.DEVICE, IdentifierKind.WEBSITE };
		for (int c = 0; c < cases; c++) {
			int q = gangOf[c];
			int accounts = 1 + r.nextInt(2);
			for (int a = 0; a < accounts; a++) {
				int owner = r.nextDouble() < 0.001 ? r.nextInt(gangs) : q;
				add(c, first[owner][0] + r.nextInt(size[owner][0]));
				add(c, banks + zipf(r, 20));
			}
			int phones = 1 + r.nextInt(2);
			for (int p = 0; p < phones; p++) {
				add(c, first[q][1] + r.nextInt(size[q][1]));
			}
			if (r.nextBoolean()) {
				add(c, first[q][2] + r.nextInt(size[q][2]));
			}
			int siteOrApp = r.nextBoolean() ? 3 : 4;
			add(c, first[q][siteOrApp] + r.nextInt(size[q][siteOrApp]));
			if (r.nextBoolean()) {
				add(c, first[q][5] + r.nextInt(size[q][5]));
			}
			if (r.nextDouble() < 0.2) {
				add(c, first[q][6] + r.nextInt(size[q][6]));
			}
			if (r.nextDouble() < 0.3) {
				add(c, first[q][7] + r.nextInt(size[q][7]));
			}
			if (r.nextDouble() < 0.1) {
				add(c, first[q][8] + r.nextInt(size[q][8]));
			}
			if (r.nextDouble() < 0.05) {
				add(c, popularApps + r.nextInt(5));
			}
			if (r.nextDouble() < 0.015) {
				add(c, spoofed + r.nextInt(3));
			}
			long mine = fresh / cases + (c < fresh % cases ? 1 : 0);
			for (long f = 0; f < mine; f++) {
				add(c, newIds(freshKinds[r.nextInt(freshKinds.length)], 1));
			}
		}
		this.identifiers = ids;
		this.kinds = Arrays.copyOf(k, ids);
		this.caseOf = co;
		this.identifierOf = io;
		this.incidences = n;
		k = null;
	}

	/** Rank 0..n-1 with probability proportional to 1 / (rank + 1). */
	private static int zipf(SplittableRandom r, int n) {
		double h = 0;
		for (int i = 1; i <= n; i++) {
			h += 1.0 / i;
		}
		double x = r.nextDouble() * h;
		for (int i = 1; i <= n; i++) {
			x -= 1.0 / i;
			if (x <= 0) {
				return i - 1;
			}
		}
		return n - 1;
	}

	private int newIds(IdentifierKind kind, int count) {
		int first = ids;
		if (ids + count > k.length) {
			k = Arrays.copyOf(k, Math.max(k.length * 2, ids + count));
		}
		Arrays.fill(k, ids, ids + count, (byte) kind.ordinal());
		ids += count;
		return first;
	}

	private void add(int c, int id) {
		if (n == co.length) {
			co = Arrays.copyOf(co, n + (n >> 1));
			io = Arrays.copyOf(io, co.length);
		}
		co[n] = c;
		io[n++] = id;
	}

	/** The value an identifier would have as text (for the interning run). */
	public static String text(int id, byte kind) {
		return IdentifierKind.values()[kind].name().charAt(0) + Integer.toString(id, 36) + "-"
				+ (id * 2_654_435_761L & 0xFFFFFL);
	}

}
