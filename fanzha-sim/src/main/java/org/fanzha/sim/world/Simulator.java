package org.fanzha.sim.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

import org.fanzha.core.Money;
import org.fanzha.sim.typology.Typology;

/**
 * Runs a {@link World} hour by hour and streams what happens to an {@link EventSink}.
 *
 * <p>
 * Algorithm: a discrete-event simulation with an hourly frame. Ordinary life (purchases,
 * bills, family transfers, salaries, ATM withdrawals, calls and texts) is drawn per hour
 * as Poisson counts shaped by a daily rhythm and written into primitive column buffers.
 * Fraud is a priority queue of scheduled events — a victim's contact calls, payments, a
 * mule account forwarding money after its dwell time, a report — processed in time order
 * up to the end of the hour, each possibly scheduling more. The hour's buffers are then
 * sorted by time (one primitive long sort of time‖index keys) and emitted, which is where
 * transfer ids are assigned; ground truth refers to ids through tags resolved at
 * emission. Victims are planned for the whole window up front (they are few), so a con
 * that started before the hour still has its calls in the right hour.
 *
 * <p>
 * Cost: O(events · log events-per-hour) time; memory bounded by the population tables
 * plus one hour of events and the pending fraud queue. Deterministic: one seed, fixed
 * sub-streams, no hash-order iteration.
 *
 * <p>
 * Reacting world ({@link Reactions#on()}): the gangs ask a {@link Countermeasures} what
 * the platform decided before the hour being generated and react after a drawn delay: a
 * restricted SIM is dropped for a spare bought one, a mule account with money held or
 * stopped is routed around (a spare takes its place), a gang that has seen a stop moves
 * money faster and in more parts, a probing gang keeps its transfers under the amounts it
 * saw held, and a gang whose cases were linked rotates its app, website and chat groups.
 * The static world never asks and draws exactly what it drew before reactions existed.
 *
 * <p>
 * Calibration of ordinary life (assumptions, docs/simulator.md): per person and day 0.8
 * POS purchases, 0.7 online payments, 0.05 bills, 0.15 transfers to contacts, 0.04 ATM
 * withdrawals (about 1.7 payments a day, against roughly 0.9 bank non-cash plus 2
 * payment-institution payments per person and day in the PBoC's 2022 payment-system
 * figures, recalled), monthly salaries or pensions, 2 calls and 0.3 text messages.
 */
public final class Simulator {

	static final double POS_PER_DAY = 0.8;

	static final double ONLINE_PER_DAY = 0.7;

	static final double BILL_PER_DAY = 0.05;

	static final double P2P_PER_DAY = 0.15;

	static final double ATM_PER_DAY = 0.04;

	static final double CALLS_PER_DAY = 2.0;

	/**
	 * People who install a gang's app, open its website or join its chat group without
	 * ever paying, per victim who does (assumption: no public figure; docs/simulator.md).
	 */
	static final int EXPOSED_PER_VICTIM = 4;

	static final double SMS_PER_DAY = 0.3;

	/**
	 * Relative activity by hour of day (assumption: midday and evening peaks, quiet
	 * nights).
	 */
	static final double[] PAY_HOURS = { 0.25, 0.12, 0.06, 0.04, 0.04, 0.08, 0.3, 0.7, 1.0, 1.1, 1.2, 1.4, 1.6, 1.3, 1.1,
			1.1, 1.2, 1.4, 1.7, 1.8, 1.7, 1.3, 0.8, 0.45 };

	static final double[] CALL_HOURS = { 0.1, 0.05, 0.03, 0.03, 0.03, 0.08, 0.3, 0.8, 1.3, 1.6, 1.7, 1.4, 1.1, 1.2, 1.5,
			1.6, 1.5, 1.4, 1.3, 1.4, 1.4, 1.1, 0.6, 0.25 };

	/**
	 * Individual transfers stay under this (PBoC large-value reporting and bank review
	 * thresholds).
	 */
	static final long LAYERING_CAP_FEN = 49_990_00L;

	/** Largest single ATM withdrawal (common daily card limit). */
	static final long ATM_CAP_FEN = 20_000_00L;

	private final World world;

	private final Population pop;

	private final SimConfig cfg;

	private final Rng life;

	private final Rng fraud;

	/**
	 * Exposures to apps, websites and chat groups: a stream of their own, so that the
	 * rest of the world draws what it drew before exposures existed.
	 */
	private final Rng exposures;

	// one hour of exposures, in time order (the fraud queue's order)
	private int en;

	private int[] eTime = new int[256];

	private int[] ePerson = new int[256];

	private String[] eId = new String[256];

	private int[] eGang = new int[256];

	private final long start;

	private final long end;

	private final int hours;

	private int hour;

	private final double payNorm;

	private final double callNorm;

	private long nextTransferId = 1;

	private long nextCallId = 1;

	private long nextSmsId = 1;

	private long nextCaseId = 1;

	private long nextChainId = 1;

	private long seq;

	// one hour of transfers
	private int tn;

	private int[] tTime = new int[1 << 12];

	private int[] tFrom = new int[1 << 12];

	private int[] tTo = new int[1 << 12];

	private long[] tAmount = new long[1 << 12];

	private byte[] tChannel = new byte[1 << 12];

	private short[] tCounty = new short[1 << 12];

	private int[] tTag = new int[1 << 12];

	// one hour of calls
	private int cn;

	private int[] cTime = new int[1 << 12];

	private long[] cCaller = new long[1 << 12];

	private long[] cCallee = new long[1 << 12];

	private int[] cDuration = new int[1 << 12];

	private short[] cCounty = new short[1 << 12];

	private long[] cImei = new long[1 << 12];

	// one hour of texts
	private int sn;

	private int[] sTime = new int[1 << 10];

	private long[] sSender = new long[1 << 10];

	private long[] sReceiver = new long[1 << 10];

	private short[] sCounty = new short[1 << 10];

	private long[] keys = new long[1 << 12];

	// fraud transfer tags
	private int tags;

	private long[] tagChain = new long[256];

	private int[] tagGang = new int[256];

	private byte[] tagLevel = new byte[256];

	private int[] tagVictimTag = new int[256];

	private long[] tagTransferId = new long[256];

	private int[] tagVictim = new int[256];

	private final PriorityQueue<Pending> queue = new PriorityQueue<>();

	private final List<VictimPlan> victims = new ArrayList<>();

	private final List<VictimPlan> reportsThisHour = new ArrayList<>();

	private final double[] gangNoisePerHour;

	private final int[] simBoxCursor;

	// reacting world (all null or unused when static)
	private final boolean reacting;

	private final Reactions rx;

	private final Countermeasures platform;

	/**
	 * Per gang, the SIMs in use: its own first, a spare in a slot whose SIM it dropped,
	 * -1 when none was left.
	 */
	private int[][] activeSims;

	private int[] spareSimCursor;

	/** Per gang, what each slot held before its last swap (-1: never swapped). */
	private int[][] previousSims;

	private int[][][] previousMules;

	/** Per gang and level, the mule accounts in use (as {@link #activeSims}). */
	private int[][][] activeMules;

	private int[][] spareMuleCursor;

	/** Per gang, when it first learnt of a stop on one of its accounts. */
	private long[] alarmedAt;

	/** Per gang, the largest single layering transfer it dares (probing gangs). */
	private long[] probeCapFen;

	/** Per gang, its reported cases not yet known to be linked. */
	private List<List<Long>> unlinkedCases;

	/**
	 * Per gang, the app/website/chat-group generations: start times and identities (url,
	 * app, chat groups).
	 */
	private List<List<Long>> generationStart;

