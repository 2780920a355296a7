package org.fanzha.engine.monitor.model;

import java.util.Arrays;
import java.util.List;

import org.fanzha.engine.graph.TransferGraph;

/**
 * Behaviour of every account over a time window of a {@link TransferGraph}, as a vector
 * for an account-level mule/laundering model. Everything comes from the transfers alone
 * (who paid whom, when, how much): no label, no account attribute, so the same code
 * serves a training period and a test period.
 *
 * <p>
 * Features ({@link #FEATURES}), per account over the transfers in [from, to):
 * <ul>
 * <li>volume: counts, sums, means and maxima in and out, transfers leaving the banking
 * system (cash);</li>
 * <li>counterparties: distinct payers and payees, share of repeated pairs, reciprocal
 * counterparties (paid and paying back), fan-in and fan-out ratios;</li>
 * <li>pass-through: money out over money in, time from a payment in to the next payment
 * out (mean and least), share of payments out made within a day of one in, share of
 * payments out whose amount matches (same, or at most 12 % less) an earlier payment
 * in;</li>
 * <li>amounts: coefficient of variation in and out, share of round amounts (multiples of
 * ¥100), share of amounts repeated exactly;</li>
 * <li>timing: span, active days (China Standard Time), transfers per active day, most in
 * one day;</li>
 * <li>short cycles: the shortest closed walk of at most 4 hops through the account (money
 * returning to its origin), the same respecting time (each hop at or after the one
 * before), and how many accounts within two hops forward can also reach it within two
 * hops back;</li>
 * <li>neighbourhood (2 hops): mean and largest degree of counterparties, mean distinct
 * payers of its payees and payees of its payers, and the shares of counterparties that
 * themselves lie on a short cycle, have a reciprocal counterparty, repeat amounts or
 * repeat pairs (guilt by association without labels);</li>
 * <li>typology-agnostic (issue 18; meant to carry over between AMLSim's fan-in, fan-out,
 * cycle, random, scatter-gather, gather-scatter, stack and bipartite shapes): flow
 * balance (the smaller of money in and out over the larger), payments out within seven
 * days of one in, the most payments in and out within seven days, payments back to an
 * earlier payer, distinct payers and payees both (a gather-scatter centre), the most
 * payees of the account that pay one same account (a scatter-gather source) and the most
 * payers paid by one same account (its sink), peers sharing a payer and a payee (a layer
 * of a stack or a bipartite), amounts in the 10 % under ¥5,000, ¥10,000, ¥20,000 or
 * ¥50,000 (structuring), burstiness of the gaps between transfers, the longest gap and
 * the days idle from the window's start (dormancy), and the counterparties' mean flow
 * balance and share with peers. The motif searches scan at most {@link #MOTIF_BUDGET}
 * edges an account.</li>
 * </ul>
 *
 * <p>
 * Algorithm: the window's transfers are bucketed by payer and by payee into compressed
 * arrays (a counting sort; index order is time order, so each account's lists are in time
 * order). One pass per account computes the first-order features, with a reused scratch
 * buffer sorted for distinct counts and repeats. Cycles use a meet-in-the-middle search:
 * mark the accounts one and two hops back from {@code a} (with the latest time at which
 * each can still pass money on to {@code a}) and one and two hops forward (with the
 * earliest time money from {@code a} can be there); a forward mark meeting a backward
 * mark closes a walk of 2, 3 or 4 hops, and a temporal one when the arrival is no later
 * than the departure. Marks are stamps in int arrays, so nothing is cleared between
 * accounts. A last pass averages first-order features over each account's counterparties.
 *
 * <p>
 * Cost: O(m log m + Σ_a (Σ_{x∈N(a)} deg x)) time for m transfers in the window, with the
 * two-hop scans capped at {@link #HOP_BUDGET} edges an account (a hub's neighbours see
 * only part of it: their cycle features may miss a cycle); memory about 40 bytes a
 * transfer plus {@code accounts × FEATURES} doubles. A batch computation, not a per-event
 * path. Cycle features follow the fan-in/cycle typologies of AMLSim (Suzumura &amp;
 * Kanezashi, IBM AMLSim 2021) and the graph features of Altman et al., "Realistic
 * synthetic financial transactions for anti-money laundering models" (NeurIPS 2023
 * datasets track).
 */
public final class AccountGraphFeatures {

