package org.fanzha.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The tracing stage's per-account logic against the engine's FIFO trace, without Flink:
 * on a simulated feed the holdings per case and account are equal however late the taint
 * reaches the accounts (moves delivered at once, some transfers later, or after the whole
 * feed); by hand, the FIFO arithmetic and the one documented loss (taint older than the
 * kept history).
 */
class TaintLogicTest {

	private static final TaintLogic.Settings S = TaintLogic.Settings.defaults();

	/** 2023-11-14, inside the graph's time range. */
	private static final long T0 = 1_700_000_000;

	@Test
	void holdingsEqualTheInProcessTraceHoweverLateTheTaintArrives() {
		SimFeed.Feed feed = SimFeed.simulateFraudulent(2_000, 3, 11, 20_000);
		Map<String, Map<String, Long>> inProcess = TaintReference.inProcess(feed, S);
		long pairs = inProcess.values().stream().mapToLong(Map::size).sum();
		assertThat(inProcess).hasSizeGreaterThan(20);
		// money followed beyond the level-1 accounts, not only seeds sitting still
		long payees = feed.reports().stream().map(SimFeed.Report::account).distinct().count();
		assertThat(pairs).isGreaterThan(payees);
		for (int lag : new int[] { 0, 1, 200, Integer.MAX_VALUE }) {
			long[] late = new long[1];
			Map<String, Map<String, Long>> split = TaintReference.split(feed, S, lag, late);
			assertThat(TaintReference.differences(inProcess, split)).as("differences at lag " + lag).isEmpty();
			assertThat(late[0]).isZero();
		}
		System.out.printf("taint: %d cases, %d (case, account) holdings, %d fen held%n", inProcess.size(), pairs,
				inProcess.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum());
	}

	@Test
	void fifoByHand() {
		// X holds 500 of its own and receives the victim's 300 (lots: 500 clean, 300
		// tainted); it pays 600 to Y (500 clean, 100 tainted), receives 1,000 clean and
		// pays 300 to Z (the 200 tainted left, then 100 clean); Y (lots: 100 tainted, 500
		// clean) withdraws 50 in cash, all tainted
		List<Transfer> t = new ArrayList<>();
		t.add(new Transfer("B0", "T1", "O", "X", 500, T0 + 1_000));
		t.add(new Transfer("B0", "T2", "V", "X", 300, T0 + 1_010));
		t.add(new Transfer("B0", "T3", "X", "Y", 600, T0 + 1_020));
		t.add(new Transfer("B0", "T4", "O", "X", 1_000, T0 + 1_030));
		t.add(new Transfer("B0", "T5", "X", "Z", 300, T0 + 1_040));
		t.add(new Transfer("B0", "T6", "Y", null, 50, T0 + 1_050));
		SimFeed.Feed feed = new SimFeed.Feed(t, List.of(new SimFeed.Report("C1", T0 + 2_000, "T2", "X")), List.of());
		TaintLogic.Settings s = new TaintLogic.Settings(8, 1, 86_400, 3_600);
		Map<String, Long> expected = new TreeMap<>(Map.of("Y", 50L, "Z", 200L));
		assertThat(TaintReference.inProcess(feed, s)).isEqualTo(Map.of("C1", expected));
		for (int lag : new int[] { 0, Integer.MAX_VALUE }) {
			assertThat(TaintReference.split(feed, s, lag, new long[1])).isEqualTo(Map.of("C1", expected));
		}
	}