	private List<List<String[]>> generations;

	public Simulator(World world) {
		this(world, Countermeasures.NONE);
	}

	/**
	 * A world that reacts to {@code platform}'s decisions when its config's reactions are
	 * on.
	 */
	public Simulator(World world, Countermeasures platform) {
		this.world = world;
		this.pop = world.population;
		this.cfg = world.config;
		this.life = Rng.of(cfg.seed(), 10);
		this.fraud = Rng.of(cfg.seed(), 20);
		this.exposures = Rng.of(cfg.seed(), 30);
		this.start = cfg.startEpochSecond();
		this.end = cfg.endEpochSecond();
		this.hours = cfg.days() * 24;
		this.payNorm = 24.0 / Arrays.stream(PAY_HOURS).sum();
		this.callNorm = 24.0 / Arrays.stream(CALL_HOURS).sum();
		this.gangNoisePerHour = new double[world.gangs.all().size()];
		this.simBoxCursor = new int[world.gangs.all().size()];
		this.rx = cfg.reactions();
		this.reacting = rx.on();
		this.platform = platform;
		if (reacting) {
			prepareReactions();
		}
		planVictims();
	}

	private void prepareReactions() {
		List<Gangs.Gang> gs = world.gangs.all();
		int n = gs.size();
		activeSims = new int[n][];
		spareSimCursor = new int[n];
		activeMules = new int[n][][];
		previousSims = new int[n][];
		previousMules = new int[n][][];
		spareMuleCursor = new int[n][];
		alarmedAt = new long[n];
		probeCapFen = new long[n];
		unlinkedCases = new ArrayList<>();
		generationStart = new ArrayList<>();
		generations = new ArrayList<>();
		for (Gangs.Gang g : gs) {
			activeSims[g.id] = g.sims.clone();
			previousSims[g.id] = new int[g.sims.length];
			Arrays.fill(previousSims[g.id], -1);
			activeMules[g.id] = new int[g.levels.length][];
			previousMules[g.id] = new int[g.levels.length][];
			for (int l = 0; l < g.levels.length; l++) {
				activeMules[g.id][l] = g.levels[l].clone();
				previousMules[g.id][l] = new int[g.levels[l].length];
				Arrays.fill(previousMules[g.id][l], -1);
			}
			spareMuleCursor[g.id] = new int[g.levels.length];
			alarmedAt[g.id] = Countermeasures.NEVER;
			probeCapFen[g.id] = LAYERING_CAP_FEN;
			unlinkedCases.add(new ArrayList<>());
			generationStart.add(new ArrayList<>(List.of(Long.MIN_VALUE)));
			List<String[]> ids = new ArrayList<>();
			ids.add(new String[] { g.url, g.app, g.im[0], g.im[1], g.im[2] });
			generations.add(ids);
		}
	}

	public World world() {
		return world;
	}

	/** Streams the whole window. */
	public void run(EventSink sink) {
		sink.begin(world);
		while (step(sink)) {
			// one hour at a time
		}
	}

	/**
	 * Simulates and emits the next hour; false when the window is over (and {@code end}
	 * was called).
	 */
	public boolean step(EventSink sink) {
		if (hour >= hours) {
			return false;
		}
		long hourStart = start + hour * 3600L;
		int hourOfDay = hour % 24;
		tn = 0;
		cn = 0;
		sn = 0;
		en = 0;
		reportsThisHour.clear();
		if (reacting) {
			learn(hourStart);
		}
		ordinaryLife(hourStart, hourOfDay);
		fraudNoise(hourStart, hourOfDay);
		long hourEnd = hourStart + 3600;
		while (!queue.isEmpty() && queue.peek().time < hourEnd) {
			process(queue.poll(), hourStart);
		}
		emit(sink, hourStart);
		sink.hourEnd(hourEnd);
		hour++;
		if (hour >= hours) {
			finish(sink);
		}
		return true;
	}

	public long startTime() {
		return start;
	}

	/** Epoch second up to which events have been emitted. */
	public long simulatedUntil() {
		return start + hour * 3600L;
	}

	// ---------------------------------------------------------------- ordinary life

	private void ordinaryLife(long hourStart, int hourOfDay) {
		final Rng r = life;
		final int persons = pop.persons;
		double pay = PAY_HOURS[hourOfDay] * payNorm / 24.0 * persons;
		double talk = CALL_HOURS[hourOfDay] * callNorm / 24.0 * persons;

		for (int n = r.poisson(pay * POS_PER_DAY); n > 0; n--) {
			int p = r.nextInt(persons);
			int c = pop.activityCounty(p);
			int m = c * pop.merchantsPerCounty + r.nextInt(pop.merchantsPerCounty);
			int from = spendingAccount(p, r.chance(0.5));
			if (from >= 0) {
				long amount = yuan(
						r.logNormal(Catalog.MerchantCategory.values()[pop.merchantCategory[m]].medianYuan(), 0.8), r);
				addTransfer(hourStart, r.nextInt(3600), from, pop.merchantAccount[m], amount, TransferChannel.POS, c,
						-1);
			}
		}
		int online = pop.merchants - pop.merchantsPerCounty * pop.counties();
		for (int n = r.poisson(pay * ONLINE_PER_DAY); n > 0; n--) {
			int p = r.nextInt(persons);
			int from = spendingAccount(p, true);
			if (from >= 0) {
				int m = pop.merchantsPerCounty * pop.counties() + r.nextInt(online);
				addTransfer(hourStart, r.nextInt(3600), from, pop.merchantAccount[m], yuan(r.logNormal(90, 1.0), r),
						TransferChannel.ONLINE, pop.activityCounty(p), -1);
			}
		}
		for (int n = r.poisson(pay * BILL_PER_DAY); n > 0; n--) {
			int p = r.nextInt(persons);
			int from = spendingAccount(p, r.chance(0.6));
			if (from >= 0) {
				int c = pop.county[p];
				int m = c * pop.merchantsPerCounty + r.nextInt(2);
				addTransfer(hourStart, r.nextInt(3600), from, pop.merchantAccount[m], yuan(r.logNormal(150, 0.6), r),
						TransferChannel.BILL, c, -1);
			}
		}
		for (int n = r.poisson(pay * P2P_PER_DAY); n > 0; n--) {
			int p = r.nextInt(persons);
			int q = contact(p, r.nextInt(3) == 0 ? r.nextInt(3) : r.nextInt(10));
			int from = spendingAccount(p, r.chance(0.5));
			int to = spendingAccount(q, r.chance(0.5));
			if (from >= 0 && to >= 0 && from != to) {
				addTransfer(hourStart, r.nextInt(3600), from, to, yuan(r.logNormal(300, 1.2), r),
						TransferChannel.MOBILE, pop.activityCounty(p), -1);
			}
		}
		for (int n = r.poisson(pay * ATM_PER_DAY); n > 0; n--) {
			int p = r.nextInt(persons);
			int from = bankAccount(p);
			if (from >= 0) {
				long amount = Math.max(100, Math.round(r.logNormal(800, 0.7) / 100) * 100) * 100L;
				addTransfer(hourStart, r.nextInt(3600), from, -1, amount, TransferChannel.ATM, pop.activityCounty(p),
						-1);
			}
		}
		if (hourOfDay == 9) {
			salaries(hourStart, r);
		}
		for (int n = r.poisson(talk * CALLS_PER_DAY); n > 0; n--) {
			int p = r.nextInt(persons);
			int q = contact(p, r.nextInt(3) == 0 ? r.nextInt(3) : r.nextInt(10));
			int sim = pop.firstSim[p] + (pop.simCount[p] > 1 && r.chance(0.2) ? 1 : 0);
			boolean answered = r.chance(0.85);
			int duration = answered ? Math.max(3, (int) r.logNormal(90, 1.0)) : 0;
			addCall(hourStart, r.nextInt(3600), pop.simPhone[sim], pop.simPhone[pop.firstSim[q]], duration,
					pop.activityCounty(p), pop.simImei[sim]);
		}
		for (int n = r.poisson(talk * SMS_PER_DAY); n > 0; n--) {
			int p = r.nextInt(persons);
			int q = contact(p, r.nextInt(10));
			addSms(hourStart, r.nextInt(3600), pop.simPhone[pop.firstSim[p]], pop.simPhone[pop.firstSim[q]],
					pop.activityCounty(p));
		}
	}

