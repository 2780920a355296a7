package org.fanzha.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;

import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.engine.trace.Policy;
import org.fanzha.engine.trace.Trace;
import org.fanzha.engine.trace.TraceRequest;
import org.fanzha.engine.trace.TraceResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows that arrive out of time order (interleaved connections, a statement about
 * yesterday) are held and merged without a rebuild per write; whatever the order of
 * arrival, a reader sees the graph, and gets the traces, that a fresh build from the
 * table gives.
 */
@SpringBootTest(properties = { "fanzha.simulation.enabled=false", "fanzha.funds.auto-issue=NONE" })
class LedgerReorderTests {

	@Autowired
	TransferLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void interleavedAndLateRowsGiveTheGraphAndTracesOfAFreshBuild() {
		String p = "RO" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		long t0 = 1_700_000_000L;
		Random random = new Random(20);
		for (int a = 0; a < 4; a++) {
			ledger.declareAccounts("ICBC",
					List.of(new TransferLedger.Account("ICBC:" + p + "V" + a, null, null, 10_000_000L)),
					TransferLedger.Source.FEED);
		}
		// victims pay mules, mules pass money on and cash out: a time-ordered stream...
		List<TransferLedger.Transfer> stream = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			long at = t0 + i * 20L;
			String from = i % 5 == 0 ? "ICBC:" + p + "V" + random.nextInt(4) : "ICBC:" + p + "M" + random.nextInt(30);
			String to = i % 17 == 0 ? null : "CCB:" + p + "M" + random.nextInt(30);
			stream.add(new TransferLedger.Transfer(p + "T" + i, at, from, to, 1_000 + random.nextInt(50_000),
					i % 17 == 0 ? "ATM" : "TRANSFER", null));
		}
		// ...sent on four interleaved "connections" that drift apart, plus a statement
		// about two hours earlier
		List<TransferLedger.Transfer> arrival = new ArrayList<>();
		for (int i = 0; i < stream.size(); i += 8) {
			List<TransferLedger.Transfer> chunk = new ArrayList<>(stream.subList(i, Math.min(stream.size(), i + 8)));
			Collections.shuffle(chunk, random);
			arrival.addAll(chunk);
		}
		arrival.add(300, new TransferLedger.Transfer(p + "L1", t0 - 7_200, "ICBC:" + p + "V1", "CCB:" + p + "M3",
				77_700, "TRANSFER", null));
		arrival.add(450, new TransferLedger.Transfer(p + "L2", t0 + 100, "CCB:" + p + "M3", "CCB:" + p + "M4", 12_300,
				"TRANSFER", null));
		int written = 0;
		for (int i = 0; i < arrival.size(); i++) {
			TransferLedger.Transfer t = arrival.get(i);
			written += ledger.record(TransferLedger.Source.DECISION, "ICBC", null, List.of(t));
			if (i == 200) {
				assertThat(ledger.transfer(p + "T150")).isPresent(); // a read in between
																		// merges what is
																		// held
			}
		}
		assertThat(written).isEqualTo(arrival.size());

		// the writers' duplicate checks see the held rows: same id, and the same payment
		// from the other side
		TransferLedger.Transfer last = stream.get(stream.size() - 1);
		assertThat(ledger.record(TransferLedger.Source.FEED, "CCB", null, List.of(last))).isZero();
		if (last.toAccount() != null) {
			assertThat(
					ledger.record(TransferLedger.Source.STATEMENT, "CCB", null,
							List.of(new TransferLedger.Transfer(p + "OTHER", last.epochSecond() + 30,
									last.fromAccount(), last.toAccount(), last.amountFen(), "TRANSFER", null))))
				.isZero();
		}

