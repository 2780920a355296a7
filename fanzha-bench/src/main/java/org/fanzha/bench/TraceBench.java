package org.fanzha.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.HdrHistogram.Histogram;
import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.engine.trace.Policy;
import org.fanzha.engine.trace.Reach;
import org.fanzha.engine.trace.Trace;
import org.fanzha.engine.trace.TraceRequest;
import org.fanzha.engine.trace.TraceResult;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.Simulator;
import org.fanzha.sim.world.TransferChannel;
import org.fanzha.sim.world.World;
import org.postgresql.PGConnection;

/**
 * The tracing engine end to end on a simulated province: ingestion rate and heap per
 * transfer, FIFO trace latency from victims' payments (HdrHistogram), and — against the
 * peer a bank IT team would write — a recursive-CTE poison trace in PostgreSQL over the
 * same transfers, whose reached accounts must equal the engine's poison trace.
 *
 * <pre>
 * java -Xmx14g -cp ... org.fanzha.bench.TraceBench [--persons 1000000] [--days 28] [--pg jdbc:postgresql://127.0.0.1:5432/test]
 *     [--pg-queries 30] [--window-hours 24]
 * </pre>
 */
public final class TraceBench {

	public record Figures(long transfers, double ingestPerSecond, double bytesPerTransfer, long traces, long p50Micros,
			long p99Micros, long maxMicros, int pgQueries, double pgMedianMillis, double engineReachMedianMillis,
			double enginePoisonMedianMillis, boolean pgAgrees, int fifoQueries, double pgFifoMedianMillis,
			double engineFifoMedianMillis, boolean fifoAgrees, long fifoHoldings) {

		@Override
		public String toString() {
			String pg = pgQueries == 0 ? "PostgreSQL peer not run" : String
				.format(Locale.ROOT, "PostgreSQL recursive CTE (poison reach, 8 hops, %d seeds): median %.1f ms vs "
						+ "engine earliest-arrival sweep %.3f ms, ratio %.0fx (the poison trace with per-victim shares: "
						+ "%.3f ms, %.1fx); same accounts reached by all three: %s", pgQueries, pgMedianMillis,
						engineReachMedianMillis, pgMedianMillis / Math.max(1e-6, engineReachMedianMillis),
						enginePoisonMedianMillis, pgMedianMillis / Math.max(1e-6, enginePoisonMedianMillis), pgAgrees)
					+ (fifoQueries == 0 ? "" : String
						.format(Locale.ROOT, "; PL/pgSQL FIFO trace (%d seeds): median %.1f ms "
								+ "vs engine FIFO %.3f ms, ratio %.0fx, same holdings (%,d accounts holding traced money): %s",
								fifoQueries, pgFifoMedianMillis, engineFifoMedianMillis,
								pgFifoMedianMillis / Math.max(1e-6, engineFifoMedianMillis), fifoHoldings, fifoAgrees));
			return String
				.format(Locale.ROOT, "%,d transfers; ingest %,.0f transfers/s; %.1f bytes of heap per transfer; "
						+ "FIFO trace (8 hops) over %,d victims' payments: p50 %.3f ms, p99 %.3f ms, max %.3f ms; %s",
						transfers, ingestPerSecond, bytesPerTransfer, traces, p50Micros / 1000.0, p99Micros / 1000.0,
						maxMicros / 1000.0, pg);
		}
	}

	public static void main(String[] args) throws Exception {
		List<String> a = List.of(args);
		int persons = Integer.parseInt(opt(a, "--persons", "1000000"));
		int days = Integer.parseInt(opt(a, "--days", "28"));
		String pg = opt(a, "--pg", null);
		int pgQueries = Integer.parseInt(opt(a, "--pg-queries", "30"));
		long window = Long.parseLong(opt(a, "--window-hours", "24")) * 3_600;
		int fifoQueries = Integer.parseInt(opt(a, "--pg-fifo-queries", "10"));
		System.out.println(run(persons, days, pg, pgQueries, fifoQueries, window));
	}