	/**
	 * Salaries (employees, civil servants) and pensions (retired) on each person's pay
	 * day, one day in 28.
	 */
	private void salaries(long hourStart, Rng r) {
		int day = (int) ((hourStart - start) / 86_400 + cfg.startDate().getDayOfMonth() - 1) % 28;
		final long seed = cfg.seed();
		for (int p = 0; p < pop.persons; p++) {
			int occ = pop.occupation[p];
			boolean salaried = occ == Occupation.EMPLOYEE.ordinal() || occ == Occupation.CIVIL_SERVANT.ordinal();
			boolean pension = occ == Occupation.RETIRED.ordinal();
			if (!salaried && !pension || Math.floorMod(Rng.hash(seed, p, 40), 28) != day) {
				continue;
			}
			int to = bankAccount(p);
			if (to < 0) {
				continue;
			}
			int pf = pop.prefectureOfCounty[pop.county[p]];
			int employer = pop.employerFirstAccount[pf]
					+ (pension ? 0 : 1 + (int) Math.floorMod(Rng.hash(seed, p, 41), pop.employersPerPrefecture - 1));
			long amount = yuan(r.logNormal(pension ? 3_200 : 6_500, 0.45), r);
			addTransfer(hourStart, r.nextInt(3600), employer, to, amount, TransferChannel.SALARY, pop.county[p], -1);
		}
	}

	/**
	 * Contacts: the first two are family (30 % living elsewhere in the province); the
	 * rest live in the same county.
	 */
	private int contact(int p, int j) {
		long h = Rng.hash(cfg.seed(), p, 100 + j);
		if (j < 2 && Math.floorMod(h >>> 40, 10) < 3) {
			return (int) Math.floorMod(h, pop.persons);
		}
		int c = pop.county[p];
		return pop.countyFirstPerson[c] + (int) Math.floorMod(h, pop.countyPersons[c]);
	}

	/**
	 * An account the holder uses (not one they sold), preferring a payment-institution
	 * account when asked.
	 */
	private int spendingAccount(int p, boolean preferMobile) {
		int first = pop.firstAccount[p];
		int n = pop.accountCount[p];
		int fallback = -1;
		for (int k = 0; k < n; k++) {
			int a = first + k;
			if ((pop.accountFlags[a] & Population.FLAG_ABANDONED) != 0) {
				continue;
			}
			boolean mobile = pop.accountInstitution[a] >= Catalog.ALIPAY;
			if (mobile == preferMobile) {
				return a;
			}
			if (fallback < 0) {
				fallback = a;
			}
		}
		return fallback;
	}

	private int bankAccount(int p) {
		int first = pop.firstAccount[p];
		for (int k = 0, n = pop.accountCount[p]; k < n; k++) {
			int a = first + k;
			if ((pop.accountFlags[a] & Population.FLAG_ABANDONED) == 0 && pop.accountInstitution[a] < Catalog.ALIPAY) {
				return a;
			}
		}
		return -1;
	}

	private static long yuan(double yuan, Rng r) {
		return Math.max(1, Math.round(yuan * 100));
	}

	// ---------------------------------------------------------------- fraud

	private final class VictimPlan {

		final int index;

		final int person;

		final Gangs.Gang gang;

		final FraudType type;

		final long firstContact;

		final long[] paymentTimes;

		final long[] amounts;

		final int account;

		final long[] callers;

		final boolean reports;

		final long reportTime;

		final int[] paymentTags;

		int paid;

		long lossFen;

		long caseId = -1;

		VictimPlan(int index, int person, Gangs.Gang gang, FraudType type, long firstContact, long[] paymentTimes,
				long[] amounts, int account, long[] callers, boolean reports, long reportTime) {
			this.index = index;
			this.person = person;
			this.gang = gang;
			this.type = type;
			this.firstContact = firstContact;
			this.paymentTimes = paymentTimes;
			this.amounts = amounts;
			this.account = account;
			this.callers = callers;
			this.reports = reports;
			this.reportTime = reportTime;
			this.paymentTags = new int[paymentTimes.length];
			Arrays.fill(paymentTags, -1);
		}

	}

	private void planVictims() {
		final Rng r = fraud;
		List<Gangs.Gang> gangs = world.gangs.all();
		double perDay = cfg.victimsPerMillionPerDay() * pop.persons / 1_000_000.0;
		double maxSusceptibility = 5.0;
		long[] noise = new long[gangs.size()];
		for (int d = 0; d < cfg.days(); d++) {
			for (int h = 0; h < 24; h++) {
				int n = r.poisson(perDay * PAY_HOURS[h] * payNorm / 24.0);
				for (int k = 0; k < n; k++) {
					FraudType type = FraudType.values()[r.pick(FraudType.CUMULATIVE_SHARE)];
					Gangs.Gang gang = gangFor(type, gangs, r);
					int person;
					do {
						person = r.nextInt(pop.persons);
					}
					while (r.nextDouble() * maxSusceptibility > type.susceptibility(pop.ageOf(person),
							pop.occupationOf(person)));
					int account = bankAccount(person);
					if (account < 0 || world.isMule(account)) {
						continue;
					}
					long firstPayment = start + d * 86_400L + h * 3_600L + r.nextInt(3_600);
					plan(type, gang, person, account, firstPayment, r);
					noise[gang.id] += type.noiseContactsPerVictim();
				}
			}
		}
		for (int g = 0; g < gangs.size(); g++) {
			gangNoisePerHour[g] = noise[g] / (double) hours;
		}
	}

	private static Gangs.Gang gangFor(FraudType type, List<Gangs.Gang> gangs, Rng r) {
		int matching = 0;
		for (Gangs.Gang g : gangs) {
			if (g.type == type) {
				matching++;
			}
		}
		if (matching == 0) {
			return gangs.get(r.nextInt(gangs.size()));
		}
		int pick = r.nextInt(matching);
		for (Gangs.Gang g : gangs) {
			if (g.type == type && pick-- == 0) {
				return g;
			}
		}
		throw new IllegalStateException();
	}

