package org.fanzha.engine.telecom;

import java.util.Arrays;

/**
 * Numbers distinct {@code long} keys (phone numbers, IMEIs, cell ids) 0, 1, 2, ... in
 * order of first appearance, so that per-key state can live in primitive arrays indexed
 * by that number.
 *
 * <p>
 * Open addressing with linear probing over a power-of-two table of (key, index + 1) pairs
 * in one {@code long} array — a probe reads one cache line — at most half full; index + 1
 * = 0 marks a free slot, so every key, 0 included, is allowed. A lookup is one hash (the
 * 64-bit finaliser of MurmurHash3) and, on average, fewer than two probes. The table
 * doubles when half full; nothing is allocated per lookup. 16 bytes a slot, about 32
 * bytes a key.
 */
public final class LongIndex {

	private long[] table;

	private int mask;

	private int size;

	public LongIndex(int expectedKeys) {
		int slots = Integer.highestOneBit(Math.max(16, expectedKeys) * 2 - 1) << 1;
		table = new long[slots * 2];
		mask = slots - 1;
	}

	/** The index of {@code key}, or -1 if it was never added. */
	public int get(long key) {
		final long[] t = table;
		for (int i = slot(key);; i = (i + 1) & mask) {
			long v = t[2 * i + 1];
			if (v == 0) {
				return -1;
			}
			if (t[2 * i] == key) {
				return (int) v - 1;
			}
		}
	}

	/**
	 * The index of {@code key}, numbered {@link #size()} (before the call) if it is new.
	 */
	public int getOrAdd(long key) {
		final long[] t = table;
		int i = slot(key);
		for (;; i = (i + 1) & mask) {
			long v = t[2 * i + 1];
			if (v == 0) {
				break;
			}
			if (t[2 * i] == key) {
				return (int) v - 1;
			}
		}
		int index = size++;
		t[2 * i] = key;
		t[2 * i + 1] = index + 1L;
		if (size * 2 > mask + 1) {
			grow();
		}
		return index;
	}

	/**
	 * Forgets every key (the table keeps its size): the next key added is numbered 0
	 * again.
	 */
	public void clear() {
		Arrays.fill(table, 0);
		size = 0;
	}

	/** Keys added so far; indices run from 0 to size() - 1. */
	public int size() {
		return size;
	}

	private int slot(long key) {
		return (int) mix(key) & mask;
	}

	/**
	 * A 64-bit mix of all the bits of x (MurmurHash3's finaliser), also used for the
	 * sketches.
	 */
	static long mix(long x) {
		x ^= x >>> 33;
		x *= 0xff51afd7ed558ccdL;
		x ^= x >>> 33;
		x *= 0xc4ceb9fe1a85ec53L;
		return x ^ (x >>> 33);
	}

	private void grow() {
		long[] old = table;
		int slots = (mask + 1) * 2;
		table = new long[slots * 2];
		mask = slots - 1;
		for (int s = 0; s < old.length; s += 2) {
			if (old[s + 1] != 0) {
				int i = slot(old[s]);
				while (table[2 * i + 1] != 0) {
					i = (i + 1) & mask;
				}
				table[2 * i] = old[s];
				table[2 * i + 1] = old[s + 1];
			}
		}
		Arrays.fill(old, 0);
	}

}
