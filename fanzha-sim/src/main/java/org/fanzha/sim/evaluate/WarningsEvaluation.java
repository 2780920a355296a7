package org.fanzha.sim.evaluate;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.fanzha.engine.monitor.Action;
import org.fanzha.engine.monitor.RuleEngine;
import org.fanzha.engine.monitor.RuleSet;
import org.fanzha.engine.monitor.TransferMonitor;
import org.fanzha.engine.telecom.SimMeasure;
import org.fanzha.engine.telecom.SimMonitor;
import org.fanzha.engine.telecom.SimRuleSet;
import org.fanzha.engine.warnings.Channel;
import org.fanzha.engine.warnings.Deadlines;
import org.fanzha.engine.warnings.Dedup;
import org.fanzha.engine.warnings.Grade;
import org.fanzha.engine.warnings.ScriptCallWatch;
import org.fanzha.engine.warnings.WarningGrader;
import org.fanzha.engine.warnings.WarningGrader.Confidence;
import org.fanzha.engine.warnings.WarningGrader.Signal;
import org.fanzha.engine.warnings.WarningGrader.SignalKind;
import org.fanzha.sim.world.CaseReport;
import org.fanzha.sim.world.EventSink;
import org.fanzha.sim.world.FraudType;
import org.fanzha.sim.world.Population;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.TransferChannel;
import org.fanzha.sim.world.VictimRecord;
import org.fanzha.sim.world.World;

/**
 * Early warning and graded dissuasion (精准预警劝阻, DOMAIN.md §2 capability 4) run over a
 * simulated province in time order, against the ground truth of who was defrauded and
 * when they first paid.
 *
 * <p>
 * <b>What the platform knows, and when.</b> Calls and texts are replayed through the
 * abnormal-SIM monitor ({@link SimMonitor}, shipped rules, as in
 * {@link TelecomEvaluation}); a victim's report confirms the numbers it names at report
 * time (with the report's fraud type). A call or text to a person from a number that is,
 * at that moment, <i>confirmed</i> (named in a report already received) or
 * <i>suspected</i> (the SIM monitor has restricted or suspended it, this record included)
 * is a signal for the person. With payer-side warnings on, the banks' transfer monitor
 * ({@link MonitoredProvince}, default rules) adds one: a payment frozen because the payee
 * is a confirmed fraud account gives {@code TRANSFER_TO_RISKY_ACCOUNT}, a payment held or
 * flagged by a rule that points at the payee ({@link #PAYER_SIDE_RULES}) gives
 * {@code PAYER_WARNING}, both for the paying account's holder. Ground truth is never used
 * to decide.
 *
 * <p>
 * <b>Warning.</b> At each signal the person's signals of the last 72 hours are graded by
 * {@link WarningGrader} (grade ⇒ channel SMS / phone call / visit) and the warning is put
 * to {@link Dedup} (per person and channel; an escalation passes at once); an admitted
 * warning is counted with its time and channel. <b>Look-back</b>: when a number becomes
 * known (confirmed, restricted by the SIM monitor, or restricted with a SIM box it was
 * seen in), everyone it called or texted in the last 72 hours gets a signal at that
 * moment, from the operator's call records (kept here as a ring of about 16 contacts per
 * inhabitant; older ones are lost, as a real operator's retention would lose them).
 *
 * <p>
 * <b>Figures</b> (victims are persons with a {@link VictimRecord}; their first payment is
 * their first level-1 transfer to a gang): the share of victims with a warning strictly
 * before their first payment, the median lead (first payment minus first warning, over
 * those), the same share when a warning counts only once its channel's deadline
 * ({@link Deadlines#DEFAULTS}: SMS 10 min, call 30 min, visit 2 h) has passed, the share
 * warned before paying by a number or payee of the very gang that defrauded them (the
 * rest were warned because another gang's number happened to contact them), what set off
 * the first warning of those warned in time, victims first warned after paying, and the
 * share warned in time by a contact that a restriction already in force would not have
 * blocked; warnings by channel and by deciding reason, the share that went to people who
 * are not victims, and the share set off by a number or payee that is not the gangs'
 * (false alarms). <b>Prevented loss</b>: a warning of channel c before the first payment
 * stops the victim's whole loss with probability success(c), warnings acting
 * independently (1 − Π(1 − success)); expected value in fen, summed over victims (each
 * rounded to the fen). The success rates are assumptions ({@link Success#DEFAULTS}),
 * reported with the figures.
 *
 * <p>
 * <b>Targeted policy</b> ({@link Options#TARGETED}, issue 18): three more feeds, each
 * from records and reports only — script-length calls from numbers that call like a fraud
 * script but are not restricted yet ({@link ScriptCallWatch}, live and looked back),
 * exposure to an app, website or chat group a report named (the simulator's
 * {@link EventSink#exposure} records; everyone drawn in during the last 30 days when it
 * is named, anyone drawn in later), and money received from an account the monitor held
 * or flagged as a payee or a report named; warnings from grade MEDIUM up, and no signal
 * from a contact the operator blocked. {@link Report#warningsPerVictimReached()} and
 * {@link Report#nonVictimWarningsPer10k()} measure the cost; each {@link Feed} can be
 * left out for an ablation.
 *
 * <p>
 * In the static world fraud numbers keep calling after a restriction; in the reacting one
 * ({@code --world
 * reacting}, {@link PlatformLoop}) gangs move to other SIMs after a delay. Warned victims
 * still pay in both, so the figures say what a warning could have reached, not what
 * happened. Cost: one pass over the world; the SIM monitor and transfer monitor dominate;
 * a record costs one extra hash probe and, while its number is unknown, one slot of the
 * call-record ring (24 bytes × about 16 per inhabitant); grading allocates per signal
 * (signals are a small share of the traffic). References: DOMAIN.md §3 "Warning and
 * dissuasion" (grades and channels, MPS practice, secondary), Anti-Telecom-Fraud Law
 * arts. 11 and 34; docs/evaluation.md "Early warning".
 */
