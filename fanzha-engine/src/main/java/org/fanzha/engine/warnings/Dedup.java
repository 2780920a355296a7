package org.fanzha.engine.warnings;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/*
 * Keeps one person from being warned more than once per window on the same channel, so that repeated signals about
 * the same person do not flood them (and the 96110 desk) with the same warning. Rules (windows are assumptions,
 * configurable; DOMAIN.md §3 "Warning and dissuasion" gives the channels, not the windows):
 *   - a warning whose grade is higher than the grade of the person's last admitted warning always passes at once
 *     (an escalation must never wait);
 *   - otherwise it passes when the person has had no warning on that channel yet, or the last one on that channel was
 *     at least the channel's window ago (exactly one window later passes, one millisecond earlier does not);
 *     defaults: SMS once an hour, phone call once an hour, visit once a day;
 *   - an admitted warning becomes the person's last warning (its grade and, for its channel, its time).
 * Times are the caller's Instants (millisecond precision); a time earlier than the last one counts as inside the window.
 *
 * Allocation-light: state lives in parallel primitive arrays indexed by a dense person slot (3 longs + 1 byte per
 * person); long ids are found by an open-addressing long ⇒ slot table, so admitting a known long id allocates nothing.
 * String ids go through a HashMap (one entry per new person). A long id and a String id are distinct keys. Not
 * thread-safe: use one instance per thread or shard by person. State grows with the number of persons seen.
 */
/** Per person and channel warning de-duplication with escalations always passing. */
public final class Dedup {

	/**
	 * Window per channel; {@link #DEFAULTS}: SMS 1 h, phone call 1 h, visit 24 h
	 * (assumptions).
	 */
	public record Windows(Duration sms, Duration phoneCall, Duration visit) {

		public static final Windows DEFAULTS = new Windows(Duration.ofHours(1), Duration.ofHours(1),
				Duration.ofHours(24));

		public Windows {
			for (Duration d : new Duration[] { sms, phoneCall, visit }) {
				if (d == null || d.isNegative()) {
					throw new IllegalArgumentException("every window must be a duration >= 0");
				}
			}
		}

		long millis(int channel) {
			return (channel == 0 ? sms : channel == 1 ? phoneCall : visit).toMillis();
		}
	}

	private static final int CHANNELS = 3;

	private static final long NEVER = Long.MIN_VALUE;

	private final long[] windowMillis = new long[CHANNELS];

	// dense per-person state
	private long[] lastAt = new long[16 * CHANNELS];

	private byte[] lastGrade = new byte[16];

	private int persons;

	// open addressing long id ⇒ slot + 1 (0 = empty)
	private long[] keys = new long[32];

	private int[] slots = new int[32];

	private int longCount;

	private final Map<String, Integer> stringSlots = new HashMap<>();

	public Dedup() {
		this(Windows.DEFAULTS);
	}

	public Dedup(Windows windows) {
		if (windows == null) {
			throw new IllegalArgumentException("windows are required");
		}
		for (int c = 0; c < CHANNELS; c++) {
			windowMillis[c] = windows.millis(c);
		}
		Arrays.fill(lastAt, NEVER);
	}

	/**
	 * Whether to send this warning to the person with a long id; when true it is recorded
	 * as sent.
	 */
	public boolean admit(long personId, Grade grade, Channel channel, Instant at) {
		check(grade, channel, at);
		return admitSlot(slotOf(personId), grade, channel, at.toEpochMilli());
	}

	/**
	 * Whether to send this warning to the person with a String id; when true it is
	 * recorded as sent.
	 */
	public boolean admit(String personId, Grade grade, Channel channel, Instant at) {
		if (personId == null || personId.isEmpty()) {
			throw new IllegalArgumentException("person id is required");
		}
		check(grade, channel, at);
		Integer slot = stringSlots.get(personId);
		if (slot == null) {
			slot = newSlot();
			stringSlots.put(personId, slot);
		}
		return admitSlot(slot, grade, channel, at.toEpochMilli());
	}

	/** How many persons are remembered. */
	public int size() {
		return persons;
	}

	private static void check(Grade grade, Channel channel, Instant at) {
		if (grade == null || channel == null || at == null) {
			throw new IllegalArgumentException("grade, channel and time are required");
		}
	}

	private boolean admitSlot(int slot, Grade grade, Channel channel, long at) {
		int c = channel.ordinal();
		int i = slot * CHANNELS + c;
		boolean escalation = grade.ordinal() > lastGrade[slot];
		long last = lastAt[i];
		boolean windowOver = last == NEVER || (at >= last && at - last >= windowMillis[c]);
		if (!escalation && !windowOver) {
			return false;
		}
		lastAt[i] = at;
		lastGrade[slot] = (byte) grade.ordinal();
		return true;
	}

	private int newSlot() {
		if (persons == lastGrade.length) {
			int n = persons * 2;
			lastGrade = Arrays.copyOf(lastGrade, n);
			int old = lastAt.length;
			lastAt = Arrays.copyOf(lastAt, n * CHANNELS);
			Arrays.fill(lastAt, old, lastAt.length, NEVER);
		}
		lastGrade[persons] = -1;
		return persons++;
	}

	private int slotOf(long id) {
		int mask = keys.length - 1;
		int h = mix(id) & mask;
		while (slots[h] != 0) {
			if (keys[h] == id) {
				return slots[h] - 1;
			}
			h = (h + 1) & mask;
		}
		int slot = newSlot();
		keys[h] = id;
		slots[h] = slot + 1;
		if (++longCount * 2 > keys.length) {
			grow();
		}
		return slot;
	}

	private void grow() {
		long[] oldKeys = keys;
		int[] oldSlots = slots;
		keys = new long[oldKeys.length * 2];
		slots = new int[oldSlots.length * 2];
		int mask = keys.length - 1;
		for (int j = 0; j < oldKeys.length; j++) {
			if (oldSlots[j] != 0) {
				int h = mix(oldKeys[j]) & mask;
				while (slots[h] != 0) {
					h = (h + 1) & mask;
				}
				keys[h] = oldKeys[j];
				slots[h] = oldSlots[j];
			}
		}
	}

	private static int mix(long x) {
		x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
		x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return (int) (x ^ (x >>> 33));
	}

}
