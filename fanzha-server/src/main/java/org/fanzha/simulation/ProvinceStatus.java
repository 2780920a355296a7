package org.fanzha.simulation;

import java.time.Instant;
import java.util.List;

/**
 * What the console shows of the live province.
 *
 * @param simulatedTime the province's clock, null before the first hour
 */
public record ProvinceStatus(boolean running, String preset, long seed, double speedup, int persons, int accounts,
		Instant simulatedTime, long transfers, long amountFen, long calls, long texts, long cases, long lossFen,
		List<SimulatedCaseReported> recentCases) {
}
