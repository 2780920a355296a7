package org.fanzha.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions a bank may ask for again: keyed by (bank, transfer id), with a digest of
 * what the bank sent, so that a retry gets the same answer and another transfer under a
 * used id is told apart.
 *
 * <p>
 * Layout: a ring of {@code capacity} (a power of two) slots in parallel primitive arrays
 * — key hash, content digest, decision time and the index of an interned {@link Shape} (a
 * decision without its id and time: action, hold, reasons, rule version; there are only
 * as many shapes as combinations of rules that fire) — and an open-addressing index from
 * key hash to slot with linear probing and backward-shift deletion. A new decision takes
 * the oldest slot and drops its key, so memory is fixed (about 40 bytes a decision, no
 * object per decision) and the collector has nothing to trace; that is what made young
 * pauses of over a second with a million remembered {@code Decision} records. Keys are
 * 64-bit hashes: two different (bank, id) pairs share one with probability about n²/2⁶⁵
 * (10⁻⁸ for a million); the content digest is a second, independent 64-bit hash.
 *
 * <p>
 * Not thread-safe: {@link TransferScreening} calls it under its lock.
 */
final class DecisionMemory {

	/** A decision without its transfer id and time. */
	record Shape(String decision, long holdSeconds, List<Decision.Reason> reasons, List<Decision.Reason> shadowReasons,
			int ruleVersion, String appeal) {

		static Shape of(Decision d, long decidedAt) {
			long hold = d.holdUntil() == null ? -1 : d.holdUntil().getEpochSecond() - decidedAt;
			return new Shape(d.decision(), hold, d.reasons(), d.shadowReasons(), d.ruleVersion(), d.appeal());
		}

		Decision decision(String transferId, long decidedAt) {
			return new Decision(transferId, decision,
					holdSeconds < 0 ? null : Instant.ofEpochSecond(decidedAt + holdSeconds), reasons, shadowReasons,
					ruleVersion, appeal);
		}
	}

	/** What {@link #find} says of a key. */
	static final int ABSENT = -1;

	private final int mask;

	private final long[] keys;

	private final long[] digests;

	private final long[] times;

	private final int[] shapes;

	private final boolean[] used;

	/**
	 * Open addressing: slot + 1 per bucket, 0 when empty. Twice the ring's size keeps
	 * probes short.
	 */
	private final int[] index;

	private final int indexMask;

	private int next;

	private int size;

	private final List<Shape> shapeList = new ArrayList<>();

	private final Map<Shape, Integer> shapeIds = new HashMap<>();

	DecisionMemory(int capacity) {
		if (Integer.bitCount(capacity) != 1 || capacity < 2) {
			throw new IllegalArgumentException("capacity must be a power of two");
		}
		this.mask = capacity - 1;
		this.keys = new long[capacity];
		this.digests = new long[capacity];
		this.times = new long[capacity];
		this.shapes = new int[capacity];
		this.used = new boolean[capacity];
		this.index = new int[capacity * 2];
		this.indexMask = capacity * 2 - 1;
	}

	static long key(String bank, String transferId) {
		long h = 0xcbf29ce484222325L;
		h = fnv(h, bank == null ? "" : bank);
		h = (h ^ 0x1F) * 0x100000001b3L; // a separator no bank code contains
		return mix(fnv(h, transferId));
	}

	/**
	 * What the bank sent, apart from the id: a retry must match it to get the earlier
	 * answer.
	 */
	static long digest(String from, String to, long amountFen, Instant time) {
		long h = 0x84222325cbf29ce4L;
		h = fnv(h, from);
		h = (h ^ 0x1F) * 0x100000001b3L;
		h = fnv(h, to == null ? "" : to);
		h = (h ^ amountFen) * 0x100000001b3L;
		h = (h ^ (time == null ? Long.MIN_VALUE : time.getEpochSecond())) * 0x100000001b3L;
		return mix(h);
	}

	private static long fnv(long h, String s) {
		for (int i = 0; i < s.length(); i++) {
			h = (h ^ s.charAt(i)) * 0x100000001b3L;
		}
		return h;
	}

	/** MurmurHash3's finaliser: spreads FNV's weak low bits. */
	private static long mix(long h) {
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		return h ^ (h >>> 33);
	}

	/** The slot remembered under this key, or {@link #ABSENT}. */
	int find(long key) {
		final int[] idx = index;
		for (int b = (int) key & indexMask;; b = (b + 1) & indexMask) {
			int s = idx[b];
			if (s == 0) {
				return ABSENT;
			}
			if (keys[s - 1] == key) {
				return s - 1;
			}
		}
	}

	long digestAt(int slot) {
		return digests[slot];
	}

	Decision decisionAt(int slot, String transferId) {
		return shapeList.get(shapes[slot]).decision(transferId, times[slot]);
	}

	/**
	 * Remembers a decision, forgetting the oldest when full; a key already present is
	 * overwritten.
	 */
	void put(long key, long digest, long decidedAt, Decision d) {
		int existing = find(key);
		if (existing != ABSENT) {
			remove(existing);
		}
		int slot = next;
		next = (next + 1) & mask;
		if (used[slot]) {
			remove(slot);
		}
		Shape shape = Shape.of(d, decidedAt);
		Integer id = shapeIds.get(shape);
		if (id == null) {
			id = shapeList.size();
			shapeList.add(shape);
			shapeIds.put(shape, id);
		}
		keys[slot] = key;
		digests[slot] = digest;
		times[slot] = decidedAt;
		shapes[slot] = id;
		used[slot] = true;
		size++;
		int b = (int) key & indexMask;
		while (index[b] != 0) {
			b = (b + 1) & indexMask;
		}
		index[b] = slot + 1;
	}

	/**
	 * Forgets one key (a decision whose write failed, so the bank's retry is decided
	 * afresh).
	 */
	void forget(long key) {
		int slot = find(key);
		if (slot != ABSENT) {
			remove(slot);
		}
	}

	private void remove(int slot) {
		final int[] idx = index;
		int b = (int) keys[slot] & indexMask;
		while (idx[b] != slot + 1) {
			b = (b + 1) & indexMask;
		}
		// backward-shift deletion: pull later entries of the run into the hole so probes
		// never stop early
		int hole = b;
		for (int c = (hole + 1) & indexMask; idx[c] != 0; c = (c + 1) & indexMask) {
			int home = (int) keys[idx[c] - 1] & indexMask;
			boolean between = hole <= c ? (home > hole && home <= c) : (home > hole || home <= c);
			if (!between) {
				idx[hole] = idx[c];
				hole = c;
			}
		}
		idx[hole] = 0;
		used[slot] = false;
		size--;
	}

	int size() {
		return size;
	}

	int capacity() {
		return mask + 1;
	}

}