public final class WarningsEvaluation {

	/**
	 * Transfer-monitor rules whose hold or flag points at the payee, so the payer is a
	 * potential victim.
	 */
	public static final Set<String> PAYER_SIDE_RULES = Set.of("TO_CONFIRMED", "VICTIM_CONTACTED", "FAN_IN", "QUICK_OUT",
			"FLAGGED_IN", "DORMANT_WAKES");

	/**
	 * The feeds of signals, each switchable so that its contribution can be measured (the
	 * ablation in docs/evaluation.md). Every feed uses only what the platform knows at
	 * the moment: records, reports and the engines' decisions, never the ground truth.
	 */
	public enum Feed {

		/** A call or text from a number already confirmed or restricted (issue 8). */
		KNOWN_NUMBERS,
		/**
		 * When a number becomes known, its contacts of the last 72 h in the call records
		 * (issue 8).
		 */
		LOOK_BACK,
		/**
		 * A script-length call from a number not restricted yet that calls like a fraud
		 * script ({@link ScriptCallWatch}), live and, when the number first shows the
		 * pattern, looked back over its earlier script-length calls.
		 */
		SCRIPT_CALLS,
		/**
		 * An app, website or chat group named in a report: everyone drawn into it in the
		 * last 30 days when it is named, and anyone drawn into it afterwards.
		 */
		EXPOSURE,
		/**
		 * Money received from an account the banks' monitor held or flagged as a payee,
		 * or a report named as one (the rebate a task scam pays before the first
		 * payment).
		 */
		FLAGGED_CREDIT,
		/** The transfer monitor's payer warnings, which come with a payment (issue 8). */
		PAYER_SIDE

	}

	/**
	 * Which feeds run, the lowest grade that is sent as a warning (lower grades are kept
	 * as signals: two of them make a MEDIUM repeated contact), and whether a contact from
	 * a number already restricted, which the operator blocks, is a signal at all.
	 * {@link #BROAD}: the feeds and policy of issue 8, every graded signal warned,
	 * blocked contacts included; {@link #TARGETED}: every feed, warnings from MEDIUM up
	 * (no SMS for a single contact), blocked contacts left to the block.
	 */
	public record Options(Set<Feed> feeds, Grade minimumGrade, boolean blockedContacts) {

		public static final Options BROAD = new Options(EnumSet.of(Feed.KNOWN_NUMBERS, Feed.LOOK_BACK, Feed.PAYER_SIDE),
				Grade.LOW, true);

		public static final Options TARGETED = new Options(EnumSet.allOf(Feed.class), Grade.MEDIUM, false);

		public Options {
			if (feeds == null || minimumGrade == null) {
				throw new IllegalArgumentException("feeds and minimum grade are required");
			}
			feeds = feeds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(feeds));
		}

		public boolean on(Feed feed) {
			return feeds.contains(feed);
		}