	private void plan(FraudType type, Gangs.Gang gang, int person, int account, long firstPayment, Rng r) {
		double logMin = Math.log(type.conMinMinutes());
		double logMax = Math.log(type.conMaxMinutes());
		long con = Math.round(Math.exp(logMin + r.nextDouble() * (logMax - logMin)) * 60);
		long contact = firstPayment - con;
		int span = type.maxPayments() - type.minPayments();
		int payments = type.minPayments() + (span == 0 ? 0 : Math.min(span, (int) r.exponential(span / 2.5)));
		long loss = Math.max(100_00L,
				Math.min(5_000_000_00L, Math.round(r.logNormal(type.medianLossYuan(), type.lossSigma()) * 100)));
		long[] weights = new long[payments];
		for (int k = 0; k < payments; k++) {
			weights[k] = type == FraudType.TASK_REBATE ? 1L << Math.min(k, 20) : 80 + r.nextInt(40);
		}
		long[] amounts = Money.allocateLargestRemainder(loss, weights);
		long[] times = new long[payments];
		long t = firstPayment;
		for (int k = 0; k < payments; k++) {
			times[k] = t;
			t += switch (type) {
				case INVESTMENT, ROMANCE_INVESTMENT -> 86_400L + r.nextInt(2 * 86_400);
				case TASK_REBATE -> 300 + r.nextInt(3_300);
				default -> 600 + r.nextInt(1_800);
			};
		}
		boolean reports = r.chance(cfg.reportProbability());
		long reportTime = times[payments - 1] + Math.max(600, Math.round(r.logNormal(180, 1.4) * 60));
		long[] callers = contactCalls(type, gang, person, contact, firstPayment, r);
		VictimPlan v = new VictimPlan(victims.size(), person, gang, type, contact, times, amounts, account, callers,
				reports, reportTime);
		victims.add(v);
		if (type == FraudType.TASK_REBATE) {
			schedule(new Pending(firstPayment - 600 - r.nextInt(1_200), Pending.REBATE, v.index));
		}
		for (int k = 0; k < payments; k++) {
			Pending pay = new Pending(times[k], Pending.PAYMENT, v.index);
			pay.level = k;
			schedule(pay);
		}
		if (reports) {
			schedule(new Pending(reportTime, Pending.REPORT, v.index));
		}
		if (type != FraudType.LOAN && type.channel() != FraudType.Channel.IM_APP) {
			return;
		}
		// the victim installs the app, opens the website or joins the chat group at the
		// first contact (one already under way is seen from the window's start), and so
		// do people who never pay, until the victim's last payment
		Rng x = exposures;
		exposure(Math.max(start, contact), person, v.index);
		long last = times[payments - 1];
		for (int k = 0; k < EXPOSED_PER_VICTIM; k++) {
			long at = contact + (long) (x.nextDouble() * Math.max(1, last - contact));
			exposure(Math.max(start, at), x.nextInt(pop.persons), v.index);
		}
	}

	private void exposure(long t, int person, int victim) {
		Pending e = new Pending(t, Pending.EXPOSURE, victim);
		e.account = person;
		schedule(e);
	}

	/**
	 * The app or website and the chat group the person was drawn into by the victim's
	 * gang at {@code time}, as a report of the gang's next case would name them.
	 */
	private void exposed(Pending e, long hourStart) {
		VictimPlan v = victims.get(e.victim);
		String[] id = reacting ? identity(v.gang.id, e.time) : null;
		String url = id == null ? v.gang.url : id[0];
		String app = id == null ? v.gang.app : id[1];
		boolean viaApp = v.type == FraudType.LOAN || v.type == FraudType.TASK_REBATE || v.type == FraudType.GAME_TRADING
				|| v.type == FraudType.INVESTMENT;
		addExposure((int) (e.time - hourStart), e.account, viaApp ? app : url, v.gang.id);
		if (v.type.channel() == FraudType.Channel.IM_APP) {
			int group = e.account % v.gang.im.length;
			addExposure((int) (e.time - hourStart), e.account, id == null ? v.gang.im[group] : id[2 + group],
					v.gang.id);
		}
	}

	private void addExposure(int offset, int person, String identifier, int gang) {
		if (en == eTime.length) {
			eTime = Arrays.copyOf(eTime, en * 2);
			ePerson = Arrays.copyOf(ePerson, en * 2);
			eId = Arrays.copyOf(eId, en * 2);
			eGang = Arrays.copyOf(eGang, en * 2);
		}
		eTime[en] = offset;
		ePerson[en] = person;
		eId[en] = identifier;
		eGang[en] = gang;
		en++;
	}

	/**
	 * The gang's calls or texts to the victim before the first payment; returns the
	 * numbers the victim saw.
	 */
	private long[] contactCalls(FraudType type, Gangs.Gang gang, int person, long contact, long firstPayment, Rng r) {
		long victimPhone = pop.simPhone[pop.firstSim[person]];
		int victimCounty = pop.activityCounty(person);
		Gangs gs = world.gangs;
		// the SIM is planned now; a reacting gang may swap it when the call is made
		// (processContact)
		int slot = r.nextInt(gang.sims.length);
		int sim = gang.sims[slot];
		int victim = victims.size();
		long phone = gs.fraudPhone[sim];
		switch (type.channel()) {
			case PHONE -> {
				int calls = r.between(1, 4);
				long gap = Math.max(60, (firstPayment - contact) / calls);
				for (int k = 0; k < calls; k++) {
					long t = contact + k * gap;
					int minutes = type == FraudType.FAKE_POLICE ? (int) r.logNormal(40, 0.6)
							: (int) r.logNormal(15, 0.6);
					scheduleCall(t, phone, victimPhone, Math.max(60, minutes * 60), gs.fraudCounty[sim],
							gs.fraudImei[sim], victim, gang.id, slot);
				}
				return new long[] { phone };
			}
			case SMS -> {
				Pending text = smsPending(contact, phone, victimPhone, gs.fraudCounty[sim], victim);
				text.gang = gang.id;
				text.slot = slot;
				schedule(text);
				if (r.chance(0.5)) {
					int slot2 = r.nextInt(gang.sims.length);
					int sim2 = gang.sims[slot2];
					scheduleCall(contact + (firstPayment - contact) / 2, gs.fraudPhone[sim2], victimPhone,
							(int) Math.max(30, r.logNormal(300, 0.6)), gs.fraudCounty[sim2], gs.fraudImei[sim2], victim,
							gang.id, slot2);
					return new long[] { phone, gs.fraudPhone[sim2] };
				}
				return new long[] { phone };
			}
			default -> {
				if (r.chance(0.3)) {
					scheduleCall(contact + (firstPayment - contact) / 2, phone, victimPhone,
							(int) Math.max(30, r.logNormal(120, 0.6)), gs.fraudCounty[sim], gs.fraudImei[sim], victim,
							gang.id, slot);
					return new long[] { phone };
				}
				return new long[0];
			}
		}
	}

	private void scheduleCall(long t, long caller, long callee, int duration, int county, long imei, int victim,
			int gang, int slot) {
		if (t < start || t >= end) {
			return;
		}
		Pending c = new Pending(t, Pending.CALL, victim);
		c.gang = gang;
		c.slot = slot;
		c.phoneA = caller;
		c.phoneB = callee;
		c.amount = duration;
		c.account = county;
		c.imei = imei;
		schedule(c);
	}

	private Pending smsPending(long t, long sender, long receiver, int county, int victim) {
		Pending s = new Pending(t, Pending.SMS, victim);
		s.phoneA = sender;
		s.phoneB = receiver;
		s.account = county;
		return s;
	}

