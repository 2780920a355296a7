package org.fanzha.engine.linking;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntFunction;

import org.fanzha.core.KeyIndex;

/*
 * Case linking (串并案) over an identifier graph: cases on one side, identifiers (fund accounts, websites, chat groups,
 * dens and cash-out points, suspects, phones, handsets, apps, IM accounts, banks) on the other, an edge where a case
 * names an identifier. Cases are linked when they share an identifier that passes the guard; the groups are the
 * connected components of the case side.
 *
 * Algorithm (all primitive arrays, no per-incidence objects):
 *   1. Incidences (case, identifier) are appended to two int arrays as they arrive. Identifiers are interned to dense
 *      ints by a KeyIndex keyed by (kind byte, UTF-8 value), so a value of two kinds stays two identifiers.
 *   2. Counting sort by identifier gives each identifier's case list (CSR). Each list is de-duplicated in place with a
 *      stamp array over cases (a case naming an identifier twice counts once).
 *   3. Guard: an identifier of kind k with d distinct cases links iff d >= 2 and d <= floor(maxCases × weight(k)).
 *      Weight 0 (a bank) never links; a very common identifier (a popular app, an identifier in more than maxCases
 *      cases) is kept as evidence but does not link. With mergeGroundsOnly, only kinds that carry a merge ground link.
 *   4. Union-find over cases (union by size, full path compression): every linking identifier unites its cases with its
 *      first case. Groups are numbered by their smallest case, so the result does not depend on input order.
 *   5. Per group, the linking identifiers (the shared evidence) as a second CSR; evidence objects are made only when
 *      a caller asks for a group's evidence.
 * Cost: O(n + I + C · α(C)) time for n incidences, I identifiers and C cases; memory about 4 ints per incidence plus a
 * few ints per case and per identifier. One core links 1,000,000 cases naming 10,000,000 identifiers in seconds
 * (docs/benchmarks.md, "Case linking").
 *
 * Legal marking (DOMAIN.md §3, Opinion (II) 2021 art. 2 as recalled there): each piece of evidence carries the merge
 * ground its kind establishes (same website, chat group, fund account, den; one person, several crimes) or none (a
 * lead); a group is marked JOINT_CRIME when one of its cases names two or more suspects and a suspect links it to
 * another case; Linking.mergeableAsWhole says whether the merge grounds alone connect every case of a group. Decision
 * support for the investigator: the link is a reason to look, the merge is a decision of the handling unit.
 * References: Tarjan (1975), "Efficiency of a good but not linear set union algorithm", JACM 22(2).
 */
/** Links cases that share identifiers; see {@link Linking} for the result. */
public final class CaseLinker {

	/**
	 * The guard and what may link. Immutable; {@link #DEFAULTS}: 1,000 cases, the kinds'
	 * weights, every kind.
	 */
	public static final class Options {

		public static final Options DEFAULTS = new Options(1_000, false, defaultWeights());

		private final int maxCases;

		private final boolean mergeGroundsOnly;

		private final double[] weights;

		private Options(int maxCases, boolean mergeGroundsOnly, double[] weights) {
			if (maxCases < 2) {
				throw new IllegalArgumentException("maxCases must be at least 2, got " + maxCases);
			}
			this.maxCases = maxCases;
			this.mergeGroundsOnly = mergeGroundsOnly;
			this.weights = weights;
		}

		private static double[] defaultWeights() {
			double[] w = new double[IdentifierKind.VALUES.length];
			for (IdentifierKind k : IdentifierKind.VALUES) {
				w[k.ordinal()] = k.weight();
			}
			return w;
		}

		/**
		 * An identifier seen in more than {@code n} × its kind's weight cases does not
		 * link.
		 */
		public Options withMaxCases(int n) {
			return new Options(n, mergeGroundsOnly, weights);
		}

		/**
		 * Only identifiers whose kind carries a merge ground link; phones, handsets,
		 * apps, IM accounts stay leads.
		 */
		public Options withMergeGroundsOnly(boolean on) {
			return new Options(maxCases, on, weights);
		}

		public Options withWeight(IdentifierKind kind, double weight) {
			if (kind == null || !(weight >= 0 && weight <= 1)) {
				throw new IllegalArgumentException("a weight is for a kind and lies in [0, 1], got " + weight);
			}
			double[] w = weights.clone();
			w[kind.ordinal()] = weight;
			return new Options(maxCases, mergeGroundsOnly, w);
		}

		public int maxCases() {
			return maxCases;
		}

		public boolean mergeGroundsOnly() {
			return mergeGroundsOnly;
		}

		public double weight(IdentifierKind kind) {
			return weights[kind.ordinal()];
		}

		/** The most cases an identifier of this kind may link (0: it never links). */
		public int cap(IdentifierKind kind) {
			if (mergeGroundsOnly && kind.ground() == null) {
				return 0;
			}
			return (int) Math.floor(maxCases * weights[kind.ordinal()] + 1e-9);
		}

	}

	private final Options options;

