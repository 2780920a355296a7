package org.fanzha.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Numbers distinct identifiers 0, 1, 2, ... in order of first appearance, looked up by
 * their UTF-8 bytes so that a row's account ids are found without making a String for
 * them (a String is made only when {@link #name} asks). Open addressing (linear probing,
 * at most half full) over an int table holding each slot's hash beside its entry; keys
 * are kept in one byte arena.
 */
public final class KeyIndex {

	/**
	 * Pairs (hash, entry + 1) per slot, so a probe reads one cache line; entry + 1 = 0
	 * marks a free slot.
	 */
	private int[] table = new int[2 << 10];

	private int mask = (table.length >> 1) - 1;

	private int twiceMask = table.length - 1;

	private byte[] arena = new byte[1 << 12];

	private int arenaLen;

	private int[] offsets = new int[256];

	private int size;

	private boolean added;

	public int size() {
		return size;
	}

	/** The id of entry i. */
	/**
	 * The bytes of all keys; key {@code i} is {@code arena()[keyStart(i) .. keyEnd(i))}.
	 */
	public byte[] arena() {
		return arena;
	}

	public int keyStart(int i) {
		return offsets[i];
	}

	public int keyEnd(int i) {
		return offsets[i + 1];
	}

	/** The index of a key, or -1. */
	public int get(String id) {
		byte[] b = id.getBytes(StandardCharsets.UTF_8);
		return get(b, 0, b.length);
	}

	public String name(int i) {
		if (i < 0 || i >= size) {
			throw new IndexOutOfBoundsException("no key " + i + " of " + size);
		}
		return new String(arena, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
	}

	/** Whether the last {@link #getOrAdd} added a new entry. */
	public boolean added() {
		return added;
	}

	private static int hash(byte[] b, int off, int len) {
		int h = 0;
		for (int i = off, e = off + len; i < e; i++) {
			h = 31 * h + b[i];
		}
		// murmur3's finalizer: every bit of h reaches the low bits the table mask keeps
		h ^= h >>> 16;
		h *= 0x85EBCA6B;
		h ^= h >>> 13;
		h *= 0xC2B2AE35;
		return h ^ (h >>> 16);
	}

	private boolean sameKey(int entry, byte[] b, int off, int len) {
		int s = offsets[entry];
		if (offsets[entry + 1] - s != len) {
			return false;
		}
		return Arrays.equals(arena, s, s + len, b, off, off + len);
	}

	/** The entry for these bytes, or -1. */
	public int get(byte[] b, int off, int len) {
		int h = hash(b, off, len);
		int[] t = table;
		for (int slot = (h & mask) << 1;; slot = (slot + 2) & twiceMask) {
			int e = t[slot + 1] - 1;
			if (e < 0) {
				return -1;
			}
			if (t[slot] == h && sameKey(e, b, off, len)) {
				return e;
			}
		}
	}

	/** The entry for these bytes, added when new ({@link #added()} tells which). */
	public int getOrAdd(byte[] b, int off, int len) {
		int h = hash(b, off, len);
		int[] t = table;
		int slot = (h & mask) << 1;
		for (;; slot = (slot + 2) & twiceMask) {
			int e = t[slot + 1] - 1;
			if (e < 0) {
				break;
			}
			if (t[slot] == h && sameKey(e, b, off, len)) {
				added = false;
				return e;
			}
		}
		added = true;
		int e = size;
		if (e + 2 > offsets.length) {
			int n = offsets.length * 2;
			offsets = Arrays.copyOf(offsets, n);
		}
		if (arenaLen + len > arena.length) {
			arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaLen + len));
		}
		System.arraycopy(b, off, arena, arenaLen, len);
		offsets[e] = arenaLen;
		arenaLen += len;
		offsets[e + 1] = arenaLen;
		t[slot] = h;
		t[slot + 1] = e + 1;
		size++;
		if (size * 2 > mask + 1) {
			rehash();
		}
		return e;
	}

	public int getOrAdd(String id) {
		byte[] b = id.getBytes(StandardCharsets.UTF_8);
		return getOrAdd(b, 0, b.length);
	}

	private void rehash() {
		int[] old = table;
		int[] t = new int[old.length * 2];
		int m = (t.length >> 1) - 1;
		int tm = t.length - 1;
		for (int i = 0; i < old.length; i += 2) {
			if (old[i + 1] != 0) {
				int slot = (old[i] & m) << 1;
				while (t[slot + 1] != 0) {
					slot = (slot + 2) & tm;
				}
				t[slot] = old[i];
				t[slot + 1] = old[i + 1];
			}
		}
		table = t;
		mask = m;
		twiceMask = tm;
	}

}