	/**
	 * Calls and texts from fraud SIMs to people who do not pay: the inverse of the
	 * conversion rate.
	 */
	private void fraudNoise(long hourStart, int hourOfDay) {
		final Rng r = fraud;
		List<Gangs.Gang> gangs = world.gangs.all();
		Gangs gs = world.gangs;
		double shape = PAY_HOURS[hourOfDay] * payNorm;
		for (Gangs.Gang g : gangs) {
			int n = r.poisson(gangNoisePerHour[g.id] * shape);
			boolean texts = g.type.channel() == FraudType.Channel.SMS;
			int boxSims = 0;
			int firstBox = -1;
			for (int k = 0; k < g.sims.length; k++) {
				if (gs.fraudSource[g.sims[k]] == Gangs.SimSource.SIM_BOX.ordinal()) {
					boxSims++;
					if (firstBox < 0) {
						firstBox = k;
					}
				}
			}
			int viaBox = boxSims > 0 ? (int) (n * 0.7) : 0;
			// a SIM box dials one SIM after another at a machine-regular interval
			int perSim = Math.max(1, 3_600 / Math.max(1, g.simBoxInterval));
			for (int k = 0; k < viaBox; k++) {
				int sim = g.sims[firstBox + (simBoxCursor[g.id] + k / perSim) % boxSims];
				int t = Math.min(3_599, (k % perSim) * g.simBoxInterval + r.nextInt(2));
				if (reacting && simDroppedAt(sim) <= hourStart + t) {
					// the box's card was dropped: the call goes out on one of the gang's
					// bought SIMs
					sim = simAt(g, r.nextInt(g.sims.length), hourStart + t);
				}
				if (sim >= 0) {
					noiseContact(hourStart, t, sim, texts, r);
				}
			}
			simBoxCursor[g.id] += Math.max(1, viaBox / perSim);
			for (int k = viaBox; k < n; k++) {
				if (reacting) {
					int k0 = r.nextInt(g.sims.length);
					int t = r.nextInt(3_600);
					int sim = simAt(g, k0, hourStart + t);
					if (sim >= 0) {
						noiseContact(hourStart, t, sim, texts, r);
					}
				}
				else {
					int sim = g.sims[r.nextInt(g.sims.length)];
					noiseContact(hourStart, r.nextInt(3_600), sim, texts, r);
				}
			}
		}
	}

	private void noiseContact(long hourStart, int offset, int sim, boolean text, Rng r) {
		Gangs gs = world.gangs;
		int target = r.nextInt(pop.persons);
		long to = pop.simPhone[pop.firstSim[target]];
		if (text) {
			addSms(hourStart, offset, gs.fraudPhone[sim], to, gs.fraudCounty[sim]);
		}
		else {
			boolean answered = r.chance(0.35);
			int duration = answered ? Math.max(2, (int) r.logNormal(15, 0.8)) : 0;
			addCall(hourStart, offset, gs.fraudPhone[sim], to, duration, gs.fraudCounty[sim], gs.fraudImei[sim]);
		}
	}

	private void schedule(Pending p) {
		if (p.time >= end) {
			return;
		}
		p.seq = seq++;
		queue.add(p);
	}

	private void process(Pending e, long hourStart) {
		if (e.time < start) {
			return;
		}
		int offset = (int) (e.time - hourStart);
		switch (e.kind) {
			case Pending.CALL -> {
				if (!reacting || swapSim(e)) {
					addCall(hourStart, offset, e.phoneA, e.phoneB, (int) e.amount, e.account, e.imei);
				}
			}
			case Pending.SMS -> {
				if (!reacting || swapSim(e)) {
					addSms(hourStart, offset, e.phoneA, e.phoneB, e.account);
				}
			}
			case Pending.REBATE -> {
				VictimPlan v = victims.get(e.victim);
				int from = muleAt(v.gang, 0, fraud.nextInt(v.gang.levels[0].length), e.time);
				if (from < 0) {
					return;
				}
				long amount = (10 + fraud.nextInt(70)) * 100L;
				addTransfer(hourStart, offset, from, v.account, amount, TransferChannel.MOBILE,
						pop.activityCounty(v.person), -1);
				v.lossFen -= amount;
			}
			case Pending.PAYMENT -> payment(victims.get(e.victim), e.level, hourStart, offset);
			case Pending.FORWARD -> forward(e, hourStart, offset);
			case Pending.REPORT -> reportsThisHour.add(victims.get(e.victim));
			case Pending.EXPOSURE -> exposed(e, hourStart);
			default -> throw new IllegalStateException("kind " + e.kind);
		}
	}

	private void payment(VictimPlan v, int k, long hourStart, int offset) {
		Gangs.Gang g = v.gang;
		int[] level1 = g.levels[0];
		int to = muleAt(g, 0, fraud.nextInt(level1.length), hourStart + offset);
		if (to < 0) {
			// every account the gang has left is known to be stopped: the victim is not
			// told where to pay
			return;
		}
		long chain = nextChainId++;
		int tag = newTag(chain, g.id, 1, -1, v.index);
		tagVictimTag[tag] = tag;
		v.paymentTags[k] = tag;
		v.paid++;
		v.lossFen += v.amounts[k];
		world.muleFirstChain.putIfAbsent(to, chain);
		addTransfer(hourStart, offset, v.account, to, v.amounts[k], TransferChannel.MOBILE,
				pop.activityCounty(v.person), tag);
		scheduleForward(v.paymentTimes[k], to, 1, v.amounts[k], chain, g.id, tag);
	}

	private Pending scheduleForward(long arrival, int account, int level, long amount, long chain, int gang,
			int victimTag) {
		double median = cfg.evasive() ? 360 : 25;
		if (reacting && alarmedAt[gang] <= arrival) {
			median *= rx.alarmedDwellFactor();
		}
		long dwell = Math.max(60, Math.round(fraud.logNormal(median, 1.0) * 60));
		Pending f = new Pending(arrival + dwell, Pending.FORWARD, -1);
		f.account = account;
		f.level = level;
		f.amount = amount;
		f.chain = chain;
		f.gang = gang;
		f.victimTag = victimTag;
		schedule(f);
		return f;
	}

	/**
	 * A mule account passes on what it received: split to the next level, or cashed out
	 * at the last.
	 */
	private void forward(Pending e, long hourStart, int offset) {
		final Rng r = fraud;
		Gangs.Gang g = world.gangs.all().get(e.gang);
		int county = pop.accountBranch[e.account];
		if (e.passThrough) {
			if (e.target >= 0) {
				sendTo(g, e, e.target, e.level + 1, e.amount, hourStart, offset, county, e.returned);
			}
			else {
				passOn(g, e, e.amount, hourStart, offset, county, r);
			}
			return;
		}
		// the card renter's cut stays behind (0-2 %)
		long amount = e.amount - e.amount * r.nextInt(3) / 100;
		Typology shape = cfg.typologyOf(g.id);
		if (shape != null) {
			shaped(shape, g, e, amount, hourStart, offset, county, r);
			return;
		}
		if (e.level >= g.depth()) {
			cashOut(g, e, amount, hourStart, offset, county, r);
			return;
		}
		boolean alarmed = reacting && alarmedAt[g.id] <= hourStart + offset;
		long cap = reacting ? probeCapFen[g.id] : LAYERING_CAP_FEN;
		int parts = Math.max(alarmed ? r.between(rx.alarmedMinParts(), rx.alarmedMaxParts()) : r.between(1, 3),
				(int) (amount / cap) + 1);
		long[] weights = new long[parts];
		for (int k = 0; k < parts; k++) {
			weights[k] = 60 + r.nextInt(80);
		}
		long[] split = Money.allocateLargestRemainder(amount, weights);
		int t = offset;
		for (int k = 0; k < parts; k++) {
			long part = notRound(Math.min(split[k], cap), r);
			if (t >= 3_600) {
				// parts that spill into the next hour are rescheduled rather than written
				// out of order
				schedule(copyForward(e, part, hourStart + t));
			}
			else {
				passOn(g, e, part, hourStart, t, county, r);
			}
			t += 5 + r.nextInt(120);
		}
	}

