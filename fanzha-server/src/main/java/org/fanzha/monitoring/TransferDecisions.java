package org.fanzha.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.fanzha.core.KeyIndex;
import org.fanzha.engine.monitor.Action;
import org.fanzha.engine.monitor.RuleEngine;
import org.fanzha.engine.monitor.RuleSet;
import org.fanzha.engine.monitor.TransferMonitor;
import org.fanzha.platform.InvalidFieldsException;
import org.springframework.stereotype.Service;

/**
 * Decides on banks' transfers one at a time (the engine is single-threaded and fast; callers queue briefly).
 * A transfer id already decided gets the same answer again, so a bank may retry safely; the last million
 * decisions are remembered for that.
 */
@Service
public class TransferDecisions {

	public static final String APPEAL = "账户持有人可向开户机构提出申诉，携带有效身份证件说明资金来源；也可拨打 96110 咨询。核实无误的，限制立即解除（《反电信网络诈骗法》第三十二条）。";

	static final int REMEMBERED = 1_000_000;

	/**
	 * A transfer as a bank reports it.
	 *
	 * @param deviceId the payer's device (IMEI, device fingerprint) or IP address as the bank saw it, optional
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

	/** An account as its bank declares it to the platform (master data shared for tracing). */
	public record AccountIn(String accountId, String holderName, String cardNumber, Long openingBalanceFen) {
	}

