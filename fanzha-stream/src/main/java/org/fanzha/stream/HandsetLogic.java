package org.fanzha.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fanzha.engine.telecom.SimMeasure;
import org.fanzha.engine.telecom.SimMonitor;
import org.fanzha.engine.telecom.SimRuleSet;

/**
 * The handset (IMEI) side of SIM monitoring on one handset's state, for the handset stage
 * of the job (keyed by IMEI) and its reference without Flink: the SIMs seen in the
 * handset, its outgoing calls in the last hour, and the rules of the SIM rule set that
 * read only handset features ({@code device.*}: by default {@code BOX_DEVICE} and
 * {@code BOX_SEQUENTIAL}, a SIM box). When one acts, the handset is marked a SIM box and
 * every SIM remembered in it, and every SIM seen in it later, gets the rule's measure
 * with the SIM-box mark, as the engine's monitor does ({@code SimMonitor} and its
 * package-private {@code SimDevices}).
 *
 * <p>
 * <b>Algorithm.</b> The engine's handset slab, with phone numbers instead of the
 * monitor's SIM indices (a handset key has no SIM table): the last {@value #REMEMBERED}
 * numbers seen (a ring), a saturating count of distinct SIMs, four 15-minute buckets of
 * calls with their head, and the box measure. The features are {@code device.sims},
 * {@code device.sequentialSims} (remembered numbers within
 * {@link SimMonitor#SEQUENTIAL_SPAN} of the caller's), {@code device.calls1h};
 * {@code device.confirmedSims} is 0 (confirmations are not a topic). Cost per record: a
 * scan of eight longs and one pass over the handset rules; nothing allocated unless a
 * measure is written. State: {@value #LONGS} longs (120 bytes) per handset.
 *
 * <p>
 * What differs from the in-process monitor (docs/stream.md, "Handsets"): the monitor also
 * decides a SIM's handset rules at its events that carry no IMEI (texts), from its last
 * handset; a handset marked because a SIM in it was caught by a rule of its own
 * ({@code BOX_TIMING}) needs the phone stage's verdict here (not wired); and a SIM
 * evicted from the ring of a handset with more than eight SIMs is counted again when it
 * comes back, where the monitor remembers the SIM's last handset.
 */
public final class HandsetLogic {

	static final int REMEMBERED = 8;

	private static final int COUNT = REMEMBERED;

	private static final int CALLS = COUNT + 1;

	private static final int BUCKETS = 4;

	/** Bucket width of the hour window, as the engine's (15 minutes). */
	private static final long BUCKET_SECONDS = 900;

	private static final int HEAD = CALLS + BUCKETS;

	private static final int BOX = HEAD + 1;

	public static final int LONGS = BOX + 1;

	private static final long NO_BUCKET = Long.MIN_VALUE;

	/** Reason of a SIM seen in a SIM-box handset, as the monitor's decision gives it. */
	static final String BOX_MEMBER_TEXT = "该号码曾在已认定为猫池/GOIP的设备中使用（《反电信网络诈骗法》第十四条）";

	private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*\\.[a-zA-Z0-9]+");

	private final SimRuleSet rules;

	/** Indices of the rules reading only handset features, not shadow. */
	private final int[] handsetRules;

	private final double[] f = new double[SimRuleSet.FEATURES.size()];

	private static final int SIMS_F = SimRuleSet.FEATURES.indexOf("device.sims");

	private static final int SEQ_F = SimRuleSet.FEATURES.indexOf("device.sequentialSims");

	private static final int CALLS_F = SimRuleSet.FEATURES.indexOf("device.calls1h");

	public HandsetLogic() {
		this(SimRuleSet.parse(SimMonitor.DEFAULT_RULES));
	}

	public HandsetLogic(SimRuleSet rules) {
		this.rules = rules;
		List<Integer> r = new ArrayList<>();
		for (int i = 0; i < rules.rules().size(); i++) {
			SimRuleSet.Rule rule = rules.rules().get(i);
			if (!rule.shadow() && readsOnlyHandset(rule.source())) {
				r.add(i);
			}
		}
		handsetRules = r.stream().mapToInt(Integer::intValue).toArray();
	}

	private static boolean readsOnlyHandset(String source) {
		String condition = source.substring(source.indexOf(':') + 1, source.indexOf("->"));
		Matcher m = NAME.matcher(condition);
		boolean any = false;
		while (m.find()) {
			if (!m.group().startsWith("device.")) {
				return false;
			}
			any = true;
		}
		return any;
	}

	/** The ids of the rules this logic runs. */
	public List<String> ruleIds() {
		List<String> ids = new ArrayList<>();
		for (int r : handsetRules) {
			ids.add(rules.rules().get(r).id());
		}
		return ids;
	}

	public static long[] newState() {
		long[] s = new long[LONGS];
		s[HEAD] = NO_BUCKET;
		return s;
	}

	/**
	 * The phones of a box handset that already have their message (the stage keeps them
	 * in a map state of the handset; a box carries 16 to 64 SIMs, more than the ring
	 * remembers, so a SIM may come back to it unremembered).
	 */
	public interface Measured {

		/** Records {@code phone}; false when it was recorded before. */
		boolean first(long phone) throws Exception;

	}