	public static final List<String> FEATURES = List.of("in.count", "out.count", "cash.count", "in.sum", "out.sum",
			"in.mean", "out.mean", "in.max", "out.max", "in.distinct", "out.distinct", "in.repeatShare",
			"out.repeatShare", "reciprocal", "passThrough", "fanInRatio", "fanOutRatio", "dwell.meanDays",
			"dwell.minDays", "quickOutShare", "outMatchesInShare", "in.cv", "out.cv", "in.roundShare", "out.roundShare",
			"in.dupAmountShare", "out.dupAmountShare", "span.days", "activeDays", "perActiveDay", "maxPerDay",
			"cycle.minHops", "cycle.temporalMinHops", "cycle.closings", "nbr.meanDegree", "nbr.maxDegree",
			"payees.meanInDistinct", "payers.meanOutDistinct", "nbr.cycleShare", "nbr.reciprocalShare",
			"nbr.dupAmountShare", "nbr.repeatShare", "out.modeShare", "out.offRoutine", "in.offRoutine",
			"in.offRoutineShare", "nbr.offRoutineShare", "flow.balance", "quickOutShare7d", "fanIn.max7d",
			"fanOut.max7d", "backAndForthShare", "hub.both", "motif.scatterGather", "motif.gatherEnd", "motif.siblings",
			"structuringShare", "burstiness", "dormancy.maxGapDays", "dormancy.leadDays", "nbr.flowBalance",
			"nbr.siblingShare");

	/**
	 * Most edges one account's two-hop motif searches (scatter-gather, siblings) may
	 * scan.
	 */
	public static final int MOTIF_BUDGET = 20_000;

	/**
	 * Reporting thresholds an account may keep payments just under (yuan, as fen): the
	 * structuring feature counts amounts in [90 %, 100 %) of one of them.
	 */
	private static final long[] THRESHOLDS = { 5_000_00, 10_000_00, 20_000_00, 50_000_00 };

	/** Most edges one account's two-hop cycle search may scan. */
	public static final int HOP_BUDGET = 200_000;

	private static final long DAY = 86_400;

	private static final long CST = 8 * 3_600;

	/** Sentinel for "no dwell observed" (days): larger than any real window. */
	static final double NEVER_DAYS = 100_000;

	private static final int IN_DISTINCT = FEATURES.indexOf("in.distinct");

	private static final int OUT_DISTINCT = FEATURES.indexOf("out.distinct");

	private static final int IN_REPEAT = FEATURES.indexOf("in.repeatShare");

	private static final int OUT_REPEAT = FEATURES.indexOf("out.repeatShare");

	private static final int RECIPROCAL = FEATURES.indexOf("reciprocal");

	private static final int OUT_DUP = FEATURES.indexOf("out.dupAmountShare");

	/**
	 * out.modeShare, then out.offRoutine, in.offRoutine, in.offRoutineShare,
	 * nbr.offRoutineShare.
	 */
	private static final int ROUTINE = FEATURES.indexOf("out.modeShare");

	/**
	 * cycle.minHops, then cycle.temporalMinHops, cycle.closings and the neighbourhood
	 * features in order.
	 */
	private static final int CYCLE = FEATURES.indexOf("cycle.minHops");

	/**
	 * flow.balance, then the typology-agnostic features in the order of
	 * {@link #FEATURES}.
	 */
	private static final int AGNOSTIC = FEATURES.indexOf("flow.balance");

	/**
	 * The features of every account of the graph (rows: account index; accounts idle in
	 * the window are zeros).
	 */
	public record Table(int accounts, double[] values, int[] transfers) {

		public static final int WIDTH = FEATURES.size();

		public double get(int account, int feature) {
			return values[account * WIDTH + feature];
		}

		public void row(int account, double[] out) {
			System.arraycopy(values, account * WIDTH, out, 0, WIDTH);
		}

		/** Transfers in or out of the account in the window: 0 when it was not active. */
		public int activity(int account) {
			return transfers[account];
		}

		/**
		 * The same table with every feature of an active account replaced by its
		 * percentile among the window's active accounts (mid-rank of ties, in (0, 1)):
		 * windows of different volume then mean the same, and a model trained on one
		 * period applies to another. O(features · n log n).
		 */
		public Table percentiles() {
			int active = 0;
			for (int t : transfers) {
				if (t > 0) {
					active++;
				}
			}
			double[] out = new double[values.length];
			double[] column = new double[active];
			for (int f = 0; f < WIDTH; f++) {
				int k = 0;
				for (int a = 0; a < accounts; a++) {
					if (transfers[a] > 0) {
						column[k++] = values[a * WIDTH + f];
					}
				}
				Arrays.sort(column);
				for (int a = 0; a < accounts; a++) {
					if (transfers[a] > 0) {
						double v = values[a * WIDTH + f];
						int below = GradientBoostedTrees.lowerBound(column, v);
						int upTo = GradientBoostedTrees.lowerBound(column, Math.nextUp(v));
						out[a * WIDTH + f] = (below + upTo) / (2.0 * active);
					}
				}
			}
			return new Table(accounts, out, transfers);
		}
	}

