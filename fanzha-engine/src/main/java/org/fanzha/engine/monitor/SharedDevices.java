package org.fanzha.engine.monitor;

import java.util.Arrays;

/**
 * How many distinct accounts have made payments from one device (phone IMEI, device
 * fingerprint) or one IP address. Mule herders operate dozens of bought accounts from a
 * few phones; an ordinary person uses one or two accounts on a device.
 *
 * <p>
 * An open-addressing table (linear probing, power-of-two capacity, keys are 64-bit hashes
 * of the device id, 0 reserved as "unknown") holds per device up to {@link #REMEMBERED}
 * distinct account indices and a saturating count of distinct accounts seen. Exact up to
 * {@link #REMEMBERED}, then a lower bound that still grows when a further new account
 * appears (it may count one account twice once the small set is full, which errs towards
 * suspicion only for devices that already have many accounts). The table doubles at 50 %
 * load; recording costs one probe sequence and a scan of at most eight ints; nothing is
 * allocated per event.
 */
public final class SharedDevices {

	static final int REMEMBERED = 8;

	private long[] keys;

	private int[] accounts;

	private int[] counts;

	private int size;

	private int mask;

	public SharedDevices(int expectedDevices) {
		int cap = Integer.highestOneBit(Math.max(16, expectedDevices) * 2 - 1) << 1;
		allocate(cap);
	}

	private void allocate(int cap) {
		keys = new long[cap];
		accounts = new int[cap * REMEMBERED];
		Arrays.fill(accounts, -1);
		counts = new int[cap];
		mask = cap - 1;
		size = 0;
	}

	/**
	 * Records that {@code account} paid from {@code device} (0 = unknown: nothing
	 * recorded) and returns the number of distinct accounts seen on that device, this one
	 * included (0 for an unknown device).
	 */
	public int record(long device, int account) {
		if (device == 0) {
			return 0;
		}
		int slot = find(device);
		if (keys[slot] == 0) {
			if (size * 2 >= keys.length) {
				grow();
				slot = find(device);
			}
			keys[slot] = device;
			size++;
		}
		int base = slot * REMEMBERED;
		final int[] a = accounts;
		for (int i = 0; i < REMEMBERED; i++) {
			if (a[base + i] == account) {
				return counts[slot];
			}
			if (a[base + i] < 0) {
				a[base + i] = account;
				return ++counts[slot];
			}
		}
		// the small set is full: a likely new account, counted (see the class comment)
		a[base + (counts[slot] % REMEMBERED)] = account;
		return counts[slot] == Integer.MAX_VALUE ? counts[slot] : ++counts[slot];
	}

	/** Distinct accounts seen on the device so far, 0 if unknown. */
	public int accountsOn(long device) {
		if (device == 0) {
			return 0;
		}
		int slot = find(device);
		return keys[slot] == 0 ? 0 : counts[slot];
	}

	public int devices() {
		return size;
	}

	private int find(long key) {
		final long[] k = keys;
		int i = (int) mix(key) & mask;
		while (k[i] != 0 && k[i] != key) {
			i = (i + 1) & mask;
		}
		return i;
	}

	private void grow() {
		long[] oldKeys = keys;
		int[] oldAccounts = accounts;
		int[] oldCounts = counts;
		allocate(oldKeys.length * 2);
		for (int s = 0; s < oldKeys.length; s++) {
			if (oldKeys[s] != 0) {
				int slot = find(oldKeys[s]);
				keys[slot] = oldKeys[s];
				counts[slot] = oldCounts[s];
				System.arraycopy(oldAccounts, s * REMEMBERED, accounts, slot * REMEMBERED, REMEMBERED);
				size++;
			}
		}
	}

	private static long mix(long x) {
		x ^= x >>> 33;
		x *= 0xff51afd7ed558ccdL;
		x ^= x >>> 33;
		return x;
	}

	/**
	 * A stable non-zero 64-bit key for a device or IP string (FNV-1a); 0 for null or
	 * empty.
	 */
	public static long key(String deviceOrIp) {
		if (deviceOrIp == null || deviceOrIp.isEmpty()) {
			return 0;
		}
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < deviceOrIp.length(); i++) {
			h ^= deviceOrIp.charAt(i);
			h *= 0x100000001b3L;
		}
		return h == 0 ? 1 : h;
	}

}
