/**
 * The live simulated province of the demo: runs the fraud-world simulator
 * ({@code fanzha-sim}) in the background at a chosen speed-up and shows what happens in
 * it. Later modules subscribe to its {@link org.fanzha.simulation.ProvinceFeed}
 * (transfers, calls) and its {@link org.fanzha.simulation.SimulatedCaseReported} events
 * (victims' reports) as if they came from banks, operators and the 110/96110 desks.
 */
@ApplicationModule(displayName = "Simulated province")
package org.fanzha.simulation;

import org.springframework.modulith.ApplicationModule;
