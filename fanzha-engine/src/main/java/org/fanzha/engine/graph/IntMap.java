package org.fanzha.engine.graph;

import java.util.Arrays;

/*
 * A map from non-negative int keys (account and transfer indices) to objects, without boxing: open addressing with
 * linear probing over a power-of-two table of keys (-1 = empty) beside a table of values, grown at half full. Keys are
 * mixed with a multiplicative (Fibonacci) hash so that dense indices do not cluster. No removal: the trace only adds.
 * Cost: get and put O(1) expected, no allocation except when the table doubles. Not thread-safe.
 */
public final class IntMap<V> {

	private static final int EMPTY = -1;

	private int[] keys;

	private Object[] values;

	private int size;

	private int mask;

	public IntMap() {
		this(16);
	}

	public IntMap(int expected) {
		int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
		keys = new int[capacity];
		Arrays.fill(keys, EMPTY);
		values = new Object[capacity];
		mask = capacity - 1;
	}

	public int size() {
		return size;
	}

	/** The value of {@code key}, or null. */
	@SuppressWarnings("unchecked")
	public V get(int key) {
		final int[] k = keys;
		final int m = mask;
		for (int i = slot(key, m);; i = (i + 1) & m) {
			int at = k[i];
			if (at == key) {
				return (V) values[i];
			}
			if (at == EMPTY) {
				return null;
			}
		}
	}

	/** Sets the value of {@code key}; returns the previous value, or null. */
	public V put(int key, V value) {
		return put(key, value, true);
	}

	/**
	 * Sets the value of {@code key} unless it has one; returns the value it had, or null.
	 */
	public V putIfAbsent(int key, V value) {
		return put(key, value, false);
	}

	@SuppressWarnings("unchecked")
	private V put(int key, V value, boolean replace) {
		if (key < 0) {
			throw new IllegalArgumentException("key must not be negative: " + key);
		}
		final int[] k = keys;
		final int m = mask;
		int i = slot(key, m);
		for (;; i = (i + 1) & m) {
			int at = k[i];
			if (at == key) {
				V before = (V) values[i];
				if (replace || before == null) {
					values[i] = value;
				}
				return before;
			}
			if (at == EMPTY) {
				break;
			}
		}
		k[i] = key;
		values[i] = value;
		if (++size * 2 > k.length) {
			grow();
		}
		return null;
	}

	private void grow() {
		int[] oldKeys = keys;
		Object[] oldValues = values;
		int capacity = oldKeys.length << 1;
		keys = new int[capacity];
		Arrays.fill(keys, EMPTY);
		values = new Object[capacity];
		mask = capacity - 1;
		for (int j = 0; j < oldKeys.length; j++) {
			int key = oldKeys[j];
			if (key != EMPTY) {
				int i = slot(key, mask);
				while (keys[i] != EMPTY) {
					i = (i + 1) & mask;
				}
				keys[i] = key;
				values[i] = oldValues[j];
			}
		}
	}

	private static int slot(int key, int mask) {
		int h = key * 0x9E3779B9;
		return (h ^ h >>> 16) & mask;
	}

}