	static String opt(List<String> a, String name, String fallback) {
		int i = a.indexOf(name);
		return i >= 0 && i + 1 < a.size() ? a.get(i + 1) : fallback;
	}

	public static Figures run(int persons, int days, String pgUrl, int pgQueries, int fifoQueries, long windowSeconds)
			throws Exception {
		SimConfig config = SimConfig.preset("medium", 42).withSize(persons, days);
		RecordedTransfers rec = new RecordedTransfers();
		new Simulator(new World(config)).run(rec);
		System.err.printf("simulated %,d transfers, %,d victims' payments%n", rec.n, rec.victimPayments);

		long heapBefore = usedHeap();
		long t0 = System.nanoTime();
		TransferGraph g = ingest(rec);
		double ingestSeconds = (System.nanoTime() - t0) / 1e9;
		long heapAfter = usedHeap();
		double bytesPerTransfer = (heapAfter - heapBefore) / (double) rec.n;

		// FIFO traces from every victim's payment, as of a day later (the report comes
		// within hours)
		Histogram h = new Histogram(60_000_000_000L, 3);
		int warm = Math.min(200, rec.victimPayments);
		for (int pass = 0; pass < 2; pass++) {
			for (int k = 0; k < (pass == 0 ? warm : rec.victimPayments); k++) {
				int seed = rec.victimPayment[k];
				long s = System.nanoTime();
				Trace.run(g, new TraceRequest(new int[] { seed }, null, g.time(seed) + windowSeconds, Policy.FIFO, 8, 0,
						windowSeconds));
				if (pass == 1) {
					h.recordValue(Math.max(1, (System.nanoTime() - s) / 1_000));
				}
			}
		}
		int pgRun = 0;
		double pgMedian = 0;
		double engineMedian = 0;
		double poisonMedian = 0;
		boolean agrees = true;
		int timeouts = 0;
		int fifoRun = 0;
		double pgFifoMedian = 0;
		double engineFifoMedian = 0;
		boolean fifoAgrees = true;
		long fifoHoldings = 0;
		if (pgUrl != null && pgQueries > 0) {
			double[] pgMs = new double[Math.min(pgQueries, rec.victimPayments)];
			double[] enMs = new double[pgMs.length];
			double[] poisonMs = new double[pgMs.length];
			Reach reach = new Reach(g);
			try (Connection c = DriverManager.getConnection(pgUrl, System.getProperty("pg.user", "postgres"),
					System.getProperty("pg.password", ""))) {
				load(c, g);
				try (Statement st = c.createStatement()) {
					// a query that runs away is cut off and counted at the limit
					st.execute("SET statement_timeout = '120s'");
				}
				String sql = """
						WITH RECURSIVE reach(account, seq, hop) AS (
						    SELECT to_account, seq, 1 FROM fz_bench.transfers WHERE seq = ?
						  UNION
						    SELECT t.to_account, t.seq, r.hop + 1
						    FROM reach r JOIN fz_bench.transfers t ON t.from_account = r.account AND t.seq > r.seq
						    WHERE r.hop < 8 AND t.time <= ? AND t.to_account IS NOT NULL
						)
						SELECT DISTINCT account FROM reach""";
				for (int k = 0; k < Math.min(200, rec.victimPayments); k++) {
					// warm the engine's poison path the same way the FIFO path was warmed
					int seed = rec.victimPayment[k];
					Trace.run(g, new TraceRequest(new int[] { seed }, null, g.time(seed) + windowSeconds, Policy.POISON,
							8, 0, windowSeconds));
				}
				try (PreparedStatement ps = c.prepareStatement(sql)) {
					// run each query twice and keep the second, so both sides are
					// measured warm
					int stride = Math.max(1, rec.victimPayments / pgMs.length);
					for (int q = 0; q < pgMs.length; q++) {
						int seed = rec.victimPayment[q * stride];
						long limit = g.time(seed) + windowSeconds;
						long s = System.nanoTime();
						TraceResult poison = Trace.run(g,
								new TraceRequest(new int[] { seed }, null, limit, Policy.POISON, 8, 0, windowSeconds));
						poisonMs[q] = (System.nanoTime() - s) / 1e6;
						Set<Integer> viaTrace = new HashSet<>();
						for (TraceResult.Flow f : poison.flows()) {
							if (f.level() <= 8 && f.to() >= 0) {
								viaTrace.add(f.to());
							}
						}
						// the earliest-arrival sweep, warm: its second run is the one
						// measured
						reach.run(seed, limit, 8);
						s = System.nanoTime();
						int reached = reach.run(seed, limit, 8);
						enMs[q] = (System.nanoTime() - s) / 1e6;
						Set<Integer> engine = new HashSet<>();
						for (int k = 0; k < reached; k++) {
							engine.add(reach.account(k));
						}
						if (!engine.equals(viaTrace)) {
							agrees = false;
							System.err.printf("seed %s: sweep reached %d accounts, the poison trace %d%n",
									g.transferId(seed), engine.size(), viaTrace.size());
						}
						ps.setInt(1, seed);
						ps.setInt(2, (int) (limit - TransferGraph.EPOCH_BASE));
						Set<Integer> db = new HashSet<>();
						for (int rep = 0; rep < 2; rep++) {
							db.clear();
							s = System.nanoTime();
							try (ResultSet rs = ps.executeQuery()) {
								while (rs.next()) {
									db.add(rs.getInt(1));
								}
							}
							catch (SQLException timeout) {
								if (!"57014".equals(timeout.getSQLState())) {
									throw timeout;
								}
								System.err.printf("seed %s: PostgreSQL cancelled at the 120 s limit%n",
										g.transferId(seed));
								db = null;
								pgMs[q] = (System.nanoTime() - s) / 1e6;
								break;
							}
							pgMs[q] = (System.nanoTime() - s) / 1e6;
						}
						if (db == null) {
							timeouts++;
						}
						else if (!db.equals(engine)) {
							agrees = false;
							System.err.printf("seed %s: engine reached %d accounts, PostgreSQL %d%n",
									g.transferId(seed), engine.size(), db.size());
						}
					}
				}
				if (fifoQueries > 0) {
					FifoPeer.install(c, g);
					double[] pgF = new double[Math.min(fifoQueries, rec.victimPayments)];
					double[] enF = new double[pgF.length];
					int stride = Math.max(1, rec.victimPayments / pgF.length);
					try (PreparedStatement call = c.prepareStatement(FifoPeer.CALL)) {
						for (int q = 0; q < pgF.length; q++) {
							int seed = rec.victimPayment[q * stride];
							long limit = g.time(seed) + windowSeconds;
							TraceRequest fifo = new TraceRequest(new int[] { seed }, null, limit, Policy.FIFO, 8, 0,
									windowSeconds);
							Trace.run(g, fifo);
							long s = System.nanoTime();
							TraceResult engine = Trace.run(g, fifo);
							enF[q] = (System.nanoTime() - s) / 1e6;
							Map<Integer, Long> engineHeld = new HashMap<>();
							for (TraceResult.Holding h2 : engine.holdings()) {
								engineHeld.put(h2.account(), h2.amount());
							}
							fifoHoldings += engineHeld.size();
							Map<Integer, Long> db = null;
							for (int rep = 0; rep < 2; rep++) {
								s = System.nanoTime();
								db = FifoPeer.holdings(call, seed, limit - TransferGraph.EPOCH_BASE, 8);
								pgF[q] = (System.nanoTime() - s) / 1e6;
							}
							if (!engineHeld.equals(db)) {
								fifoAgrees = false;
								System.err.printf("seed %s: engine FIFO holds in %d accounts, PL/pgSQL in %d%n",
										g.transferId(seed), engineHeld.size(), db.size());
							}
						}
					}
					Arrays.sort(pgF);
					Arrays.sort(enF);
					fifoRun = pgF.length;
					pgFifoMedian = pgF[pgF.length / 2];
					engineFifoMedian = enF[enF.length / 2];
				}
			}
			pgRun = pgMs.length;
			if (timeouts > 0) {
				System.err.printf("%d of %d PostgreSQL queries hit the 120 s limit (counted at the limit)%n", timeouts,
						pgRun);
			}
			Arrays.sort(pgMs);
			Arrays.sort(enMs);
			Arrays.sort(poisonMs);
			pgMedian = pgMs[pgMs.length / 2];
			engineMedian = enMs[enMs.length / 2];
			poisonMedian = poisonMs[poisonMs.length / 2];
		}
		return new Figures(rec.n, rec.n / ingestSeconds, bytesPerTransfer, h.getTotalCount(),
				h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue(), pgRun, pgMedian, engineMedian,
				poisonMedian, agrees, fifoRun, pgFifoMedian, engineFifoMedian, fifoAgrees, fifoHoldings);
	}

