package org.fanzha.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fanzha.engine.graph.TransferGraph;
import org.junit.jupiter.api.Test;

/** Traces worked out by hand (comments show the arithmetic) under all four policies. */
class HandComputedTraceTest {

	static final long T0 = 1_772_323_200L; // 2026-03-01T08:00+08:00

	/**
	 * V pays M1 (opening 1,000) 5,000; M1 sends 3,000 to M2 and withdraws 2,500 at an
	 * ATM.
	 */
	static TransferGraph oneVictim() {
		TransferGraph g = new TransferGraph();
		g.addAccount("V", 100_000);
		g.addAccount("M1", 1_000);
		g.addAccount("M2", 0);
		g.append("T1", T0, "V", "M1", 5_000, "MOBILE");
		g.append("T2", T0 + 600, "M1", "M2", 3_000, "MOBILE");
		g.append("T3", T0 + 900, "M1", null, 2_500, "ATM");
		return g;
	}

	/**
	 * Two victims into M1, split to M2 and M3, merged into M4, which pays an account
	 * outside the data.
	 */
	static TransferGraph twoVictims() {
		TransferGraph g = new TransferGraph();
		for (String a : List.of("V1", "V2", "M1", "M2", "M3", "M4")) {
			g.addAccount(a, a.startsWith("V") ? 50_000 : 0);
		}
		g.append("T1", T0, "V1", "M1", 4_000, "MOBILE");
		g.append("T2", T0 + 60, "V2", "M1", 6_000, "MOBILE");
		g.append("T3", T0 + 120, "M1", "M2", 5_000, "MOBILE");
		g.append("T4", T0 + 180, "M1", "M3", 5_000, "MOBILE");
		g.append("T5", T0 + 240, "M2", "M4", 5_000, "MOBILE");
		g.append("T6", T0 + 300, "M3", "M4", 2_000, "MOBILE");
		g.append("T7", T0 + 360, "M4", "X", 6_000, "MOBILE");
		return g;
	}

	static TraceResult trace(TransferGraph g, Policy p, long asOf, String... seeds) {
		int[] idx = new int[seeds.length];
		for (int i = 0; i < seeds.length; i++) {
			idx[i] = g.transferIndex(seeds[i]);
		}
		return Trace.run(g, TraceRequest.of(p, asOf, idx));
	}

	static Map<String, List<Long>> held(TransferGraph g, TraceResult r) {
		return r.holdings()
			.stream()
			.collect(Collectors.toMap(h -> g.accountId(h.account()),
					h -> Arrays.stream(h.perVictim()).boxed().toList()));
	}

	static Map<String, Long> traced(TransferGraph g, TraceResult r) {
		return r.flows().stream().collect(Collectors.toMap(f -> g.transferId(f.transfer()), TraceResult.Flow::traced));
	}

	@Test
	void fifoTakesTheOpeningBalanceFirst() {
		TransferGraph g = oneVictim();
		TraceResult r = trace(g, Policy.FIFO, T0 + 3_600, "T1");
		// M1 lots [own 1,000][victim 5,000]; T2 3,000 = own 1,000 + victim 2,000; T3
		// 2,500 all victim
		assertThat(traced(g, r)).containsExactlyInAnyOrderEntriesOf(Map.of("T1", 5_000L, "T2", 2_000L, "T3", 2_500L));
		assertThat(held(g, r)).containsExactlyInAnyOrderEntriesOf(Map.of("M1", List.of(500L), "M2", List.of(2_000L)));
		assertThat(r.exits()).singleElement().satisfies(e -> {
			assertThat(e.kind()).isEqualTo(TraceResult.ExitKind.CASH_OUT);
			assertThat(e.amount()).isEqualTo(2_500);
			assertThat(e.channel()).isEqualTo("ATM");
		});
	}

	@Test
	void lifoTakesTheNewestMoneyFirst() {
		TransferGraph g = oneVictim();
		TraceResult r = trace(g, Policy.LIFO, T0 + 3_600, "T1");
		// M1 stack [own 1,000][victim 5,000 on top]; T2 3,000 victim; T3 2,500 = victim
		// 2,000 + own 500
		assertThat(traced(g, r)).containsExactlyInAnyOrderEntriesOf(Map.of("T1", 5_000L, "T2", 3_000L, "T3", 2_000L));
		assertThat(held(g, r)).containsExactlyInAnyOrderEntriesOf(Map.of("M2", List.of(3_000L)));
	}

