package org.fanzha.engine.telecom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Abnormal-SIM monitoring for an operator (反诈平台电话卡异常监测): every call and text record is
 * booked as it happens, the calling SIM's features are built and the {@link SimRuleSet}
 * decides a graded measure — re-verification, restriction of outgoing calls, suspension
 * (Anti-Telecom-Fraud Law art. 11) — and whether the SIM belongs to a SIM box to be
 * reported (art. 14). Each measure carries the reasons, the appeal channel and the
 * documents needed (art. 32).
 *
 * <p>
 * <b>Algorithm.</b> Phone numbers, IMEIs and cell ids are numbered by open-addressing
 * maps ({@link LongIndex}); the state lives in primitive slabs indexed by those numbers:
 * per SIM the bucketed 1-hour and 24-hour windows of {@link SimActivity} (volume, answer
 * and short-call shares, call-backs, active hours, linear-counting sketches of distinct
 * callees, callee regions and cells, the regularity of the gaps between calls and texts,
 * handset changes) beside the monitor's own fields; per handset the SIMs seen in it and
 * its calls in the hour ({@link SimDevices}); per cell the new SIMs active today. A call
 * X→Y also feeds Y: X is remembered among Y's recent callers (so that Y calling X back
 * counts for X's "called back" share) and contacts with confirmed numbers are counted
 * both ways. The feature vector ({@link SimRuleSet#FEATURES}) is built for the SIM that
 * acted and every rule is matched; the most severe active measure is put in force if it
 * is more severe than the one already there, and its rules are kept as the reasons. When
 * a {@code SIM_BOX} rule acts, the handset itself is marked: the other SIMs remembered in
 * it get the same measure at once ({@link Verdict#others}) and every SIM seen in it later
 * gets it at its first event.
 *
 * <p>
 * <b>Grading (art. 11).</b> Measures only rise on their own; they come down through
 * {@link #reverified} (the holder passed re-verification: lifts anything below
 * {@code SUSPEND}) or {@link #lift} (a verified appeal, art. 32), never by a quiet day. A
 * SIM under {@code RE_VERIFY} that has not re-verified within
 * {@link Settings#reverifyWithinSeconds} is restricted at its next event ("未按规定核验"); a
 * failed re-verification suspends it ({@link #reverificationFailed}). After a
 * re-verification or an appeal, rules graded below {@code SUSPEND} do not act on the SIM
 * for {@link Settings#graceSeconds} (no nagging of a holder who has just proved who they
 * are); confirmed numbers and SIM boxes still do.
 *
 * <p>
 * <b>Cost.</b> An event is two to four hash probes (caller, callee, and the handset and
 * cell when they changed), a few neighbouring cache lines per SIM, and one pass over the
 * compiled rules; nothing is allocated (the {@link Verdict} and the feature vector are
 * reused; {@link #decision} allocates, and is meant for the moment a measure changes).
 * About 1.4 million call records a second on one core (docs/benchmarks.md). Memory is
 * about 480 bytes per number seen (callees included) and 100 per handset, whatever the
 * traffic. Not thread-safe: one monitor per partition of numbers, or a lock around it.
 *
 * <p>
 * Time is always passed in (epoch seconds; China Standard Time for "hour" and "today");
 * records may come a little out of order. References: art. 11, 14, 32 of the
 * Anti-Telecom-Fraud Law (2022); the SIM-box traits (many SIMs in one handset, sequential
 * numbers bought in a batch, machine-regular dialling, low answer rate, many distinct
 * callees) as operators and the GSMA Fraud and Security Group describe
 * interconnect-bypass (SIM box) fraud. The thresholds of {@link #DEFAULT_RULES} were
 * tuned on Fanzha's own simulator (docs/evaluation.md), not on operator data.
 */
public final class SimMonitor {

	/** An unknown cell, callee region or IMEI. */
	public static final long UNKNOWN = -1;

	/**
	 * Answered calls shorter than this count as short ("响一声" calls and hang-ups after the
	 * opening line).
	 */
	public static final int SHORT_CALL_SECONDS = 30;

	/** Numbers at most this far apart in one handset count as sequential. */
	public static final long SEQUENTIAL_SPAN = 16;

	/**
	 * {@code sim.ageDays} when the activation date is not known: treated as an old SIM.
	 */
	public static final int UNKNOWN_AGE_DAYS = 36_500;

	/** Reason code when a SIM under re-verification did not re-verify in time. */
	public static final String REVERIFY_OVERDUE = "REVERIFY_OVERDUE";

	/** Reason code when the holder failed re-verification. */
	public static final String REVERIFY_FAILED = "REVERIFY_FAILED";

	/** Reason code when the SIM was seen in a handset identified as a SIM box. */
	public static final String SIM_BOX_MEMBER = "SIM_BOX_MEMBER";

	/**
	 * The rules shipped by default (version 1), tuned on the simulator: see
	 * docs/evaluation.md.
	 */
	public static final String DEFAULT_RULES = """
			version 1
			rule CONFIRMED: sim.confirmed == 1 -> SUSPEND "该号码已被受害人报案指认或经公安机关认定为涉诈号码"
			rule BOX_DEVICE: device.sims >= 8 and device.calls1h >= 20 -> SUSPEND SIM_BOX "同一设备（IMEI）插入多张电话卡并集中外呼，疑似猫池/GOIP设备"
			rule BOX_SEQUENTIAL: device.sims >= 4 and device.sequentialSims >= 3 -> SUSPEND SIM_BOX "同一设备内多张连号电话卡轮流使用，疑似猫池/GOIP设备"
			rule BOX_TIMING: sim.gapCv <= 0.2 and sim.calls1h >= 20 and sim.answeredShare24h <= 0.6 or sim.gapCv <= 0.2 and sim.sms1h >= 15 -> SUSPEND SIM_BOX "外呼或发送短信的间隔高度规律，呈机器自动拨号特征，疑似猫池/GOIP设备"
			rule HANDSET_OF_CONFIRMED: device.confirmedSims >= 1 -> RESTRICT_OUTGOING "与已确认涉诈号码在同一手机（IMEI）上使用"
			rule MULTI_SIM_HANDSET: device.sims >= 3 and sim.ageDays <= 90 and sim.calleeRegions24h >= 3 and sim.answeredShare24h <= 0.6 -> RESTRICT_OUTGOING "一机多卡：同一手机使用多张新入网号码，呼叫多地陌生号码"
			rule MASS_CALLING_NEW: sim.ageDays <= 180 and sim.calls24h >= 20 and sim.distinctCallees24h >= 15 and sim.answeredShare24h <= 0.6 -> RESTRICT_OUTGOING "新入网号码短时间内大量呼叫陌生号码，接通率低"
			rule MASS_CALLING: sim.calls24h >= 60 and sim.distinctCallees24h >= 50 and sim.answeredShare24h <= 0.5 and sim.shortShare24h >= 0.5 -> RESTRICT_OUTGOING "大量呼叫陌生号码，接通率低且多为短时通话"
			rule SPREAD_NEW: sim.ageDays <= 180 and sim.calls24h >= 8 and sim.calleeRegions24h >= 6 and sim.answeredShare24h <= 0.6 and sim.calledBackShare24h == 0 -> RESTRICT_OUTGOING "新入网号码呼叫多个地区的陌生号码，接通率低且无人回拨"
			rule SMS_BURST_NEW: sim.ageDays <= 180 and sim.sms24h >= 20 and sim.distinctCallees24h >= 15 -> RESTRICT_OUTGOING "新入网号码短时间内向大量陌生号码群发短信"
			rule SMS_SPREAD_NEW: sim.ageDays <= 180 and sim.sms24h >= 10 and sim.calleeRegions24h >= 6 -> RESTRICT_OUTGOING "新入网号码向多个地区的陌生号码发送短信"
			rule CALLING_SPREE: sim.calls24h >= 15 and sim.distinctCallees24h >= 10 and sim.answeredShare24h <= 0.6 and sim.calledBackShare24h <= 0.05 -> RE_VERIFY "呼叫大量陌生号码且少有回拨，需核实是否本人使用"
			rule NEW_SIM_BUSY_CELL: sim.ageDays <= 30 and cell.newSimsToday >= 30 and sim.calls24h >= 20 and sim.answeredShare24h <= 0.6 -> RE_VERIFY "新入网号码在新卡集中活跃的区域大量外呼"
			rule CONTACTS_CONFIRMED: sim.contactsWithConfirmed24h >= 2 -> RE_VERIFY "多次联系已确认的涉诈号码"
			shadow rule HANDSET_SWAPS: sim.imeiChanges24h >= 3 -> RE_VERIFY "一天内多次更换手机使用"
			""";

	/**
	 * Deadlines and ages. {@code reverifyWithinSeconds}: time a holder has to re-verify
	 * before the SIM is restricted; {@code graceSeconds}: after a re-verification or
	 * appeal, how long rules graded below SUSPEND leave the SIM alone;
	 * {@code newSimDays}: SIMs at most this old count as new for
	 * {@code cell.newSimsToday}.
	 */
	public record Settings(long reverifyWithinSeconds, long graceSeconds, int newSimDays) {

		/**
		 * 24 hours to re-verify, 7 days of grace, 30-day-old SIMs are new (assumptions,
		 * configurable).
		 */
		public static final Settings DEFAULTS = new Settings(86_400, 7 * 86_400, 30);

		public Settings {
			if (reverifyWithinSeconds <= 0 || graceSeconds < 0 || newSimDays < 0) {
				throw new IllegalArgumentException(
						"reverifyWithinSeconds must be > 0, graceSeconds and newSimDays >= 0");
			}
		}
	}

	/**
	 * A reason for a measure: the rule id (or a built-in code) and the text for the
	 * officer and the holder.
	 */
	public record Reason(String code, String text) {
	}

	/**
	 * The measure in force on a SIM, as told to its holder (art. 32): the measure and
	 * since when, the deadline to re-verify (for {@code RE_VERIFY}, else 0), whether it
	 * was reported as part of a SIM box, the reasons, the documents to bring and where to
	 * appeal, and the rule set version that decided.
	 */
	public record Decision(long phone, SimMeasure measure, long sinceEpochSecond, long reverifyByEpochSecond,
			boolean simBox, List<Reason> reasons, List<String> appealDocuments, String appealChannel,
			int rulesVersion) {
	}

	/**
	 * The outcome of one event for the SIM that acted; reused by the next event: copy
	 * what you keep.
	 */
	public static final class Verdict {

		/** The SIM decided on (the caller, the sender, or the number confirmed). */
		public long phone;

		/** The measure in force on it after this event. */
		public SimMeasure measure = SimMeasure.NONE;

		/**
		 * The measure in force rose with this event: tell the holder now
		 * ({@link SimMonitor#decision}).
		 */
		public boolean escalated;

		/** The SIM is marked as part of a SIM box (now or earlier). */
		public boolean simBox;

		/** It was marked at this event: report it (art. 14). */
		public boolean simBoxReported;

		/** Bit r set: rule r matched (shadow rules included). */
		public long matched;

		/** Bit r set: rule r acted. */
		public long acted;

		/**
		 * Other SIMs marked at this event (and put under the SIM-box rule's measure)
		 * because they were seen in the handset just identified as a SIM box:
		 * {@link #other(int)} for i below this count; tell their holders too
		 * ({@link SimMonitor#decision}).
		 */
		public int others;

		private final long[] otherPhones = new long[SimDevices.REMEMBERED];

		/** The i-th other SIM suspended at this event. */
		public long other(int i) {
			if (i < 0 || i >= others) {
				throw new IndexOutOfBoundsException("other " + i + " of " + others);
			}
			return otherPhones[i];
		}

		void reset(long phone) {
			this.phone = phone;
			measure = SimMeasure.NONE;
			escalated = false;
			simBox = false;
			simBoxReported = false;
			matched = 0;
			acted = 0;
			others = 0;
		}

	}

	private static final long NONE = SimActivity.NONE;

	private static final long CST = 8 * 3_600;

	private static final SimMeasure[] MEASURES = SimMeasure.values();

	// the packed int per SIM: measure ordinal (bits 0-7), built-in reasons (bits 8-15),
	// SIM-box mark (bit 16)
	private static final int MEASURE_MASK = 0xff;

	private static final int BUILTIN_OVERDUE = 1 << 8;

	private static final int BUILTIN_FAILED = 2 << 8;

	private static final int BUILTIN_BOX_MEMBER = 4 << 8;

	private static final int BUILTIN_MASK = 0xff00;

	private static final int SIM_BOX = 1 << 16;

	private static final int F_HOUR = 0;

	/** All state, shared by the monitors {@link #withRules} makes. */
	private static final class State {

		final LongIndex numbers;

		final SimActivity sims;

		final SimDevices devices;

		final LongIndex cells;

		int capacity;

		/**
		 * The rule set a SIM's reason bits refer to (rule sets change at runtime);
		 * touched only when measures change.
		 */
		SimRuleSet[] reasonSet = new SimRuleSet[0];

		int cellCapacity;

		/**
		 * One SIM at a time, its state held outside ({@link #single}): no handsets, no
		 * cells.
		 */
		boolean single;

		long[] cellDay = new long[0];

		int[] cellNew = new int[0];

		State(int expectedSims) {
			numbers = new LongIndex(expectedSims);
			sims = new SimActivity(expectedSims);
			devices = new SimDevices(expectedSims / 2);
			cells = new LongIndex(1_024);
			ensure(Math.max(16, expectedSims));
		}

		void ensure(int n) {
			if (n <= capacity) {
				return;
			}
			int c = Math.max(n, capacity * 2);
			sims.ensure(c);
			reasonSet = Arrays.copyOf(reasonSet, c);
			capacity = c;
		}

		int sim(long phone) {
			int s = numbers.getOrAdd(phone);
			if (s >= capacity) {
				ensure(s + 1);
			}
			sims.setLong(s, SimActivity.L_PHONE, phone);
			return s;
		}

		int cell(long cell) {
			int c = cells.getOrAdd(cell);
			if (c >= cellCapacity) {
				int n = Math.max(c + 1, cellCapacity * 2);
				int old = cellCapacity;
				cellDay = Arrays.copyOf(cellDay, n);
				Arrays.fill(cellDay, old, n, NONE);
				cellNew = Arrays.copyOf(cellNew, n);
				cellCapacity = n;
			}
			return c;
		}

		int packed(int s) {
			return sims.getInt(s, SimActivity.I_MEASURE);
		}

		int measure(int s) {
			return packed(s) & MEASURE_MASK;
		}

		boolean simBox(int s) {
			return (packed(s) & SIM_BOX) != 0;
		}

		void mark(int s) {
			sims.setInt(s, SimActivity.I_MEASURE, packed(s) | SIM_BOX);
		}

		long confirmedAt(int s) {
			return sims.getLong(s, SimActivity.L_CONFIRMED_AT);
		}

	}

	private final State state;

	private final SimRuleSet rules;

	private final Settings settings;

	private final int[] ruleMeasure;

	private final boolean[] ruleSimBox;

	private final boolean[] ruleShadow;

	/** Bit r set: rule r reports SIM boxes. */
	private final long boxRules;

	private final double[] f = new double[SimRuleSet.FEATURES.size()];

	private final int[] day = new int[SimActivity.D_HOURS + 1];

	private final double[] distinct = new double[SimActivity.S_CELLS + 1];

	private final Verdict verdict = new Verdict();

	private final int[] deviceSims = new int[SimDevices.REMEMBERED];

	public SimMonitor(SimRuleSet rules, int expectedSims) {
		this(rules, expectedSims, Settings.DEFAULTS);
	}

	public SimMonitor(SimRuleSet rules, int expectedSims, Settings settings) {
		this(rules, settings, new State(expectedSims));
	}

	private SimMonitor(SimRuleSet rules, Settings settings, State state) {
		this.rules = rules;
		this.settings = settings;
		this.state = state;
		int n = rules.rules().size();
		ruleMeasure = new int[n];
		ruleSimBox = new boolean[n];
		ruleShadow = new boolean[n];
		long bits = 0;
		for (int r = 0; r < n; r++) {
			SimRuleSet.Rule rule = rules.rules().get(r);
			ruleMeasure[r] = rule.measure().ordinal();
			ruleSimBox[r] = rule.simBox();
			ruleShadow[r] = rule.shadow();
			bits |= rule.simBox() ? 1L << r : 0;
		}
		boxRules = bits;
	}

	public static SimMonitor withDefaultRules(int expectedSims) {
		return new SimMonitor(SimRuleSet.parse(DEFAULT_RULES), expectedSims);
	}

	// ------------------------------------------------------------------ one SIM, state
	// held outside

	/** Ints of one SIM's state for {@link #load}/{@link #store}. */
	public static final int SIM_INTS = SimActivity.IS;

	/** Longs of one SIM's state for {@link #load}/{@link #store}. */
	public static final int SIM_LONGS = SimActivity.LS;

	/**
	 * A monitor that holds one SIM at a time, for a stream processor that keeps each
	 * SIM's state in its own keyed state (fanzha-stream, keyed by calling phone):
	 * {@link #load} the SIM's state, pass its events, {@link #store} it. Only what the
	 * SIM's own record holds is decided on, the same code as the monitor of all SIMs:
	 * signals made of other numbers' state are absent — a callee calling back
	 * ({@code sim.calledBackShare24h} counts 0 call-backs), handsets ({@code device.*}:
	 * 0, no SIM-box handsets, no {@link Verdict#others}), cells
	 * ({@code cell.newSimsToday}: 0) and contacts of confirmed numbers seen from the
	 * callee's side. The callee of an event is a scratch slot, forgotten at the next
	 * load.
	 */
	public static SimMonitor single(SimRuleSet rules, Settings settings) {
		State st = new State(2);
		st.single = true;
		return new SimMonitor(rules, settings, st);
	}

	/**
	 * Makes {@code phone} the one SIM of a {@link #single} monitor, with the state
	 * {@link #store} wrote into {@code ints} ({@link #SIM_INTS}) and {@code longs}
	 * ({@link #SIM_LONGS}), or as never seen when they are null. Copies, allocates
	 * nothing.
	 */
	public void load(long phone, int[] ints, long[] longs) {
		final State st = state;
		if (!st.single) {
			throw new IllegalStateException("load is for a monitor made by SimMonitor.single");
		}
		st.numbers.clear();
		st.sims.reset(1); // the scratch callee of the previous SIM's event
		int s = st.numbers.getOrAdd(phone);
		if (ints == null) {
			st.sims.reset(s);
			st.reasonSet[s] = null;
		}
		else {
			st.sims.copyIn(s, ints, longs);
			// the reason bits stored were set under this monitor's rules (one rule set
			// per job)
			st.reasonSet[s] = rules;
		}
		st.sims.setLong(s, SimActivity.L_PHONE, phone);
	}

	/** Copies the loaded SIM's state out (see {@link #load}); allocates nothing. */
	public void store(int[] ints, long[] longs) {
		if (!state.single || state.numbers.size() == 0) {
			throw new IllegalStateException("nothing loaded");
		}
		state.sims.copyOut(0, ints, longs);
	}

	/**
	 * The same SIMs' state under a new rule set (an analyst loads a new version):
	 * windows, confirmations and measures in force carry over (with their reasons from
	 * the rules that decided them).
	 */
	public SimMonitor withRules(SimRuleSet newRules) {
		return new SimMonitor(newRules, settings, state);
	}

	public SimRuleSet rules() {
		return rules;
	}

	public Settings settings() {
		return settings;
	}

	/** Distinct numbers seen or registered so far (SIMs and the numbers they called). */
	public int numbers() {
		return state.numbers.size();
	}

	// ------------------------------------------------------------------ events

	/**
	 * Registers a SIM's activation time (from the real-name registry), which
	 * {@code sim.ageDays} is measured from.
	 */
	public void activate(long phone, long activationEpochSecond) {
		int s = state.sim(phone);
		state.sims.setLong(s, SimActivity.L_ACTIVATION, activationEpochSecond);
	}

	/**
	 * Books a call record and decides on the caller.
	 * @param durationSeconds how long the answered call lasted (ignored when not
	 * answered)
	 * @param cell the caller's cell (or any id of where it called from), {@link #UNKNOWN}
	 * if not known
	 * @param imei the caller's handset, {@link #UNKNOWN} if not known
	 * @param calleeRegion the region the callee's number belongs to (号码归属地, e.g. a GB/T
	 * 2260 code), or {@link #UNKNOWN}
	 * @return the verdict for the caller, reused by the next event
	 */
	public Verdict call(long caller, long callee, long epochSecond, int durationSeconds, boolean answered, long cell,
			long imei, long calleeRegion) {
		final State st = state;
		final SimActivity sims = st.sims;
		int x = st.sim(caller);
		int y = st.sim(callee);
		if (sims.recentlyCalledBy(x, y)) {
			sims.count(y, SimActivity.D_CALLBACKS, epochSecond);
		}
		sims.calledBy(y, x);
		contacts(x, y, epochSecond);
		if (imei != UNKNOWN && !st.single) {
			st.devices.call(handset(x, imei), epochSecond);
		}
		sims.call(x, epochSecond, callee, calleeRegion, durationSeconds, answered, cell, imei);
		outgoing(x, epochSecond, cell);
		return decide(x, epochSecond);
	}

	/**
	 * Books a text message and decides on the sender ({@code cell}, {@code imei},
	 * {@code receiverRegion}: as for {@link #call}, {@link #UNKNOWN} if not known).
	 */
	public Verdict sms(long sender, long receiver, long epochSecond, long cell, long imei, long receiverRegion) {
		final State st = state;
		int x = st.sim(sender);
		int y = st.sim(receiver);
		contacts(x, y, epochSecond);
		if (imei != UNKNOWN && !st.single) {
			handset(x, imei);
		}
		st.sims.sms(x, epochSecond, receiver, receiverRegion, cell, imei);
		outgoing(x, epochSecond, cell);
		return decide(x, epochSecond);
	}

	/**
	 * The handset of SIM x's event: the one it was last seen in when the IMEI is the same
	 * (no lookup), else the IMEI's, where the SIM is recorded on arrival.
	 */
	private int handset(int x, long imei) {
		final SimActivity sims = state.sims;
		int last = sims.getInt(x, SimActivity.I_LAST_DEVICE);
		if (last >= 0 && sims.getLong(x, SimActivity.L_LAST_IMEI) == imei) {
			return last;
		}
		int d = state.devices.device(imei);
		state.devices.record(d, x);
		sims.setInt(x, SimActivity.I_LAST_DEVICE, d);
		return d;
	}

	private void contacts(int x, int y, long t) {
		if (state.confirmedAt(y) != NONE) {
			state.sims.count(x, SimActivity.D_TO_CONFIRMED, t);
		}
		if (state.confirmedAt(x) != NONE) {
			state.sims.count(y, SimActivity.D_FROM_CONFIRMED, t);
		}
	}

	/**
	 * Cell bookkeeping of an outgoing event: the SIM's cell, and new SIMs counted once
	 * per cell and day.
	 */
	private void outgoing(int s, long t, long cell) {
		final State st = state;
		if (cell == UNKNOWN || st.single) {
			return; // a single monitor's cells would mix SIMs of other keys
		}
		int c = st.cell(cell);
		st.sims.setInt(s, SimActivity.I_LAST_CELL, c);
		long today = Math.floorDiv(t + CST, 86_400);
		if (st.cellDay[c] != today) {
			if (st.cellDay[c] != NONE && today < st.cellDay[c]) {
				return; // a late record from an earlier day: that day's count is gone
			}
			st.cellDay[c] = today;
			st.cellNew[c] = 0;
		}
		long a = st.sims.getLong(s, SimActivity.L_ACTIVATION);
		if (a != NONE && t - a <= settings.newSimDays() * 86_400L && (st.sims.getInt(s, SimActivity.I_COUNTED_CELL) != c
				|| st.sims.getLong(s, SimActivity.L_COUNTED_DAY) != today)) {
			st.cellNew[c]++;
			st.sims.setInt(s, SimActivity.I_COUNTED_CELL, c);
			st.sims.setLong(s, SimActivity.L_COUNTED_DAY, today);
		}
	}

	/**
	 * The number is confirmed as a fraud number (a victim's report names it, the police
	 * say so): the rules are run on it at once ({@code CONFIRMED} suspends it by
	 * default), and the handsets it was in see it from now on.
	 */
	public Verdict confirm(long phone, long epochSecond) {
		int s = state.sim(phone);
		if (state.confirmedAt(s) == NONE) {
			state.sims.setLong(s, SimActivity.L_CONFIRMED_AT, epochSecond);
		}
		return decide(s, epochSecond);
	}

	/**
	 * The holder passed re-verification (art. 11): a measure below {@code SUSPEND} is
	 * lifted, and for {@link Settings#graceSeconds} only {@code SUSPEND} rules act on the
	 * SIM. A suspension stays (it needs {@link #lift}).
	 */
	public void reverified(long phone, long epochSecond) {
		int s = state.sim(phone);
		if (state.measure(s) < SimMeasure.SUSPEND.ordinal()) {
			clear(s);
		}
		state.sims.setLong(s, SimActivity.L_LIFTED_AT, epochSecond);
	}

	/** The holder failed re-verification (art. 11: 核验未通过): the SIM is suspended. */
	public Verdict reverificationFailed(long phone, long epochSecond) {
		int s = state.sim(phone);
		verdict.reset(phone);
		verdict.escalated = put(s, SimMeasure.SUSPEND.ordinal(), epochSecond, 0, BUILTIN_FAILED);
		return finish(s);
	}

	/**
	 * A verified appeal (art. 32: 核查通过的，应当即时解除): every measure is lifted at once, a
	 * confirmation and a SIM-box mark are withdrawn, and rules below {@code SUSPEND}
	 * leave the SIM alone for {@link Settings#graceSeconds}.
	 */
	public void lift(long phone, long epochSecond) {
		int s = state.sim(phone);
		clear(s);
		state.sims.setInt(s, SimActivity.I_MEASURE, 0);
		state.sims.setLong(s, SimActivity.L_CONFIRMED_AT, NONE);
		state.sims.setLong(s, SimActivity.L_LIFTED_AT, epochSecond);
	}

	/** Lifts the measure and its reasons (the SIM-box mark stays). */
	private void clear(int s) {
		final SimActivity sims = state.sims;
		sims.setInt(s, SimActivity.I_MEASURE, state.packed(s) & SIM_BOX);
		sims.setLong(s, SimActivity.L_SINCE, 0);
		sims.setLong(s, SimActivity.L_DEADLINE, 0);
		sims.setLong(s, SimActivity.L_REASONS, 0);
		state.reasonSet[s] = null;
	}

	// ------------------------------------------------------------------ deciding

	private Verdict decide(int s, long t) {
		final State st = state;
		final Verdict v = verdict;
		v.reset(st.sims.getLong(s, SimActivity.L_PHONE));
		if (st.measure(s) == SimMeasure.RE_VERIFY.ordinal() && t > st.sims.getLong(s, SimActivity.L_DEADLINE)) {
			v.escalated |= put(s, SimMeasure.RESTRICT_OUTGOING.ordinal(), t, 0, BUILTIN_OVERDUE);
		}
		int d = st.sims.getInt(s, SimActivity.I_LAST_DEVICE);
		if (d >= 0 && st.devices.isBox(d) && !st.simBox(s)) {
			v.escalated |= put(s, st.devices.boxMeasure(d), t, 0, BUILTIN_BOX_MEMBER);
			st.mark(s);
			v.simBoxReported = true;
		}
		features(s, t, d);
		long lifted = st.sims.getLong(s, SimActivity.L_LIFTED_AT);
		boolean grace = lifted != NONE && t - lifted <= settings.graceSeconds();
		int best = 0;
		boolean box = false;
		long acted = 0;
		long matched = 0;
		final int[] measureOf = ruleMeasure;
		for (int r = 0; r < measureOf.length; r++) {
			if (!rules.matches(r, f)) {
				continue;
			}
			matched |= 1L << r;
			if (ruleShadow[r] || grace && measureOf[r] < SimMeasure.SUSPEND.ordinal()) {
				continue;
			}
			acted |= 1L << r;
			best = Math.max(best, measureOf[r]);
			box |= ruleSimBox[r];
		}
		v.matched = matched;
		v.acted = acted;
		if (acted != 0) {
			v.escalated |= put(s, best, t, acted, 0);
			if (box && !st.simBox(s)) {
				st.mark(s);
				v.simBoxReported = true;
			}
			if (box && d >= 0 && !st.devices.isBox(d)) {
				boxDevice(d, s, t, acted & boxRules, boxMeasure(acted));
			}
		}
		return finish(s);
	}

	/** The most severe measure among the acting SIM-box rules. */
	private int boxMeasure(long acted) {
		int m = 0;
		for (int r = 0; r < ruleMeasure.length; r++) {
			if ((acted & boxRules & 1L << r) != 0) {
				m = Math.max(m, ruleMeasure[r]);
			}
		}
		return m;
	}

	/**
	 * The handset is a SIM box: every SIM remembered in it gets the box rules' measure
	 * and the mark, and so will every SIM seen in it later.
	 */
	private void boxDevice(int d, int s, long t, long ruleBits, int measure) {
		final State st = state;
		st.devices.markBox(d, measure);
		int n = st.devices.sims(d, deviceSims);
		for (int i = 0; i < n; i++) {
			int o = deviceSims[i];
			if (o == s || st.simBox(o)) {
				continue;
			}
			st.mark(o);
			put(o, measure, t, ruleBits, BUILTIN_BOX_MEMBER);
			verdict.otherPhones[verdict.others++] = st.sims.getLong(o, SimActivity.L_PHONE);
		}
	}

	/**
	 * Puts {@code measure} in force on SIM s if it is more severe than the one there
	 * (returns whether it was) and adds the reasons while a measure is in force.
	 */
	private boolean put(int s, int measure, long t, long ruleBits, int builtin) {
		final State st = state;
		final SimActivity sims = st.sims;
		int packed = st.packed(s);
		boolean escalated = false;
		if (measure > (packed & MEASURE_MASK)) {
			packed = packed & ~MEASURE_MASK | measure;
			sims.setLong(s, SimActivity.L_SINCE, t);
			sims.setLong(s, SimActivity.L_DEADLINE,
					measure == SimMeasure.RE_VERIFY.ordinal() ? t + settings.reverifyWithinSeconds() : 0);
			escalated = true;
		}
		if ((packed & MEASURE_MASK) == 0) {
			return false; // a report-only rule
		}
		if (ruleBits != 0) {
			if (st.reasonSet[s] != rules) {
				st.reasonSet[s] = rules;
				sims.setLong(s, SimActivity.L_REASONS, 0);
			}
			sims.setLong(s, SimActivity.L_REASONS, sims.getLong(s, SimActivity.L_REASONS) | ruleBits);
		}
		sims.setInt(s, SimActivity.I_MEASURE, packed | builtin);
		return escalated;
	}

	private Verdict finish(int s) {
		verdict.measure = MEASURES[state.measure(s)];
		verdict.simBox = state.simBox(s);
		return verdict;
	}

	private void features(int s, long t, int d) {
		final State st = state;
		final SimActivity a = st.sims;
		final double[] v = f;
		final int[] c = day;
		v[F_HOUR] = Math.floorMod(t + CST, 86_400) / 3_600;
		long act = a.getLong(s, SimActivity.L_ACTIVATION);
		v[1] = act == NONE ? UNKNOWN_AGE_DAYS : Math.max(0, t - act) / 86_400.0;
		v[2] = a.hourCount(s, SimActivity.H_CALLS, t);
		a.day(s, t, c, distinct);
		int calls = c[SimActivity.D_CALLS];
		int answered = c[SimActivity.D_ANSWERED];
		v[3] = calls;
		v[4] = distinct[SimActivity.S_CALLEES];
		v[5] = distinct[SimActivity.S_REGIONS];
		v[6] = calls == 0 ? 1 : answered / (double) calls;
		v[7] = answered == 0 ? 0 : c[SimActivity.D_SHORT] / (double) answered;
		v[8] = calls == 0 ? 1 : Math.min(1, c[SimActivity.D_CALLBACKS] / (double) calls);
		v[9] = Integer.bitCount(c[SimActivity.D_HOURS]);
		v[10] = distinct[SimActivity.S_CELLS];
		v[11] = c[SimActivity.D_IMEI_CHANGES];
		v[12] = a.hourCount(s, SimActivity.H_SMS, t);
		v[13] = c[SimActivity.D_SMS];
		v[14] = a.gapCv(s);
		v[15] = st.confirmedAt(s) != NONE ? 1 : 0;
		v[16] = c[SimActivity.D_TO_CONFIRMED];
		v[17] = c[SimActivity.D_FROM_CONFIRMED];
		if (d >= 0) {
			int sims = st.devices.simCount(d);
			v[18] = sims;
			int others = sims > 1 ? st.devices.others(d, s, SEQUENTIAL_SPAN, a) : 0;
			v[19] = others & 0xffff;
			v[20] = st.devices.calls1h(d, t);
			v[21] = others >>> 16;
		}
		else {
			v[18] = 0;
			v[19] = 0;
			v[20] = 0;
			v[21] = 0;
		}
		int cell = a.getInt(s, SimActivity.I_LAST_CELL);
		v[22] = cell >= 0 && st.cellDay[cell] == Math.floorDiv(t + CST, 86_400) ? st.cellNew[cell] : 0;
	}

	// ------------------------------------------------------------------ reading

	/** The measure in force on a number ({@code NONE} for a number never seen). */
	public SimMeasure measureOf(long phone) {
		int s = state.numbers.get(phone);
		return s < 0 ? SimMeasure.NONE : MEASURES[state.measure(s)];
	}

	/** Whether the number is marked as part of a SIM box. */
	public boolean simBox(long phone) {
		int s = state.numbers.get(phone);
		return s >= 0 && state.simBox(s);
	}

	/**
	 * The measure in force with its reasons, documents and appeal channel (allocates:
	 * call it when a measure changes).
	 */
	public Decision decision(long phone) {
		final State st = state;
		int s = st.numbers.get(phone);
		if (s < 0 || st.measure(s) == 0) {
			return new Decision(phone, SimMeasure.NONE, 0, 0, s >= 0 && st.simBox(s), List.of(), List.of(),
					SimMeasure.APPEAL_CHANNEL, rules.version());
		}
		SimMeasure m = MEASURES[st.measure(s)];
		int builtin = st.packed(s) & BUILTIN_MASK;
		List<Reason> reasons = new ArrayList<>();
		if ((builtin & BUILTIN_FAILED) != 0) {
			reasons.add(new Reason(REVERIFY_FAILED, "二次实人核验未通过（《反电信网络诈骗法》第十一条）"));
		}
		if ((builtin & BUILTIN_BOX_MEMBER) != 0) {
			reasons.add(new Reason(SIM_BOX_MEMBER, "该号码曾在已认定为猫池/GOIP的设备中使用（《反电信网络诈骗法》第十四条）"));
		}
		if ((builtin & BUILTIN_OVERDUE) != 0) {
			reasons.add(new Reason(REVERIFY_OVERDUE, "未在规定时限内完成二次实人核验（《反电信网络诈骗法》第十一条）"));
		}
		SimRuleSet set = st.reasonSet[s];
		int version = set == null ? rules.version() : set.version();
		long bits = st.sims.getLong(s, SimActivity.L_REASONS);
		if (set != null) {
			for (int level = SimMeasure.SUSPEND.ordinal(); level >= 0; level--) {
				for (int r = 0; r < set.rules().size(); r++) {
					SimRuleSet.Rule rule = set.rules().get(r);
					if ((bits & 1L << r) != 0 && rule.measure().ordinal() == level) {
						reasons.add(new Reason(rule.id(), rule.reason()));
					}
				}
			}
		}
		long deadline = m == SimMeasure.RE_VERIFY ? st.sims.getLong(s, SimActivity.L_DEADLINE) : 0;
		return new Decision(phone, m, st.sims.getLong(s, SimActivity.L_SINCE), deadline, st.simBox(s),
				List.copyOf(reasons), m.appealDocuments(), SimMeasure.APPEAL_CHANNEL, version);
	}

	/**
	 * The feature vector of the latest decision, named by {@link SimRuleSet#FEATURES};
	 * overwritten by the next.
	 */
	public double[] lastFeatures() {
		return f;
	}

}