	/**
	 * Books {@code c} (a record carrying this handset's IMEI) on the handset's state and
	 * returns the measures messages it causes, keyed by phone (empty almost always), each
	 * phone once per handset ({@code measured}).
	 */
	public List<Keyed> apply(Call c, long[] s, Measured measured) throws Exception {
		List<Keyed> out = apply(c, s);
		if (out.isEmpty()) {
			return out;
		}
		List<Keyed> first = new ArrayList<>(out.size());
		for (Keyed k : out) {
			if (measured.first(Long.parseLong(k.key))) {
				first.add(k);
			}
		}
		return first;
	}

	private List<Keyed> apply(Call c, long[] s) {
		boolean known = remembers(s, c.caller);
		record(s, c.caller);
		if (c.call) {
			call(s, c.time);
		}
		List<Keyed> out = List.of();
		if (s[BOX] != 0) {
			// a box handset: a SIM arriving in it gets the box's measure (the monitor's
			// SIM_BOX_MEMBER); those remembered at marking got it then
			return known ? out : List.of(measure(c, c.caller, SimMeasure.values()[(int) s[BOX] - 1], 0, true));
		}
		features(s, c.caller, c.time);
		long acted = 0;
		int measure = 0;
		for (int r : handsetRules) {
			if (rules.matches(r, f) && rules.rules().get(r).simBox()) {
				acted |= 1L << r;
				measure = Math.max(measure, rules.rules().get(r).measure().ordinal());
			}
		}
		if (acted == 0) {
			return out;
		}
		s[BOX] = measure + 1;
		out = new ArrayList<>();
		out.add(measure(c, c.caller, SimMeasure.values()[measure], acted, false));
		for (int i = 0; i < REMEMBERED; i++) {
			if (s[i] != 0 && s[i] != c.caller) {
				out.add(measure(c, s[i], SimMeasure.values()[measure], acted, true));
			}
		}
		return out;
	}

	/** Whether {@code phone} is among the SIMs remembered in the handset. */
	public static boolean remembers(long[] s, long phone) {
		for (int i = 0; i < REMEMBERED; i++) {
			if (s[i] == phone) {
				return true;
			}
		}
		return false;
	}

	private Keyed measure(Call c, long phone, SimMeasure m, long ruleBits, boolean member) {
		List<SimMonitor.Reason> reasons = new ArrayList<>();
		if (member) {
			reasons.add(new SimMonitor.Reason(SimMonitor.SIM_BOX_MEMBER, BOX_MEMBER_TEXT));
		}
		for (int r = 0; r < rules.rules().size(); r++) {
			if ((ruleBits & 1L << r) != 0) {
				reasons.add(new SimMonitor.Reason(rules.rules().get(r).id(), rules.rules().get(r).reason()));
			}
		}
		SimMonitor.Decision d = new SimMonitor.Decision(phone, m, c.time, 0, true, List.copyOf(reasons),
				m.appealDocuments(), SimMeasure.APPEAL_CHANNEL, rules.version());
		return new Keyed(Long.toString(phone), Messages.measureJson(c.operator, d));
	}

	/**
	 * The handset features of this record, into {@code out} at the slots of
	 * {@link SimRuleSet#FEATURES}: device.sims, device.sequentialSims, device.calls1h
	 * (for comparisons with the monitor's).
	 */
	public double[] features(long[] s, long phone, long now) {
		long sims = s[COUNT];
		f[SIMS_F] = sims;
		int sequential = 0;
		if (sims > 1) {
			for (int i = 0; i < REMEMBERED; i++) {
				if (s[i] != 0 && s[i] != phone && Math.abs(s[i] - phone) <= SimMonitor.SEQUENTIAL_SPAN) {
					sequential++;
				}
			}
		}
		f[SEQ_F] = sequential;
		f[CALLS_F] = calls1h(s, now);
		return f;
	}

	private static void record(long[] s, long phone) {
		for (int i = 0; i < REMEMBERED; i++) {
			if (s[i] == phone) {
				return;
			}
			if (s[i] == 0) {
				s[i] = phone;
				s[COUNT]++;
				return;
			}
		}
		long count = s[COUNT];
		s[(int) (count % REMEMBERED)] = phone;
		s[COUNT] = count == Integer.MAX_VALUE ? count : count + 1;
	}

	private static void call(long[] s, long t) {
		long idx = Math.floorDiv(t, BUCKET_SECONDS);
		long current = s[HEAD];
		if (current == NO_BUCKET || idx > current) {
			long from = current == NO_BUCKET ? idx - BUCKETS + 1 : Math.max(current + 1, idx - BUCKETS + 1);
			for (long i = from; i <= idx; i++) {
				s[CALLS + (int) (i & (BUCKETS - 1))] = 0;
			}
			s[HEAD] = idx;
		}
		else if (idx <= current - BUCKETS) {
			return;
		}
		s[CALLS + (int) (idx & (BUCKETS - 1))]++;
	}

	private static long calls1h(long[] s, long now) {
		long current = s[HEAD];
		if (current == NO_BUCKET) {
			return 0;
		}
		long q = Math.floorDiv(now, BUCKET_SECONDS);
		long total = 0;
		for (long i = Math.max(current, q) - BUCKETS + 1; i <= Math.min(current, q); i++) {
			total += s[CALLS + (int) (i & (BUCKETS - 1))];
		}
		return total;
	}

}