	static TransferGraph ingest(RecordedTransfers rec) {
		TransferGraph g = new TransferGraph();
		for (int acc = 0; acc < rec.opening.length; acc++) {
			g.addAccount("A" + acc, rec.opening[acc]);
		}
		byte[] codes = new byte[TransferChannel.values().length];
		for (TransferChannel c : TransferChannel.values()) {
			codes[c.ordinal()] = g.channelCode(c.name());
		}
		final int n = rec.n;
		final int[] id = rec.id;
		final long[] time = rec.time;
		final int[] from = rec.from;
		final int[] to = rec.to;
		final long[] amount = rec.amount;
		final byte[] channel = rec.channel;
		for (int i = 0; i < n; i++) {
			g.appendNumbered(id[i], time[i], from[i], to[i], amount[i], codes[channel[i]]);
		}
		return g;
	}

	static long usedHeap() throws InterruptedException {
		Runtime rt = Runtime.getRuntime();
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return rt.totalMemory() - rt.freeMemory();
	}

	/**
	 * Copies the transfers into PostgreSQL with COPY and indexes them as a bank's IT team
	 * would.
	 */
	static void load(Connection c, TransferGraph g) throws SQLException, IOException {
		try (Statement s = c.createStatement()) {
			s.execute("DROP SCHEMA IF EXISTS fz_bench CASCADE");
			s.execute("CREATE SCHEMA fz_bench");
			s.execute(
					"CREATE UNLOGGED TABLE fz_bench.transfers (seq integer PRIMARY KEY, from_account integer NOT NULL, "
							+ "to_account integer, time integer NOT NULL, amount bigint NOT NULL)");
		}
		long t0 = System.nanoTime();
		StringBuilder line = new StringBuilder(64);
		((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI()
			.copyIn("COPY fz_bench.transfers (seq, from_account, to_account, time, amount) FROM STDIN WITH (FORMAT csv)",
					FifoPeer.lines(g.transfers(), i -> {
						line.setLength(0);
						int to = g.to(i);
						return line.append(i)
							.append(',')
							.append(g.from(i))
							.append(',')
							.append(to < 0 ? "" : Integer.toString(to))
							.append(',')
							.append(g.time(i) - TransferGraph.EPOCH_BASE)
							.append(',')
							.append(g.amount(i))
							.append('\n');
					}));
		try (Statement s = c.createStatement()) {
			s.execute("CREATE INDEX ON fz_bench.transfers (from_account, seq)");
			s.execute("ANALYZE fz_bench.transfers");
		}
		System.err.printf("PostgreSQL: loaded and indexed %,d transfers in %.0f s%n", g.transfers(),
				(System.nanoTime() - t0) / 1e9);
	}

}