	private final TransferGraph g;

	private final int n;

	private final int[] outStart;

	private final int[] outTo;

	private final long[] outTime;

	private final long[] outAmount;

	private final int[] inStart;

	private final int[] inFrom;

	private final long[] inTime;

	private final long[] inAmount;

	private final int[] cash;

	/**
	 * Each account's most frequent payment amount in the window (-1 when it paid
	 * nothing).
	 */
	private final long[] mode;

	private long[] scratch = new long[64];

	private long[] scratch2 = new long[64];

	private final long[] stats = new long[3];

	/** Start of the window (epoch seconds). */
	private final long windowFrom;

	private AccountGraphFeatures(TransferGraph g, int lo, int hi, long windowFrom) {
		this.g = g;
		this.windowFrom = windowFrom;
		this.n = g.accounts();
		outStart = new int[n + 1];
		inStart = new int[n + 1];
		cash = new int[n];
		mode = new long[n];
		Arrays.fill(mode, -1);
		int outs = 0;
		int ins = 0;
		for (int i = lo; i < hi; i++) {
			int f = g.from(i);
			int t = g.to(i);
			if (t == TransferGraph.NONE) {
				cash[f]++;
				continue;
			}
			outStart[f + 1]++;
			inStart[t + 1]++;
			outs++;
			ins++;
		}
		for (int a = 0; a < n; a++) {
			outStart[a + 1] += outStart[a];
			inStart[a + 1] += inStart[a];
		}
		outTo = new int[outs];
		outTime = new long[outs];
		outAmount = new long[outs];
		inFrom = new int[ins];
		inTime = new long[ins];
		inAmount = new long[ins];
		int[] outFill = Arrays.copyOf(outStart, n);
		int[] inFill = Arrays.copyOf(inStart, n);
		for (int i = lo; i < hi; i++) {
			int f = g.from(i);
			int t = g.to(i);
			if (t == TransferGraph.NONE) {
				continue;
			}
			long time = g.time(i);
			long amount = g.amount(i);
			int o = outFill[f]++;
			outTo[o] = t;
			outTime[o] = time;
			outAmount[o] = amount;
			int k = inFill[t]++;
			inFrom[k] = f;
			inTime[k] = time;
			inAmount[k] = amount;
		}
	}

