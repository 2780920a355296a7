package org.fanzha.funds;

import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.engine.stop.AccountInfo;
import org.fanzha.engine.trace.TraceRequest;
import org.fanzha.engine.trace.TraceResult;
import org.fanzha.engine.trace.Trace;
import org.springframework.stereotype.Service;

/**
 * The transfers the platform knows, in a {@link TransferGraph}: fed by banks' transfer feeds (and, in the demo,
 * by the simulated province). One writer at a time, many readers; traces run under the read lock.
 */
@Service
public class TransferLedger {

	private final TransferGraph graph = new TransferGraph();

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private volatile AccountInfo accountInfo = AccountInfo.NONE;

	/** GB/T 2260 code where each transfer was made (by transfer index), 0 when unknown: for connection points. */
	private int[] regions = new int[1 << 12];

	public void declareAccount(String accountId, long openingBalanceFen) {
		lock.writeLock().lock();
		try {
			graph.addAccount(accountId, openingBalanceFen);
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	/** Appends a transfer ({@code toAccount} null for cash leaving the banking system); returns its index. */
	public int ingest(String transferId, long epochSecond, String fromAccount, String toAccount, long amountFen,
			String channel) {
		return ingest(transferId, epochSecond, fromAccount, toAccount, amountFen, channel, null);
	}

	/**
	 * Appends a transfer with the county where it was made (the terminal's or the payer's location as the bank records
	 * it; null when unknown); returns its index.
	 */
	public int ingest(String transferId, long epochSecond, String fromAccount, String toAccount, long amountFen,
			String channel, String region) {
		int code = region != null && region.length() == 6 && region.chars().allMatch(Character::isDigit)
				? Integer.parseInt(region) : 0;
		lock.writeLock().lock();
		try {
			int i = graph.append(transferId, epochSecond, fromAccount, toAccount, amountFen, channel);
			if (i >= regions.length) {
				regions = java.util.Arrays.copyOf(regions, Math.max(regions.length * 2, i + 1));
			}
			regions[i] = code;
			return i;
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	/** Money leaving an account: to another account, or in cash ({@code toAccount} null), with where it happened. */
	public record Movement(String transferId, long epochSecond, String toAccount, long amountFen, String channel,
			String region) {
	}

	/** An account's outgoing transfers in [fromEpoch, toEpoch], in time order, at most {@code limit}. */
	public java.util.List<Movement> outgoing(String accountId, long fromEpoch, long toEpoch, int limit) {
		return read(g -> {
			java.util.List<Movement> out = new java.util.ArrayList<>();
			int a = g.accountIndex(accountId);
			if (a < 0) {
				return out;
			}
			for (int t = g.firstOut(a); t != TransferGraph.NONE; t = g.nextOut(t)) {
				if (g.time(t) >= fromEpoch && g.time(t) <= toEpoch) {
					int r = t < regions.length ? regions[t] : 0;
					out.add(new Movement(g.transferId(t), g.time(t), g.to(t) < 0 ? null : g.accountId(g.to(t)), g.amount(t),
							g.channel(t), r == 0 ? null : Integer.toString(r)));
				}
			}
			out.sort(java.util.Comparator.comparingLong(Movement::epochSecond));
			return out.size() > limit ? out.subList(0, limit) : out;
		});
	}

	/** A transfer as the ledger has it. */
	public record TransferView(String transferId, long epochSecond, String fromAccount, String toAccount, long amountFen,
			String channel) {
	}

	public java.util.Optional<TransferView> transfer(String transferId) {
		return read(g -> {
			int i = g.transferIndex(transferId);
			if (i < 0) {
				return java.util.Optional.<TransferView>empty();
			}
			int to = g.to(i);
			return java.util.Optional.of(new TransferView(transferId, g.time(i), g.accountId(g.from(i)),
					to < 0 ? null : g.accountId(to), g.amount(i), g.channel(i)));
		});
	}

	/** An account's transfers in a period, in time order, as a bank's statement (IN / OUT). */
	public java.util.List<FundQueries.Row> statement(String accountId, long fromEpoch, long toEpoch) {
		return read(g -> {
			java.util.List<FundQueries.Row> rows = new java.util.ArrayList<>();
			int a = g.accountIndex(accountId);
			if (a < 0) {
				return rows;
			}
			for (int t = g.firstIn(a); t != TransferGraph.NONE; t = g.nextIn(t)) {
				if (g.time(t) >= fromEpoch && g.time(t) <= toEpoch) {
					rows.add(new FundQueries.Row(g.transferId(t), java.time.Instant.ofEpochSecond(g.time(t)), "IN",
							g.accountId(g.from(t)), g.amount(t)));
				}
			}
			for (int t = g.firstOut(a); t != TransferGraph.NONE; t = g.nextOut(t)) {
				if (g.time(t) >= fromEpoch && g.time(t) <= toEpoch) {
					rows.add(new FundQueries.Row(g.transferId(t), java.time.Instant.ofEpochSecond(g.time(t)), "OUT",
							g.to(t) < 0 ? null : g.accountId(g.to(t)), g.amount(t)));
				}
			}
			rows.sort(java.util.Comparator.comparing(FundQueries.Row::at));
			return rows;
		});
	}

	/** The id of a ledger account index (for {@link AccountInfo} implementations). */
	public String accountIdOf(int account) {
		return read(g -> g.accountId(account));
	}

	/** Where holder names, banks and card numbers come from (the banks' account data; the world in the demo). */
	public void useAccountInfo(AccountInfo info) {
		this.accountInfo = info;
	}

	AccountInfo accountInfo() {
		return accountInfo;
	}

	/** Finds a reported payment: by transfer id, else by payee account, amount and time (within 10 minutes). */
	int find(String transferId, String payeeAccount, long amountFen, long epochSecond) {
		lock.readLock().lock();
		try {
			if (transferId != null) {
				int i = graph.transferIndex(transferId);
				if (i >= 0) {
					return i;
				}
			}
			int a = graph.accountIndex(payeeAccount);
			if (a < 0) {
				return TransferGraph.NONE;
			}
			for (int t = graph.firstIn(a); t != TransferGraph.NONE; t = graph.nextIn(t)) {
				if (graph.amount(t) == amountFen && Math.abs(graph.time(t) - epochSecond) <= 600) {
					return t;
				}
			}
			return TransferGraph.NONE;
		}
		finally {
			lock.readLock().unlock();
		}
	}

	<T> T read(java.util.function.Function<TransferGraph, T> reader) {
		lock.readLock().lock();
		try {
			return reader.apply(graph);
		}
		finally {
			lock.readLock().unlock();
		}
	}

	TraceResult trace(TraceRequest request) {
		return read(g -> Trace.run(g, request));
	}

	/** An account's balance now (opening balance plus everything in, less everything out), or null if unknown. */
	public Long balance(String accountId) {
		return read(g -> {
			int a = g.accountIndex(accountId);
			return a < 0 ? null : g.stateBefore(a, Integer.MAX_VALUE).balance();
		});
	}

	public int transfers() {
		return read(TransferGraph::transfers);
	}
}
