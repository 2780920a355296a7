package org.fanzha.simulation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled run a simulated province in the background ({@code ./fanzha demo} turns
 * it on)
 * @param preset world size: tiny, small, medium or large
 * @param seed random seed of the world
 * @param speedup simulated seconds per real second (60: an hour of the province per
 * minute)
 * @param intakeAgency the anti-fraud centre that takes the simulated victims' reports in
 * @param bankDelaySeconds real seconds before a simulated bank answers an instruction
 */
@ConfigurationProperties("fanzha.simulation")
public record SimulationProperties(@DefaultValue("false") boolean enabled, @DefaultValue("small") String preset,
		@DefaultValue("42") long seed, @DefaultValue("60") double speedup, @DefaultValue("SN-AFC") String intakeAgency,
		@DefaultValue("5") long bankDelaySeconds) {

	public SimulationProperties {
		if (speedup <= 0) {
			throw new IllegalArgumentException("fanzha.simulation.speedup must be > 0, got " + speedup);
		}
	}
}