	private final KeyIndex index = new KeyIndex();

	private byte[] kinds = new byte[1 << 10];

	private int[] caseOf = new int[1 << 10];

	private int[] identifierOf = new int[1 << 10];

	private int incidences;

	private int cases;

	private byte[] scratch = new byte[64];

	public CaseLinker() {
		this(Options.DEFAULTS);
	}

	public CaseLinker(Options options) {
		if (options == null) {
			throw new IllegalArgumentException("options are required");
		}
		this.options = options;
	}

	/**
	 * The dense number of an identifier (leading and trailing white space ignored),
	 * interned on first use.
	 */
	public int identifier(IdentifierKind kind, String value) {
		if (kind == null || value == null) {
			throw new IllegalArgumentException("an identifier needs a kind and a non-blank value");
		}
		int from = 0;
		int to = value.length();
		while (from < to && Character.isWhitespace(value.charAt(from))) {
			from++;
		}
		while (to > from && Character.isWhitespace(value.charAt(to - 1))) {
			to--;
		}
		if (from == to) {
			throw new IllegalArgumentException("an identifier needs a kind and a non-blank value");
		}
		// UTF-8 into the scratch buffer behind the kind byte: no allocation per call once
		// the buffer is large enough
		if (scratch.length < 1 + 3 * (to - from)) {
			scratch = new byte[3 * (to - from) + 64];
		}
		byte[] b = scratch;
		b[0] = (byte) kind.ordinal();
		int n = 1;
		for (int i = from; i < to; i++) {
			char ch = value.charAt(i);
			if (ch < 0x80) {
				b[n++] = (byte) ch;
			}
			else if (ch < 0x800) {
				b[n++] = (byte) (0xC0 | ch >> 6);
				b[n++] = (byte) (0x80 | ch & 0x3F);
			}
			else if (Character.isHighSurrogate(ch) && i + 1 < to && Character.isLowSurrogate(value.charAt(i + 1))) {
				int cp = Character.toCodePoint(ch, value.charAt(++i));
				b[n++] = (byte) (0xF0 | cp >> 18);
				b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
				b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
				b[n++] = (byte) (0x80 | cp & 0x3F);
			}
			else if (Character.isSurrogate(ch)) {
				// a lone surrogate becomes '?', as String.getBytes(UTF_8) does
				b[n++] = '?';
			}
			else {
				b[n++] = (byte) (0xE0 | ch >> 12);
				b[n++] = (byte) (0x80 | ch >> 6 & 0x3F);
				b[n++] = (byte) (0x80 | ch & 0x3F);
			}
		}
		int id = index.getOrAdd(b, 0, n);
		if (id >= kinds.length) {
			kinds = Arrays.copyOf(kinds, kinds.length * 2);
		}
		kinds[id] = (byte) kind.ordinal();
		return id;
	}

	/** Case {@code caseIndex} (dense, from 0) names the identifier. */
	public void add(int caseIndex, int identifier) {
		if (caseIndex < 0 || identifier < 0 || identifier >= index.size()) {
			throw new IllegalArgumentException("no case " + caseIndex + " or identifier " + identifier);
		}
		if (incidences == caseOf.length) {
			caseOf = Arrays.copyOf(caseOf, incidences * 2);
			identifierOf = Arrays.copyOf(identifierOf, incidences * 2);
		}
		caseOf[incidences] = caseIndex;
		identifierOf[incidences++] = identifier;
		cases = Math.max(cases, caseIndex + 1);
	}

	public void add(int caseIndex, IdentifierKind kind, String value) {
		add(caseIndex, identifier(kind, value));
	}

	/**
	 * Makes case {@code caseIndex} known even when it names nothing (it becomes a group
	 * of its own).
	 */
	public void addCase(int caseIndex) {
		if (caseIndex < 0) {
			throw new IllegalArgumentException("no case " + caseIndex);
		}
		cases = Math.max(cases, caseIndex + 1);
	}

	public int cases() {
		return cases;
	}

	public int identifiers() {
		return index.size();
	}

	public int incidences() {
		return incidences;
	}

	/** Links the cases added so far. */
	public Linking link() {
		return link(cases, index.size(), kinds, caseOf, identifierOf, incidences, options, this::name);
	}

	private String name(int id) {
		return new String(index.arena(), index.keyStart(id) + 1, index.keyEnd(id) - index.keyStart(id) - 1,
				StandardCharsets.UTF_8);
	}

