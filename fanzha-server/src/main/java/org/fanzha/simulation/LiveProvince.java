package org.fanzha.simulation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.fanzha.core.Beijing;
import org.fanzha.engine.telecom.LongIndex;
import org.fanzha.engine.telecom.SimMonitor;
import org.fanzha.identity.AgencyType;
import org.fanzha.kafka.SimulatedClients;
import org.fanzha.monitoring.Decision;
import org.fanzha.monitoring.TransferScreening;
import org.fanzha.sim.world.CaseReport;
import org.fanzha.sim.world.EventSink;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.Simulator;
import org.fanzha.sim.world.TransferChannel;
import org.fanzha.sim.world.World;
import org.fanzha.telecom.SimControl;
import org.fanzha.warnings.SignalIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Runs the simulated province on one background thread, paced so that simulated time
 * advances {@code speedup} times faster than real time, and fans its events out to
 * subscribers. When the window of the preset is over, the province stays as it is (the
 * counters keep their final values).
 */
@Service
public class LiveProvince implements ProvinceFeed, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveProvince.class);

	private static final int RECENT = 20;

	private final SimulationProperties properties;

	private final ApplicationEventPublisher events;

	private final List<TransferListener> transferListeners = new CopyOnWriteArrayList<>();

	private final List<CallListener> callListeners = new CopyOnWriteArrayList<>();

	private final AtomicLong transfers = new AtomicLong();

	private final AtomicLong amount = new AtomicLong();

	private final AtomicLong calls = new AtomicLong();

	private final AtomicLong texts = new AtomicLong();

	private final AtomicLong cases = new AtomicLong();

	private final AtomicLong loss = new AtomicLong();

	private final Deque<SimulatedCaseReported> recent = new ArrayDeque<>();

	private volatile long simulatedTime = -1;

	private volatile boolean running;

	private volatile int persons;

	private volatile int accountCount;

	private Thread thread;

	private final BankBooks books;

	private final TransferScreening decisions;

	/**
	 * Transfers waiting to be sent to the platform, per simulated bank (a bank sends
	 * batches, as a feed would).
	 */
	private final Map<String, List<TransferScreening.TransferIn>> outbox = new HashMap<>();

	private final Map<String, int[]> outboxPayers = new HashMap<>();

	private long lastSend = System.currentTimeMillis();

	private int waiting;

	static final int BATCH = 500;

	private volatile World world;

	private final SimControl sims;

	private final SignalIntake warnings;

	/**
	 * Phone ⇒ index into {@link #holderOfPhone}: who holds each of the world's SIMs, to
	 * find a callee's county.
	 */
	private volatile LongIndex phones;

	private volatile int[] holderOfPhone;

	LiveProvince(SimulationProperties properties, ApplicationEventPublisher events, BankBooks books,
			TransferScreening decisions, SimControl sims, SignalIntake warnings,
			ObjectProvider<SimulatedClients> kafka) {
		this.kafka = kafka.getIfAvailable();
		this.sims = sims;
		this.warnings = warnings;
		this.properties = properties;
		this.events = events;
		this.books = books;
		this.decisions = decisions;
	}

	/**
	 * With {@code demo --kafka}: the banks and operators produce to Kafka instead of
	 * calling the services.
	 */
	private final SimulatedClients kafka;

	/** The running world, or null before it is built. */
	World world() {
		return world;
	}

	@Override
	public void subscribe(TransferListener listener) {
		transferListeners.add(listener);
	}

	@Override
	public void subscribe(CallListener listener) {
		callListeners.add(listener);
	}

	@Override
	public void start() {
		if (!properties.enabled() || running) {
			return;
		}
		SimConfig preset = SimConfig.preset(properties.preset(), properties.seed());
		// replay the days just before today, so every simulated event is in the
		// platform's past
		SimConfig config = preset.withStart(LocalDate.now(Beijing.ZONE).minusDays(preset.days()));
		running = true;
		thread = new Thread(() -> run(config), "fanzha-province");
		thread.setDaemon(true);
		thread.start();
	}

	private void run(SimConfig config) {
		try {
			World world = new World(config);
			books.open(world);
			declareAccounts(world);
			int simCount = world.population.sims();
			LongIndex index = new LongIndex(simCount);
			int[] holders = new int[simCount];
			for (int s = 0; s < simCount; s++) {
				int i = index.getOrAdd(world.population.simPhone(s));
				if (i < holders.length) {
					holders[i] = world.population.simHolder(s);
				}
			}
			phones = index;
			holderOfPhone = holders;
			this.world = world;
			persons = world.population.persons;
			accountCount = world.population.accounts();
			log.info("Simulated province '{}' (seed {}): {} persons, {} accounts, speed-up {}x", config.preset(),
					config.seed(), persons, accountCount, properties.speedup());
			Simulator simulator = new Simulator(world);
			Pacer sink = new Pacer(simulator.startTime(), System.currentTimeMillis());
			sink.begin(world);
			while (running && simulator.step(sink)) {
				// the pacer sleeps inside the hour's events
			}
			send();
			log.info("Simulated province finished its window: {} transfers, {} cases", transfers.get(), cases.get());
		}
		catch (RuntimeException e) {
			if (running) {
				log.error("Simulated province stopped", e);
			}
		}
		finally {
			running = false;
		}
	}

	/**
	 * Each simulated bank declares its accounts to the platform (holder, card number,
	 * opening balance) through the same service as
	 * {@code POST /api/v1/transfers/accounts}.
	 */
	private void declareAccounts(World world) {
		Map<String, List<TransferScreening.AccountIn>> byBank = new TreeMap<>();
		for (int a = 0; a < world.population.accounts(); a++) {
			String card = world.population.cardNumber(a);
			byBank.computeIfAbsent(world.population.institutionCode(a), k -> new ArrayList<>())
				.add(new TransferScreening.AccountIn("A" + a, world.population.holderName(a),
						card.isEmpty() ? null : card, world.population.openingBalance(a)));
		}
		byBank.forEach((bank, accounts) -> {
			for (int i = 0; i < accounts.size(); i += 50_000) {
				decisions.declareAccounts(bank, accounts.subList(i, Math.min(accounts.size(), i + 50_000)));
			}
		});
	}

	/**
	 * Sends the waiting transfers, bank by bank, and acts on the platform's decisions as
	 * a bank would.
	 */
	private void send() {
		World w = world;
		for (var e : outbox.entrySet()) {
			List<TransferScreening.TransferIn> batch = e.getValue();
			if (batch.isEmpty()) {
				continue;
			}
			int[] payers = outboxPayers.get(e.getKey());
			try {
				if (kafka != null) {
					// the decisions come back on the decisions topic; the payer is not
					// warned from here
					kafka.transfers(e.getKey(), batch);
					batch.clear();
					continue;
				}
				List<Decision> ds = decisions.decide(e.getKey(), batch);
				for (int i = 0; i < ds.size(); i++) {
					warnPayer(ds.get(i), payers[i], batch.get(i).amountFen(), batch.get(i).time().getEpochSecond());
				}
			}
			catch (RuntimeException ex) {
				log.warn("Simulated bank {} could not send {} transfers: {}", e.getKey(), batch.size(),
						ex.getMessage());
			}
			batch.clear();
		}
		waiting = 0;
		lastSend = System.currentTimeMillis();
	}

	/** An EventSink that holds each event back until its simulated time has come. */
	private final class Pacer implements EventSink {

		private final long simStart;

		private final long wallStart;

		private String[] regions = new String[0];

		@Override
		public void begin(World world) {
			regions = new String[world.population.counties()];
			for (int c = 0; c < regions.length; c++) {
				regions[c] = world.countyCode(c);
			}
		}

		Pacer(long simStart, long wallStart) {
			this.simStart = simStart;
			this.wallStart = wallStart;
		}

		private void waitFor(long epochSecond) {
			simulatedTime = epochSecond;
			long due = wallStart + (long) ((epochSecond - simStart) * 1000 / properties.speedup());
			long ahead = due - System.currentTimeMillis();
			if (waiting > 0 && (ahead > 20 || waiting >= BATCH || System.currentTimeMillis() - lastSend > 1_000)) {
				send();
				ahead = due - System.currentTimeMillis();
			}
			if (ahead > 20) {
				try {
					Thread.sleep(ahead);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					running = false;
					throw new IllegalStateException("interrupted");
				}
			}
		}

		@Override
		public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel,
				int county) {
			waitFor(time);
			books.append("T" + id, time, "A" + from, to < 0 ? null : "A" + to, amountFen, channel.name());
			// the payer's bank sends the transfer to the platform (ledger and monitor),
			// in batches
			String bank = world == null ? "SIM" : world.population.institutionCode(from);
			List<TransferScreening.TransferIn> batch = outbox.computeIfAbsent(bank, k -> new ArrayList<>());
			int[] payers = outboxPayers.computeIfAbsent(bank, k -> new int[BATCH]);
			if (batch.size() >= BATCH) {
				send();
			}
			payers[batch.size()] = from;
			batch.add(new TransferScreening.TransferIn("T" + id, "A" + from, to < 0 ? null : "A" + to, amountFen,
					Instant.ofEpochSecond(time), null, channel.name(), regions[county]));
			waiting++;
			transfers.incrementAndGet();
			amount.addAndGet(amountFen);
			if (!transferListeners.isEmpty()) {
				String region = regions[county];
				for (TransferListener l : transferListeners) {
					l.onTransfer("T" + id, time, "A" + from, to < 0 ? null : "A" + to, amountFen, channel.name(),
							region);
				}
			}
		}

		@Override
		public void call(long id, long time, long caller, long callee, int duration, boolean answered, int county,
				long imei) {
			calls.incrementAndGet();
			// the simulated operators send their call records to the SIM monitor, so
			// measures appear live
			if (kafka != null) {
				kafka.call(true, caller, callee, time, duration, answered, regions[county], imei);
			}
			else {
				sims.observe(true, caller, callee, time, duration, answered, county, imei);
			}
			// ... and warn the people fraud numbers reach
			contact(true, caller, callee, time, duration, answered);
			for (CallListener l : callListeners) {
				l.onCall(time, caller, callee, duration, regions[county], imei);
			}
		}

		@Override
		public void sms(long id, long time, long sender, long receiver, int county) {
			texts.incrementAndGet();
			if (kafka != null) {
				kafka.call(false, sender, receiver, time, 0, true, regions[county], SimMonitor.UNKNOWN);
			}
			else {
				sims.observe(false, sender, receiver, time, 0, true, county, SimMonitor.UNKNOWN);
			}
			contact(false, sender, receiver, time, 0, true);
		}

		@Override
		public void caseReport(CaseReport c) {
			// the banks' transfers reach the platform before the victim's report does
			send();
			cases.incrementAndGet();
			loss.addAndGet(c.lossFen());
			SimulatedCaseReported event = new SimulatedCaseReported("C" + c.caseId(),
					Instant.ofEpochSecond(c.reportTime()), "P" + c.victim(), c.type().domainType().name(),
					regions[c.county()], c.lossFen(),
					Arrays.stream(c.reportedTransfers()).mapToObj(t -> "T" + t).toList(),
					Arrays.stream(c.suspectPhones()).mapToObj(Long::toString).toList(), c.suspectAppOrUrl(),
					c.suspectIm());
			synchronized (recent) {
				recent.addFirst(event);
				while (recent.size() > RECENT) {
					recent.removeLast();
				}
			}
			events.publishEvent(event);
		}

	}

	/**
	 * The payee-side rules: a payer sending money there is likely being defrauded right
	 * now.
	 */
	private static final Set<String> RISKY_PAYEE = Set.of("TO_CONFIRMED", "FAN_IN", "QUICK_OUT", "FLAGGED_IN");

	/**
	 * The simulated banks send the platform a signal when the monitor warned a payer or
	 * held a payment into a risky account, as a real bank does through the warnings API.
	 */
	private void warnPayer(Decision d, int from, long amountFen, long time) {
		World w = world;
		if (d == null || w == null || "ALLOW".equals(d.decision())) {
			return;
		}
		String kind = null;
		for (Decision.Reason r : d.reasons()) {
			if (RISKY_PAYEE.contains(r.rule())) {
				kind = "TRANSFER_TO_RISKY_ACCOUNT";
			}
			else if (kind == null && "WARN_PAYER".equals(d.decision())) {
				kind = "PAYER_WARNING";
			}
		}
		if (kind == null) {
			return;
		}
		int person = w.population.holderPerson(from);
		if (person < 0) {
			return;
		}
		try {
			warnings.signals(AgencyType.BANK, w.population.institutionCode(from) + "/simulated-bank",
					List.of(new SignalIntake.SignalIn(kind, Long.toString(w.population.phoneOf(person)),
							w.population.name(person), null, w.population.countyOf(person).value(), null, null, null,
							null, amountFen, null, Instant.ofEpochSecond(time))));
		}
		catch (RuntimeException e) {
			log.debug("warning signal for transfer at {} not taken: {}", time, e.getMessage());
		}
	}

	/**
	 * A call or text: only those from known fraud numbers to the world's people become
	 * signals.
	 */
	private void contact(boolean call, long caller, long callee, long time, int seconds, boolean answered) {
		World w = world;
		LongIndex index = phones;
		if (w == null || index == null || !warnings.isFraudNumber(caller)) {
			return;
		}
		int i = index.get(callee);
		if (i < 0 || i >= holderOfPhone.length) {
			return;
		}
		try {
			warnings.observeContact(call, caller, callee, time, seconds, answered,
					w.population.countyOf(holderOfPhone[i]).value());
		}
		catch (RuntimeException e) {
			log.debug("warning signal for call at {} not taken: {}", time, e.getMessage());
		}
	}

	public ProvinceStatus status() {
		List<SimulatedCaseReported> cs;
		synchronized (recent) {
			cs = new ArrayList<>(recent);
		}
		long t = simulatedTime;
		return new ProvinceStatus(running, properties.preset(), properties.seed(), properties.speedup(), persons,
				accountCount, t < 0 ? null : Instant.ofEpochSecond(t), transfers.get(), amount.get(), calls.get(),
				texts.get(), cases.get(), loss.get(), cs);
	}

	public boolean enabled() {
		return properties.enabled();
	}

	@Override
	public void stop() {
		running = false;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
