package org.fanzha.sim.importers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Numbers distinct identifiers 0, 1, 2, ... in order of first appearance, looked up by their UTF-8 bytes so
 * that a row's account ids are found without making a String for them (the String is made once, when an
 * id is first seen). Open addressing over an int table; keys are kept in one byte arena.
 */
final class IdIndex {

	private int[] table = new int[1 << 10]; // entry + 1; 0 = free

	private int mask = table.length - 1;

	private byte[] arena = new byte[1 << 12];

	private int arenaLen;

	private int[] offsets = new int[256];

	private int[] hashes = new int[256];

	private String[] names = new String[256];

	private int size;

	private boolean added;

	int size() {
		return size;
	}

	/** The id of entry i. */
	String name(int i) {
		return names[i];
	}

	/** Whether the last {@link #getOrAdd} added a new entry. */
	boolean added() {
		return added;
	}

	private static int hash(byte[] b, int off, int len) {
		int h = 0;
		for (int i = off, e = off + len; i < e; i++) {
			h = 31 * h + b[i];
		}
		h *= 0x9E3779B9;
		return h ^ (h >>> 15);
	}

	private boolean sameKey(int entry, byte[] b, int off, int len) {
		int s = offsets[entry];
		if (offsets[entry + 1] - s != len) {
			return false;
		}
		return Arrays.equals(arena, s, s + len, b, off, off + len);
	}

	/** The entry for these bytes, or -1. */
	int get(byte[] b, int off, int len) {
		int h = hash(b, off, len);
		for (int slot = h & mask;; slot = (slot + 1) & mask) {
			int e = table[slot] - 1;
			if (e < 0) {
				return -1;
			}
			if (hashes[e] == h && sameKey(e, b, off, len)) {
				return e;
			}
		}
	}

	/** The entry for these bytes, added when new ({@link #added()} tells which). */
	int getOrAdd(byte[] b, int off, int len) {
		int h = hash(b, off, len);
		int slot = h & mask;
		for (;; slot = (slot + 1) & mask) {
			int e = table[slot] - 1;
			if (e < 0) {
				break;
			}
			if (hashes[e] == h && sameKey(e, b, off, len)) {
				added = false;
				return e;
			}
		}
		added = true;
		int e = size;
		if (e + 2 > offsets.length) {
			int n = offsets.length * 2;
			offsets = Arrays.copyOf(offsets, n);
			hashes = Arrays.copyOf(hashes, n);
			names = Arrays.copyOf(names, n);
		}
		if (arenaLen + len > arena.length) {
			arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaLen + len));
		}
		System.arraycopy(b, off, arena, arenaLen, len);
		offsets[e] = arenaLen;
		arenaLen += len;
		offsets[e + 1] = arenaLen;
		hashes[e] = h;
		names[e] = new String(b, off, len, StandardCharsets.UTF_8);
		table[slot] = e + 1;
		size++;
		if (size * 2 > table.length) {
			rehash();
		}
		return e;
	}

	int getOrAdd(String id) {
		byte[] b = id.getBytes(StandardCharsets.UTF_8);
		return getOrAdd(b, 0, b.length);
	}

	private void rehash() {
		int[] t = new int[table.length * 2];
		int m = t.length - 1;
		for (int e = 0; e < size; e++) {
			int slot = hashes[e] & m;
			while (t[slot] != 0) {
				slot = (slot + 1) & m;
			}
			t[slot] = e + 1;
		}
		table = t;
		mask = m;
	}
}