	/**
	 * Links raw incidences: {@code caseOf[i]} names {@code identifierOf[i]} for i &lt; n;
	 * identifier j is of kind {@code IdentifierKind.values()[kinds[j]]}; {@code names}
	 * gives an identifier's value for the evidence (null: "#j"). The arrays are read, not
	 * kept.
	 */
	public static Linking link(int cases, int identifiers, byte[] kinds, int[] caseOf, int[] identifierOf, int n,
			Options options, IntFunction<String> names) {
		if (cases < 0 || identifiers < 0 || n < 0 || kinds.length < identifiers || caseOf.length < n
				|| identifierOf.length < n || options == null) {
			throw new IllegalArgumentException("inconsistent linking input");
		}
		int[] caps = new int[IdentifierKind.VALUES.length];
		for (IdentifierKind k : IdentifierKind.VALUES) {
			caps[k.ordinal()] = options.cap(k);
		}
		// 2. CSR by identifier
		int[] start = new int[identifiers + 1];
		for (int i = 0; i < n; i++) {
			int c = caseOf[i];
			int id = identifierOf[i];
			if (c < 0 || c >= cases || id < 0 || id >= identifiers) {
				throw new IllegalArgumentException("incidence " + i + " names case " + c + " / identifier " + id);
			}
			start[id + 1]++;
		}
		for (int j = 0; j < identifiers; j++) {
			if (kinds[j] < 0 || kinds[j] >= caps.length) {
				throw new IllegalArgumentException("identifier " + j + " has no kind " + kinds[j]);
			}
			start[j + 1] += start[j];
		}
		int[] fill = Arrays.copyOf(start, identifiers);
		int[] list = new int[n];
		for (int i = 0; i < n; i++) {
			list[fill[identifierOf[i]]++] = caseOf[i];
		}
		fill = null;
		// de-duplicate each list in place; len[j] = distinct cases of j
		int[] len = new int[identifiers];
		int[] stamp = new int[cases];
		Arrays.fill(stamp, -1);
		int[] suspectsPerCase = new int[cases];
		int suspect = IdentifierKind.SUSPECT.ordinal();
		// 3.+4. guard and union
		int[] parent = new int[cases];
		int[] size = new int[cases];
		for (int c = 0; c < cases; c++) {
			parent[c] = c;
			size[c] = 1;
		}
		boolean[] linking = new boolean[identifiers];
		int guarded = 0;
		int linkingCount = 0;
		for (int j = 0; j < identifiers; j++) {
			int s = start[j];
			int w = s;
			for (int k = s, e = start[j + 1]; k < e; k++) {
				int c = list[k];
				if (stamp[c] != j) {
					stamp[c] = j;
					list[w++] = c;
				}
			}
			int d = w - s;
			len[j] = d;
			if (kinds[j] == suspect) {
				for (int k = s; k < w; k++) {
					suspectsPerCase[list[k]]++;
				}
			}
			if (d < 2) {
				continue;
			}
			if (d > caps[kinds[j]]) {
				guarded++;
				continue;
			}
			linking[j] = true;
			linkingCount++;
			int root = find(parent, list[s]);
			for (int k = s + 1; k < w; k++) {
				int r = find(parent, list[k]);
				if (r != root) {
					if (size[r] > size[root]) {
						int t = r;
						r = root;
						root = t;
					}
					parent[r] = root;
					size[root] += size[r];
				}
			}
		}
		stamp = null;
		// groups numbered by their smallest case
		int[] groupOfRoot = size; // reused: sizes are no longer needed
		Arrays.fill(groupOfRoot, -1);
		int[] groupOf = new int[cases];
		int groups = 0;
		for (int c = 0; c < cases; c++) {
			int r = find(parent, c);
			if (groupOfRoot[r] < 0) {
				groupOfRoot[r] = groups++;
			}
			groupOf[c] = groupOfRoot[r];
		}
		parent = null;
		int[] groupStart = new int[groups + 1];
		for (int c = 0; c < cases; c++) {
			groupStart[groupOf[c] + 1]++;
		}
		for (int g = 0; g < groups; g++) {
			groupStart[g + 1] += groupStart[g];
		}
		int[] gfill = Arrays.copyOf(groupStart, groups);
		int[] groupCases = new int[cases];
		for (int c = 0; c < cases; c++) {
			groupCases[gfill[groupOf[c]]++] = c;
		}
		// 5. linking identifiers per group
		int[] evStart = new int[groups + 1];
		for (int j = 0; j < identifiers; j++) {
			if (linking[j]) {
				evStart[groupOf[list[start[j]]] + 1]++;
			}
		}
		for (int g = 0; g < groups; g++) {
			evStart[g + 1] += evStart[g];
		}
		gfill = Arrays.copyOf(evStart, groups);
		int[] evIds = new int[linkingCount];
		for (int j = 0; j < identifiers; j++) {
			if (linking[j]) {
				evIds[gfill[groupOf[list[start[j]]]]++] = j;
			}
		}
		return new Linking(options, cases, identifiers, Arrays.copyOf(kinds, identifiers), start, list, len, linking,
				guarded, groups, groupOf, groupStart, groupCases, evStart, evIds, suspectsPerCase,
				names == null ? j -> "#" + j : names);
	}

	/** Root of c, compressing the whole path to it. */
	private static int find(int[] parent, int c) {
		int r = c;
		while (parent[r] != r) {
			r = parent[r];
		}
		while (parent[c] != r) {
			int next = parent[c];
			parent[c] = r;
			c = next;
		}
		return r;
	}

}