	@Test
	void haircutSharesEachPaymentInProportion() {
		TransferGraph g = oneVictim();
		TraceResult r = trace(g, Policy.HAIRCUT, T0 + 3_600, "T1");
		// M1: own 1,000 + victim 5,000. T2 3,000 x 5/6 = 2,500 victim. Then own 500 +
		// victim 2,500:
		// T3 2,500 x 2,500/3,000 = 2,083.33 -> 2,083 (largest remainder gives the odd fen
		// to own money)
		assertThat(traced(g, r)).containsExactlyInAnyOrderEntriesOf(Map.of("T1", 5_000L, "T2", 2_500L, "T3", 2_083L));
		assertThat(held(g, r)).containsExactlyInAnyOrderEntriesOf(Map.of("M1", List.of(417L), "M2", List.of(2_500L)));
	}

	@Test
	void poisonTracesEverythingThatLeavesATouchedAccount() {
		TransferGraph g = oneVictim();
		TraceResult r = trace(g, Policy.POISON, T0 + 3_600, "T1");
		// M1 holds 6,000, all counted as tainted; both payments out are traced in full
		assertThat(traced(g, r)).containsExactlyInAnyOrderEntriesOf(Map.of("T1", 5_000L, "T2", 3_000L, "T3", 2_500L));
		assertThat(held(g, r)).containsExactlyInAnyOrderEntriesOf(Map.of("M1", List.of(500L), "M2", List.of(3_000L)));
	}

	@Test
	void twoVictimsKeepSeparateAttributionsThroughSplitsAndMergesFifo() {
		TransferGraph g = twoVictims();
		TraceResult r = trace(g, Policy.FIFO, T0 + 3_600, "T1", "T2");
		// M1 [v1 4,000][v2 6,000]: T3 = v1 4,000 + v2 1,000; T4 = v2 5,000
		// M2 -> M4 (v1 4,000, v2 1,000); M3 -> M4 v2 2,000, M3 keeps v2 3,000
		// M4 [v1 4,000][v2 3,000] pays X 6,000 = v1 4,000 + v2 2,000; keeps v2 1,000
		assertThat(held(g, r))
			.containsExactlyInAnyOrderEntriesOf(Map.of("M3", List.of(0L, 3_000L), "M4", List.of(0L, 1_000L)));
		assertThat(r.exits()).singleElement().satisfies(e -> {
			assertThat(e.kind()).isEqualTo(TraceResult.ExitKind.OUTSIDE_DATA);
			assertThat(e.perVictim()).containsExactly(4_000, 2_000);
		});
	}

	@Test
	void twoVictimsHaircut() {
		TransferGraph g = twoVictims();
		TraceResult r = trace(g, Policy.HAIRCUT, T0 + 3_600, "T1", "T2");
		// M1 (4,000, 6,000): T3 and T4 each carry (2,000, 3,000); M3 pays 2,000 = (800,
		// 1,200), keeps (1,200, 1,800)
		// M4 (2,800, 4,200) pays 6,000 = (2,400, 3,600), keeps (400, 600)
		assertThat(held(g, r))
			.containsExactlyInAnyOrderEntriesOf(Map.of("M3", List.of(1_200L, 1_800L), "M4", List.of(400L, 600L)));
		assertThat(r.exits().get(0).perVictim()).containsExactly(2_400, 3_600);
	}

	@Test
	void twoVictimsLifo() {
		TransferGraph g = twoVictims();
		TraceResult r = trace(g, Policy.LIFO, T0 + 3_600, "T1", "T2");
		// M1 stack [v1 4,000][v2 6,000]: T3 = v2 5,000; T4 = v2 1,000 + v1 4,000
		// M3 stack [v2 1,000][v1 4,000]: T6 = v1 2,000; M3 keeps (2,000, 1,000)
		// M4 stack [v2 5,000][v1 2,000]: T7 6,000 = v1 2,000 + v2 4,000; keeps v2 1,000
		assertThat(held(g, r))
			.containsExactlyInAnyOrderEntriesOf(Map.of("M3", List.of(2_000L, 1_000L), "M4", List.of(0L, 1_000L)));
		assertThat(r.exits().get(0).perVictim()).containsExactly(2_000, 4_000);
	}

