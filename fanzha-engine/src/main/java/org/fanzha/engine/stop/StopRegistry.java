package org.fanzha.engine.stop;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Stops and freezes already in force. A stop lasts 48 hours and an account can be stopped
 * at most twice (银发〔2016〕86号, DOMAIN §3); a frozen account needs no stop.
 */
public class StopRegistry {

	public static final long STOP_SECONDS = 48 * 3_600L;

	public static final int MAX_STOPS = 2;

	private final Map<String, long[]> stops = new HashMap<>();

	private final Set<String> frozen = new HashSet<>();

	public int stopsSoFar(String account) {
		long[] s = stops.get(account);
		return s == null ? 0 : s.length;
	}

	/** Whether a stop is in force on the account at this time. */
	public boolean stoppedAt(String account, long epochSecond) {
		long[] s = stops.get(account);
		if (s == null) {
			return false;
		}
		for (long t : s) {
			if (epochSecond >= t && epochSecond < t + STOP_SECONDS) {
				return true;
			}
		}
		return false;
	}

	public boolean frozen(String account) {
		return frozen.contains(account);
	}

	/** Records an executed stop; refuses a third. */
	public void recordStop(String account, long epochSecond) {
		int n = stopsSoFar(account);
		if (n >= MAX_STOPS) {
			throw new IllegalStateException("account " + account + " was already stopped twice; apply for a freeze");
		}
		long[] s = stops.get(account);
		long[] next = s == null ? new long[1] : Arrays.copyOf(s, n + 1);
		next[n] = epochSecond;
		stops.put(account, next);
	}

	public void recordFreeze(String account) {
		frozen.add(account);
	}

}