	private void passOn(Gangs.Gang g, Pending e, long part, long hourStart, int offset, int county, Rng r) {
		int[] next = g.levels[e.level];
		int to = muleAt(g, e.level, r.nextInt(next.length), hourStart + offset);
		if (to < 0) {
			// no account left at the next level: cash out from here
			cashOut(g, e, part, hourStart, offset, county, r);
			return;
		}
		int tag = newTag(e.chain, g.id, e.level + 1, e.victimTag, -1);
		world.muleFirstChain.putIfAbsent(to, e.chain);
		addTransfer(hourStart, offset, e.account, to, part, TransferChannel.MOBILE, county, tag);
		scheduleForward(hourStart + offset, to, e.level + 1, part, e.chain, g.id, e.victimTag);
	}

	// ------------------------------------------------------------------ AMLSim shapes

	/**
	 * Laundering in one of AMLSim's eight shapes ({@link Typology}, with
	 * {@code --typologies}) instead of the layered chains: level 1 (the accounts victims
	 * pay) is the shape's first layer, the gang's deeper levels its later ones, and the
	 * last account of the shape cashes out as the layered chains do. Fan-in gathers at
	 * the first account of level 2, fan-out scatters to 4–8 of level 2, a cycle runs
	 * through every level and back to the chain's first mule, a random walk hops to any
	 * of the gang's mules up to depth times, scatter-gather scatters to level 2 and
	 * gathers at the first account of level 3 (of level 2 in a gang two deep),
	 * gather-scatter gathers at the first of level 2 and scatters to level 3 (the rest of
	 * level 2), stack pays all of the first three of level 2, each of which pays all of
	 * the first three of level 3, and bipartite pays all of the first three of level 2.
	 */
	private void shaped(Typology shape, Gangs.Gang g, Pending e, long amount, long hourStart, int offset, int county,
			Rng r) {
		long t = hourStart + offset;
		int depth = g.depth();
		int level = e.level;
		int hub = muleAt(g, 1, 0, t); // the first account of level 2
		int sink = depth >= 3 ? muleAt(g, 2, 0, t) : hub;
		int[] to;
		switch (shape) {
			case FAN_IN -> to = level == 1 ? new int[] { hub } : null;
			case FAN_OUT -> to = level == 1 ? distinct(g, 1, r.between(4, 8), 0, t, r) : null;
			case CYCLE -> {
				if (e.returned) {
					to = null;
				}
				else if (level < depth) {
					to = new int[] { muleAt(g, level, r.nextInt(g.levels[level].length), t) };
				}
				else {
					to = e.origin >= 0 && e.origin != e.account ? new int[] { e.origin } : null;
				}
			}
			case RANDOM -> {
				int l = r.nextInt(depth);
				int next = muleAt(g, l, r.nextInt(g.levels[l].length), t);
				to = level < depth && next != e.account ? new int[] { next } : null;
			}
			case SCATTER_GATHER -> {
				if (level == 1) {
					to = distinct(g, 1, r.between(3, 6), depth >= 3 ? 0 : 1, t, r);
				}
				else {
					to = e.account == sink || level > 2 ? null : new int[] { sink };
				}
			}
			case GATHER_SCATTER -> {
				if (level == 1) {
					to = new int[] { hub };
				}
				else if (e.account == hub && level == 2) {
					to = depth >= 3 ? distinct(g, 2, r.between(3, 6), 0, t, r) : distinct(g, 1, 6, 1, t, r);
				}
				else {
					to = null;
				}
			}
			case STACK -> to = level == 1 || (level == 2 && depth >= 3) ? firstThree(g, level, t) : null;
			case BIPARTITE -> to = level == 1 ? firstThree(g, 1, t) : null;
			default -> throw new IllegalStateException("shape " + shape);
		}
		if (to == null || to.length == 0 || to[0] < 0) {
			cashOut(g, e, amount, hourStart, offset, county, r);
			return;
		}
		long[] weights = new long[to.length];
		for (int k = 0; k < to.length; k++) {
			weights[k] = 60 + r.nextInt(80);
		}
		long[] split = Money.allocateLargestRemainder(amount, weights);
		boolean back = shape == Typology.CYCLE && level >= depth;
		int at = offset;
		for (int k = 0; k < to.length; k++) {
			if (to[k] < 0) {
				continue;
			}
			long part = notRound(split[k], r);
			if (at >= 3_600) {
				Pending f = copyForward(e, part, hourStart + at);
				f.target = to[k];
				f.returned = back;
				schedule(f);
			}
			else {
				sendTo(g, e, to[k], level + 1, part, hourStart, at, county, back);
			}
			at += 5 + r.nextInt(120);
		}
	}

	/** Pays a part to a chosen mule account, which passes it on after its dwell. */
	private void sendTo(Gangs.Gang g, Pending e, int to, int level, long part, long hourStart, int offset, int county,
			boolean returned) {
		int tag = newTag(e.chain, g.id, Math.min(level, 127), e.victimTag, -1);
		world.muleFirstChain.putIfAbsent(to, e.chain);
		addTransfer(hourStart, offset, e.account, to, part, TransferChannel.MOBILE, county, tag);
		// the queue orders by time and sequence only, so the shape's fields may be set
		// after scheduling
		Pending f = scheduleForward(hourStart + offset, to, level, part, e.chain, g.id, e.victimTag);
		f.origin = e.origin >= 0 ? e.origin : e.account;
		f.returned = returned;
	}

	/** Up to n distinct accounts of a level (0-based) from slot {@code from} on. */
	private int[] distinct(Gangs.Gang g, int level, int n, int from, long t, Rng r) {
		int size = g.levels[level].length;
		int k = Math.max(1, Math.min(n, size - from));
		int start = r.nextInt(size);
		int[] out = new int[k];
		for (int i = 0; i < k; i++) {
			int slot = from + Math.floorMod(start + i - from, size - from);
			out[i] = muleAt(g, level, slot, t);
		}
		return out;
	}

	/** The first three accounts of a level (0-based), or all of a smaller one. */
	private int[] firstThree(Gangs.Gang g, int level, long t) {
		int k = Math.min(3, g.levels[level].length);
		int[] out = new int[k];
		for (int i = 0; i < k; i++) {
			out[i] = muleAt(g, level, i, t);
		}
		return out;
	}

	private Pending copyForward(Pending e, long amount, long time) {
		Pending f = new Pending(time, Pending.FORWARD, -1);
		f.account = e.account;
		f.level = e.level;
		f.amount = amount;
		f.chain = e.chain;
		f.gang = e.gang;
		f.victimTag = e.victimTag;
		f.passThrough = true;
		f.origin = e.origin;
		return f;
	}

	private void cashOut(Gangs.Gang g, Pending e, long amount, long hourStart, int offset, int county, Rng r) {
		Gangs.CashOut how = g.cashOut[r.nextInt(g.cashOut.length)];
		int level = g.depth() + 1;
		switch (how) {
			case ATM -> {
				int t = offset;
				long left = amount;
				int atmCounty = r.nextInt(pop.counties());
				while (left >= 100_00 && t < 3_600) {
					long w = Math.min(left / 100_00 * 100_00, ATM_CAP_FEN - 100_00L * r.nextInt(5));
					int tag = newTag(e.chain, g.id, level, e.victimTag, -1);
					addTransfer(hourStart, t, e.account, -1, w, TransferChannel.ATM, atmCounty, tag);
					left -= w;
					t += 60 + r.nextInt(240);
				}
			}
			case CRYPTO_OTC -> {
				int tag = newTag(e.chain, g.id, level, e.victimTag, -1);
				addTransfer(hourStart, offset, e.account, -1, amount, TransferChannel.CRYPTO_OTC, county, tag);
			}
			case POS, GOLD -> {
				int m = g.colludingMerchants[how == Gangs.CashOut.GOLD ? 0 : 1];
				int tag = newTag(e.chain, g.id, level, e.victimTag, -1);
				addTransfer(hourStart, offset, e.account, pop.merchantAccount[m], amount, TransferChannel.POS,
						pop.merchantCounty[m], tag);
			}
		}
	}