		TransferLedger fresh = new TransferLedger(jdbc, dataSource);
		fresh.load();
		assertThat(dump(ledger)).isEqualTo(dump(fresh));
		for (Policy policy : Policy.values()) {
			String[] seeds = { p + "T0", p + "T5", p + "L1", p + "T100" };
			assertThat(trace(ledger, policy, seeds, t0 + 20_000)).isEqualTo(trace(fresh, policy, seeds, t0 + 20_000));
		}
		assertThat(trace(ledger, Policy.FIFO, new String[] { p + "T0" }, t0 + 20_000)).contains("flow");
	}

	/** The graph by ids, in index order: what a trace walks. */
	private static List<String> dump(TransferLedger l) {
		return l.read(g -> {
			List<String> out = new ArrayList<>(g.transfers());
			for (int i = 0; i < g.transfers(); i++) {
				out.add(g.transferId(i) + " " + g.time(i) + " " + g.accountId(g.from(i)) + " "
						+ (g.to(i) < 0 ? "-" : g.accountId(g.to(i))) + " " + g.amount(i) + " " + g.channel(i));
			}
			return out;
		});
	}

	/**
	 * A trace's result with accounts and transfers by id (account numbering may differ
	 * between two builds).
	 */
	private static String trace(TransferLedger l, Policy policy, String[] seedIds, long asOf) {
		return l.read(g -> {
			int[] seeds = Arrays.stream(seedIds).mapToInt(g::transferIndex).toArray();
			TraceResult r = Trace.run(g, TraceRequest.of(policy, asOf, seeds));
			StringBuilder b = new StringBuilder();
			for (TraceResult.Flow f : r.flows()) {
				b.append("flow ")
					.append(g.transferId(f.transfer()))
					.append(' ')
					.append(id(g, f.from()))
					.append(' ')
					.append(id(g, f.to()))
					.append(' ')
					.append(f.time())
					.append(' ')
					.append(f.amount())
					.append(' ')
					.append(f.traced())
					.append(' ')
					.append(Arrays.toString(f.perVictim()))
					.append(' ')
					.append(f.level())
					.append('\n');
			}
			for (TraceResult.Holding h : r.holdings()) {
				b.append("holding ")
					.append(id(g, h.account()))
					.append(' ')
					.append(h.amount())
					.append(' ')
					.append(Arrays.toString(h.perVictim()))
					.append(' ')
					.append(h.level())
					.append(' ')
					.append(h.lastTaintedTransfer() < 0 ? "-" : g.transferId(h.lastTaintedTransfer()))
					.append('\n');
			}
			for (TraceResult.Exit e : r.exits()) {
				b.append("exit ")
					.append(e.transfer() < 0 ? "-" : g.transferId(e.transfer()))
					.append(' ')
					.append(id(g, e.account()))
					.append(' ')
					.append(e.channel())
					.append(' ')
					.append(e.amount())
					.append(' ')
					.append(Arrays.toString(e.perVictim()))
					.append(' ')
					.append(e.kind())
					.append('\n');
			}
			return b.toString();
		});
	}

	private static String id(TransferGraph g, int account) {
		return account < 0 || account == TransferGraph.NONE ? "-" : g.accountId(account);
	}

	@Test
	void institutionsLearnedInOneGroupAreStoredAndKnownToANewLedger() {
		String p = "LI" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		// one account the table already has (declared with a holder), one new, one
		// written behind the cache's back
		ledger.declareAccounts("ICBC", List.of(new TransferLedger.Account(p + "A", "张三", null, 0L)),
				TransferLedger.Source.FEED);
		jdbc.sql("INSERT INTO ledger_account (account_id, institution, holder_name, learned_from) VALUES (?, ?, ?, ?)")
			.params(p + "C", "ABC", null, "FEED")
			.update();
		Map<String, String> payers = new LinkedHashMap<>();
		payers.put(p + "A", "CCB");
		payers.put(p + "B", "CMB");
		payers.put(p + "C", "BOC");
		ledger.learnInstitutions(payers, TransferLedger.Source.DECISION);
		// nothing new the second time: no write
		ledger.learnInstitutions(payers, TransferLedger.Source.DECISION);
		assertThat(ledger.institutionOf(p + "A")).isEqualTo("CCB");
		assertThat(ledger.institutionOf(p + "B")).isEqualTo("CMB");
		assertThat(jdbc
			.sql("SELECT account_id, institution, holder_name FROM ledger_account WHERE account_id LIKE ? "
					+ "ORDER BY account_id")
			.param(p + "%")
			.query((rs, n) -> rs.getString(1).substring(p.length()) + "|" + rs.getString(2) + "|" + rs.getString(3))
			.list()).containsExactly("A|CCB|张三", "B|CMB|null", "C|BOC|null");
		TransferLedger fresh = new TransferLedger(jdbc, dataSource);
		fresh.load();
		assertThat(fresh.institutionOf(p + "B")).isEqualTo("CMB");
	}

}