	@Test
	void asOfStopsTheTraceInTime() {
		TransferGraph g = twoVictims();
		TraceResult r = trace(g, Policy.FIFO, T0 + 150, "T1", "T2");
		// only T3 has happened: M1 keeps v2 5,000, M2 holds (4,000, 1,000)
		assertThat(held(g, r))
			.containsExactlyInAnyOrderEntriesOf(Map.of("M1", List.of(0L, 5_000L), "M2", List.of(4_000L, 1_000L)));
		assertThat(r.exits()).isEmpty();
	}

	@Test
	void hopLimitReportsTheRestAsLimitExits() {
		TransferGraph g = twoVictims();
		TraceResult r = Trace.run(g,
				TraceRequest.of(Policy.FIFO, T0 + 3_600, g.transferIndex("T1"), g.transferIndex("T2"))
					.withLimits(2, 0));
		// level 1 = victims' payments, level 2 = M1 -> M2/M3; M2 -> M4 and M3 -> M4 would
		// be level 3
		assertThat(r.flows()).extracting(TraceResult.Flow::level).allSatisfy(l -> assertThat(l).isLessThanOrEqualTo(3));
		assertThat(r.exits()).extracting(TraceResult.Exit::kind).containsOnly(TraceResult.ExitKind.LIMIT);
		assertThat(r.exits()).extracting(TraceResult.Exit::amount).containsExactlyInAnyOrder(5_000L, 2_000L);
		assertThat(held(g, r)).doesNotContainKey("M4");
	}

	@Test
	void liveTracingExtendsWhenTracedMoneyMoves() {
		TransferGraph g = new TransferGraph();
		g.addAccount("V", 10_000);
		g.addAccount("M1", 0);
		g.addAccount("M2", 0);
		g.addAccount("N", 500);
		int seed = g.append("T1", T0, "V", "M1", 8_000, "MOBILE");
		List<TraceResult.Flow> seen = new ArrayList<>();
		Trace t = Trace.start(g, TraceRequest.of(Policy.FIFO, T0 + 60, seed), seen::add);
		assertThat(seen).hasSize(1);
		// an unrelated transfer does not extend the trace
		t.onAppended(g.append("T2", T0 + 120, "N", "V", 100, "MOBILE"));
		assertThat(seen).hasSize(1);
		// the mule pays on: a new flow is produced at ingestion time
		t.onAppended(g.append("T3", T0 + 180, "M1", "M2", 7_900, "MOBILE"));
		assertThat(seen).hasSize(2);
		assertThat(seen.get(1).traced()).isEqualTo(7_900);
		assertThat(g.accountId(seen.get(1).to())).isEqualTo("M2");
		assertThat(held(g, t.result()))
			.containsExactlyInAnyOrderEntriesOf(Map.of("M1", List.of(100L), "M2", List.of(7_900L)));
	}

	@Test
	void badRequestsAreRefused() {
		TransferGraph g = oneVictim();
		assertThatThrownBy(() -> trace(g, Policy.FIFO, T0 - 1, "T1")).hasMessageContaining("after the as-of time");
		assertThatThrownBy(() -> Trace.run(g, TraceRequest.of(Policy.FIFO, T0, 99)))
			.hasMessageContaining("unknown seed");
		assertThatThrownBy(() -> g.append("T9", T0, "M1", "M2", 10, "MOBILE"))
			.hasMessageContaining("out of time order");
		assertThatThrownBy(() -> g.append("T10", T0 + 10_000, "M1", "M2", -5, "MOBILE")).hasMessageContaining("> 0");
		assertThatThrownBy(() -> g.append("T1", T0 + 10_000, "M1", "M2", 5, "MOBILE"))
			.hasMessageContaining("duplicate");
	}

}