	/**
	 * Launderers avoid round sums: shave a few yuan and cents off multiples of a hundred.
	 */
	private static long notRound(long fen, Rng r) {
		if (fen > 1_000_00 && fen % 100_00 == 0) {
			return fen - (1 + r.nextInt(99)) * 100 - r.nextInt(100);
		}
		return fen;
	}

	private int newTag(long chain, int gang, int level, int victimTag, int victim) {
		if (tags == tagChain.length) {
			int n = tags * 2;
			tagChain = Arrays.copyOf(tagChain, n);
			tagGang = Arrays.copyOf(tagGang, n);
			tagLevel = Arrays.copyOf(tagLevel, n);
			tagVictimTag = Arrays.copyOf(tagVictimTag, n);
			tagTransferId = Arrays.copyOf(tagTransferId, n);
			tagVictim = Arrays.copyOf(tagVictim, n);
		}
		int t = tags++;
		tagChain[t] = chain;
		tagGang[t] = gang;
		tagLevel[t] = (byte) level;
		tagVictimTag[t] = victimTag;
		tagVictim[t] = victim;
		tagTransferId[t] = -1;
		return t;
	}

	// ---------------------------------------------------------------- reactions

	/**
	 * What the gangs learnt from the platform's decisions made before this hour: which of
	 * them are alarmed (a stop on one of their accounts, known after the account delay),
	 * the probing gangs' ceilings, and rotations after a linked case.
	 */
	private void learn(long hourStart) {
		for (Gangs.Gang g : world.gangs.all()) {
			int id = g.id;
			learnAccounts(g, g.levels, hourStart);
			learnAccounts(g, g.spareLevels, hourStart);
			List<Long> cases = unlinkedCases.get(id);
			long rotateAt = Countermeasures.NEVER;
			for (long c : cases) {
				long linked = platform.linkedAt(c);
				if (linked != Countermeasures.NEVER) {
					rotateAt = Math.min(rotateAt, linked + delay(rx.rotateHours() * 60, 70, c));
				}
			}
			if (rotateAt <= hourStart) {
				List<String[]> ids = generations.get(id);
				generationStart.get(id).add(hourStart);
				ids.add(Gangs.rotatedIdentity(cfg.seed(), g, ids.size()));
				cases.clear();
			}
		}
	}

	private void learnAccounts(Gangs.Gang g, int[][] levels, long hourStart) {
		for (int[] level : levels) {
			for (int a : level) {
				long known = accountDroppedAt(a);
				if (known == Countermeasures.NEVER) {
					continue;
				}
				alarmedAt[g.id] = Math.min(alarmedAt[g.id], known);
				long held = platform.smallestHeldFen(a);
				if (g.probing && known <= hourStart && held != Countermeasures.NEVER) {
					probeCapFen[g.id] = Math.max(100_00L,
							Math.min(probeCapFen[g.id], (long) (held * rx.probeMargin())));
				}
			}
		}
	}

	/**
	 * The identities (url, app, chat groups) the gang used when it first contacted a
	 * victim at {@code time}.
	 */
	private String[] identity(int gang, long time) {
		List<Long> starts = generationStart.get(gang);
		int k = starts.size() - 1;
		while (k > 0 && starts.get(k) > time) {
			k--;
		}
		return generations.get(gang).get(k);
	}

	/**
	 * The SIM in slot {@code k} of the gang's working set at time {@code t}: static, the
	 * gang's own; reacting, a SIM the gang has dropped is replaced by its next spare, and
	 * with none left by any other slot still in use (-1 when the gang has no usable SIM).
	 */
	private int simAt(Gangs.Gang g, int k, long t) {
		return reacting ? slot(activeSims[g.id], previousSims[g.id], k, t, g.spareSims, spareSimCursor, g.id, true)
				: g.sims[k];
	}

	/**
	 * The mule account in slot {@code k} of the gang's level (0-based) at {@code t}, as
	 * {@link #simAt}.
	 */
	private int muleAt(Gangs.Gang g, int level, int k, long t) {
		return reacting ? slot(activeMules[g.id][level], previousMules[g.id][level], k, t, g.spareLevels[level],
				spareMuleCursor[g.id], level, false) : g.levels[level][k];
	}

	/**
	 * Slot {@code k} at {@code t}: its SIM or account unless the gang has dropped it by
	 * then, else the next spare. An hour's events are drawn out of time order, so a slot
	 * remembers what it held before its last swap and hands that out to an earlier
	 * moment: a spare is never used before the drop that called for it.
	 */
	private int slot(int[] active, int[] previous, int k, long t, int[] spares, int[] cursor, int c, boolean sim) {
		int before = previous[k];
		if (before >= 0 && droppedAt(before, sim) > t) {
			return before;
		}
		int s = active[k];
		while (s >= 0 && droppedAt(s, sim) <= t) {
			previous[k] = s;
			s = cursor[c] < spares.length ? spares[cursor[c]++] : -1;
			active[k] = s;
		}
		for (int j = 0; s < 0 && j < active.length; j++) {
			if (active[j] >= 0 && droppedAt(active[j], sim) > t) {
				s = active[j];
			}
		}
		return s;
	}

	/**
	 * A con's call or text as it is made: a gang that has dropped the planned SIM uses
	 * the one now in its slot, and the victim will name that number; false when the gang
	 * has no usable SIM left (the contact is not made).
	 */
	private boolean swapSim(Pending e) {
		if (e.slot < 0) {
			return true;
		}
		Gangs gs = world.gangs;
		int sim = simAt(gs.all().get(e.gang), e.slot, e.time);
		if (sim < 0) {
			return false;
		}
		long phone = gs.fraudPhone[sim];
		if (phone != e.phoneA) {
			long[] named = victims.get(e.victim).callers;
			for (int k = 0; k < named.length; k++) {
				if (named[k] == e.phoneA) {
					named[k] = phone;
				}
			}
			e.phoneA = phone;
			e.account = gs.fraudCounty[sim];
			e.imei = gs.fraudImei[sim];
		}
		return true;
	}

	private long droppedAt(int item, boolean sim) {
		return sim ? simDroppedAt(item) : accountDroppedAt(item);
	}

	/**
	 * When the gang stops using fraud SIM {@code s}: its restriction plus the gang's
	 * delay in noticing.
	 */
	private long simDroppedAt(int s) {
		long at = platform.restrictedAt(world.gangs.fraudPhone[s]);
		return at == Countermeasures.NEVER ? at : at + delay(rx.simSwitchMinutes(), 71, s);
	}

	/**
	 * When the gang stops paying into account {@code a}: its first hold or stop plus the
	 * gang's delay.
	 */
	private long accountDroppedAt(int a) {
		long at = platform.stoppedAt(a);
		return at == Countermeasures.NEVER ? at : at + delay(rx.accountSwitchMinutes(), 72, a);
	}

