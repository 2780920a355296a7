package org.fanzha.sim.world;

import java.util.HashMap;
import java.util.Map;

/**
 * A simulated province: its population and its gangs, built deterministically from a
 * {@link SimConfig}. The events that happen in it come from a {@link Simulator}.
 */
public final class World {

	public final SimConfig config;

	public final Population population;

	public final Gangs gangs;

	/**
	 * First laundering chain that passed through each mule account, filled while
	 * simulating.
	 */
	final Map<Integer, Long> muleFirstChain = new HashMap<>();

	public World(SimConfig config) {
		this.config = config;
		this.population = new Population(config);
		this.gangs = new Gangs(population, config);
	}

	public long muleFirstChain(int account) {
		return muleFirstChain.getOrDefault(account, -1L);
	}

	public boolean isMule(int account) {
		return gangs.muleGang[account] >= 0;
	}

	/**
	 * A reacting world's reserve mule account (recruited, used only once the gang lost
	 * another).
	 */
	public boolean isReserveMule(int account) {
		return gangs.reserveMules.get(account);
	}

	public int muleGang(int account) {
		return gangs.muleGang[account];
	}

	public int muleLevel(int account) {
		return gangs.muleLevel[account];
	}

	public Gangs.MuleKind muleKind(int account) {
		return Gangs.MuleKind.values()[gangs.muleKind[account]];
	}

	public String countyCode(int county) {
		return population.counties[county].value();
	}

}
