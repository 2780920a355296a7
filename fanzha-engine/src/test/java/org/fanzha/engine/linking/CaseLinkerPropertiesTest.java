package org.fanzha.engine.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Union-find properties: order does not matter, and the groups are the connected
 * components.
 */
class CaseLinkerPropertiesTest {

	record Inc(int c, IdentifierKind kind, String value) {
	}

	static final IdentifierKind[] KINDS = { IdentifierKind.FUND_ACCOUNT, IdentifierKind.PHONE, IdentifierKind.APP,
			IdentifierKind.BANK, IdentifierKind.SUSPECT };

	static List<Inc> random(long seed, int cases, int values, int incidences) {
		Random r = new Random(seed);
		List<Inc> out = new ArrayList<>();
		for (int i = 0; i < incidences; i++) {
			// skewed values: low numbers are common, so some exceed the guard
			int v = (int) Math.min(values - 1, Math.abs(r.nextGaussian()) * values / 3);
			out.add(new Inc(r.nextInt(cases), KINDS[r.nextInt(KINDS.length)], "v" + v));
		}
		return out;
	}

	static Linking link(List<Inc> incs, int cases, CaseLinker.Options o) {
		CaseLinker l = new CaseLinker(o);
		l.addCase(cases - 1);
		for (Inc i : incs) {
			l.add(i.c(), i.kind(), i.value());
		}
		return l.link();
	}

	@Property(tries = 200)
	void linkingDoesNotDependOnInputOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int cases,
			@ForAll @IntRange(min = 0, max = 200) int incidences) {
		CaseLinker.Options o = CaseLinker.Options.DEFAULTS.withMaxCases(8);
		List<Inc> incs = random(seed, cases, 40, incidences);
		Linking a = link(incs, cases, o);
		List<Inc> shuffled = new ArrayList<>(incs);
		Collections.shuffle(shuffled, new Random(seed ^ 0x5DEECE66DL));
		Linking b = link(shuffled, cases, o);
		assertThat(b.groupCount()).isEqualTo(a.groupCount());
		assertThat(b.guardedIdentifiers()).isEqualTo(a.guardedIdentifiers());
		for (int c = 0; c < cases; c++) {
			assertThat(b.groupOf(c)).isEqualTo(a.groupOf(c));
		}
		for (int g = 0; g < a.groupCount(); g++) {
			assertThat(b.evidence(g)).isEqualTo(a.evidence(g));
			assertThat(b.grounds(g)).isEqualTo(a.grounds(g));
			assertThat(b.mergeableAsWhole(g)).isEqualTo(a.mergeableAsWhole(g));
		}
	}

	@Property(tries = 200)
	void groupsAreTheConnectedComponentsOfTheLinkingIdentifiers(@ForAll long seed,
			@ForAll @IntRange(min = 1, max = 60) int cases, @ForAll @IntRange(min = 0, max = 200) int incidences,
			@ForAll @IntRange(min = 2, max = 12) int maxCases) {
		CaseLinker.Options o = CaseLinker.Options.DEFAULTS.withMaxCases(maxCases);
		List<Inc> incs = random(seed, cases, 40, incidences);
		Linking r = link(incs, cases, o);
		// naive: adjacency between cases sharing an identifier whose distinct case count
		// passes the guard, then BFS
		List<Set<Integer>> casesOf = new ArrayList<>();
		List<Inc> ids = new ArrayList<>();
		for (Inc i : incs) {
			int k = ids.indexOf(new Inc(0, i.kind(), i.value()));
			if (k < 0) {
				ids.add(new Inc(0, i.kind(), i.value()));
				casesOf.add(new HashSet<>());
				k = ids.size() - 1;
			}
			casesOf.get(k).add(i.c());
		}
		List<List<Integer>> adj = new ArrayList<>();
		for (int c = 0; c < cases; c++) {
			adj.add(new ArrayList<>());
		}
		int guarded = 0;
		for (int k = 0; k < ids.size(); k++) {
			Set<Integer> cs = casesOf.get(k);
			int cap = (int) Math.floor(maxCases * ids.get(k).kind().weight() + 1e-9);
			if (cs.size() >= 2 && cs.size() > cap) {
				guarded++;
			}
			if (cs.size() < 2 || cs.size() > cap) {
				continue;
			}
			for (int x : cs) {
				for (int y : cs) {
					adj.get(x).add(y);
				}
			}
		}
		int[] comp = new int[cases];
		Arrays.fill(comp, -1);
		int n = 0;
		for (int c = 0; c < cases; c++) {
			if (comp[c] >= 0) {
				continue;
			}
			ArrayDeque<Integer> q = new ArrayDeque<>(List.of(c));
			comp[c] = n;
			while (!q.isEmpty()) {
				for (int y : adj.get(q.poll())) {
					if (comp[y] < 0) {
						comp[y] = n;
						q.add(y);
					}
				}
			}
			n++;
		}
		assertThat(r.groupCount()).isEqualTo(n);
		assertThat(r.guardedIdentifiers()).isEqualTo(guarded);
		for (int c = 0; c < cases; c++) {
			// BFS from the smallest unvisited case numbers components the same way as the
			// linker
			assertThat(r.groupOf(c)).isEqualTo(comp[c]);
		}
		// every piece of evidence lies inside its group and names at least two of its
		// cases
		for (int g = 0; g < r.groupCount(); g++) {
			int[] members = r.cases(g);
			for (Linking.Evidence e : r.evidence(g)) {
				assertThat(e.cases().length).isGreaterThanOrEqualTo(2);
				for (int c : e.cases()) {
					assertThat(Arrays.binarySearch(members, c)).isNotNegative();
				}
			}
		}
	}

}