	/**
	 * A log-normal delay in seconds (median {@code medianMinutes}, spread
	 * {@link Reactions#sigma()}) fixed per item by a hash of the seed: the same SIM or
	 * account gets the same delay however often or in whatever order it is asked about,
	 * so the reacting world stays deterministic without drawing from the fraud stream.
	 */
	private long delay(double medianMinutes, int stream, long item) {
		long h = Rng.hash(cfg.seed(), item, stream);
		double u1 = ((h >>> 11) + 1.0) / (1L << 53);
		double u2 = (Rng.mix(h) >>> 11) / (double) (1L << 53);
		double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
		return Math.max(60, Math.round(medianMinutes * 60 * Math.exp(rx.sigma() * z)));
	}

	// ---------------------------------------------------------------- buffers and
	// emission

	private void addTransfer(long hourStart, int offset, int from, int to, long amount, TransferChannel ch, int county,
			int tag) {
		if (tn == tTime.length) {
			int n = tn * 2;
			tTime = Arrays.copyOf(tTime, n);
			tFrom = Arrays.copyOf(tFrom, n);
			tTo = Arrays.copyOf(tTo, n);
			tAmount = Arrays.copyOf(tAmount, n);
			tChannel = Arrays.copyOf(tChannel, n);
			tCounty = Arrays.copyOf(tCounty, n);
			tTag = Arrays.copyOf(tTag, n);
		}
		int i = tn++;
		tTime[i] = offset;
		tFrom[i] = from;
		tTo[i] = to;
		tAmount[i] = amount;
		tChannel[i] = (byte) ch.ordinal();
		tCounty[i] = (short) county;
		tTag[i] = tag;
	}

	private void addCall(long hourStart, int offset, long caller, long callee, int duration, int county, long imei) {
		if (cn == cTime.length) {
			int n = cn * 2;
			cTime = Arrays.copyOf(cTime, n);
			cCaller = Arrays.copyOf(cCaller, n);
			cCallee = Arrays.copyOf(cCallee, n);
			cDuration = Arrays.copyOf(cDuration, n);
			cCounty = Arrays.copyOf(cCounty, n);
			cImei = Arrays.copyOf(cImei, n);
		}
		int i = cn++;
		cTime[i] = offset;
		cCaller[i] = caller;
		cCallee[i] = callee;
		cDuration[i] = duration;
		cCounty[i] = (short) county;
		cImei[i] = imei;
	}

	private void addSms(long hourStart, int offset, long sender, long receiver, int county) {
		if (sn == sTime.length) {
			int n = sn * 2;
			sTime = Arrays.copyOf(sTime, n);
			sSender = Arrays.copyOf(sSender, n);
			sReceiver = Arrays.copyOf(sReceiver, n);
			sCounty = Arrays.copyOf(sCounty, n);
		}
		int i = sn++;
		sTime[i] = offset;
		sSender[i] = sender;
		sReceiver[i] = receiver;
		sCounty[i] = (short) county;
	}

	private long[] sortedOrder(int[] time, int n) {
		if (keys.length < n) {
			keys = new long[Math.max(n, keys.length * 2)];
		}
		for (int i = 0; i < n; i++) {
			keys[i] = ((long) time[i] << 32) | i;
		}
		Arrays.sort(keys, 0, n);
		return keys;
	}

	private void emit(EventSink sink, long hourStart) {
		final TransferChannel[] channels = TransferChannel.values();
		long[] order = sortedOrder(tTime, tn);
		for (int k = 0; k < tn; k++) {
			int i = (int) order[k];
			long id = nextTransferId++;
			sink.transfer(id, hourStart + tTime[i], tFrom[i], tTo[i], tAmount[i], channels[tChannel[i]], tCounty[i]);
			int tag = tTag[i];
			if (tag >= 0) {
				tagTransferId[tag] = id;
				sink.laundering(id, tagChain[tag], tagGang[tag], tagLevel[tag], tagTransferId[tagVictimTag[tag]]);
			}
		}
		order = sortedOrder(cTime, cn);
		for (int k = 0; k < cn; k++) {
			int i = (int) order[k];
			sink.call(nextCallId++, hourStart + cTime[i], cCaller[i], cCallee[i], cDuration[i], cDuration[i] > 0,
					cCounty[i], cImei[i]);
		}
		order = sortedOrder(sTime, sn);
		for (int k = 0; k < sn; k++) {
			int i = (int) order[k];
			sink.sms(nextSmsId++, hourStart + sTime[i], sSender[i], sReceiver[i], sCounty[i]);
		}
		for (int k = 0; k < en; k++) {
			sink.exposure(hourStart + eTime[k], ePerson[k], eId[k], eGang[k]);
		}
		reportsThisHour.sort((a, b) -> Long.compare(a.reportTime, b.reportTime));
		for (VictimPlan v : reportsThisHour) {
			if (v.paid == 0) {
				continue;
			}
			long[] ids = new long[v.paid];
			int n = 0;
			for (int tag : v.paymentTags) {
				if (tag >= 0 && tagTransferId[tag] >= 0) {
					ids[n++] = tagTransferId[tag];
				}
			}
			v.caseId = nextCaseId++;
			FraudType.Channel ch = v.type.channel();
			String[] id = reacting ? identity(v.gang.id, v.firstContact) : null;
			String url = id == null ? v.gang.url : id[0];
			String gangApp = id == null ? v.gang.app : id[1];
			String app = ch == FraudType.Channel.PHONE ? null
					: v.type == FraudType.LOAN || v.type == FraudType.TASK_REBATE || v.type == FraudType.GAME_TRADING
							|| v.type == FraudType.INVESTMENT ? gangApp : url;
			int group = v.person % v.gang.im.length;
			String im = ch == FraudType.Channel.IM_APP ? (id == null ? v.gang.im[group] : id[2 + group]) : null;
			if (reacting) {
				unlinkedCases.get(v.gang.id).add(v.caseId);
			}
			sink.caseReport(new CaseReport(v.caseId, v.reportTime, v.person, v.type, pop.activityCounty(v.person),
					v.lossFen, Arrays.copyOf(ids, n), v.callers, app, im));
		}
	}

	private void finish(EventSink sink) {
		for (VictimPlan v : victims) {
			if (v.paid > 0) {
				sink.victim(new VictimRecord(v.person, v.gang.id, v.type, v.firstContact, v.paid, v.lossFen, v.reports,
						v.caseId));
			}
		}
		sink.end(world);
	}

	/**
	 * A scheduled fraud event. Ordered by time, then by scheduling order, so runs are
	 * deterministic.
	 */
	static final class Pending implements Comparable<Pending> {

		static final int CALL = 0;

		static final int SMS = 1;

		static final int REBATE = 2;

		static final int PAYMENT = 3;

		static final int FORWARD = 4;

		static final int REPORT = 5;

		static final int EXPOSURE = 6;

		final long time;

		final int kind;

		final int victim;

		long seq;

		int account;

		int level;

		long amount;

		long chain;

		int gang;

		int victimTag;

		long phoneA;

		long phoneB;

		long imei;

		boolean passThrough;

		/**
		 * AMLSim-shaped laundering: the account a pass-through part goes to (-1: a random
		 * one of the next level), the chain's first mule (cycle) and whether the money
		 * has come back to it.
		 */
		int target = -1;

		int origin = -1;

		boolean returned;

		/** A contact's slot in its gang's SIMs (reacting world), -1 otherwise. */
		int slot = -1;

		Pending(long time, int kind, int victim) {
			this.time = time;
			this.kind = kind;
			this.victim = victim;
		}

		@Override
		public int compareTo(Pending o) {
			int c = Long.compare(time, o.time);
			return c != 0 ? c : Long.compare(seq, o.seq);
		}

	}

}
