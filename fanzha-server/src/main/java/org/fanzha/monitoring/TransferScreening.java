package org.fanzha.monitoring;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.fanzha.core.KeyIndex;
import org.fanzha.engine.monitor.Action;
import org.fanzha.engine.monitor.RuleEngine;
import org.fanzha.engine.monitor.RuleSet;
import org.fanzha.engine.monitor.SharedDevices;
import org.fanzha.engine.monitor.TransferMonitor;
import org.fanzha.engine.monitor.model.Model;
import org.fanzha.engine.monitor.model.ModelFile;
import org.fanzha.ledger.TransferLedger;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides on banks' transfers one at a time (the engine is single-threaded and fast;
 * callers queue briefly).
 *
 * <p>
 * A transfer is known by its bank and its id: the same bank sending the same id with the
 * same content gets the same answer again, so it may retry safely; the same id with other
 * content is refused (409), and another bank's id never returns this bank's answer. The
 * last million decisions are remembered in a {@link DecisionMemory} (primitive arrays,
 * nothing for the collector to trace) and in {@code monitoring_decision}.
 *
 * <p>
 * Restarts: confirmed accounts are stored as they are confirmed; on start the monitor
 * replays the ledger's decided and fed transfers of the last
 * {@code fanzha.monitoring.replay} (24 h by default: the longest window is a day) with
 * the confirmations in time order, which rebuilds windows, risk signals and the accounts
 * already flagged, then puts the remembered decisions back. The guard counts per bank
 * (see {@code RuleEngine}).
 */
@Service
public class TransferScreening implements SmartInitializingSingleton, DisposableBean {

	public static final String APPEAL = "账户持有人可向开户机构提出申诉，携带有效身份证件说明资金来源；也可拨打 96110 咨询。核实无误的，限制立即解除（《反电信网络诈骗法》第三十二条）。";

	static final int REMEMBERED_SLOTS = 1 << 20;

	static final int REMEMBERED = REMEMBERED_SLOTS;

	/**
	 * A transfer as a bank reports it.
	 *
	 * @param deviceId the payer's device (IMEI, device fingerprint) or IP address as the
	 * bank saw it, optional
	 */
	public record TransferIn(String transferId, String fromAccount, String toAccount, Long amountFen, Instant time,
			String deviceId, String channel, String region) {

		public TransferIn(String transferId, String fromAccount, String toAccount, Long amountFen, Instant time,
				String deviceId) {
			this(transferId, fromAccount, toAccount, amountFen, time, deviceId, null, null);
		}

		public TransferIn(String transferId, String fromAccount, String toAccount, Long amountFen, Instant time) {
			this(transferId, fromAccount, toAccount, amountFen, time, null, null, null);
		}
	}

	/**
	 * An account as its bank declares it to the platform (master data shared for
	 * tracing).
	 */
	public record AccountIn(String accountId, String holderName, String cardNumber, Long openingBalanceFen) {
	}

