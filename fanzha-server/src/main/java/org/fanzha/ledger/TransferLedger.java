package org.fanzha.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.engine.stop.AccountInfo;
import org.fanzha.engine.trace.Trace;
import org.fanzha.engine.trace.TraceRequest;
import org.fanzha.engine.trace.TraceResult;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transfers the platform knows, written once in {@code ledger_transfer} (the truth)
 * and held in memory as a {@link TransferGraph} for the tracing engines (a cache of that
 * table).
 *
 * <p>
 * Writers ({@link #record}) store rows in the caller's transaction: a bank's decision
 * request, a feed, a statement that came with a stop or a query, an uploaded file.
 * Readers first catch up with the rows committed since the last read (one indexed query,
 * usually answering nothing). The graph must grow in time order, and rows do not come in
 * time order: banks' requests on several connections interleave, a statement tells of
 * yesterday. Committed rows not yet in the graph are held in memory ({@link #window},
 * {@link #late}), indexed for the writers' duplicate checks: rows newer than the graph
 * wait in a reorder window of {@link #REORDER_SECONDS} and are appended in time order
 * once that much older than the newest row seen (or at the next read); a row older than
 * the graph marks it stale and the next <em>read</em> rebuilds it from the table in time
 * order. Writers never rebuild, except when late rows pile up past a fraction of the
 * graph (so the rebuilds' cost stays linear in the rows written). A reader thus always
 * sees the graph a fresh build from the table would give. Duplicates are dropped on the
 * way in: the same transaction id, or the same payer, payee, amount and time within two
 * minutes (one transfer seen from both banks' statements).
 */
@Service
public class TransferLedger {

	/** Where a row came from. */
	public enum Source {

		/** A bank's real-time decision request (monitoring's API). */
		DECISION,
		/** A bank's bulk transfer feed. */
		FEED,
		/** A statement a bank returned with a stop-payment answer or a fund query. */
		STATEMENT,
		/** A statement file an officer uploaded. */
		UPLOAD,
		/** An onward transfer a bank reported in its stop-payment answer. */
		ONWARD

	}

	/**
	 * An account as its bank declares it: holder, card number, and the balance before the
	 * first transfer it reports.
	 */
	public record Account(String accountId, String holderName, String cardNumber, Long openingBalanceFen) {
	}

	/**
	 * A transfer as a source reports it; {@code toAccount} null for cash leaving the
	 * banking system.
	 */
	public record Transfer(String transferId, long epochSecond, String fromAccount, String toAccount, long amountFen,
			String channel, String region) {
	}

	/**
	 * Same payer, payee and amount within this many seconds: one transfer, seen twice.
	 */
	static final long SAME_TRANSFER_SECONDS = 120;

	/**
	 * How far behind the newest row a row may arrive and still be appended in order
	 * without a rebuild.
	 */
	static final long REORDER_SECONDS = 3_600;

	/**
	 * At most this many rows wait in the window (a busy stream's hour would be millions):
	 * the oldest go in first.
	 */
	static final int WINDOW_ROWS = 50_000;

	/** Time order as a fresh build reads the table: time, then id. */
	private static final Comparator<Row> TABLE_ORDER = Comparator.comparingLong(Row::at).thenComparingLong(Row::id);

	/**
	 * Committed rows at or after the graph's newest, not appended yet (the reorder
	 * window).
	 */
	private final TreeSet<Row> window = new TreeSet<>(TABLE_ORDER);

	/** Committed rows older than the graph's newest: they wait for the next rebuild. */
	private final List<Row> late = new ArrayList<>();

	/**
	 * The rows of {@link #window} and {@link #late}, by transfer id and by payer, for the
	 * writers' duplicate checks.
	 */
	private final Map<String, Row> heldIds = new HashMap<>();

	private final Map<String, List<Row>> heldByPayer = new HashMap<>();

	/** The newest time among the graph and the held rows. */
	private long newest = Long.MIN_VALUE;

	private final JdbcClient jdbc;

	private TransferGraph graph = new TransferGraph();

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private final ReentrantLock gate = new ReentrantLock();

	/** Opening balances declared by the banks (kept to rebuild the graph). */
	private final Map<String, Long> openings = new HashMap<>();

	/** What the feeds and statements said of accounts: institution and holder name. */
	private final Map<String, String[]> learned = new ConcurrentHashMap<>();

	/**
	 * GB/T 2260 code where each transfer was made (by transfer index), 0 when unknown:
	 * for connection points.
	 */
	private int[] regions = new int[1 << 12];

	/** The highest {@code ledger_transfer.id} in the graph. */
	private long appliedId;

	/** A late row arrived or an opening balance changed: rebuild before the next read. */
	private volatile boolean stale;

	private final DataSource dataSource;

	private final JdbcTemplate template;

	public TransferLedger(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.template = new JdbcTemplate(dataSource);
	}

	/** Loads the table at start. */
	@EventListener(ApplicationReadyEvent.class)
	public void load() {
		lock.writeLock().lock();
		try {
			jdbc.sql("SELECT account_id, institution, holder_name, card_number, opening_fen FROM ledger_account")
				.query(rs -> {
					String id = rs.getString(1);
					learned.put(id, new String[] { rs.getString(2), rs.getString(3), rs.getString(4) });
					long opening = rs.getLong(5);
					if (!rs.wasNull()) {
						openings.put(id, opening);
					}
				});
			stale = true;
		}
		finally {
			lock.writeLock().unlock();
		}
		catchUp();
	}

	/**
	 * A bank declares its accounts (master data): holder, card number, opening balance.
	 * Stored; an opening balance the graph did not have yet rebuilds it at the next read.
	 */
	public void declareAccounts(String bank, List<Account> accounts, Source source) {
		List<Object[]> rows = new ArrayList<>(accounts.size());
		for (Account a : accounts) {
			rows.add(new Object[] { a.accountId(), bank, a.holderName(), a.cardNumber(), a.openingBalanceFen(),
					source.name() });
		}
		var template = new JdbcTemplate(dataSource);
		for (int i = 0; i < rows.size(); i += 1_000) {
			List<Object[]> chunk = rows.subList(i, Math.min(rows.size(), i + 1_000));
			template.batchUpdate("DELETE FROM ledger_account WHERE account_id = ?",
					chunk.stream().map(r -> new Object[] { r[0] }).toList());
			template.batchUpdate(
					"""
							INSERT INTO ledger_account (account_id, institution, holder_name, card_number, opening_fen, learned_from)
							VALUES (?, ?, ?, ?, ?, ?)""",
					chunk);
		}
		lock.writeLock().lock();
		try {
			for (Account a : accounts) {
				learned.put(a.accountId(), new String[] { bank, a.holderName(), a.cardNumber() });
				if (a.openingBalanceFen() != null) {
					Long before = openings.put(a.accountId(), a.openingBalanceFen());
					if (graph.accountIndex(a.accountId()) < 0) {
						graph.addAccount(a.accountId(), a.openingBalanceFen());
					}
					else if (!a.openingBalanceFen().equals(before)) {
						stale = true;
					}
				}
			}
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	/**
	 * Writes the transfers a source reports (in the caller's transaction); returns how
	 * many were new. Ids the ledger already has, and a transfer already known from the
	 * other side, are skipped.
	 */
	public int record(Source source, String reportedBy, String sourceRef, List<Transfer> transfers) {
		return record(source, List.of(new Report(reportedBy, sourceRef, transfers)));
	}

	/** Transfers as one source reported them: who, under which reference. */
	public record Report(String reportedBy, String sourceRef, List<Transfer> transfers) {
	}

	/**
	 * As {@link #record(Source, String, String, List)} for several reports at once (many
	 * banks' requests written in one transaction): one duplicate check and one batched
	 * insert for them all.
	 */
	public int record(Source source, List<Report> reports) {
		if (reports.stream().allMatch(r -> r.transfers().isEmpty())) {
			return 0;
		}
		boolean own = enterGate();
		try {
			return recordInGate(source, reports);
		}
		finally {
			if (own) {
				gate.unlock();
			}
		}
	}

	/**
	 * One writer at a time until its transaction ends: two sources reporting the same
	 * transfer at once (a bank's feed and another bank's statement) must not both find it
	 * new. Returns whether the caller must unlock (no transaction).
	 */
	private boolean enterGate() {
		if (gate.isHeldByCurrentThread()) {
			return false;
		}
		gate.lock();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					gate.unlock();
				}
			});
			return false;
		}
		return true;
	}

	private int recordInGate(Source source, List<Report> reports) {
		catchUp(false);
		List<Transfer> fresh = new ArrayList<>();
		List<Report> by = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		lock.readLock().lock();
		try {
			for (Report r : reports) {
				for (Transfer t : r.transfers()) {
					if (ids.add(t.transferId()) && graph.transferIndex(t.transferId()) < 0
							&& !heldIds.containsKey(t.transferId()) && !seenFromOtherSide(graph, t)
							&& !heldFromOtherSide(t)) {
						fresh.add(t);
						by.add(r);
					}
				}
			}
		}
		finally {
			lock.readLock().unlock();
		}
		if (fresh.isEmpty()) {
			return 0;
		}
		// rows committed by another writer after our catch-up
		Set<String> stored = new HashSet<>();
		for (int i = 0; i < fresh.size(); i += 500) {
			List<String> chunk = fresh.subList(i, Math.min(fresh.size(), i + 500))
				.stream()
				.map(Transfer::transferId)
				.toList();
			stored.addAll(jdbc.sql("SELECT transfer_id FROM ledger_transfer WHERE transfer_id IN (:ids)")
				.param("ids", chunk)
				.query(String.class)
				.list());
		}
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>(fresh.size());
		for (int i = 0; i < fresh.size(); i++) {
			Transfer t = fresh.get(i);
			if (stored.contains(t.transferId())) {
				continue;
			}
			Report r = by.get(i);
			rows.add(new Object[] { t.transferId(), Timestamp.from(Instant.ofEpochSecond(t.epochSecond())),
					t.fromAccount(), t.toAccount(), t.amountFen(), t.channel() == null ? "TRANSFER" : t.channel(),
					t.region(), source.name(), r.reportedBy(), r.sourceRef(), now });
		}
		for (int i = 0; i < rows.size(); i += 1_000) {
			template.batchUpdate(
					"""
							INSERT INTO ledger_transfer (transfer_id, at, from_account, to_account, amount_fen, channel, region, source,
							  reported_by, source_ref, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					rows.subList(i, Math.min(rows.size(), i + 1_000)));
		}
		afterCommit(() -> catchUp(false));
		return rows.size();
	}

	/**
	 * Writes an account's statement: each row becomes a transfer into or out of the
	 * account. The account's own institution and holder, and each counterparty's where
	 * the row names them, are learned too.
	 */
	public int recordStatement(Source source, String reportedBy, String sourceRef, String accountId, String institution,
			String holderName, List<StatementRow> rows) {
		learn(accountId, institution, holderName, source);
		List<Transfer> transfers = new ArrayList<>(rows.size());
		for (StatementRow r : rows) {
			String other = r.counterpartyAccount() == null || r.counterpartyAccount().isEmpty() ? null
					: r.counterpartyAccount();
			if (other != null) {
				learn(other, r.counterpartyBank(), r.counterpartyName(), source);
			}
			long t = r.at().getEpochSecond();
			String id = r.transferId() != null ? r.transferId() : "S" + accountId + ":" + t + ":"
					+ r.direction().name().charAt(0) + r.amountFen() + ":" + (other == null ? "" : other);
			if (id.length() > 80) {
				id = id.substring(0, 80);
			}
			String channel = r.channel() == null ? "TRANSFER" : r.channel().name();
			if (r.direction() == StatementRow.Direction.OUT) {
				transfers.add(new Transfer(id, t, accountId, other, r.amountFen(), channel, null));
			}
			else {
				transfers.add(new Transfer(id, t, other == null ? "CASH:" + accountId : other, accountId, r.amountFen(),
						channel, null));
			}
		}
		return record(source, reportedBy, sourceRef, transfers);
	}

	/** Remembers an account's institution and holder name (what a bank said of it). */
	public void learn(String accountId, String institution, String holderName, Source source) {
		if (accountId == null || (institution == null && holderName == null)) {
			return;
		}
		String[] before = learned.get(accountId);
		String bank = institution != null ? institution : before == null ? null : before[0];
		String name = holderName != null ? holderName : before == null ? null : before[1];
		if (before != null && Objects.equals(before[0], bank) && Objects.equals(before[1], name)) {
			return;
		}
		learned.put(accountId, new String[] { bank, name, before == null ? null : before[2] });
		int updated = jdbc.sql("UPDATE ledger_account SET institution = ?, holder_name = ? WHERE account_id = ?")
			.params(bank, name, accountId)
			.update();
		if (updated == 0) {
			jdbc.sql(
					"INSERT INTO ledger_account (account_id, institution, holder_name, learned_from) VALUES (?, ?, ?, ?)")
				.params(accountId, bank, name, source.name())
				.update();
		}
	}

	/**
	 * As {@link #learn} for the payers of many transfers at once (the decision journal's
	 * groups): at most one query and two batched statements, where one by one it took an
	 * update and an insert for every account not seen before.
	 * @param accounts the accounts, each with the institution the bank named for it
	 * (holder names are not learned here)
	 */
	public void learnInstitutions(Map<String, String> accounts, Source source) {
		Map<String, String[]> changes = new HashMap<>();
		List<String> unknown = new ArrayList<>();
		accounts.forEach((accountId, institution) -> {
			if (accountId == null || institution == null) {
				return;
			}
			String[] before = learned.get(accountId);
			if (before != null && Objects.equals(before[0], institution)) {
				return;
			}
			changes.put(accountId,
					new String[] { institution, before == null ? null : before[1], before == null ? null : before[2] });
			if (before == null) {
				unknown.add(accountId);
			}
		});
		if (changes.isEmpty()) {
			return;
		}
		// a row another path wrote without this cache knowing
		Set<String> existing = new HashSet<>();
		for (int i = 0; i < unknown.size(); i += 500) {
			existing.addAll(jdbc.sql("SELECT account_id FROM ledger_account WHERE account_id IN (:ids)")
				.param("ids", unknown.subList(i, Math.min(unknown.size(), i + 500)))
				.query(String.class)
				.list());
		}
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		changes.forEach((accountId, l) -> {
			if (learned.containsKey(accountId) || existing.contains(accountId)) {
				updates.add(new Object[] { l[0], l[1], accountId });
			}
			else {
				inserts.add(new Object[] { accountId, l[0], l[1], source.name() });
			}
		});
		if (!updates.isEmpty()) {
			template.batchUpdate("UPDATE ledger_account SET institution = ?, holder_name = ? WHERE account_id = ?",
					updates);
		}
		if (!inserts.isEmpty()) {
			template.batchUpdate(
					"INSERT INTO ledger_account (account_id, institution, holder_name, learned_from) VALUES (?, ?, ?, ?)",
					inserts);
		}
		learned.putAll(changes);
	}

	/** The institution the banks' data names for an account, or null. */
	public String institutionOf(String accountId) {
		String[] l = learned.get(accountId);
		return l == null ? null : l[0];
	}

	private boolean seenFromOtherSide(TransferGraph g, Transfer t) {
		int a = g.accountIndex(t.fromAccount());
		if (a < 0) {
			return false;
		}
		int to = t.toAccount() == null ? TransferGraph.NONE : g.accountIndex(t.toAccount());
		if (t.toAccount() != null && to < 0) {
			return false;
		}
		for (int i = g.firstOut(a); i != TransferGraph.NONE; i = g.nextOut(i)) {
			if (g.to(i) == to && g.amount(i) == t.amountFen()
					&& Math.abs(g.time(i) - t.epochSecond()) <= SAME_TRANSFER_SECONDS) {
				return true;
			}
		}
		return false;
	}

	/** As {@link #seenFromOtherSide} for the committed rows not in the graph yet. */
	private boolean heldFromOtherSide(Transfer t) {
		List<Row> same = heldByPayer.get(t.fromAccount());
		if (same == null) {
			return false;
		}
		for (Row r : same) {
			if (Objects.equals(r.to(), t.toAccount()) && r.amount() == t.amountFen()
					&& Math.abs(r.at() - t.epochSecond()) <= SAME_TRANSFER_SECONDS) {
				return true;
			}
		}
		return false;
	}

	private static void afterCommit(Runnable r) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					r.run();
				}
			});
		}
		else {
			r.run();
		}
	}

	private record Row(long id, String transferId, long at, String from, String to, long amount, String channel,
			String region) {
	}

	/**
	 * A stored transfer as the monitor saw it arrive: who reported it and through which
	 * door.
	 */
	public record Seen(String transferId, long epochSecond, String fromAccount, String toAccount, long amountFen,
			String reportedBy, Source source) {
	}

	/**
	 * The stored transfers from {@code since} on that came from the given doors, in time
	 * order: what a monitor replays after a restart to rebuild its windows. Streams row
	 * by row; nothing is held.
	 */
	public void replay(Instant since, Set<Source> sources, Consumer<Seen> sink) {
		List<String> names = sources.stream().map(Enum::name).toList();
		jdbc.sql("""
				SELECT transfer_id, at, from_account, to_account, amount_fen, reported_by, source FROM ledger_transfer
				WHERE at >= :since AND source IN (:sources) ORDER BY at, id""")
			.param("since", Timestamp.from(since))
			.param("sources", names)
			.query(rs -> {
				sink.accept(new Seen(rs.getString(1), rs.getTimestamp(2).toInstant().getEpochSecond(), rs.getString(3),
						rs.getString(4), rs.getLong(5), rs.getString(6), Source.valueOf(rs.getString(7))));
			});
	}

	/**
	 * Brings the graph up to the committed table, as a reader needs it: every committed
	 * row in, in time order.
	 */
	public void catchUp() {
		catchUp(true);
	}

	/**
	 * Learns the rows committed since the last call. A writer ({@code forRead} false)
	 * only needs to know them for its duplicate checks: rows stay held until they leave
	 * the reorder window, and late ones until the next read. A reader needs them in the
	 * graph: the window is appended, and late rows make it rebuild.
	 */
	private void catchUp(boolean forRead) {
		if (lock.getReadHoldCount() > 0 || lock.isWriteLockedByCurrentThread()) {
			return; // inside a read: the graph must not change under it (and a read lock
					// cannot be upgraded)
		}
		long seen;
		boolean settled;
		lock.readLock().lock();
		try {
			seen = appliedId;
			settled = !forRead || !stale && window.isEmpty();
		}
		finally {
			lock.readLock().unlock();
		}
		List<Row> rows = jdbc.sql("""
				SELECT id, transfer_id, at, from_account, to_account, amount_fen, channel, region FROM ledger_transfer
				WHERE id > ? ORDER BY at, id""")
			.param(seen)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant().getEpochSecond(),
					rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8)))
			.list();
		if (rows.isEmpty() && settled) {
			return;
		}
		lock.writeLock().lock();
		try {
			for (Row r : rows) {
				if (r.id() > appliedId && graph.transferIndex(r.transferId()) < 0
						&& !heldIds.containsKey(r.transferId())) {
					hold(r);
				}
				appliedId = Math.max(appliedId, r.id());
			}
			if (forRead ? stale : late.size() > Math.max(10_000, graph.transfers() / 8)) {
				rebuild();
				return;
			}
			drain(forRead ? Long.MAX_VALUE : newest - REORDER_SECONDS);
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	/**
	 * A committed row the graph does not have yet: into the window, or late if older than
	 * the graph's newest.
	 */
	private void hold(Row r) {
		heldIds.put(r.transferId(), r);
		heldByPayer.computeIfAbsent(r.from(), k -> new ArrayList<>(2)).add(r);
		newest = Math.max(newest, r.at());
		if (r.at() < lastTime(graph)) {
			late.add(r);
			stale = true;
		}
		else {
			window.add(r);
		}
	}

	/**
	 * Appends the window's rows up to a time, in table order (each is at or after the
	 * graph's newest).
	 */
	private void drain(long upTo) {
		while (!window.isEmpty() && (window.first().at() <= upTo || window.size() > WINDOW_ROWS)) {
			Row r = window.pollFirst();
			heldIds.remove(r.transferId());
			List<Row> same = heldByPayer.get(r.from());
			same.remove(r);
			if (same.isEmpty()) {
				heldByPayer.remove(r.from());
			}
			appendLocked(r);
		}
	}

	private void declare(String account) {
		if (account != null && !account.startsWith("CASH:") && graph.accountIndex(account) < 0) {
			graph.addAccount(account, openings.getOrDefault(account, 0L));
		}
	}

	private static long lastTime(TransferGraph g) {
		return g.transfers() == 0 ? Long.MIN_VALUE : g.time(g.transfers() - 1);
	}

	private void rebuild() {
		graph = new TransferGraph();
		regions = new int[1 << 12];
		openings.forEach(graph::addAccount);
		appliedId = 0;
		window.clear();
		late.clear();
		heldIds.clear();
		heldByPayer.clear();
		jdbc.sql(
				"SELECT id, transfer_id, at, from_account, to_account, amount_fen, channel, region FROM ledger_transfer ORDER BY at, id")
			.query(rs -> {
				Row r = new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant().getEpochSecond(),
						rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8));
				appendLocked(r);
				appliedId = Math.max(appliedId, r.id());
			});
		newest = lastTime(graph);
		stale = false;
	}

	private void appendLocked(Row r) {
		String region = r.region();
		int code = region != null && region.length() == 6 && region.chars().allMatch(Character::isDigit)
				? Integer.parseInt(region) : 0;
		// every account a bank names is one of the banking system's (the graph treats
		// undeclared ones as external and
		// does not follow money through them); cash paid in comes from outside
		declare(r.from());
		declare(r.to());
		int i = graph.append(r.transferId(), r.at(), r.from(), r.to(), r.amount(), r.channel());
		if (i >= regions.length) {
			regions = Arrays.copyOf(regions, Math.max(regions.length * 2, i + 1));
		}
		regions[i] = code;
	}

	/**
	 * Money leaving an account: to another account, or in cash ({@code toAccount} null),
	 * with where it happened.
	 */
	public record Movement(String transferId, long epochSecond, String toAccount, long amountFen, String channel,
			String region) {
	}

	/**
	 * An account's outgoing transfers in [fromEpoch, toEpoch], in time order, at most
	 * {@code limit}.
	 */
	public List<Movement> outgoing(String accountId, long fromEpoch, long toEpoch, int limit) {
		return read(g -> {
			List<Movement> out = new ArrayList<>();
			int a = g.accountIndex(accountId);
			if (a < 0) {
				return out;
			}
			for (int t = g.firstOut(a); t != TransferGraph.NONE; t = g.nextOut(t)) {
				if (g.time(t) >= fromEpoch && g.time(t) <= toEpoch) {
					int r = t < regions.length ? regions[t] : 0;
					out.add(new Movement(g.transferId(t), g.time(t), g.to(t) < 0 ? null : g.accountId(g.to(t)),
							g.amount(t), g.channel(t), r == 0 ? null : Integer.toString(r)));
				}
			}
			out.sort(Comparator.comparingLong(Movement::epochSecond));
			return out.size() > limit ? out.subList(0, limit) : out;
		});
	}

	/** A transfer as the ledger has it. */
	public record TransferView(String transferId, long epochSecond, String fromAccount, String toAccount,
			long amountFen, String channel) {
	}

	public Optional<TransferView> transfer(String transferId) {
		return read(g -> {
			int i = g.transferIndex(transferId);
			if (i < 0) {
				return Optional.<TransferView>empty();
			}
			int to = g.to(i);
			return Optional.of(new TransferView(transferId, g.time(i), g.accountId(g.from(i)),
					to < 0 ? null : g.accountId(to), g.amount(i), g.channel(i)));
		});
	}

	/**
	 * An account's transfers in a period, in time order, as a bank's statement (IN /
	 * OUT).
	 */
	public List<StatementRow> statement(String accountId, long fromEpoch, long toEpoch) {
		return read(g -> {
			List<StatementRow> rows = new ArrayList<>();
			int a = g.accountIndex(accountId);
			if (a < 0) {
				return rows;
			}
			for (int t = g.firstIn(a); t != TransferGraph.NONE; t = g.nextIn(t)) {
				if (g.time(t) >= fromEpoch && g.time(t) <= toEpoch) {
					rows.add(row(g, t, StatementRow.Direction.IN, g.accountId(g.from(t))));
				}
			}
			for (int t = g.firstOut(a); t != TransferGraph.NONE; t = g.nextOut(t)) {
				if (g.time(t) >= fromEpoch && g.time(t) <= toEpoch) {
					rows.add(row(g, t, StatementRow.Direction.OUT, g.to(t) < 0 ? null : g.accountId(g.to(t))));
				}
			}
			rows.sort(Comparator.comparing(StatementRow::at));
			return rows;
		});
	}

	private StatementRow row(TransferGraph g, int t, StatementRow.Direction direction, String other) {
		String[] l = other == null ? null : learned.get(other);
		StatementRow.Channel channel = Statements.channel(g.channel(t));
		return new StatementRow(g.transferId(t), Instant.ofEpochSecond(g.time(t)), direction, other,
				l == null ? null : l[0], l == null ? null : l[1], g.amount(t),
				channel == null ? StatementRow.Channel.TRANSFER : channel, null, null);
	}

	/**
	 * The id of a ledger account index (for {@link AccountInfo} implementations); no
	 * catching up, so safe in a read.
	 */
	public String accountIdOf(int account) {
		lock.readLock().lock();
		try {
			return graph.accountId(account);
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** What the banks said of the accounts: declarations, feeds, statements. */
	public AccountInfo accountInfo() {
		AccountInfo other = AccountInfo.NONE;
		return new AccountInfo() {
			@Override
			public String holderName(int account) {
				String[] l = learned.get(accountIdOf(account));
				return l != null && l[1] != null ? l[1] : other.holderName(account);
			}

			@Override
			public String institution(int account) {
				String[] l = learned.get(accountIdOf(account));
				return l != null && l[0] != null ? l[0] : other.institution(account);
			}

			@Override
			public String number(int account) {
				String[] l = learned.get(accountIdOf(account));
				return l != null && l[2] != null ? l[2] : other.number(account);
			}
		};
	}

	/**
	 * Finds a reported payment: by transfer id, else by payee account, amount and time
	 * (within 10 minutes).
	 */
	public int find(String transferId, String payeeAccount, long amountFen, long epochSecond) {
		catchUp();
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

	public <T> T read(Function<TransferGraph, T> reader) {
		catchUp();
		lock.readLock().lock();
		try {
			return reader.apply(graph);
		}
		finally {
			lock.readLock().unlock();
		}
	}

	public TraceResult trace(TraceRequest request) {
		return read(g -> Trace.run(g, request));
	}

	/**
	 * An account's balance now (opening balance plus everything in, less everything out),
	 * or null if unknown.
	 */
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
