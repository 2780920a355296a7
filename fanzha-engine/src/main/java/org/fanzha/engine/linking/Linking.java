package org.fanzha.engine.linking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/*
 * The result of CaseLinker.link: the groups of linked cases (connected components, numbered by their smallest case),
 * and per group the shared evidence — which identifier joined which cases, its kind, and the merge ground it
 * establishes, or none for a lead. Held as flat int arrays (CSR); Evidence objects are made only for the groups a
 * caller asks about, so a result over a million cases costs a few ints per case and per identifier.
 */
/** Linked groups of cases and the evidence that links them. */
public final class Linking {

	/**
	 * One shared identifier: its value, kind, the cases of this group that name it
	 * (ascending) and the merge ground it establishes, or null when it is an
	 * investigative lead only.
	 */
	public record Evidence(String identifier, IdentifierKind kind, int[] cases, MergeGround ground) {

		public boolean mergeGround() {
			return ground != null;
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Evidence e && e.identifier.equals(identifier) && e.kind == kind
					&& Arrays.equals(e.cases, cases) && e.ground == ground;
		}

		@Override
		public int hashCode() {
			return identifier.hashCode() * 31 + kind.hashCode() + Arrays.hashCode(cases);
		}

		@Override
		public String toString() {
			return kind + " " + identifier + " " + Arrays.toString(cases) + (ground == null ? " (lead)" : " " + ground);
		}
	}

	private static final Comparator<Evidence> ORDER = Comparator.comparing(Evidence::kind)
		.thenComparing(Evidence::identifier);

	private final CaseLinker.Options options;

	private final int cases;

	private final int identifiers;

	private final byte[] kinds;

	private final int[] start;

	private final int[] list;

	private final int[] len;

	private final boolean[] linking;

	private final int guarded;

	private final int groups;

	private final int[] groupOf;

	private final int[] groupStart;

	private final int[] groupCases;

	private final int[] evStart;

	private final int[] evIds;

	private final int[] suspectsPerCase;

	private final IntFunction<String> names;

	Linking(CaseLinker.Options options, int cases, int identifiers, byte[] kinds, int[] start, int[] list, int[] len,
			boolean[] linking, int guarded, int groups, int[] groupOf, int[] groupStart, int[] groupCases,
			int[] evStart, int[] evIds, int[] suspectsPerCase, IntFunction<String> names) {
		this.options = options;
		this.cases = cases;
		this.identifiers = identifiers;
		this.kinds = kinds;
		this.start = start;
		this.list = list;
		this.len = len;
		this.linking = linking;
		this.guarded = guarded;
		this.groups = groups;
		this.groupOf = groupOf;
		this.groupStart = groupStart;
		this.groupCases = groupCases;
		this.evStart = evStart;
		this.evIds = evIds;
		this.suspectsPerCase = suspectsPerCase;
		this.names = names;
	}

	public CaseLinker.Options options() {
		return options;
	}

	public int cases() {
		return cases;
	}

	public int identifiers() {
		return identifiers;
	}

	public int groupCount() {
		return groups;
	}

	/** The group of a case; groups are numbered 0.. by their smallest case. */
	public int groupOf(int caseIndex) {
		checkCase(caseIndex);
		return groupOf[caseIndex];
	}

	/** Whether two cases are in one group. */
	public boolean linked(int a, int b) {
		return groupOf(a) == groupOf(b);
	}

	/** The cases of a group, ascending. */
	public int[] cases(int group) {
		checkGroup(group);
		return Arrays.copyOfRange(groupCases, groupStart[group], groupStart[group + 1]);
	}

	public int size(int group) {
		checkGroup(group);
		return groupStart[group + 1] - groupStart[group];
	}

	/** Groups of two or more cases. */
	public int linkedGroups() {
		int n = 0;
		for (int g = 0; g < groups; g++) {
			if (groupStart[g + 1] - groupStart[g] > 1) {
				n++;
			}
		}
		return n;
	}

	/**
	 * Identifiers named by two or more cases that the guard kept from linking (weight or
	 * frequency).
	 */
	public int guardedIdentifiers() {
		return guarded;
	}

