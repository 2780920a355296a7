package org.fanzha.engine.monitor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.fanzha.engine.graph.TransferGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountGraphFeaturesTest {

	/** 2026-03-01T00:00+08:00 */
	static final long T = 1_772_294_400L;

	static final long H = 3_600;

	TransferGraph g;

	int n;

	@BeforeEach
	void graph() {
		g = new TransferGraph();
		n = 0;
		for (String a : "A B C D E F G H P1 P2 P3 P4 P5 X Y M1 M2 M3 M4 R Z W LATE".split(" ")) {
			g.addAccount(a, 0);
		}
		// a cycle in time order: A -> B -> C -> A
		pay(0, "A", "B", 100_000);
		pay(1, "B", "C", 95_000);
		pay(2, "C", "A", 90_000);
		// a reciprocal pair: D -> E, E -> D
		pay(3, "D", "E", 50_000);
		pay(4, "E", "D", 50_000);
		// a cycle whose hops go back in time: F -> G late, G -> H earlier, H -> F
		// earliest
		pay(5, "H", "F", 10_000);
		pay(6, "G", "H", 10_000);
		pay(7, "F", "G", 10_000);
		// fan-in: five new payers into X within hours, X passes 90 % on to Y an hour
		// later
		for (int p = 1; p <= 5; p++) {
			pay(8, "P" + p, "X", 200_000);
		}
		pay(9, "X", "Y", 180_000);
		pay(9, "X", "Y", 180_000);
		// a cycle of four: M1 -> M2 -> M3 -> M4 -> M1
		pay(10, "M1", "M2", 30_000);
		pay(11, "M2", "M3", 30_000);
		pay(12, "M3", "M4", 30_000);
		pay(13, "M4", "M1", 30_000);
		// R pays Z the same ¥50 three times (its routine), then W an odd amount once
		pay(20, "R", "Z", 5_000);
		pay(21, "R", "Z", 5_000);
		pay(22, "R", "Z", 5_000);
		pay(23, "R", "W", 7_777);
		// outside the window the tests read
		pay(100, "LATE", "A", 1_000_000);
	}

	void pay(long hours, String from, String to, long fen) {
		g.append("T" + (++n), T + hours * H, from, to, fen, "TRANSFER");
	}

	double f(AccountGraphFeatures.Table t, String account, String feature) {
		int i = AccountGraphFeatures.FEATURES.indexOf(feature);
		assertThat(i).as(feature).isNotNegative();
		return t.get(g.accountIndex(account), i);
	}

	AccountGraphFeatures.Table window() {
		return AccountGraphFeatures.compute(g, T, T + 50 * H);
	}

	/** Checks features of an account: pairs of name and expected value. */
	void expect(AccountGraphFeatures.Table t, String account, Object... nameValue) {
		for (int k = 0; k < nameValue.length; k += 2) {
			String name = (String) nameValue[k];
			assertThat(f(t, account, name)).as(account + " " + name)
				.isEqualTo(((Number) nameValue[k + 1]).doubleValue());
		}
	}

	@Test
	void shortCyclesAreFoundWithAndWithoutTimeOrder() {
		AccountGraphFeatures.Table t = window();
		// where the searches meet: in the triangle, B (one hop forward, two back) and C
		// (two forward, one back)
		expect(t, "A", "cycle.minHops", 3, "cycle.temporalMinHops", 3, "cycle.closings", 2);
		// B's money (hour 1) reaches A at hour 2, after A's only payment to B (hour 0): a
		// cycle, not in time
		expect(t, "B", "cycle.minHops", 3, "cycle.temporalMinHops", 0);
		expect(t, "D", "cycle.minHops", 2, "cycle.temporalMinHops", 2);
		// F -> G -> H -> F exists as a graph cycle, but money paid by F (hour 7) cannot
		// come back by hour 5,
		// nor H's (hour 5) by way of F (7) and G (6)
		expect(t, "F", "cycle.minHops", 3, "cycle.temporalMinHops", 0);
		expect(t, "H", "cycle.minHops", 3, "cycle.temporalMinHops", 0);
		// a cycle of four meets at M3, two hops forward and two back
		expect(t, "M1", "cycle.minHops", 4, "cycle.temporalMinHops", 4, "cycle.closings", 1);
		expect(t, "X", "cycle.minHops", 0, "cycle.closings", 0);
		expect(t, "P1", "cycle.minHops", 0);
	}

	@Test
	void fanInPassThroughAndDwell() {
		AccountGraphFeatures.Table t = window();
		// 180,000 out after 200,000 in: the mule's 10 % cut matches; ¥2,000 is a multiple
		// of ¥100
		expect(t, "X", "in.count", 5, "in.distinct", 5, "out.count", 2, "out.distinct", 1, "out.repeatShare", 0.5,
				"fanInRatio", 2.5, "in.sum", 1_000_000, "passThrough", 0.36, "quickOutShare", 1, "outMatchesInShare", 1,
				"out.dupAmountShare", 1, "in.dupAmountShare", 1, "in.roundShare", 1, "maxPerDay", 7, "reciprocal", 0);
		assertThat(f(t, "X", "dwell.minDays")).isCloseTo(1 / 24.0, within(1e-12));
		expect(t, "C", "in.roundShare", 0); // ¥950
		expect(t, "Y", "payers.meanOutDistinct", 1);
		expect(t, "P1", "payees.meanInDistinct", 5, "dwell.minDays", AccountGraphFeatures.NEVER_DAYS);
		// D and E pay each other: reciprocal, and each other's only counterparty has a
		// reciprocal one
		expect(t, "D", "reciprocal", 1, "nbr.reciprocalShare", 1);
	}

	@Test
	void paymentsOffThePayersRoutine() {
		AccountGraphFeatures.Table t = window();
		expect(t, "R", "out.modeShare", 0.75, "out.offRoutine", 1);
		expect(t, "Z", "in.offRoutine", 0);
		expect(t, "W", "in.offRoutine", 1, "in.offRoutineShare", 1, "nbr.offRoutineShare", 1);
		expect(t, "Y", "nbr.offRoutineShare", 0); // X always pays the same
		expect(t, "X", "out.cv", 0);
		assertThat(f(t, "R", "out.cv")).isGreaterThan(0);
	}

	@Test
	void onlyTheWindowCounts() {
		AccountGraphFeatures.Table t = window();
		int late = g.accountIndex("LATE");
		assertThat(t.activity(late)).isZero();
		assertThat(f(t, "A", "in.count")).isEqualTo(1);
		AccountGraphFeatures.Table all = AccountGraphFeatures.compute(g, T, T + 200 * H);
		assertThat(all.activity(late)).isEqualTo(1);
		assertThat(f(all, "A", "in.count")).isEqualTo(2);
		assertThat(f(all, "A", "in.roundShare")).isEqualTo(1.0); // ¥1,000 and ¥10,000
		// a window starting after the cycle's first hop breaks it
		AccountGraphFeatures.Table later = AccountGraphFeatures.compute(g, T + H, T + 50 * H);
		assertThat(f(later, "A", "cycle.minHops")).isZero();
		assertThat(later.activity(g.accountIndex("A"))).isEqualTo(1);
	}

	@Test
	void percentilesRankActiveAccountsAndKeepIdleOnesAtZero() {
		AccountGraphFeatures.Table t = window();
		AccountGraphFeatures.Table p = t.percentiles();
		int in = AccountGraphFeatures.FEATURES.indexOf("in.count");
		int x = g.accountIndex("X");
		int a = g.accountIndex("A");
		int p1 = g.accountIndex("P1");
		assertThat(p.get(x, in)).isGreaterThan(p.get(a, in)).isLessThan(1);
		assertThat(p.get(a, in)).isGreaterThan(p.get(p1, in));
		assertThat(p.get(p1, in)).isGreaterThan(0);
		assertThat(p.get(g.accountIndex("LATE"), in)).isZero();
		for (int acc = 0; acc < g.accounts(); acc++) {
			for (int f = 0; f < AccountGraphFeatures.Table.WIDTH; f++) {
				assertThat(p.get(acc, f)).isBetween(0.0, 1.0);
			}
		}
	}

	@Test
	void typologyAgnosticMotifsSeeScatterGatherLayersAndStructuring() {
		TransferGraph h = new TransferGraph();
		for (String a : "S I1 I2 I3 B Q".split(" ")) {
			h.addAccount(a, 0);
		}
		// scatter-gather: S pays three intermediates, each passes it on to B a day later
		for (int i = 1; i <= 3; i++) {
			h.append("S" + i, T + i * H, "S", "I" + i, 995_000, "TRANSFER");
		}
		for (int i = 1; i <= 3; i++) {
			h.append("G" + i, T + 24 * H + i * H, "I" + i, "B", 995_000, "TRANSFER");
		}
		// Q pays B just under ¥10,000 twice, ten days apart
		h.append("Q1", T + 30 * H, "Q", "B", 995_000, "TRANSFER");
		h.append("Q2", T + 270 * H, "Q", "B", 990_000, "TRANSFER");
		AccountGraphFeatures.Table t = AccountGraphFeatures.compute(h, T, T + 300 * H);
		int sg = AccountGraphFeatures.FEATURES.indexOf("motif.scatterGather");
		int ge = AccountGraphFeatures.FEATURES.indexOf("motif.gatherEnd");
		int sib = AccountGraphFeatures.FEATURES.indexOf("motif.siblings");
		int flow = AccountGraphFeatures.FEATURES.indexOf("flow.balance");
		int struct = AccountGraphFeatures.FEATURES.indexOf("structuringShare");
		int gap = AccountGraphFeatures.FEATURES.indexOf("dormancy.maxGapDays");
		int fanIn = AccountGraphFeatures.FEATURES.indexOf("fanIn.max7d");
		assertThat(t.get(h.accountIndex("S"), sg)).isEqualTo(3); // three payees pay B
		assertThat(t.get(h.accountIndex("B"), ge)).isEqualTo(3); // three payers paid by S
		assertThat(t.get(h.accountIndex("I1"), sib)).isEqualTo(2); // I2 and I3 share S
																	// and B
		assertThat(t.get(h.accountIndex("Q"), sib)).isZero();
		assertThat(t.get(h.accountIndex("I2"), flow)).isEqualTo(1.0);
		assertThat(t.get(h.accountIndex("S"), flow)).isZero();
		assertThat(t.get(h.accountIndex("Q"), struct)).isEqualTo(1.0); // ¥9,950 and
																		// ¥9,900
		assertThat(t.get(h.accountIndex("Q"), gap)).isEqualTo(10.0);
		assertThat(t.get(h.accountIndex("B"), fanIn)).isEqualTo(4); // the fifth comes ten
																	// days on
	}

}
