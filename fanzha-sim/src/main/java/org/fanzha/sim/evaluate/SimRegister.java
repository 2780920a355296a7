package org.fanzha.sim.evaluate;

import org.fanzha.engine.telecom.LongIndex;
import org.fanzha.engine.telecom.SimMonitor;
import org.fanzha.sim.world.Gangs;
import org.fanzha.sim.world.Population;
import org.fanzha.sim.world.World;

/**
 * A simulated world's SIM cards as an operator's real-name register knows them: the
 * number, the activation time and the region the number belongs to (the holder's home
 * county; unknown for the gangs' cards, registered to card sellers). SIMs
 * {@code 0 .. ordinary() - 1} are the population's, the rest the gangs' in the order of
 * {@link Gangs#fraudPhone}.
 */
public final class SimRegister {

	private final long[] phone;

	private final long[] activation;

	private final long[] region;

	private final int ordinary;

	private final LongIndex index;

	private SimRegister(long[] phone, long[] activation, long[] region, int ordinary) {
		this.phone = phone;
		this.activation = activation;
		this.region = region;
		this.ordinary = ordinary;
		this.index = new LongIndex(phone.length);
		for (int s = 0; s < phone.length; s++) {
			if (index.getOrAdd(phone[s]) != s) {
				throw new IllegalStateException("SIM " + phone[s] + " is registered twice");
			}
		}
	}

	public static SimRegister of(World world) {
		Population pop = world.population;
		Gangs gangs = world.gangs;
		int ordinary = pop.sims();
		int all = ordinary + gangs.fraudSims();
		long[] phone = new long[all];
		long[] activation = new long[all];
		long[] region = new long[all];
		long midnightCst = 8 * 3_600;
		for (int s = 0; s < ordinary; s++) {
			phone[s] = pop.simPhone(s);
			activation[s] = pop.simActivationDay(s) * 86_400L - midnightCst;
			region[s] = Long.parseLong(pop.countyOf(pop.simHolder(s)).value());
		}
		for (int k = 0; k < gangs.fraudSims(); k++) {
			phone[ordinary + k] = gangs.fraudPhone(k);
			activation[ordinary + k] = gangs.fraudActivationDay(k) * 86_400L - midnightCst;
			region[ordinary + k] = SimMonitor.UNKNOWN;
		}
		return new SimRegister(phone, activation, region, ordinary);
	}

	/** SIMs in the register. */
	public int size() {
		return phone.length;
	}

	/** The population's SIMs come first: index below this. */
	public int ordinary() {
		return ordinary;
	}

	public long phone(int s) {
		return phone[s];
	}

	/** The register's index of a number, or -1. */
	public int indexOf(long number) {
		return index.get(number);
	}

	/**
	 * The region a number belongs to, {@link SimMonitor#UNKNOWN} for numbers outside the
	 * register.
	 */
	public long regionOf(long number) {
		int s = index.get(number);
		return s < 0 ? SimMonitor.UNKNOWN : region[s];
	}

	/** Tells the monitor every SIM's activation time. */
	public void activateAll(SimMonitor monitor) {
		for (int s = 0; s < phone.length; s++) {
			monitor.activate(phone[s], activation[s]);
		}
	}

}