	/** Identifiers that link two or more cases. */
	public int linkingIdentifiers() {
		return evIds.length;
	}

	/**
	 * Whether an identifier links cases (named by two or more, and let through by the
	 * guard).
	 */
	public boolean links(int identifier) {
		if (identifier < 0 || identifier >= identifiers) {
			throw new IllegalArgumentException("no identifier " + identifier);
		}
		return linking[identifier];
	}

	/** Distinct cases that name an identifier. */
	public int casesNaming(int identifier) {
		links(identifier);
		return len[identifier];
	}

	/** The shared evidence of a group, ordered by kind and value. */
	public List<Evidence> evidence(int group) {
		checkGroup(group);
		List<Evidence> out = new ArrayList<>(evStart[group + 1] - evStart[group]);
		for (int k = evStart[group]; k < evStart[group + 1]; k++) {
			out.add(evidenceOf(evIds[k]));
		}
		out.sort(ORDER);
		return out;
	}

	/**
	 * The identifiers two or more cases named that did not link, most cases first (at
	 * most {@code limit}); their case lists span groups.
	 */
	public List<Evidence> guarded(int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("limit must not be negative");
		}
		List<Evidence> out = new ArrayList<>();
		for (int j = 0; j < identifiers; j++) {
			if (!linking[j] && len[j] >= 2) {
				out.add(evidenceOf(j));
			}
		}
		out.sort(Comparator.comparingInt((Evidence e) -> -e.cases().length).thenComparing(ORDER));
		return out.subList(0, Math.min(limit, out.size()));
	}

	private Evidence evidenceOf(int j) {
		int[] c = Arrays.copyOfRange(list, start[j], start[j] + len[j]);
		Arrays.sort(c);
		IdentifierKind kind = IdentifierKind.VALUES[kinds[j]];
		return new Evidence(names.apply(j), kind, c, kind.ground());
	}

	/**
	 * The merge grounds established in a group (empty for a single case or one linked by
	 * leads only).
	 */
	public Set<MergeGround> grounds(int group) {
		checkGroup(group);
		EnumSet<MergeGround> out = EnumSet.noneOf(MergeGround.class);
		boolean suspectLinks = false;
		for (int k = evStart[group]; k < evStart[group + 1]; k++) {
			IdentifierKind kind = IdentifierKind.VALUES[kinds[evIds[k]]];
			if (kind.ground() != null) {
				out.add(kind.ground());
			}
			suspectLinks |= kind == IdentifierKind.SUSPECT;
		}
		if (suspectLinks) {
			for (int k = groupStart[group]; k < groupStart[group + 1]; k++) {
				if (suspectsPerCase[groupCases[k]] >= 2) {
					out.add(MergeGround.JOINT_CRIME);
					break;
				}
			}
		}
		return out;
	}

	/**
	 * Whether the merge-ground evidence alone connects every case of the group (so the
	 * whole group may be merged); false when some cases hang on leads only. A single case
	 * is trivially whole.
	 */
	public boolean mergeableAsWhole(int group) {
		int[] members = cases(group);
		int n = members.length;
		int[] parent = new int[n];
		for (int i = 0; i < n; i++) {
			parent[i] = i;
		}
		int components = n;
		for (int k = evStart[group]; k < evStart[group + 1]; k++) {
			int j = evIds[k];
			if (IdentifierKind.VALUES[kinds[j]].ground() == null) {
				continue;
			}
			int a = root(parent, Arrays.binarySearch(members, list[start[j]]));
			for (int q = start[j] + 1; q < start[j] + len[j]; q++) {
				int b = root(parent, Arrays.binarySearch(members, list[q]));
				if (a != b) {
					parent[b] = a;
					components--;
				}
			}
		}
		return components == 1;
	}

	private static int root(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	private void checkCase(int c) {
		if (c < 0 || c >= cases) {
			throw new IllegalArgumentException("no case " + c + " of " + cases);
		}
	}

	private void checkGroup(int g) {
		if (g < 0 || g >= groups) {
			throw new IllegalArgumentException("no group " + g + " of " + groups);
		}
	}

}