	/** A bank declares its accounts: holder, card number, opening balance; all checked first, then stored. */
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
			if (a.holderName() != null && (a.holderName().length() > 100 || a.holderName().chars().anyMatch(Character::isISOControl))) {
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
			ledger.declareAccounts(bank, accounts.stream().map(a -> new org.fanzha.ledger.TransferLedger.Account(a.accountId(),
					a.holderName(), a.cardNumber(), a.openingBalanceFen())).toList(), org.fanzha.ledger.TransferLedger.Source.FEED);
		}
	}

	/** Writes the bank's transfers to the ledger tracing reads: once, whichever door they came through. */
	void record(org.fanzha.ledger.TransferLedger.Source source, String bank, String ref, List<TransferIn> transfers,
			Instant now) {
		if (ledger == null) {
			return; // a monitor on its own: the rules' unit tests
		}
		List<org.fanzha.ledger.TransferLedger.Transfer> rows = new ArrayList<>(transfers.size());
		for (TransferIn t : transfers) {
			rows.add(new org.fanzha.ledger.TransferLedger.Transfer(t.transferId(), (t.time() == null ? now : t.time()).getEpochSecond(),
					t.fromAccount(), t.toAccount() == null || t.toAccount().isEmpty() ? null : t.toAccount(), t.amountFen(),
					t.channel(), t.region()));
		}
		tx.executeWithoutResult(s -> {
			ledger.record(source, bank, ref, rows);
			if (bank != null) {
				for (TransferIn t : transfers) {
					ledger.learn(t.fromAccount(), bank, null, source);
				}
			}
		});
	}

	/** How long a protective freeze holds before the police confirm it with a formal freeze or it is released. */
	static final long PROTECTIVE_FREEZE_SECONDS = 48 * 3_600;

	private final Clock clock;

	private final KeyIndex accounts = new KeyIndex();

	private TransferMonitor monitor;

	private final boolean hasModel;

	/** Accounts (interned) the monitor has already flagged, so that each is announced once. */
	private final java.util.BitSet announced = new java.util.BitSet();

	private final org.springframework.context.ApplicationEventPublisher events;

	private final org.springframework.transaction.support.TransactionTemplate tx;

	private final Map<String, Decision> decided = new LinkedHashMap<>(16, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Decision> eldest) {
			return size() > REMEMBERED;
		}
	};

	/** What the console shows: the latest decisions, counts by decision and reason, recently flagged accounts. */
	public record Recent(String bank, String transferId, String fromAccount, String toAccount, long amountFen, Instant time,
			Decision decision) {
	}

	private final java.util.ArrayDeque<Recent> recent = new java.util.ArrayDeque<>();

	private final Map<String, Long> byDecision = new java.util.TreeMap<>();

	private final Map<String, Long> byReason = new java.util.TreeMap<>();

	private final java.util.LinkedHashSet<String> flagged = new java.util.LinkedHashSet<>();

	private final MeterRegistry meters;

	private final Timer latency;

	private final org.fanzha.ledger.TransferLedger ledger;

	TransferDecisions(Clock clock, MeterRegistry meters, org.springframework.context.ApplicationEventPublisher events,
			org.springframework.transaction.PlatformTransactionManager transactions, MonitoringProperties properties,
			org.fanzha.ledger.TransferLedger ledger) {
		this.ledger = ledger;
		this.clock = clock;
		this.meters = meters;
		this.events = events;
		this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.monitor = new TransferMonitor(RuleSet.parse(TransferMonitor.DEFAULT_RULES), 1 << 16, model(properties));
		this.hasModel = properties.modelFile() != null;
		this.latency = Timer.builder("fanzha.monitoring.decision").description("time to decide on one transfer")
				.publishPercentiles(0.5, 0.99).register(meters);
	}

	private static java.util.function.ToDoubleFunction<double[]> model(MonitoringProperties properties) {
		if (properties.modelFile() == null) {
			return null;
		}
		try {
			org.fanzha.engine.monitor.model.Model m = org.fanzha.engine.monitor.model.ModelFile.load(properties.modelFile(),
					RuleSet.FEATURES);
			return m::score;
		}
		catch (java.io.IOException e) {
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

	/** As {@link #decide(List)}, remembering which bank asked (the console shows a bank its own decisions). */
	public List<Decision> decide(String bank, List<TransferIn> transfers) {
		validate(transfers, 1_000);
		Instant now = clock.instant();
		record(org.fanzha.ledger.TransferLedger.Source.DECISION, bank, null, transfers, now);
		List<Decision> out = new ArrayList<>(transfers.size());
		List<MuleAccountFlagged> flagged = new ArrayList<>(0);
		synchronized (this) {
			for (TransferIn t : transfers) {
				out.add(decideLocked(bank, t, now, flagged));
			}
		}
		publish(flagged);
		return out;
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
				errors.put(at + "channel", "must be a channel code such as TRANSFER, ATM, POS, THIRD_PARTY, GOLD_CRYPTO");
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
		Decision d;
		synchronized (this) {
			d = decideLocked(bank, t, now, flagged);
		}
		publish(flagged);
		return d;
	}

	private Decision decideLocked(String bank, TransferIn t, Instant now, List<MuleAccountFlagged> flagged) {
		Decision previous = decided.get(t.transferId());
		if (previous != null) {
			return previous;
		}
		long start = System.nanoTime();
		long time = (t.time() == null ? now : t.time()).getEpochSecond();
		int from = accounts.getOrAdd(t.fromAccount());
		int to = t.toAccount() == null || t.toAccount().isEmpty() ? -1 : accounts.getOrAdd(t.toAccount());
		RuleEngine.Verdict v = monitor.decide(from, to, t.amountFen(), time,
				org.fanzha.engine.monitor.SharedDevices.key(t.deviceId()));
		Decision d = describe(t.transferId(), v, time);
		latency.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
		meters.counter("fanzha.monitoring.decisions", "decision", d.decision()).increment();
		decided.put(t.transferId(), d);
		note(bank, t, time, d);
		announce(bank, to, t.toAccount(), time, d, flagged);
		return d;
	}

	/**
	 * The first time the monitor acts on a payment into an account, the other modules hear of it: collected under
	 * the lock, published (to the outbox, in its own transaction) after it.
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

	/** The decision already given for a transfer id, or null. */
	public synchronized Decision known(String transferId) {
		return decided.get(transferId);
	}

	/** A victim's report or a freeze confirms the account: payments into it are frozen, money out of it delayed. */
	public synchronized void confirm(String accountId, Instant at) {
		monitor.confirm(accounts.getOrAdd(accountId), at.getEpochSecond());
	}

	/** A verified appeal lifts a confirmation (art. 32). */
	public synchronized void lift(String accountId) {
		int a = accounts.get(accountId);
		if (a >= 0) {
			monitor.lift(a);
			announced.clear(a);
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

	/** Whether the guard has put a rule of the set in force into shadow mode. */
	public synchronized boolean guardAlarm() {
		return monitor.engine().alarm();
	}

	/**
	 * A transfer seen on a feed (the demo's simulated banks) rather than asked about: scored and shown, not kept
	 * for idempotent retries.
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
		Decision d = describe(transferId, v, epochSecond);
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
		return new java.util.TreeMap<>(byDecision);
	}

	/** Reasons by how often they decided, most frequent first. */
	public synchronized List<Map.Entry<String, Long>> topReasons(int n) {
		return byReason.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
				.map(e -> Map.entry(e.getKey(), e.getValue())).toList();
	}

	/** Accounts that received a restricted or reviewed payment, most recent last. */
	public synchronized List<String> flaggedAccounts() {
		return List.copyOf(flagged);
	}

	private Decision describe(String id, RuleEngine.Verdict v, long time) {
		RuleSet rules = monitor.engine().rules();
		List<Decision.Reason> acted = new ArrayList<>();
		List<Decision.Reason> shadow = new ArrayList<>();
		for (int r = 0; r < rules.rules().size(); r++) {
			if ((v.matched & (1L << r)) == 0) {
				continue;
			}
			RuleSet.Rule rule = rules.rules().get(r);
			Decision.Reason reason = new Decision.Reason(rule.id(), rule.reason());
			if (rule.shadow() || monitor.engine().guarded(rule.id())) {
				shadow.add(reason);
			}
			else {
				acted.add(reason);
			}
		}
		boolean restricts = v.action == Action.DELAY || v.action == Action.PROTECTIVE_FREEZE;
		long hold = v.action == Action.PROTECTIVE_FREEZE && v.holdSeconds == 0 ? PROTECTIVE_FREEZE_SECONDS : v.holdSeconds;
		return new Decision(id, v.action.name(), restricts ? Instant.ofEpochSecond(time + hold) : null,
				List.copyOf(acted), List.copyOf(shadow), rules.version(), restricts ? APPEAL : null);
	}
}