	/**
	 * The index of the first transfer at or after {@code epochSecond} (transfers are in
	 * time order).
	 */
	public static int firstAtOrAfter(TransferGraph g, long epochSecond) {
		int lo = 0;
		int hi = g.transfers();
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (g.time(mid) < epochSecond) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	/** Features of every account over the transfers with {@code from <= time < to}. */
	public static Table compute(TransferGraph g, long from, long to) {
		int lo = firstAtOrAfter(g, from);
		int hi = Math.max(lo, firstAtOrAfter(g, to));
		return new AccountGraphFeatures(g, lo, hi, from).table();
	}

	private Table table() {
		int w = Table.WIDTH;
		double[] v = new double[n * w];
		int[] activity = new int[n];
		for (int a = 0; a < n; a++) {
			activity[a] = outStart[a + 1] - outStart[a] + inStart[a + 1] - inStart[a] + cash[a];
			if (activity[a] > 0) {
				firstOrder(a, v, a * w);
			}
		}
		offRoutine(v);
		cycles(v);
		agnostic(v, activity);
		neighbours(v, activity);
		return new Table(n, v, activity);
	}

	private long[] scratch(int size) {
		if (scratch.length < size) {
			scratch = new long[Math.max(size, scratch.length * 2)];
			scratch2 = new long[scratch.length];
		}
		return scratch;
	}

	private void firstOrder(int a, double[] v, int r) {
		int os = outStart[a];
		int oe = outStart[a + 1];
		int is = inStart[a];
		int ie = inStart[a + 1];
		int outs = oe - os;
		int ins = ie - is;
		v[r] = ins;
		v[r + 1] = outs;
		v[r + 2] = cash[a];
		amounts(inAmount, is, ie, stats);
		long inSum = stats[0];
		long inMax = stats[1];
		long inRound = stats[2];
		amounts(outAmount, os, oe, stats);
		long outSum = stats[0];
		long outMax = stats[1];
		long outRound = stats[2];
		v[r + 3] = inSum;
		v[r + 4] = outSum;
		v[r + 5] = ins == 0 ? 0 : inSum / (double) ins;
		v[r + 6] = outs == 0 ? 0 : outSum / (double) outs;
		v[r + 7] = inMax;
		v[r + 8] = outMax;
		// distinct counterparties and reciprocity: sorted payer ids in scratch, payee ids
		// in scratch2
		long[] s = scratch(Math.max(ins, outs) + 1);
		long[] s2 = scratch2;
		for (int k = is; k < ie; k++) {
			s[k - is] = inFrom[k];
		}
		Arrays.sort(s, 0, ins);
		for (int k = os; k < oe; k++) {
			s2[k - os] = outTo[k];
		}
		Arrays.sort(s2, 0, outs);
		int inDistinct = distinct(s, ins);
		int outDistinct = distinct(s2, outs);
		v[r + IN_DISTINCT] = inDistinct;
		v[r + OUT_DISTINCT] = outDistinct;
		v[r + IN_REPEAT] = ins == 0 ? 0 : 1 - inDistinct / (double) ins;
		v[r + OUT_REPEAT] = outs == 0 ? 0 : 1 - outDistinct / (double) outs;
		v[r + RECIPROCAL] = commonDistinct(s, ins, s2, outs);
		v[r + 14] = inSum == 0 ? -1 : Math.min(10, outSum / (double) inSum);
		v[r + 15] = inDistinct / (outDistinct + 1.0);
		v[r + 16] = outDistinct / (inDistinct + 1.0);
		// dwell: merge the time-ordered lists
		double dwellSum = 0;
		double dwellMin = Double.MAX_VALUE;
		int dwells = 0;
		int quick = 0;
		int matched = 0;
		int k = is;
		long lastIn = Long.MIN_VALUE;
		for (int o = os; o < oe; o++) {
			while (k < ie && inTime[k] <= outTime[o]) {
				lastIn = inTime[k++];
			}
			if (lastIn != Long.MIN_VALUE) {
				double d = (outTime[o] - lastIn) / (double) DAY;
				dwellSum += d;
				dwellMin = Math.min(dwellMin, d);
				dwells++;
				if (d <= 1) {
					quick++;
				}
				// an earlier payment in of the same amount or at most 12 % more (the
				// mule's cut), among the last 256
				long out = outAmount[o];
				for (int j = k - 1; j >= Math.max(is, k - 256); j--) {
					if (inAmount[j] >= out && inAmount[j] * 100 <= out * 112) {
						matched++;
						break;
					}
				}
			}
		}
		v[r + 17] = dwells == 0 ? NEVER_DAYS : dwellSum / dwells;
		v[r + 18] = dwells == 0 ? NEVER_DAYS : dwellMin;
		v[r + 19] = outs == 0 ? 0 : quick / (double) outs;
		v[r + 20] = outs == 0 ? 0 : matched / (double) outs;
		v[r + 21] = cv(inAmount, is, ie);
		v[r + 22] = cv(outAmount, os, oe);
		v[r + 23] = ins == 0 ? 0 : inRound / (double) ins;
		v[r + 24] = outs == 0 ? 0 : outRound / (double) outs;
		System.arraycopy(inAmount, is, s, 0, ins);
		Arrays.sort(s, 0, ins);
		v[r + 25] = ins == 0 ? 0 : repeated(s, ins) / (double) ins;
		System.arraycopy(outAmount, os, s, 0, outs);
		Arrays.sort(s, 0, outs);
		v[r + OUT_DUP] = outs == 0 ? 0 : repeated(s, outs) / (double) outs;
		// routine: the amount the account pays most often (the smallest of equals), and
		// how often it pays another
		int best = 0;
		for (int i = 0, j; i < outs; i = j) {
			j = i;
			while (j < outs && s[j] == s[i]) {
				j++;
			}
			if (j - i > best) {
				best = j - i;
				mode[a] = s[i];
			}
		}
		v[r + ROUTINE] = outs == 0 ? 0 : best / (double) outs;
		v[r + ROUTINE + 1] = outs - best;
		// timing over both lists merged
		long first = Long.MAX_VALUE;
		long last = Long.MIN_VALUE;
		int days = 0;
		int maxPerDay = 0;
		int perDay = 0;
		long day = Long.MIN_VALUE;
		int i = is;
		int o = os;
		while (i < ie || o < oe) {
			long t = o >= oe || (i < ie && inTime[i] <= outTime[o]) ? inTime[i++] : outTime[o++];
			first = Math.min(first, t);
			last = Math.max(last, t);
			long d = Math.floorDiv(t + CST, DAY);
			if (d != day) {
				day = d;
				days++;
				perDay = 0;
			}
			maxPerDay = Math.max(maxPerDay, ++perDay);
		}
		v[r + 27] = days == 0 ? 0 : (last - first) / (double) DAY;
		v[r + 28] = days;
		v[r + 29] = days == 0 ? 0 : (ins + outs) / (double) days;
		v[r + 30] = maxPerDay;
	}

	/**
	 * Sum, largest, and number of round amounts (multiples of ¥100) of
	 * {@code amount[s, e)}, into {@code out}.
	 */
	private static void amounts(long[] amount, int s, int e, long[] out) {
		long sum = 0;
		long max = 0;
		long round = 0;
		for (int k = s; k < e; k++) {
			sum += amount[k];
			max = Math.max(max, amount[k]);
			round += amount[k] % 10_000 == 0 ? 1 : 0;
		}
		out[0] = sum;
		out[1] = max;
		out[2] = round;
	}

	private static int distinct(long[] sorted, int len) {
		int d = 0;
		for (int i = 0; i < len; i++) {
			if (i == 0 || sorted[i] != sorted[i - 1]) {
				d++;
			}
		}
		return d;
	}

	/** Values present in both sorted arrays, each counted once. */
	private static int commonDistinct(long[] a, int na, long[] b, int nb) {
		int i = 0;
		int j = 0;
		int c = 0;
		while (i < na && j < nb) {
			if (a[i] < b[j]) {
				i++;
			}
			else if (a[i] > b[j]) {
				j++;
			}
			else {
				c++;
				long x = a[i];
				while (i < na && a[i] == x) {
					i++;
				}
				while (j < nb && b[j] == x) {
					j++;
				}
			}
		}
		return c;
	}

	/** Entries of a sorted array equal to a neighbour. */
	private static int repeated(long[] sorted, int len) {
		int c = 0;
		for (int i = 0; i < len; i++) {
			if ((i > 0 && sorted[i] == sorted[i - 1]) || (i + 1 < len && sorted[i] == sorted[i + 1])) {
				c++;
			}
		}
		return c;
	}

	private static double cv(long[] x, int s, int e) {
		int len = e - s;
		if (len < 2) {
			return 0;
		}
		double mean = 0;
		for (int i = s; i < e; i++) {
			mean += x[i];
		}
		mean /= len;
		double var = 0;
		for (int i = s; i < e; i++) {
			double d = x[i] - mean;
			var += d * d;
		}
		return mean == 0 ? 0 : Math.sqrt(var / len) / mean;
	}

	/**
	 * Payments in that differ from the payer's usual amount: a payer leaving its routine
	 * to pay this account.
	 */
	private void offRoutine(double[] v) {
		int w = Table.WIDTH;
		for (int a = 0; a < n; a++) {
			int ins = inStart[a + 1] - inStart[a];
			int off = 0;
			for (int k = inStart[a]; k < inStart[a + 1]; k++) {
				if (inAmount[k] != mode[inFrom[k]]) {
					off++;
				}
			}
			v[a * w + ROUTINE + 2] = off;
			v[a * w + ROUTINE + 3] = ins == 0 ? 0 : off / (double) ins;
		}
	}

	// ------------------------------------------------------------------ short cycles
	// (meet in the middle)

	/** Stamps and keys of a two-hop search, one direction. */
	private static final class Hops {

		final int[] mark1;

		final int[] mark2;

		/**
		 * Forward: earliest time money from a can be there; backward: minus the latest
		 * time money there can still reach a.
		 */
		final long[] key1;

		final long[] key2;

		/** Forward only: the accounts reached, in order, and at which hop (1 or 2). */
		int[] reached = new int[64];

		int count;

		Hops(int n) {
			mark1 = new int[n];
			mark2 = new int[n];
			key1 = new long[n];
			key2 = new long[n];
		}

		void reach(int x, int hop) {
			if (count + 2 > reached.length) {
				reached = Arrays.copyOf(reached, reached.length * 2);
			}
			reached[count++] = x;
			reached[count++] = hop;
		}

	}

	/**
	 * Marks the accounts one and two hops from {@code a}, forward along payments out or
	 * backward along payments in; keys are times (negated backward, so that "best" is
	 * always the smallest and a valid second hop never has a smaller key than the first).
	 * Returns the budget left.
	 */
	private int twoHops(int a, boolean forward, int stamp, int budget, Hops h) {
		int[] start = forward ? outStart : inStart;
		int[] other = forward ? outTo : inFrom;
		long[] time = forward ? outTime : inTime;
		long sign = forward ? 1 : -1;
		h.count = 0;
		for (int k = start[a]; k < start[a + 1]; k++) {
			int x = other[k];
			if (x == a) {
				continue;
			}
			if (h.mark1[x] != stamp) {
				h.mark1[x] = stamp;
				h.key1[x] = sign * time[k];
				h.reach(x, 1);
			}
			else {
				h.key1[x] = Math.min(h.key1[x], sign * time[k]);
			}
		}
		for (int k = start[a]; k < start[a + 1] && budget > 0; k++) {
			int x = other[k];
			if (x == a || sign * time[k] != h.key1[x]) {
				continue; // each x once, at its best key
			}
			for (int j = start[x]; j < start[x + 1] && budget-- > 0; j++) {
				int y = other[j];
				if (y == a || y == x) {
					continue;
				}
				long key = sign * time[j] >= h.key1[x] ? sign * time[j] : Long.MAX_VALUE;
				if (h.mark2[y] != stamp) {
					h.mark2[y] = stamp;
					h.key2[y] = key;
					h.reach(y, 2);
				}
				else {
					h.key2[y] = Math.min(h.key2[y], key);
				}
			}
		}
		return budget;
	}

	/**
	 * Money that reaches an account at forward key f can leave it in time to reach a at
	 * backward key b.
	 */
	private static boolean inTime(long f, long b) {
		return f != Long.MAX_VALUE && b != Long.MAX_VALUE && f <= -b;
	}

	private void cycles(double[] v) {
		int w = Table.WIDTH;
		Hops back = new Hops(n);
		Hops fwd = new Hops(n);
		int[] counted = new int[n];
		for (int a = 0; a < n; a++) {
			if (inStart[a + 1] == inStart[a] || outStart[a + 1] == outStart[a]) {
				continue;
			}
			int stamp = a + 1;
			twoHops(a, true, stamp, twoHops(a, false, stamp, HOP_BUDGET, back), fwd);
			int hops = 0;
			int temporal = 0;
			int closings = 0;
			for (int r = 0; r < fwd.count; r += 2) {
				int m = fwd.reached[r];
				int hop = fwd.reached[r + 1];
				long f = hop == 1 ? fwd.key1[m] : fwd.key2[m];
				boolean b1 = back.mark1[m] == stamp;
				boolean b2 = back.mark2[m] == stamp;
				if (!b1 && !b2) {
					continue;
				}
				hops = shortest(hops, hop + (b1 ? 1 : 2));
				temporal = shortest(temporal,
						b1 && inTime(f, back.key1[m]) ? hop + 1 : b2 && inTime(f, back.key2[m]) ? hop + 2 : 0);
				if (counted[m] != stamp) {
					counted[m] = stamp;
					closings++;
				}
			}
			v[a * w + CYCLE] = hops;
			v[a * w + CYCLE + 1] = temporal;
			v[a * w + CYCLE + 2] = closings;
		}
	}

	private static int shortest(int current, int found) {
		return found == 0 ? current : current == 0 ? found : Math.min(current, found);
	}

	// ------------------------------------------------------------------
	// typology-agnostic

	/**
	 * Features meant to describe laundering whatever its shape (issue 18): how evenly
	 * money flows through, the most payments in or out within seven days, payments back
	 * to an earlier payer, accounts both gathering and scattering, two-hop motifs (a
	 * source whose payees pay the same account, a sink whose payers were paid by the same
	 * account, peers sharing a payer and a payee as in stacked or bipartite layers),
	 * amounts just under reporting thresholds, bursts and dormancy.
	 */
	private void agnostic(double[] v, int[] activity) {
		int w = Table.WIDTH;
		int[] seen = new int[n];
		long[] firstIn = new long[n];
		int[] pair = new int[n];
		int[] count = new int[n];
		int[] mark = new int[n];
		int tick = 0;
		for (int a = 0; a < n; a++) {
			if (activity[a] == 0) {
				continue;
			}
			int r = a * w + AGNOSTIC;
			int is = inStart[a];
			int ie = inStart[a + 1];
			int os = outStart[a];
			int oe = outStart[a + 1];
			double inSum = v[a * w + 3];
			double outSum = v[a * w + 4];
			v[r] = inSum == 0 || outSum == 0 ? 0 : Math.min(inSum, outSum) / Math.max(inSum, outSum);
			// payments out within seven days of the last payment in
			int quick = 0;
			for (int o = os, k = is; o < oe; o++) {
				while (k < ie && inTime[k] <= outTime[o]) {
					k++;
				}
				if (k > is && outTime[o] - inTime[k - 1] <= 7 * DAY) {
					quick++;
				}
			}
			v[r + 1] = oe == os ? 0 : quick / (double) (oe - os);
			v[r + 2] = mostWithin(inTime, is, ie, 7 * DAY);
			v[r + 3] = mostWithin(outTime, os, oe, 7 * DAY);
			// back and forth: a payment out to an account that paid this one earlier
			int stamp = a + 1;
			for (int k = is; k < ie; k++) {
				if (seen[inFrom[k]] != stamp) {
					seen[inFrom[k]] = stamp;
					firstIn[inFrom[k]] = inTime[k];
				}
			}
			int back = 0;
			for (int o = os; o < oe; o++) {
				if (seen[outTo[o]] == stamp && firstIn[outTo[o]] <= outTime[o]) {
					back++;
				}
			}
			v[r + 4] = oe == os ? 0 : back / (double) (oe - os);
			v[r + 5] = Math.min(v[a * w + IN_DISTINCT], v[a * w + OUT_DISTINCT]);
			// two hops forward: the most distinct payees of a that pay one same account
			int budget = MOTIF_BUDGET;
			int best = 0;
			int x0 = ++tick;
			for (int o = os; o < oe && budget > 0; o++) {
				int x = outTo[o];
				if (x == a || pair[x] == x0) {
					continue;
				}
				pair[x] = x0;
				int xt = ++tick;
				for (int j = outStart[x]; j < outStart[x + 1] && budget-- > 0; j++) {
					int y = outTo[j];
					if (y == a || y == x || mark[y] == xt) {
						continue;
					}
					if (mark[y] <= x0) {
						count[y] = 0; // first seen for this account
					}
					mark[y] = xt;
					best = Math.max(best, ++count[y]);
				}
			}
			v[r + 6] = best;
			// two hops back: the most distinct payers of a paid by one same account
			budget = MOTIF_BUDGET;
			best = 0;
			x0 = ++tick;
			for (int k = is; k < ie && budget > 0; k++) {
				int x = inFrom[k];
				if (x == a || pair[x] == x0) {
					continue;
				}
				pair[x] = x0;
				int xt = ++tick;
				for (int j = inStart[x]; j < inStart[x + 1] && budget-- > 0; j++) {
					int z = inFrom[j];
					if (z == a || z == x || mark[z] == xt) {
						continue;
					}
					if (mark[z] <= x0) {
						count[z] = 0;
					}
					mark[z] = xt;
					best = Math.max(best, ++count[z]);
				}
			}
			v[r + 7] = best;
			// siblings: accounts that share a payer and a payee with a (one layer of a
			// stack)
			budget = MOTIF_BUDGET;
			int sib = ++tick;
			for (int k = is; k < ie && budget > 0; k++) {
				int p = inFrom[k];
				for (int j = outStart[p]; j < outStart[p + 1] && budget-- > 0; j++) {
					mark[outTo[j]] = sib;
				}
			}
			int counted = ++tick;
			int siblings = 0;
			for (int o = os; o < oe && budget > 0; o++) {
				int x = outTo[o];
				for (int j = inStart[x]; j < inStart[x + 1] && budget-- > 0; j++) {
					int s = inFrom[j];
					if (s != a && mark[s] == sib) {
						mark[s] = counted;
						siblings++;
					}
				}
			}
			v[r + 8] = siblings;
			// structuring: amounts just under a reporting threshold
			int under = 0;
			for (int k = is; k < ie; k++) {
				under += underThreshold(inAmount[k]) ? 1 : 0;
			}
			for (int o = os; o < oe; o++) {
				under += underThreshold(outAmount[o]) ? 1 : 0;
			}
			int events = ie - is + oe - os;
			v[r + 9] = events == 0 ? 0 : under / (double) events;
			gaps(a, v, r + 10);
		}
	}

	private static boolean underThreshold(long fen) {
		for (long t : THRESHOLDS) {
			if (fen < t && fen * 10 >= t * 9) {
				return true;
			}
		}
		return false;
	}

	/** The most entries of the time-ordered {@code time[s, e)} within one window. */
	private static int mostWithin(long[] time, int s, int e, long window) {
		int most = 0;
		for (int i = s, j = s; i < e; i++) {
			while (time[i] - time[j] >= window) {
				j++;
			}
			most = Math.max(most, i - j + 1);
		}
		return most;
	}

	/**
	 * Burstiness (σ − μ)/(σ + μ) of the gaps between an account's transfers (Goh and
	 * Barabási 2008: −1 regular, 0 random, towards 1 bursty), its longest gap and the
	 * days from the window's start to its first transfer (dormancy), into
	 * {@code v[r..r+2]}.
	 */
	private void gaps(int a, double[] v, int r) {
		int i = inStart[a];
		int ie = inStart[a + 1];
		int o = outStart[a];
		int oe = outStart[a + 1];
		long prev = Long.MIN_VALUE;
		long first = Long.MIN_VALUE;
		double sum = 0;
		double sq = 0;
		long maxGap = 0;
		int gaps = 0;
		while (i < ie || o < oe) {
			long t = o >= oe || (i < ie && inTime[i] <= outTime[o]) ? inTime[i++] : outTime[o++];
			if (prev != Long.MIN_VALUE) {
				double d = (t - prev) / (double) DAY;
				sum += d;
				sq += d * d;
				maxGap = Math.max(maxGap, t - prev);
				gaps++;
			}
			else {
				first = t;
			}
			prev = t;
		}
		double burst = 0;
		if (gaps >= 2) {
			double mean = sum / gaps;
			double sd = Math.sqrt(Math.max(0, sq / gaps - mean * mean));
			burst = sd + mean == 0 ? 0 : (sd - mean) / (sd + mean);
		}
		v[r] = burst;
		v[r + 1] = maxGap / (double) DAY;
		v[r + 2] = first == Long.MIN_VALUE ? 0 : Math.max(0, first - windowFrom) / (double) DAY;
	}

	// ------------------------------------------------------------------ neighbourhood

	/**
	 * Sums over an account's distinct counterparties: count, degree, largest degree and
	 * five shares.
	 */
	private static final int N_COUNT = 0;

	private static final int N_DEGREE = 1;

	private static final int N_MAX = 2;

	private static final int N_SHARES = 3;

	/** Adds counterparty x's first-order features to the sums {@code acc}. */
	private static void addNeighbour(double[] v, int x, double[] acc) {
		int r = x * Table.WIDTH;
		double d = v[r + IN_DISTINCT] + v[r + OUT_DISTINCT];
		acc[N_COUNT]++;
		acc[N_DEGREE] += d;
		acc[N_MAX] = Math.max(acc[N_MAX], d);
		acc[N_SHARES] += v[r + CYCLE] > 0 ? 1 : 0;
		acc[N_SHARES + 1] += v[r + RECIPROCAL] > 0 ? 1 : 0;
		acc[N_SHARES + 2] += v[r + OUT_DUP];
		acc[N_SHARES + 3] += Math.max(v[r + IN_REPEAT], v[r + OUT_REPEAT]);
		acc[N_SHARES + 4] += v[r + ROUTINE + 1] > 0 ? 1 : 0;
		acc[N_SHARES + 5] += v[r + AGNOSTIC];
		acc[N_SHARES + 6] += v[r + AGNOSTIC + 8] > 0 ? 1 : 0;
	}

	private void neighbours(double[] v, int[] activity) {
		int w = Table.WIDTH;
		int[] seen = new int[n];
		double[] acc = new double[N_SHARES + 7];
		for (int a = 0; a < n; a++) {
			if (activity[a] == 0) {
				continue;
			}
			Arrays.fill(acc, 0);
			int stamp = a + 1;
			double payeesIn = 0;
			int payees = 0;
			for (int k = outStart[a]; k < outStart[a + 1]; k++) {
				int x = outTo[k];
				if (x != a && seen[x] != stamp) {
					seen[x] = stamp;
					payees++;
					payeesIn += v[x * w + IN_DISTINCT];
					addNeighbour(v, x, acc);
				}
			}
			// payers apart from payees (-stamp), but a counterparty both ways is averaged
			// once
			double payersOut = 0;
			int payers = 0;
			for (int k = inStart[a]; k < inStart[a + 1]; k++) {
				int p = inFrom[k];
				if (p != a && seen[p] != -stamp) {
					boolean alsoPayee = seen[p] == stamp;
					seen[p] = -stamp;
					payers++;
					payersOut += v[p * w + OUT_DISTINCT];
					if (!alsoPayee) {
						addNeighbour(v, p, acc);
					}
				}
			}
			double count = Math.max(1, acc[N_COUNT]);
			int r = a * w + CYCLE + 3;
			v[r] = acc[N_DEGREE] / count;
			v[r + 1] = acc[N_MAX];
			v[r + 2] = payees == 0 ? 0 : payeesIn / payees;
			v[r + 3] = payers == 0 ? 0 : payersOut / payers;
			for (int k = 0; k < 4; k++) {
				v[r + 4 + k] = acc[N_SHARES + k] / count; // nbr.cycleShare ..
															// nbr.repeatShare
			}
			v[a * w + ROUTINE + 4] = acc[N_SHARES + 4] / count;
			v[a * w + AGNOSTIC + 13] = acc[N_SHARES + 5] / count;
			v[a * w + AGNOSTIC + 14] = acc[N_SHARES + 6] / count;
		}
	}

}