	@Test
	void taintOlderThanTheKeptHistoryIsCountedAndDropped() {
		// the report comes 2 hours after the payment; X's history is 1 hour and X kept
		// paying
		List<Transfer> t = new ArrayList<>();
		t.add(new Transfer("B0", "T1", "V", "X", 300, T0 + 1_000));
		t.add(new Transfer("B0", "T2", "X", "Y", 100, T0 + 1_100));
		t.add(new Transfer("B0", "T3", "O", "X", 50, T0 + 1_000 + 7_200));
		SimFeed.Feed feed = new SimFeed.Feed(t, List.of(new SimFeed.Report("C1", T0 + 1_000 + 7_300, "T1", "X")),
				List.of());
		TaintLogic.Settings s = new TaintLogic.Settings(8, 1, 86_400, 3_600);
		assertThat(TaintReference.inProcess(feed, s)).isEqualTo(Map.of("C1", Map.of("X", 200L, "Y", 100L)));
		long[] late = new long[1];
		assertThat(TaintReference.split(feed, s, 0, late)).isEmpty();
		assertThat(late[0]).isEqualTo(1);
		// with 3 hours kept it is replayed
		TaintLogic.Settings longer = new TaintLogic.Settings(8, 1, 86_400, 3 * 3_600);
		assertThat(TaintReference.split(feed, longer, 0, late)).isEqualTo(Map.of("C1", Map.of("X", 200L, "Y", 100L)));
		assertThat(late[0]).isZero();
	}

	@Test
	void aCaseOpenWhenHistoryIsFoldedGoesOnFromItsSnapshot() {
		// 1 hour kept; the report comes at once; X's first transfers are folded away
		// (its lots kept as a snapshot) before X pays the rest on
		List<Transfer> t = new ArrayList<>();
		t.add(new Transfer("B0", "T1", "V", "X", 300, T0 + 1_000));
		t.add(new Transfer("B0", "T2", "X", "Y", 100, T0 + 1_100));
		t.add(new Transfer("B0", "T3", "O", "X", 1_000, T0 + 1_000 + 7_200));
		t.add(new Transfer("B0", "T4", "X", "Z", 300, T0 + 1_000 + 7_210));
		t.add(new Transfer("B0", "T5", "Z", "W", 250, T0 + 1_000 + 7_220));
		SimFeed.Feed feed = new SimFeed.Feed(t, List.of(new SimFeed.Report("C1", T0 + 1_050, "T1", "X")), List.of());
		TaintLogic.Settings s = new TaintLogic.Settings(8, 1, 86_400, 3_600);
		// X: 300 tainted, 100 to Y, then 1,000 clean behind the 200 left: T4 takes the
		// 200
		// and 100 clean; Z pays W 250, the 200 tainted first
		Map<String, Long> expected = Map.of("Y", 100L, "W", 200L);
		assertThat(TaintReference.inProcess(feed, s)).isEqualTo(Map.of("C1", expected));
		long[] late = new long[1];
		assertThat(TaintReference.split(feed, s, 0, late)).isEqualTo(Map.of("C1", expected));
		assertThat(late[0]).isZero();
	}

	@Test
	void theStateSurvivesItsEncoding() {
		TaintLogic logic = new TaintLogic(new TaintLogic.Settings(8, 1, 86_400, 3_600));
		TaintLogic.Account a = new TaintLogic.Account();
		List<String> sent = new ArrayList<>();
		TaintLogic.Sink sink = new TaintLogic.Sink() {
			@Override
			public void move(String to, String id, String c, long traced, int level, long until, long time) {
				sent.add(id + ":" + traced);
			}

			@Override
			public void holding(String account, String c, long held, int level, long asOf) {
			}
		};
		logic.transfer(a, "X", false, "T1", 1_000, 300, "V", sink);
		logic.move(a, "X", "T1", "C1", 300, 1, 90_000, 1_000, sink);
		a = TaintLogic.Account.decode(a.encode());
		logic.transfer(a, "X", true, "T2", 1_100, 100, "Y", sink);
		a = TaintLogic.Account.decode(a.encode());
		logic.transfer(a, "X", true, "T3", 1_200, 500, null, sink);
		assertThat(sent).containsExactly("T2:100");
		assertThat(a.held("C1")).isZero();
		// a transfer in before the others, seen late: T2 now takes clean money first
		logic.transfer(a, "X", false, "T0", 900, 100, "O", sink);
		assertThat(sent).containsExactly("T2:100", "T2:0");
		assertThat(a.held("C1")).isZero();
	}

}