		/** The same without {@code feed}. */
		public Options without(Feed feed) {
			EnumSet<Feed> f = feeds.isEmpty() ? EnumSet.noneOf(Feed.class) : EnumSet.copyOf(feeds);
			f.remove(feed);
			return new Options(f, minimumGrade, blockedContacts);
		}
	}

	/** How long an install or a chat group membership stays visible to the look-back. */
	static final long EXPOSURE_LOOK_BACK = 30 * 86_400L;

	/**
	 * The chance that a warning on each channel stops the victim from paying.
	 * {@link #DEFAULTS}: SMS 0.1, phone call 0.4, visit 0.7 — assumptions (no public
	 * measurement), to be varied.
	 */
	public record Success(double sms, double phoneCall, double visit) {

		public static final Success DEFAULTS = new Success(0.1, 0.4, 0.7);

		public Success {
			for (double p : new double[] { sms, phoneCall, visit }) {
				if (!(p >= 0 && p <= 1)) {
					throw new IllegalArgumentException("success rates must be between 0 and 1, got " + p);
				}
			}
		}

		public double of(Channel c) {
			return switch (c) {
				case SMS -> sms;
				case PHONE_CALL -> phoneCall;
				case VISIT -> visit;
			};
		}
	}

	/**
	 * What set a warning off: a call or text from a confirmed or a suspected number, or a
	 * bank's transfer monitor.
	 */
	public enum Source {

		/**
		 * A contact from a number already confirmed (or confirmed by this very report's
		 * moment).
		 */
		CONFIRMED_NUMBER,
		/** A contact from a number the SIM monitor restricted at or before it. */
		SUSPECTED_NUMBER,
		/**
		 * An earlier contact (last 72 h) found in the call records when the number was
		 * confirmed.
		 */
		CONFIRMED_LOOKBACK,
		/**
		 * An earlier contact found in the call records when the SIM monitor restricted
		 * the number.
		 */
		SUSPECTED_LOOKBACK,
		/** A payment the banks' transfer monitor held or flagged. */
		TRANSFER_MONITOR,
		/** A script-length call from a number calling like a fraud script. */
		SCRIPT_CALL,
		/** An app, website or chat group named in a report. */
		EXPOSURE,
		/** Money received from a held, flagged or reported account. */
		FLAGGED_CREDIT

	}

	/**
	 * One admitted warning: when (epoch second), to whom (person index), channel and
	 * grade, the deciding reason code, its source, the number (calls and texts) or payee
	 * account (transfers) behind it, and the gang that number or account belongs to, -1
	 * when it is not the gangs' (ground truth, for the false-alarm and own-gang figures),
	 * and whether the contact came from a number already restricted or suspended before
	 * it (in the world it would have been blocked; the simulated gangs do not react).
	 */
	public record Warning(long at, int person, Channel channel, Grade grade, String reason, Source source, long trigger,
			int triggerGang, boolean blockedContact) {

		public boolean gangTrigger() {
			return triggerGang >= 0;
		}
	}

	/**
	 * Warnings set off by one source: how many, how many to non-victims, how many by a
	 * number or account that is not the gangs'.
	 */
	public record SourceRow(long warnings, long toNonVictims, long falseAlarms) {
	}

	/**
	 * Victims of one fraud type: how many, warned before paying, median lead, loss,
	 * expected loss prevented.
	 */
	public record TypeRow(int victims, int warnedBefore, double warnedBeforeShare, double medianLeadMinutes,
			long lossFen, long preventedLossFen) {
	}

	public record Report(String preset, long seed, boolean evasive, boolean payerWarnings, Success success, int victims,
			int victimsWarnedBefore, double warnedBeforeFirstPayment, double medianLeadMinutes,
			int victimsWarnedBeforeByOwnGang, double warnedBeforeByOwnGang, Map<Source, Integer> firstWarningSource,
			double warnedBeforeFirstPaymentByDeadline, double warnedBeforeByUnblockedContacts,
			int victimsWarnedAfterPaying, double warnedAfterPayingShare, long signals, long warnings, int personsWarned,
			long nonVictimWarnings, double nonVictimShare, double falseAlarmShare, Map<Channel, Long> warningsByChannel,
			Map<String, Long> warningsByReason, long lossFen, long preventedLossFen, long preventedLossFenByDeadline,
			Map<FraudType, TypeRow> byFraudType, List<Warning> warningList, Options options, int persons,
			int victimsWarnedThrough, Map<Source, SourceRow> warningsBySource) {

		/** Expected share of the victims' loss prevented. */
		public double preventedShare() {
			return lossFen == 0 ? 0 : preventedLossFen / (double) lossFen;
		}

		/**
		 * All warnings sent, per victim warned before paying by a contact that got
		 * through (infinite when none was).
		 */
		public double warningsPerVictimReached() {
			return victimsWarnedThrough == 0 ? Double.POSITIVE_INFINITY : warnings / (double) victimsWarnedThrough;
		}

		/** Warnings to people who are not victims, per 10,000 persons of the province. */
		public double nonVictimWarningsPer10k() {
			return persons == 0 ? 0 : nonVictimWarnings * 10_000.0 / persons;
		}
	}

	private WarningsEvaluation() {
	}

	public static Report run(SimConfig config) {
		return run(config, Success.DEFAULTS, true, SimRuleSet.parse(SimMonitor.DEFAULT_RULES));
	}

	public static Report run(SimConfig config, Success success, boolean payerWarnings) {
		return run(config, success, payerWarnings, SimRuleSet.parse(SimMonitor.DEFAULT_RULES));
	}

	/**
	 * @param payerWarnings whether the banks' transfer monitor adds payer-side signals
	 * @param simRules the SIM monitor's rules (what makes a number suspected)
	 */
	public static Report run(SimConfig config, Success success, boolean payerWarnings, SimRuleSet simRules) {
		return run(config, success, payerWarnings ? Options.BROAD : Options.BROAD.without(Feed.PAYER_SIDE), simRules);
	}

	/**
	 * @param options the feeds that run and the lowest grade warned
	 * @param simRules the SIM monitor's rules (what makes a number suspected)
	 */
	public static Report run(SimConfig config, Success success, Options options, SimRuleSet simRules) {
		if (config == null || success == null || options == null || simRules == null) {
			throw new IllegalArgumentException("config, success rates, options and SIM rules are required");
		}
		World world = new World(config);
		Replay replay = new Replay(world, simRules, options);
		EventSink sink = replay;
		if (options.on(Feed.PAYER_SIDE) || options.on(Feed.FLAGGED_CREDIT)) {
			RuleSet rules = RuleSet.parse(TransferMonitor.DEFAULT_RULES);
			TransferMonitor monitor = new TransferMonitor(rules, world.population.accounts(), null);
			// the province replays its hour first, so its payer signals are buffered
			// before this sink replays the hour
			MonitoredProvince province = new MonitoredProvince(world, monitor, replay.payerObserver(rules));
			replay.province = province;
			sink = EventSink.tee(province, replay);
		}
		PlatformLoop.simulate(world, sink);
		return replay.report(success, options.on(Feed.PAYER_SIDE));
	}

	/**
	 * The province's calls, texts, reports and payer signals, held back an hour at a time
	 * and replayed in time order.
	 */
	private static final class Replay extends HourlyReplay {

		private static final org.fanzha.engine.warnings.FraudType[] ENGINE_TYPES = // style:fqn
				new org.fanzha.engine.warnings.FraudType[FraudType.values().length]; // style:fqn

		static {
			for (FraudType t : FraudType.values()) {
				ENGINE_TYPES[t.ordinal()] = t.warningType();
			}
		}

		private final World world;

		private final Population pop;

		private final int normal;

		private final SimMonitor monitor;

		private final WarningGrader grader = new WarningGrader();

		private final Options options;

		private final ScriptCallWatch watch = new ScriptCallWatch();

		/**
		 * Set once the number has shown the script pattern and its calls were looked
		 * back.
		 */
		private final boolean[] patternSwept;

		/**
		 * The province whose monitor feeds the payer side (for the payees of reports).
		 */
		MonitoredProvince province;

		/**
		 * Per account: when the monitor first held or flagged it as a payee, or a report
		 * named it.
		 */
		private final long[] flaggedAt;

		// the hour's exposures to apps, websites and chat groups
		private final List<Object[]> exposures = new ArrayList<>();

		/** Identifier ⇒ when a report first named it. */
		private final Map<String, Long> namedAt = new HashMap<>();

		/** Identifier not named yet ⇒ its exposures {time, person, gang}. */
		private final Map<String, List<long[]>> exposedTo = new HashMap<>();

		private final Dedup dedup = new Dedup();

		private final long lookBack = WarningGrader.Thresholds.DEFAULTS.lookBack().getSeconds();

		/**
		 * Per register index: when the number was first named in a report, and the
		 * report's fraud type.
		 */
		private final long[] confirmedAt;

		private final byte[] confirmedType;

		// the operator's call records of the last hours, as a ring: contacted person,
		// time, duration (-1 a text),
		// and the sequence number of the same number's previous contact; head[s]: the
		// number's last contact
		private final int ringMask;

		private final int[] rPerson;

		private final long[] rTime;

		private final int[] rDuration;

		private final long[] rPrev;

		private final long[] head;

		private final boolean[] swept;

		private long ringSeq;

		// payer signals from the transfer monitor: time, person, payee, kind (0 payer
		// warning, 1 risky account)
		private long[] pTime = new long[64];

		private int[] pPerson = new int[64];

		private int[] pPayee = new int[64];

		private byte[] pKind = new byte[64];

		private int[] pGang = new int[64];

		private int pSize;

		// ordinary holders asked to re-verify do so an hour later, as in
		// TelecomEvaluation
		private final ArrayDeque<long[]> reverifications = new ArrayDeque<>();

		/** Signals of the last 72 h per person contacted by a known number. */
		private final Map<Integer, ArrayList<Signal>> signals = new HashMap<>();

		private long signalCount;

		// ground truth: the victims' first payments
		private long lastTransferId = -1;

		private long lastTransferTime;

		private int lastTransferFrom;

		private final Map<Integer, Long> firstPayment = new HashMap<>();

		private final List<VictimRecord> victims = new ArrayList<>();

		// warnings as columns
		private long[] wAt = new long[256];

		private int[] wPerson = new int[256];

		private byte[] wChannel = new byte[256];

		private byte[] wGrade = new byte[256];

		private byte[] wSource = new byte[256];

		private long[] wTrigger = new long[256];

		private int[] wGang = new int[256];

		private boolean[] wBlocked = new boolean[256];

		private String[] wReason = new String[256];

		private int wSize;

		Replay(World world, SimRuleSet rules, Options options) {
			super(SimRegister.of(world));
			this.options = options;
			this.world = world;
			this.pop = world.population;
			normal = register.ordinary();
			monitor = new SimMonitor(rules, register.size() + 1_024);
			register.activateAll(monitor);
			confirmedAt = new long[register.size()];
			Arrays.fill(confirmedAt, NONE);
			confirmedType = new byte[register.size()];
			int ring = Integer.highestOneBit(Math.max(1 << 16, Math.min(1 << 26, pop.persons * 16)) - 1) << 1;
			ringMask = ring - 1;
			rPerson = new int[ring];
			rTime = new long[ring];
			rDuration = new int[ring];
			rPrev = new long[ring];
			head = new long[register.size()];
			Arrays.fill(head, -1);
			swept = new boolean[register.size()];
			patternSwept = new boolean[register.size()];
			flaggedAt = new long[pop.accounts()];
			Arrays.fill(flaggedAt, Long.MAX_VALUE);
		}

		/**
		 * Buffers a payer-side signal for each payment held or flagged by a rule that
		 * points at the payee.
		 */
		MonitoredProvince.Observer payerObserver(RuleSet rules) {
			long payerSide = 0;
			long risky = 0;
			for (int r = 0; r < rules.rules().size(); r++) {
				String id = rules.rules().get(r).id();
				if (PAYER_SIDE_RULES.contains(id)) {
					payerSide |= 1L << r;
				}
				if (id.equals("TO_CONFIRMED")) {
					risky |= 1L << r;
				}
			}
			long side = payerSide;
			long toConfirmed = risky;
			boolean credit = options.on(Feed.FLAGGED_CREDIT);
			boolean payerFeed = options.on(Feed.PAYER_SIDE);
			return new MonitoredProvince.Observer() {

				@Override
				public void decided(long id, long time, int from, int to, long amount, int level, long victimTransferId,
						RuleEngine.Verdict v) {
					if (credit && from >= 0 && to >= 0 && flaggedAt[from] <= time) {
						// money from an account already held, flagged or reported
						int receiver = pop.holderPerson(to);
						if (receiver >= 0 && receiver < pop.persons) {
							payer(time, receiver, from, KIND_CREDIT, world.isMule(from) ? world.muleGang(from) : -1);
						}
					}
					if (v.action.compareTo(Action.WARN_PAYER) < 0 || (v.acted & side) == 0 || from < 0) {
						return;
					}
					if (to >= 0) {
						flaggedAt[to] = Math.min(flaggedAt[to], time);
					}
					int person = pop.holderPerson(from);
					if (payerFeed && person >= 0 && person < pop.persons) {
						payer(time, person, to, (v.acted & toConfirmed) != 0 || v.action == Action.PROTECTIVE_FREEZE
								? KIND_RISKY : KIND_PAYER, to >= 0 && world.isMule(to) ? world.muleGang(to) : -1);
					}
				}

				@Override
				public void reported(CaseReport report) {
					for (long t : report.reportedTransfers()) {
						int payee = province.payeeOf(t);
						if (payee >= 0) {
							flaggedAt[payee] = Math.min(flaggedAt[payee], report.reportTime());
						}
					}
				}
			};
		}

		private static final byte KIND_PAYER = 0;

		private static final byte KIND_RISKY = 1;

		private static final byte KIND_CREDIT = 2;

		private void payer(long time, int person, int payee, byte kind, int gang) {
			if (pSize == pTime.length) {
				int n = pSize * 2;
				pTime = Arrays.copyOf(pTime, n);
				pPerson = Arrays.copyOf(pPerson, n);
				pPayee = Arrays.copyOf(pPayee, n);
				pKind = Arrays.copyOf(pKind, n);
				pGang = Arrays.copyOf(pGang, n);
			}
			pTime[pSize] = time;
			pPerson[pSize] = person;
			pPayee[pSize] = payee;
			pKind[pSize] = kind;
			pGang[pSize] = gang;
			pSize++;
		}

		@Override
		public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel,
				int county) {
			enter(time);
			lastTransferId = id;
			lastTransferTime = time;
			lastTransferFrom = from;
		}

		@Override
		public void laundering(long transferId, long chainId, int gang, int level, long victimTransferId) {
			if (level == 1 && transferId == lastTransferId) {
				int person = pop.holderPerson(lastTransferFrom);
				if (person >= 0) {
					firstPayment.merge(person, lastTransferTime, Math::min);
				}
			}
		}

		@Override
		public void victim(VictimRecord victim) {
			victims.add(victim);
		}

		@Override
		public void exposure(long time, int person, String identifier, int gang) {
			enter(time);
			if (options.on(Feed.EXPOSURE)) {
				exposures.add(new Object[] { time, person, identifier, gang });
			}
		}

		/**
		 * The held hour merged in time order; at equal times reports, then calls and
		 * texts, then payer signals.
		 */
		@Override
		void replay() {
			held.sortByTime();
			reports.sort((x, y) -> Long.compare(x.reportTime(), y.reportTime()));
			sortPayerSignals();
			exposures.sort((x, y) -> Long.compare((Long) x[0], (Long) y[0]));
			int r = 0;
			int c = 0;
			int p = 0;
			int e = 0;
			while (r < reports.size() || c < held.size() || p < pSize || e < exposures.size()) {
				long tr = r < reports.size() ? reports.get(r).reportTime() : Long.MAX_VALUE;
				long tc = c < held.size() ? held.time(c) : Long.MAX_VALUE;
				long tp = p < pSize ? pTime[p] : Long.MAX_VALUE;
				long te = e < exposures.size() ? (Long) exposures.get(e)[0] : Long.MAX_VALUE;
				if (tr <= tc && tr <= tp && tr <= te) {
					report(reports.get(r++));
				}
				else if (tc <= tp && tc <= te) {
					record(c++);
				}
				else if (tp <= te) {
					Instant at = Instant.ofEpochSecond(tp);
					if (pKind[p] == KIND_CREDIT) {
						signal(pPerson[p], Signal.of(SignalKind.CREDIT_FROM_FLAGGED, at, null), tp,
								Source.FLAGGED_CREDIT, pPayee[p], pGang[p], false);
					}
					else {
						Signal s = Signal.of(pKind[p] == KIND_RISKY ? SignalKind.TRANSFER_TO_RISKY_ACCOUNT
								: SignalKind.PAYER_WARNING, at, null);
						signal(pPerson[p], s, tp, Source.TRANSFER_MONITOR, pPayee[p], pGang[p], false);
					}
					p++;
				}
				else {
					Object[] x = exposures.get(e++);
					exposed((Long) x[0], (Integer) x[1], (String) x[2], (Integer) x[3]);
				}
			}
			held.clear();
			reports.clear();
			exposures.clear();
			pSize = 0;
		}

		private void sortPayerSignals() {
			boolean sorted = true;
			for (int i = 1; i < pSize && sorted; i++) {
				sorted = pTime[i - 1] <= pTime[i];
			}
			if (sorted) {
				return;
			}
			Integer[] order = new Integer[pSize];
			for (int i = 0; i < pSize; i++) {
				order[i] = i;
			}
			Arrays.sort(order, (a, b) -> Long.compare(pTime[a], pTime[b]));
			long[] t = new long[pSize];
			int[] person = new int[pSize];
			int[] payee = new int[pSize];
			byte[] kind = new byte[pSize];
			int[] gang = new int[pSize];
			for (int k = 0; k < pSize; k++) {
				int i = order[k];
				t[k] = pTime[i];
				person[k] = pPerson[i];
				payee[k] = pPayee[i];
				kind[k] = pKind[i];
				gang[k] = pGang[i];
			}
			System.arraycopy(t, 0, pTime, 0, pSize);
			System.arraycopy(person, 0, pPerson, 0, pSize);
			System.arraycopy(payee, 0, pPayee, 0, pSize);
			System.arraycopy(kind, 0, pKind, 0, pSize);
			System.arraycopy(gang, 0, pGang, 0, pSize);
		}

		private void report(CaseReport report) {
			long t = report.reportTime();
			reverifiedBefore(t);
			for (long phone : report.suspectPhones()) {
				monitor.confirm(phone, t);
				int s = register.indexOf(phone);
				if (s >= 0 && confirmedAt[s] == NONE) {
					confirmedAt[s] = t;
					confirmedType[s] = (byte) report.type().ordinal();
				}
				if (s >= 0) {
					sweep(s, t);
				}
			}
			if (options.on(Feed.EXPOSURE)) {
				named(report.suspectAppOrUrl(), t);
				named(report.suspectIm(), t);
			}
		}

		/**
		 * A report names an app, website or chat group: everyone drawn into it in the
		 * last 30 days gets a signal now (once per identifier).
		 */
		private void named(String identifier, long t) {
			if (identifier == null || namedAt.putIfAbsent(identifier, t) != null) {
				return;
			}
			List<long[]> earlier = exposedTo.remove(identifier);
			if (earlier == null) {
				return;
			}
			Instant at = Instant.ofEpochSecond(t);
			for (long[] x : earlier) {
				if (x[0] >= t - EXPOSURE_LOOK_BACK) {
					signal((int) x[1], Signal.of(SignalKind.EXPOSED_TO_REPORTED, at, null), t, Source.EXPOSURE, -1,
							(int) x[2], false);
				}
			}
		}

		/**
		 * A person drawn into an app, website or chat group: a signal if it was named.
		 */
		private void exposed(long t, int person, String identifier, int gang) {
			Long named = namedAt.get(identifier);
			if (named == null) {
				exposedTo.computeIfAbsent(identifier, k -> new ArrayList<>()).add(new long[] { t, person, gang });
				return;
			}
			signal(person, Signal.of(SignalKind.EXPOSED_TO_REPORTED, Instant.ofEpochSecond(t), null), t,
					Source.EXPOSURE, -1, gang, false);
		}

		private void record(int i) {
			long t = held.time(i);
			reverifiedBefore(t);
			long from = held.from(i);
			boolean text = held.isText(i);
			int s = register.indexOf(from);
			// a number restricted before this record would not have got through
			boolean blocked = s >= 0 && (confirmedAt[s] != NONE || monitor.measureOf(from).restricts());
			SimMonitor.Verdict v = text ? monitor.sms(from, held.to(i), t, held.cell(i), held.imei(i), held.toRegion(i))
					: monitor.call(from, held.to(i), t, held.duration(i), held.answered(i), held.cell(i), held.imei(i),
							held.toRegion(i));
			SimMeasure measure = v.measure;
			// the caller's own past, before anything else overwrites the vector
			boolean coldCaller = !text && options.on(Feed.SCRIPT_CALLS) && s >= 0
					&& watch.coldCaller(monitor.lastFeatures());
			if (v.escalated && measure == SimMeasure.RE_VERIFY && s >= 0 && s < normal) {
				reverifications.add(new long[] { t + TelecomEvaluation.REVERIFY_DELAY, from });
			}
			boolean confirmed = s >= 0 && confirmedAt[s] != NONE;
			boolean known = confirmed || measure.restricts();
			if (known && s >= 0) {
				sweep(s, t);
			}
			for (int k = 0; k < v.others; k++) {
				// SIMs seen in a handset just found to be a SIM box are restricted with
				// it
				int o = register.indexOf(v.other(k));
				if (o >= 0) {
					sweep(o, t);
				}
			}
			int callee = register.indexOf(held.to(i));
			if (callee < 0 || callee >= normal || s < 0) {
				return;
			}
			if (!known) {
				remember(s, pop.simHolder(callee), t, text ? -1 : held.duration(i));
				if (coldCaller) {
					scriptCalls(s, t, from, blocked);
				}
				return;
			}
			if (!options.on(Feed.KNOWN_NUMBERS) || blocked && !options.blockedContacts()) {
				return;
			}
			Confidence confidence = confirmed ? Confidence.CONFIRMED : Confidence.SUSPECTED;
			org.fanzha.engine.warnings.FraudType type = confirmed ? ENGINE_TYPES[confirmedType[s]] : null; // style:fqn
			Instant at = Instant.ofEpochSecond(t);
			Signal signal = text ? Signal.sms(confidence, 1, at, type)
					: Signal.call(confidence, held.duration(i), 1, at, type);
			signal(pop.simHolder(callee), signal, t, confirmed ? Source.CONFIRMED_NUMBER : Source.SUSPECTED_NUMBER,
					from, s >= normal ? world.gangs.fraudGang(s - normal) : -1, blocked);
		}

		/**
		 * The number calls like a fraud script and is not known: its script-length calls
		 * of the last 72 hours (this one included, just booked) get a signal now, once;
		 * later ones as they happen (the ring is read, not consumed: a restriction's
		 * look-back still finds every contact).
		 */
		private void scriptCalls(int s, long now, long phone, boolean blocked) {
			int gang = s >= normal ? world.gangs.fraudGang(s - normal) : -1;
			long oldest = now - lookBack;
			Instant at = Instant.ofEpochSecond(now);
			for (long q = head[s]; q >= 0 && q > ringSeq - 1 - ringMask - 1;) {
				int k = (int) (q & ringMask);
				if (rTime[k] < oldest || patternSwept[s] && q != head[s]) {
					break;
				}
				if (rDuration[k] >= watch.scriptSeconds()) {
					signal(rPerson[k], Signal.scriptCall(rDuration[k], at), now, Source.SCRIPT_CALL, phone, gang,
							blocked);
				}
				q = rPrev[k];
			}
			patternSwept[s] = true;
		}

		/** Books a contact in the ring of call records. */
		private void remember(int s, int person, long t, int duration) {
			int k = (int) (ringSeq & ringMask);
			rPerson[k] = person;
			rTime[k] = t;
			rDuration[k] = duration;
			rPrev[k] = head[s];
			head[s] = ringSeq++;
		}

		/**
		 * The number has just become known (confirmed or restricted): everyone it
		 * contacted in the last 72 hours, as far as the ring still holds, gets a signal
		 * now. Once per number; later contacts are signalled as they happen.
		 */
		private void sweep(int s, long now) {
			if (swept[s]) {
				return;
			}
			swept[s] = true;
			boolean confirmed = confirmedAt[s] != NONE;
			Confidence confidence = confirmed ? Confidence.CONFIRMED : Confidence.SUSPECTED;
			org.fanzha.engine.warnings.FraudType type = confirmed ? ENGINE_TYPES[confirmedType[s]] : null; // style:fqn
			Source source = confirmed ? Source.CONFIRMED_LOOKBACK : Source.SUSPECTED_LOOKBACK;
			int gang = s >= normal ? world.gangs.fraudGang(s - normal) : -1;
			long oldest = now - lookBack;
			if (!options.on(Feed.LOOK_BACK)) {
				head[s] = -1;
				return;
			}
			for (long q = head[s]; q >= 0 && q > ringSeq - 1 - ringMask - 1;) {
				int k = (int) (q & ringMask);
				if (rTime[k] < oldest) {
					break;
				}
				Instant at = Instant.ofEpochSecond(rTime[k]);
				Signal signal = rDuration[k] < 0 ? Signal.sms(confidence, 1, at, type)
						: Signal.call(confidence, rDuration[k], 1, at, type);
				signal(rPerson[k], signal, now, source, register.phone(s), gang, false);
				q = rPrev[k];
			}
			head[s] = -1;
		}

		/**
		 * Ordinary holders who were asked to re-verify do so
		 * ({@link TelecomEvaluation#REVERIFY_DELAY} later).
		 */
		private void reverifiedBefore(long t) {
			while (!reverifications.isEmpty() && reverifications.peekFirst()[0] <= t) {
				long[] due = reverifications.pollFirst();
				if (monitor.measureOf(due[1]) == SimMeasure.RE_VERIFY) {
					monitor.reverified(due[1], due[0]);
				}
			}
		}

		/**
		 * Grades the person's signals at this moment and counts the warning if
		 * de-duplication lets it through.
		 */
		private void signal(int person, Signal signal, long t, Source source, long trigger, int gang, boolean blocked) {
			signalCount++;
			ArrayList<Signal> list = signals.computeIfAbsent(person, k -> new ArrayList<>(4));
			long from = t - lookBack;
			list.removeIf(x -> x.at().getEpochSecond() < from);
			list.add(signal);
			List<Signal> known = list;
			if (list.stream().anyMatch(x -> x.at().getEpochSecond() > t)) {
				// a late payer signal: grade only what was known at its time
				known = list.stream().filter(x -> x.at().getEpochSecond() <= t).toList();
			}
			Instant now = Instant.ofEpochSecond(t);
			WarningGrader.Result g = grader.grade(known, now);
			if (g.grade().compareTo(options.minimumGrade()) < 0 || !dedup.admit(person, g.grade(), g.channel(), now)) {
				return;
			}
			if (wSize == wAt.length) {
				int n = wSize * 2;
				wAt = Arrays.copyOf(wAt, n);
				wPerson = Arrays.copyOf(wPerson, n);
				wChannel = Arrays.copyOf(wChannel, n);
				wGrade = Arrays.copyOf(wGrade, n);
				wSource = Arrays.copyOf(wSource, n);
				wTrigger = Arrays.copyOf(wTrigger, n);
				wGang = Arrays.copyOf(wGang, n);
				wBlocked = Arrays.copyOf(wBlocked, n);
				wReason = Arrays.copyOf(wReason, n);
			}
			wAt[wSize] = t;
			wPerson[wSize] = person;
			wChannel[wSize] = (byte) g.channel().ordinal();
			wGrade[wSize] = (byte) g.grade().ordinal();
			wSource[wSize] = (byte) source.ordinal();
			wTrigger[wSize] = trigger;
			wGang[wSize] = gang;
			wBlocked[wSize] = blocked;
			wReason[wSize] = g.reasons().get(0).code();
			wSize++;
		}

		Report report(Success success, boolean payerWarnings) {
			// the victims by person: earliest first payment, summed loss, the type of the
			// earliest con
			Map<Integer, long[]> victim = new TreeMap<>(); // person -> {first payment,
															// loss, type}
			for (VictimRecord v : victims) {
				Long first = firstPayment.get(v.person());
				if (first == null) {
					continue;
				}
				long[] e = victim.get(v.person());
				if (e == null) {
					victim.put(v.person(),
							new long[] { first, v.lossFen(), v.type().ordinal(), v.firstContact(), v.gang() });
				}
				else {
					e[1] += v.lossFen();
					if (v.firstContact() < e[3]) {
						e[2] = v.type().ordinal();
						e[3] = v.firstContact();
						e[4] = v.gang();
					}
				}
			}
			// each person's warnings in time order
			Integer[] order = new Integer[wSize];
			for (int i = 0; i < wSize; i++) {
				order[i] = i;
			}
			Arrays.sort(order, (a, b) -> wAt[a] != wAt[b] ? Long.compare(wAt[a], wAt[b]) : Integer.compare(a, b));
			Map<Integer, List<Integer>> byPerson = new HashMap<>();
			List<Warning> list = new ArrayList<>(wSize);
			Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
			for (Channel c : Channel.values()) {
				byChannel.put(c, 0L);
			}
			Map<String, Long> byReason = new TreeMap<>();
			long nonVictim = 0;
			long falseAlarms = 0;
			Channel[] channels = Channel.values();
			for (int i : order) {
				byPerson.computeIfAbsent(wPerson[i], k -> new ArrayList<>(2)).add(i);
				Channel c = channels[wChannel[i]];
				byChannel.merge(c, 1L, Long::sum);
				byReason.merge(wReason[i], 1L, Long::sum);
				nonVictim += victim.containsKey(wPerson[i]) ? 0 : 1;
				falseAlarms += wGang[i] >= 0 ? 0 : 1;
				list.add(new Warning(wAt[i], wPerson[i], c, Grade.values()[wGrade[i]], wReason[i],
						Source.values()[wSource[i]], wTrigger[i], wGang[i], wBlocked[i]));
			}
			int types = FraudType.values().length;
			int[] tVictims = new int[types];
			int[] tWarned = new int[types];
			long[] tLoss = new long[types];
			long[] tPrevented = new long[types];
			List<List<Double>> tLeads = new ArrayList<>();
			for (int k = 0; k < types; k++) {
				tLeads.add(new ArrayList<>());
			}
			List<Double> leads = new ArrayList<>();
			int warnedBefore = 0;
			int ownGang = 0;
			Map<Source, Integer> firstSource = new EnumMap<>(Source.class);
			for (Source src : Source.values()) {
				firstSource.put(src, 0);
			}
			int byDeadline = 0;
			int unblocked = 0;
			int warnedAfter = 0;
			long loss = 0;
			long prevented = 0;
			long preventedByDeadline = 0;
			for (Map.Entry<Integer, long[]> e : victim.entrySet()) {
				long first = e.getValue()[0];
				long lossFen = e.getValue()[1];
				int type = (int) e.getValue()[2];
				tVictims[type]++;
				tLoss[type] += lossFen;
				loss += lossFen;
				List<Integer> ws = byPerson.getOrDefault(e.getKey(), List.of());
				double fail = 1;
				double failByDeadline = 1;
				long firstWarning = NONE;
				boolean delivered = false;
				boolean through = false;
				boolean own = false;
				int firstSrc = -1;
				for (int i : ws) {
					if (wAt[i] >= first) {
						continue;
					}
					Channel c = channels[wChannel[i]];
					if (firstWarning == NONE) {
						firstWarning = wAt[i];
						firstSrc = wSource[i];
					}
					own |= wGang[i] == e.getValue()[4];
					through |= !wBlocked[i];
					fail *= 1 - success.of(c);
					if (wAt[i] + Deadlines.DEFAULTS.of(c).getSeconds() < first) {
						delivered = true;
						failByDeadline *= 1 - success.of(c);
					}
				}
				if (firstWarning != NONE) {
					warnedBefore++;
					tWarned[type]++;
					ownGang += own ? 1 : 0;
					firstSource.merge(Source.values()[firstSrc], 1, Integer::sum);
					double lead = (first - firstWarning) / 60.0;
					leads.add(lead);
					tLeads.get(type).add(lead);
					long p = Math.round(lossFen * (1 - fail));
					prevented += p;
					tPrevented[type] += p;
					preventedByDeadline += Math.round(lossFen * (1 - failByDeadline));
					byDeadline += delivered ? 1 : 0;
					unblocked += through ? 1 : 0;
				}
				else if (!ws.isEmpty()) {
					warnedAfter++;
				}
			}
			Map<FraudType, TypeRow> byType = new EnumMap<>(FraudType.class);
			for (FraudType t : FraudType.values()) {
				int k = t.ordinal();
				if (tVictims[k] > 0) {
					byType.put(t, new TypeRow(tVictims[k], tWarned[k], tWarned[k] / (double) tVictims[k],
							median(tLeads.get(k)), tLoss[k], tPrevented[k]));
				}
			}
			Map<Source, long[]> counts = new EnumMap<>(Source.class);
			for (int i = 0; i < wSize; i++) {
				long[] x = counts.computeIfAbsent(Source.values()[wSource[i]], k -> new long[3]);
				x[0]++;
				x[1] += victim.containsKey(wPerson[i]) ? 0 : 1;
				x[2] += wGang[i] >= 0 ? 0 : 1;
			}
			Map<Source, SourceRow> bySource = new EnumMap<>(Source.class);
			counts.forEach((src, x) -> bySource.put(src, new SourceRow(x[0], x[1], x[2])));
			int n = victim.size();
			SimConfig c = world.config;
			int through = unblocked;
			return new Report(c.preset(), c.seed(), c.evasive(), payerWarnings, success, n, warnedBefore,
					n == 0 ? 0 : warnedBefore / (double) n, median(leads), ownGang, n == 0 ? 0 : ownGang / (double) n,
					Collections.unmodifiableMap(firstSource), n == 0 ? 0 : byDeadline / (double) n,
					n == 0 ? 0 : unblocked / (double) n, warnedAfter, n == 0 ? 0 : warnedAfter / (double) n,
					signalCount, wSize, byPerson.size(), nonVictim, wSize == 0 ? 0 : nonVictim / (double) wSize,
					wSize == 0 ? 0 : falseAlarms / (double) wSize, Collections.unmodifiableMap(byChannel),
					Collections.unmodifiableMap(byReason), loss, prevented, preventedByDeadline,
					Collections.unmodifiableMap(byType), Collections.unmodifiableList(list), options, pop.persons,
					through, Collections.unmodifiableMap(bySource));
		}

		/** The median, or -1 when there is nothing to take it of. */
		private static double median(List<Double> values) {
			if (values.isEmpty()) {
				return -1;
			}
			double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			int m = v.length;
			return m % 2 == 1 ? v[m / 2] : (v[m / 2 - 1] + v[m / 2]) / 2.0;
		}

	}

}