	/**
	 * A bank declares its accounts: holder, card number, opening balance; all checked
	 * first, then stored.
	 */
	public void declareAccounts(String bank, List<AccountIn> accounts) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (bank == null || accounts == null || accounts.isEmpty() || accounts.size() > 100_000) {
			throw new InvalidFieldsException(Map.of("accounts", "send 1 to 100,000 accounts per request"));
		}
		for (int i = 0; i < accounts.size() && errors.size() < 50; i++) {
			AccountIn a = accounts.get(i);
			String at = "[" + i + "].";
			if (a == null) {
				errors.put("[" + i + "]", "is empty");
				continue;
			}
			if (a.accountId() == null || !a.accountId().matches("[A-Za-z0-9:-]{1,40}")) {
				errors.put(at + "accountId", "must be 1-40 letters, digits, ':' or '-'");
			}
			if (a.holderName() != null
					&& (a.holderName().length() > 100 || a.holderName().chars().anyMatch(Character::isISOControl))) {
				errors.put(at + "holderName", "must be at most 100 printable characters");
			}
			if (a.cardNumber() != null && !a.cardNumber().matches("\\d{12,19}")) {
				errors.put(at + "cardNumber", "must be 12-19 digits");
			}
			if (a.openingBalanceFen() != null && a.openingBalanceFen() < 0) {
				errors.put(at + "openingBalanceFen", "must be >= 0 fen");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		if (ledger != null) {
			ledger.declareAccounts(bank,
					accounts.stream()
						.map(a -> new TransferLedger.Account(a.accountId(), a.holderName(), a.cardNumber(),
								a.openingBalanceFen()))
						.toList(),
					TransferLedger.Source.FEED);
		}
	}

	/**
	 * Writes the bank's transfers to the ledger tracing reads: once, whichever door they
	 * came through.
	 */
	void record(TransferLedger.Source source, String bank, String ref, List<TransferIn> transfers, Instant now) {
		if (ledger == null) {
			return; // a monitor on its own: the rules' unit tests
		}
		tx.executeWithoutResult(s -> recordInTransaction(source, bank, ref, transfers, now));
	}

	private void recordInTransaction(TransferLedger.Source source, String bank, String ref, List<TransferIn> transfers,
			Instant now) {
		if (ledger == null) {
			return;
		}
		ledger.record(source, bank, ref, ledgerRows(transfers, now));
		if (bank != null) {
			Map<String, String> payers = new HashMap<>();
			transfers.forEach(t -> payers.put(t.fromAccount(), bank));
			ledger.learnInstitutions(payers, source);
		}
	}

	private static List<TransferLedger.Transfer> ledgerRows(List<TransferIn> transfers, Instant now) {
		List<TransferLedger.Transfer> rows = new ArrayList<>(transfers.size());
		for (TransferIn t : transfers) {
			rows.add(new TransferLedger.Transfer(t.transferId(), (t.time() == null ? now : t.time()).getEpochSecond(),
					t.fromAccount(), t.toAccount() == null || t.toAccount().isEmpty() ? null : t.toAccount(),
					t.amountFen(), t.channel(), t.region()));
		}
		return rows;
	}

	/**
	 * The journal's writer: a group of requests' transfers and decisions, in one
	 * transaction.
	 */
	private void write(List<DecisionJournal.Entry> group) {
		tx.executeWithoutResult(s -> {
			if (ledger != null) {
				List<TransferLedger.Report> reports = new ArrayList<>(group.size());
				for (DecisionJournal.Entry e : group) {
					reports.add(new TransferLedger.Report(e.bank, null, ledgerRows(e.transfers, e.now)));
				}
				ledger.record(TransferLedger.Source.DECISION, reports);
				Map<String, String> payers = new HashMap<>();
				for (DecisionJournal.Entry e : group) {
					if (e.bank != null) {
						e.transfers.forEach(t -> payers.put(t.fromAccount(), e.bank));
					}
				}
				ledger.learnInstitutions(payers, TransferLedger.Source.DECISION);
			}
			if (stored != null) {
				List<Decisions.Stored> fresh = new ArrayList<>();
				group.forEach(e -> fresh.addAll(e.fresh));
				stored.insert(fresh);
			}
		});
	}

	/** Stops the journal's writer once what is queued is stored. */
	@Override
	public void destroy() {
		journal.close();
	}

	/**
	 * How long a protective freeze holds before the police confirm it with a formal
	 * freeze or it is released.
	 */
	static final long PROTECTIVE_FREEZE_SECONDS = 48 * 3_600;

	private final Clock clock;

	private final KeyIndex accounts = new KeyIndex();

	private TransferMonitor monitor;

	private final boolean hasModel;

	/**
	 * Accounts (interned) the monitor has already flagged, so that each is announced
	 * once.
	 */
	private final BitSet announced = new BitSet();

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final DecisionMemory memory = new DecisionMemory(REMEMBERED_SLOTS);

	/** Stores decisions with their transfers, many requests to a transaction. */
	private final DecisionJournal journal = new DecisionJournal(this::write);

	/**
	 * Banks as guard scopes: 0 is traffic no bank signed (tests, tools), a bank's scope
	 * is its index + 1.
	 */
	private final KeyIndex banks = new KeyIndex();

	private final Decisions stored;

	private final Confirmations confirmations;

	private final MonitoringProperties properties;

	/**
	 * What the console shows: the latest decisions, counts by decision and reason,
	 * recently flagged accounts.
	 */
	public record Recent(String bank, String transferId, String fromAccount, String toAccount, long amountFen,
			Instant time, Decision decision) {
	}

	private final ArrayDeque<Recent> recent = new ArrayDeque<>();

	private final Map<String, Long> byDecision = new TreeMap<>();

	private final Map<String, Long> byReason = new TreeMap<>();

	private final LinkedHashSet<String> flagged = new LinkedHashSet<>();

	private final MeterRegistry meters;

	private final Timer latency;

	private final TransferLedger ledger;

	TransferScreening(Clock clock, MeterRegistry meters, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, MonitoringProperties properties, TransferLedger ledger,
			Decisions stored, Confirmations confirmations) {
		this.ledger = ledger;
		this.stored = stored;
		this.confirmations = confirmations;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
		this.monitor = new TransferMonitor(RuleSet.parse(TransferMonitor.DEFAULT_RULES), 1 << 16, model(properties));
		this.hasModel = properties.modelFile() != null;
		this.latency = Timer.builder("fanzha.monitoring.decision")
			.description("time to decide on one transfer")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
	}

	private static ToDoubleFunction<double[]> model(MonitoringProperties properties) {
		if (properties.modelFile() == null) {
			return null;
		}
		try {
			Model m = ModelFile.load(properties.modelFile(), RuleSet.FEATURES);
			return m::score;
		}
		catch (IOException e) {
			throw new IllegalStateException("fanzha.monitoring.model-file: cannot read " + properties.modelFile(), e);
		}
	}

	/** Whether a learned model feeds the rules. */
	public boolean hasModel() {
		return hasModel;
	}

	/** Validates all, then decides each in order. */
	public List<Decision> decide(List<TransferIn> transfers) {
		return decide(null, transfers);
	}

	/**
	 * As {@link #decide(List)}, remembering which bank asked (the console shows a bank
	 * its own decisions).
	 */
	public List<Decision> decide(String bank, List<TransferIn> transfers) {
		validate(transfers, 1_000);
		Instant now = clock.instant();
		List<Decision> out = new ArrayList<>(transfers.size());
		List<MuleAccountFlagged> flagged = new ArrayList<>(0);
		List<Decisions.Stored> fresh = new ArrayList<>(transfers.size());
		DecisionJournal.Entry entry;
		synchronized (this) {
			refuseReusedIds(bank, transfers);
			for (TransferIn t : transfers) {
				out.add(decideLocked(bank, t, now, flagged, fresh));
			}
			try {
				entry = journal.append(bank, transfers, fresh, now); // under the lock: a
																		// retry queues
																		// after the
																		// original
			}
			catch (RuntimeException e) {
				fresh.forEach(f -> memory.forget(DecisionMemory.key(f.bank(), f.transferId()))); // stopping:
																									// not
																									// stored
				throw e;
			}
		}
		keep(entry);
		publish(flagged);
		return out;
	}

	/**
	 * Another transfer under an id this bank already used: refused before anything is
	 * decided or stored.
	 */
	private void refuseReusedIds(String bank, List<TransferIn> transfers) {
		Map<Long, Long> batch = transfers.size() == 1 ? Map.of() : new HashMap<>();
		for (TransferIn t : transfers) {
			long key = DecisionMemory.key(bank, t.transferId());
			long digest = DecisionMemory.digest(t.fromAccount(), t.toAccount(), t.amountFen(), t.time());
			int slot = memory.find(key);
			Long earlier = slot != DecisionMemory.ABSENT ? Long.valueOf(memory.digestAt(slot))
					: transfers.size() == 1 ? null : batch.putIfAbsent(key, digest);
			if (earlier != null && earlier != digest) {
				throw new ConflictException("transferId " + t.transferId()
						+ " was already decided for another transfer (payer, payee, amount or time differ); "
						+ "a new transfer needs a new transferId");
			}
		}
	}

	/**
	 * Waits until what was decided is stored with the transfers (the journal's group
	 * commit). If that fails the new answers are forgotten, so the bank's retry is
	 * decided and stored afresh instead of answered from memory alone.
	 */
	private void keep(DecisionJournal.Entry entry) {
		try {
			entry.await();
		}
		catch (RuntimeException e) {
			synchronized (this) {
				for (Decisions.Stored f : entry.fresh) {
					memory.forget(DecisionMemory.key(f.bank(), f.transferId()));
				}
			}
			throw e;
		}
	}

	/** Checks every transfer; all errors at once, by index for a batch. */
	public void validate(List<TransferIn> transfers, int max) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (transfers == null || transfers.isEmpty() || transfers.size() > max) {
			throw new InvalidFieldsException(Map.of("transfers", "send 1 to %,d transfers per request".formatted(max)));
		}
		Instant now = clock.instant();
		for (int i = 0; i < transfers.size(); i++) {
			TransferIn t = transfers.get(i);
			String at = transfers.size() == 1 ? "" : "[" + i + "].";
			if (t == null) {
				errors.put(at + "transfer", "is empty");
				continue;
			}
			if (t.transferId() == null || t.transferId().isBlank() || t.transferId().length() > 64) {
				errors.put(at + "transferId", "must be 1-64 characters");
			}
			if (t.fromAccount() == null || !t.fromAccount().matches("[A-Za-z0-9:-]{1,40}")) {
				errors.put(at + "fromAccount", "must be 1-40 letters, digits, ':' or '-'");
			}
			if (t.toAccount() != null && !t.toAccount().isEmpty() && !t.toAccount().matches("[A-Za-z0-9:-]{1,40}")) {
				errors.put(at + "toAccount", "must be 1-40 letters, digits, ':' or '-' (empty for cash)");
			}
			if (t.amountFen() == null || t.amountFen() <= 0 || t.amountFen() > 100_000_000_000L) {
				errors.put(at + "amountFen", "must be > 0 fen (and at most ¥1,000,000,000)");
			}
			if (t.time() != null && t.time().isAfter(now.plusSeconds(300))) {
				errors.put(at + "time", "must not be in the future");
			}
			if (t.deviceId() != null && t.deviceId().length() > 64) {
				errors.put(at + "deviceId", "must be at most 64 characters");
			}
			if (t.channel() != null && !t.channel().matches("[A-Z_]{2,16}")) {
				errors.put(at + "channel",
						"must be a channel code such as TRANSFER, ATM, POS, THIRD_PARTY, GOLD_CRYPTO");
			}
			if (t.region() != null && !t.region().matches("\\d{6}")) {
				errors.put(at + "region", "must be a six-digit GB/T 2260 code");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
	}

	/** One validated transfer: the earlier answer for a known id, else a new decision. */
	Decision decideOne(String bank, TransferIn t, Instant now) {
		List<MuleAccountFlagged> flagged = new ArrayList<>(0);
		List<Decisions.Stored> fresh = new ArrayList<>(1);
		Decision d;
		synchronized (this) {
			long key = DecisionMemory.key(bank, t.transferId());
			int slot = memory.find(key);
			if (slot != DecisionMemory.ABSENT && memory.digestAt(slot) != DecisionMemory.digest(t.fromAccount(),
					t.toAccount(), t.amountFen(), t.time())) {
				memory.forget(key); // a feed's row reusing an id: decided as the new
									// transfer it is
			}
			d = decideLocked(bank, t, now, flagged, fresh);
		}
		if (stored != null && !fresh.isEmpty()) {
			tx.executeWithoutResult(s -> stored.insert(fresh));
		}
		publish(flagged);
		return d;
	}

	private Decision decideLocked(String bank, TransferIn t, Instant now, List<MuleAccountFlagged> flagged,
			List<Decisions.Stored> fresh) {
		long key = DecisionMemory.key(bank, t.transferId());
		int slot = memory.find(key);
		if (slot != DecisionMemory.ABSENT) {
			return memory.decisionAt(slot, t.transferId());
		}
		long start = System.nanoTime();
		long time = (t.time() == null ? now : t.time()).getEpochSecond();
		int from = accounts.getOrAdd(t.fromAccount());
		int to = t.toAccount() == null || t.toAccount().isEmpty() ? -1 : accounts.getOrAdd(t.toAccount());
		RuleEngine.Verdict v = monitor.decide(from, to, t.amountFen(), time, SharedDevices.key(t.deviceId()),
				scope(bank));
		Decision d = describe(t.transferId(), v, time, scope(bank));
		latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		meters.counter("fanzha.monitoring.decisions", "decision", d.decision()).increment();
		long digest = DecisionMemory.digest(t.fromAccount(), t.toAccount(), t.amountFen(), t.time());
		memory.put(key, digest, time, d);
		fresh.add(new Decisions.Stored(bank, t.transferId(), digest, time, d));
		note(bank, t, time, d);
		announce(bank, to, t.toAccount(), time, d, flagged);
		return d;
	}

	private int scope(String bank) {
		return bank == null ? 0 : banks.getOrAdd(bank) + 1;
	}

	/**
	 * The first time the monitor acts on a payment into an account, the other modules
	 * hear of it: collected under the lock, published (to the outbox, in its own
	 * transaction) after it.
	 */
	private void announce(String bank, int to, String account, long time, Decision d, List<MuleAccountFlagged> out) {
		if (to < 0 || d.reasons().isEmpty() || announced.get(to)
				|| Action.valueOf(d.decision()).compareTo(Action.REVIEW) < 0) {
			return;
		}
		announced.set(to);
		String institution = account.contains(":") ? account.substring(0, account.indexOf(':')) : bank;
		MuleAccountFlagged event = new MuleAccountFlagged(account, institution, d.decision(),
				d.reasons().stream().map(Decision.Reason::rule).toList(), d.reasons().get(0).text(),
				Instant.ofEpochSecond(time));
		out.add(event);
	}

	private void publish(List<MuleAccountFlagged> flagged) {
		if (!flagged.isEmpty()) {
			tx.executeWithoutResult(status -> flagged.forEach(events::publishEvent));
		}
	}

	/** The decision already given to this bank for a transfer id, or null. */
	public synchronized Decision known(String bank, String transferId) {
		int slot = memory.find(DecisionMemory.key(bank, transferId));
		return slot == DecisionMemory.ABSENT ? null : memory.decisionAt(slot, transferId);
	}

	/**
	 * A victim's report or a freeze confirms the account: payments into it are frozen,
	 * money out of it delayed. Stored first, so that a restart still knows it.
	 */
	public void confirm(String accountId, Instant at) {
		if (confirmations != null) {
			confirmations.insert(accountId, at);
		}
		synchronized (this) {
			monitor.confirm(accounts.getOrAdd(accountId), at.getEpochSecond());
		}
	}

	/** A verified appeal lifts a confirmation (art. 32). */
	public void lift(String accountId) {
		if (confirmations != null) {
			confirmations.lift(accountId, clock.instant());
		}
		synchronized (this) {
			int a = accounts.get(accountId);
			if (a >= 0) {
				monitor.lift(a);
				announced.clear(a);
			}
		}
	}

	/**
	 * Rebuilds the monitor from what is stored, before the server takes requests:
	 * confirmations and the ledger's recent decided and fed transfers in time order
	 * (windows, risk, flagged accounts), then the remembered decisions. Nothing is
	 * published again: those events went out when they happened.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		if (ledger == null || stored == null || confirmations == null) {
			return;
		}
		long started = System.nanoTime();
		Instant now = clock.instant();
		long since = now.minus(properties.replayOrDefault()).getEpochSecond();
		List<Confirmations.Confirmation> confirmed = confirmations.all();
		int[] next = { 0 };
		long[] replayed = { 0 };
		List<MuleAccountFlagged> discarded = new ArrayList<>();
		synchronized (this) {
			ledger.replay(Instant.ofEpochSecond(since),
					EnumSet.of(TransferLedger.Source.DECISION, TransferLedger.Source.FEED), t -> {
						while (next[0] < confirmed.size() && confirmed.get(next[0]).confirmedAt() <= t.epochSecond()) {
							replayConfirmation(confirmed.get(next[0]++), t.epochSecond());
						}
						int from = accounts.getOrAdd(t.fromAccount());
						int to = t.toAccount() == null ? -1 : accounts.getOrAdd(t.toAccount());
						RuleEngine.Verdict v = monitor.decide(from, to, t.amountFen(), t.epochSecond(), 0,
								scope(t.reportedBy()));
						if (to >= 0 && v.action.compareTo(Action.REVIEW) >= 0) {
							announce(t.reportedBy(), to, t.toAccount(), t.epochSecond(),
									describe(t.transferId(), v, t.epochSecond(), scope(t.reportedBy())), discarded);
						}
						replayed[0]++;
					});
			while (next[0] < confirmed.size()) {
				replayConfirmation(confirmed.get(next[0]++), now.getEpochSecond());
			}
			stored.newest(REMEMBERED, r -> {
				memory.put(DecisionMemory.key(r.bank(), r.transferId()), r.digest(), r.decidedAt(), r.decision());
				byDecision.merge(r.decision().decision(), 1L, Long::sum);
			});
		}
		LoggerFactory.getLogger(TransferScreening.class)
			.info("Monitor rebuilt: {} confirmed accounts, {} transfers since {} replayed, {} decisions remembered ({} ms)",
					confirmed.size(), replayed[0], Instant.ofEpochSecond(since), memory.size(),
					(System.nanoTime() - started) / 1_000_000);
	}

	private void replayConfirmation(Confirmations.Confirmation c, long now) {
		if (c.liftedAt() != null && c.liftedAt() <= now) {
			return; // lifted before this point: as if it had been lifted at once (the
					// risk it left has decayed)
		}
		monitor.confirm(accounts.getOrAdd(c.accountId()), c.confirmedAt());
	}

	/**
	 * Forgets stored decisions past the retry horizon; memory holds at most a million
	 * anyway.
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void prune() {
		if (stored != null) {
			stored.prune(clock.instant().minus(Duration.ofDays(7)));
		}
	}

	/** Whether the monitor treats the account as confirmed (hops 0). */
	public synchronized boolean confirmed(String accountId) {
		int a = accounts.get(accountId);
		return a >= 0 && monitor.risk().hops(a, clock.instant().getEpochSecond()) == 0;
	}

	/** Puts a rule set in force; the accounts' state carries over. */
	synchronized void useRules(RuleSet rules) {
		monitor = monitor.withRules(rules);
	}

	public synchronized RuleSet rules() {
		return monitor.engine().rules();
	}

	/**
	 * Whether the guard has put a rule of the set in force into shadow mode for any bank.
	 */
	public synchronized boolean guardAlarm() {
		return monitor.engine().alarm();
	}

	/**
	 * The banks for which the guard has put a rule into shadow mode (the centre is
	 * alarmed; others are unaffected).
	 */
	public synchronized List<String> guardAlarms() {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < banks.size(); i++) {
			if (monitor.engine().alarm(i + 1)) {
				out.add(banks.name(i));
			}
		}
		return out;
	}

	/**
	 * A transfer seen on a feed (the demo's simulated banks) rather than asked about:
	 * scored and shown, not kept for idempotent retries.
	 */
	public Decision observe(String bank, String transferId, String fromAccount, String toAccount, long amountFen,
			long epochSecond) {
		List<MuleAccountFlagged> flagged = new ArrayList<>(0);
		Decision d;
		synchronized (this) {
			d = observeLocked(bank, transferId, fromAccount, toAccount, amountFen, epochSecond, flagged);
		}
		publish(flagged);
		return d;
	}

	private Decision observeLocked(String bank, String transferId, String fromAccount, String toAccount, long amountFen,
			long epochSecond, List<MuleAccountFlagged> flagged) {
		int from = accounts.getOrAdd(fromAccount);
		int to = toAccount == null ? -1 : accounts.getOrAdd(toAccount);
		RuleEngine.Verdict v = monitor.decide(from, to, amountFen, epochSecond);
		Decision d = describe(transferId, v, epochSecond, 0);
		meters.counter("fanzha.monitoring.decisions", "decision", d.decision()).increment();
		note(bank, new TransferIn(transferId, fromAccount, toAccount, amountFen, Instant.ofEpochSecond(epochSecond)),
				epochSecond, d);
		announce(bank, to, toAccount, epochSecond, d, flagged);
		return d;
	}

	private void note(String bank, TransferIn t, long time, Decision d) {
		recent.addFirst(new Recent(bank, t.transferId(), t.fromAccount(), t.toAccount(), t.amountFen(),
				Instant.ofEpochSecond(time), d));
		while (recent.size() > 200) {
			recent.removeLast();
		}
		byDecision.merge(d.decision(), 1L, Long::sum);
		for (Decision.Reason r : d.reasons()) {
			byReason.merge(r.rule() + " " + r.text(), 1L, Long::sum);
		}
		if (!"ALLOW".equals(d.decision()) && t.toAccount() != null && !t.toAccount().isEmpty()) {
			flagged.remove(t.toAccount());
			flagged.add(t.toAccount());
			if (flagged.size() > 500) {
				flagged.remove(flagged.iterator().next());
			}
		}
	}

	/** The latest decisions, newest first; for a bank only those it asked for. */
	public synchronized List<Recent> recent(String bankOrNull, int limit) {
		return recent.stream().filter(r -> bankOrNull == null || bankOrNull.equals(r.bank())).limit(limit).toList();
	}

	public synchronized Map<String, Long> countsByDecision() {
		return new TreeMap<>(byDecision);
	}

	/** Reasons by how often they decided, most frequent first. */
	public synchronized List<Map.Entry<String, Long>> topReasons(int n) {
		return byReason.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(n)
			.map(e -> Map.entry(e.getKey(), e.getValue()))
			.toList();
	}

	/** Accounts that received a restricted or reviewed payment, most recent last. */
	public synchronized List<String> flaggedAccounts() {
		return List.copyOf(flagged);
	}

	private Decision describe(String id, RuleEngine.Verdict v, long time, int scope) {
		RuleSet rules = monitor.engine().rules();
		List<Decision.Reason> acted = new ArrayList<>();
		List<Decision.Reason> shadow = new ArrayList<>();
		for (int r = 0; r < rules.rules().size(); r++) {
			if ((v.matched & (1L << r)) == 0) {
				continue;
			}
			RuleSet.Rule rule = rules.rules().get(r);
			Decision.Reason reason = new Decision.Reason(rule.id(), rule.reason());
			if (rule.shadow() || monitor.engine().guarded(rule.id(), scope)) {
				shadow.add(reason);
			}
			else {
				acted.add(reason);
			}
		}
		boolean restricts = v.action == Action.DELAY || v.action == Action.PROTECTIVE_FREEZE;
		long hold = v.action == Action.PROTECTIVE_FREEZE && v.holdSeconds == 0 ? PROTECTIVE_FREEZE_SECONDS
				: v.holdSeconds;
		return new Decision(id, v.action.name(), restricts ? Instant.ofEpochSecond(time + hold) : null,
				List.copyOf(acted), List.copyOf(shadow), rules.version(), restricts ? APPEAL : null);
	}

}
