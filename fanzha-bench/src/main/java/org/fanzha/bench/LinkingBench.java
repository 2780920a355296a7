package org.fanzha.bench;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.fanzha.engine.linking.CaseLinker;
import org.fanzha.engine.linking.IdentifierKind;
import org.fanzha.engine.linking.Linking;
import org.fanzha.sim.evaluate.LinkingEvaluation;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * Case linking on one core, Fanzha against JGraphT in the same run on the same input
 * ({@link SyntheticCases}: by default 1,000,000 cases naming 10,000,000 distinct
 * identifiers, gangs of many sizes, some very common identifiers):
 *
 * <ol>
 * <li>Fanzha, dense ints:
 * {@link CaseLinker#link(int, int, byte[], int[], int[], int, CaseLinker.Options, java.util.function.IntFunction)}
 * — CSR by identifier, guard, union-find, groups and evidence index;</li>
 * <li>Fanzha from text: every identifier as a String interned by
 * {@link CaseLinker#identifier} and added per incidence, then linked (the Strings are
 * made before the timing);</li>
 * <li>the peer, JGraphT 1.5.3: a {@code SimpleGraph<Integer, DefaultEdge>} with one
 * vertex per case and per identifier and an edge per incidence, the identifiers the guard
 * holds back removed (degree above the cap of their kind, the same rule), then
 * {@code ConnectivityInspector.connectedSets()}.</li>
 * </ol>
 * Each is warmed up on a tenth of the input first; Fanzha's figure is the median of
 * {@code --runs} runs, the peer runs once (it takes minutes). The partitions are checked
 * to be equal, and compared with the generated gangs.
 *
 * <pre>
 * taskset -c 0 java -Xmx20g -cp ... org.fanzha.bench.BenchMain linking [--cases 1000000] [--identifiers 10000000]
 *     [--runs 3] [--no-peer] [--smoke]
 * </pre>
 */
public final class LinkingBench {

	public record Figures(int cases, int identifiers, int incidences, int gangs, int groups, int linkedGroups,
			int guarded, double adjustedRandIndex, double pairPrecision, double pairRecall, double generateSeconds,
			double fanzhaSeconds, double fanzhaBestSeconds, double fanzhaTextSeconds, long fanzhaHeapBytes,
			long fanzhaTextHeapBytes, double peerSeconds, long peerHeapBytes, boolean peerAgrees) {

		public double ratio() {
			return peerSeconds / fanzhaSeconds;
		}

		@Override
		public String toString() {
			StringBuilder s = new StringBuilder();
			s.append(
					String.format(Locale.ROOT,
							"linking: %,d cases, %,d identifiers, %,d incidences, %,d generated gangs "
									+ "(generated in %.1f s)%n",
							cases, identifiers, incidences, gangs, generateSeconds));
			s.append(String.format(Locale.ROOT,
					"  result: %,d groups (%,d of several cases), %,d identifiers held back by "
							+ "the guard; against the gangs: ARI %.3f, pair precision %.3f, pair recall %.3f%n",
					groups, linkedGroups, guarded, adjustedRandIndex, pairPrecision, pairRecall));
			s.append(String.format(Locale.ROOT,
					"  Fanzha CaseLinker (ints): %.2f s median (best %.2f s) = %,.0f incidences/s; "
							+ "result heap %,d MB%n",
					fanzhaSeconds, fanzhaBestSeconds, incidences / fanzhaSeconds, fanzhaHeapBytes >> 20));
			s.append(String.format(Locale.ROOT,
					"  Fanzha CaseLinker (interning text identifiers, then linking): %.2f s; linker "
							+ "and result heap %,d MB%n",
					fanzhaTextSeconds, fanzhaTextHeapBytes >> 20));
			if (peerSeconds > 0) {
				s.append(String.format(Locale.ROOT,
						"  JGraphT SimpleGraph + ConnectivityInspector: %.2f s (graph heap %,d MB); "
								+ "same partition: %s; ratio %.1fx",
						peerSeconds, peerHeapBytes >> 20, peerAgrees, ratio()));
			}
			else {
				s.append("  peer not run");
			}
			return s.toString();
		}
	}

	public static void main(String[] args) {
		List<String> a = List.of(args);
		boolean smoke = a.contains("--smoke");
		int cases = Integer.parseInt(BenchMain.option(a, "--cases", smoke ? "20000" : "1000000"));
		int ids = Integer.parseInt(BenchMain.option(a, "--identifiers", Integer.toString(cases * 10)));
		int runs = Integer.parseInt(BenchMain.option(a, "--runs", smoke ? "1" : "3"));
		System.out.println(run(cases, ids, 42, runs, !a.contains("--no-peer")));
	}

	public static Figures run(int cases, int identifiers, long seed, int runs, boolean peer) {
		if (runs < 1) {
			throw new IllegalArgumentException("--runs must be at least 1");
		}
		CaseLinker.Options options = CaseLinker.Options.DEFAULTS;
		// warm-up on a tenth
		SyntheticCases small = new SyntheticCases(Math.max(100, cases / 10), Math.max(200, identifiers / 10), seed + 1);
		link(small, options);
		linkText(small, texts(small), options);
		if (peer) {
			peer(small, options);
		}
		small = null;
		long g0 = System.nanoTime();
		SyntheticCases in = new SyntheticCases(cases, identifiers, seed);
		double generate = (System.nanoTime() - g0) / 1e9;
		double[] t = new double[runs];
		Linking result = null;
		long baseline = usedHeap();
		for (int i = 0; i < runs; i++) {
			result = null;
			System.gc();
			long t0 = System.nanoTime();
			result = link(in, options);
			t[i] = (System.nanoTime() - t0) / 1e9;
		}
		Arrays.sort(t);
		long resultHeap = usedHeap() - baseline;
		int[] groups = new int[cases];
		for (int c = 0; c < cases; c++) {
			groups[c] = result.groupOf(c);
		}
		LinkingEvaluation.Agreement agreement = LinkingEvaluation.agreement(groups, in.gangOf);
		int groupCount = result.groupCount();
		int linkedGroups = result.linkedGroups();
		int guarded = result.guardedIdentifiers();
		result = null;
		String[] texts = texts(in);
		long textBaseline = usedHeap();
		long t1 = System.nanoTime();
		Linking fromText = linkText(in, texts, options);
		double text = (System.nanoTime() - t1) / 1e9;
		// the linker's arrays and interning table are reachable from the result through
		// its names function
		long textHeap = usedHeap() - textBaseline;
		// the Strings were in the baseline: keep them alive through the measurement (the
		// JIT may drop a dead local)
		Reference.reachabilityFence(texts);
		boolean sameAsText = fromText.groupCount() == groupCount;
		fromText = null;
		texts = null;
		double peerSeconds = 0;
		long heap = 0;
		boolean agrees = false;
		if (peer) {

			long before = usedHeap();
			long t2 = System.nanoTime();
			Peer p = peer(in, options);
			// the heap measurement inside (two full GCs) is not the peer's time
			peerSeconds = (System.nanoTime() - t2 - p.heapNanos) / 1e9;
			heap = p.heap - before;
			agrees = samePartition(groups, p.labels) && sameAsText;
		}
		return new Figures(cases, in.identifiers, in.incidences, in.gangs, groupCount, linkedGroups, guarded,
				agreement.adjustedRandIndex(), agreement.pairPrecision(), agreement.pairRecall(), generate, t[runs / 2],
				t[0], text, resultHeap, textHeap, peerSeconds, heap, agrees);
	}

	static Linking link(SyntheticCases in, CaseLinker.Options options) {
		return CaseLinker.link(in.cases, in.identifiers, in.kinds, in.caseOf, in.identifierOf, in.incidences, options,
				null);
	}

	static String[] texts(SyntheticCases in) {
		String[] out = new String[in.identifiers];
		for (int j = 0; j < out.length; j++) {
			out[j] = SyntheticCases.text(j, in.kinds[j]);
		}
		return out;
	}

	static Linking linkText(SyntheticCases in, String[] texts, CaseLinker.Options options) {
		IdentifierKind[] kinds = IdentifierKind.values();
		CaseLinker l = new CaseLinker(options);
		l.addCase(in.cases - 1);
		for (int i = 0; i < in.incidences; i++) {
			int j = in.identifierOf[i];
			l.add(in.caseOf[i], l.identifier(kinds[in.kinds[j]], texts[j]));
		}
		return l.link();
	}

	record Peer(int[] labels, long heap, long heapNanos) {
	}

	/**
	 * The peer: the identifier graph in JGraphT, common identifiers removed, connected
	 * components.
	 */
	static Peer peer(SyntheticCases in, CaseLinker.Options options) {
		int cases = in.cases;
		Integer[] v = new Integer[cases + in.identifiers];
		Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
		for (int i = 0; i < v.length; i++) {
			v[i] = i;
			g.addVertex(v[i]);
		}
		for (int i = 0; i < in.incidences; i++) {
			g.addEdge(v[in.caseOf[i]], v[cases + in.identifierOf[i]]);
		}
		IdentifierKind[] kinds = IdentifierKind.values();
		List<Integer> common = new ArrayList<>();
		for (int j = 0; j < in.identifiers; j++) {
			int d = g.degreeOf(v[cases + j]);
			if (d >= 2 && d > options.cap(kinds[in.kinds[j]])) {
				common.add(v[cases + j]);
			}
		}
		g.removeAllVertices(common);
		long h0 = System.nanoTime();
		long heap = usedHeap();
		long heapNanos = System.nanoTime() - h0;
		int[] labels = new int[cases];
		int label = 0;
		for (Set<Integer> set : new ConnectivityInspector<>(g).connectedSets()) {
			for (int x : set) {
				if (x < cases) {
					labels[x] = label;
				}
			}
			label++;
		}
		return new Peer(labels, heap, heapNanos);
	}

	/** Whether two labellings of the same items make the same partition. */
	static boolean samePartition(int[] a, int[] b) {
		int[] ab = new int[a.length];
		int[] ba = new int[a.length + 1 + Arrays.stream(b).max().orElse(0)];
		Arrays.fill(ab, -1);
		Arrays.fill(ba, -1);
		for (int i = 0; i < a.length; i++) {
			if (ab[a[i]] < 0 && ba[b[i]] < 0) {
				ab[a[i]] = b[i];
				ba[b[i]] = a[i];
			}
			else if (ab[a[i]] != b[i] || ba[b[i]] != a[i]) {
				return false;
			}
		}
		return true;
	}

	private static long usedHeap() {
		Runtime rt = Runtime.getRuntime();
		for (int i = 0; i < 2; i++) {
			System.gc();
		}
		return rt.totalMemory() - rt.freeMemory();
	}

}
