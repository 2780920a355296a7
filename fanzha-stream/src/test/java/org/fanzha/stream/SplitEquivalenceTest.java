package org.fanzha.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fanzha.engine.monitor.RuleSet;
import org.junit.jupiter.api.Test;

/**
 * The job's per-account logic against the engine's in-process monitor on a simulated
 * feed, without Flink: every feature that one account's state gives is equal, and
 * decisions differ only where a cross-account signal (propagated hops, the monitor's own
 * flags) does.
 */
class SplitEquivalenceTest {

	private static final int[] OWN = { 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14 };

	@Test
	void perAccountFeaturesEqualTheMonitorsAndDecisionsDifferOnlyByCrossAccountSignals() {
		SimFeed.Feed feed = SimFeed.simulateFraudulent(2_000, 3, 11, 20_000);
		Map<String, Reference.Outcome> inProcess = Reference.inProcess(feed);
		Map<String, Reference.Outcome> split = Reference.split(feed);
		assertThat(feed.transfers()).hasSizeGreaterThan(1_000);
		assertThat(feed.reports()).isNotEmpty();

		List<String> featureDifferences = new ArrayList<>();
		Map<String, String> actions = new HashMap<>();
		int differ = 0;
		Map<String, Integer> bySlot = new TreeMap<>();
		int acted = 0;
		for (Transfer t : feed.transfers()) {
			Reference.Outcome a = inProcess.get(t.transferId);
			Reference.Outcome b = split.get(t.transferId);
			for (int i : OWN) {
				if (a.vector()[i] != b.vector()[i]) {
					featureDifferences.add(t.transferId + " slot " + i + ": " + a.vector()[i] + " vs " + b.vector()[i]);
				}
			}
			actions.put(t.transferId, b.action());
			if (!a.action().equals(b.action())) {
				differ++;
				for (int i : Reference.CROSS) {
					if (a.vector()[i] != b.vector()[i]) {
						bySlot.merge(RuleSet.FEATURES.get(i), 1, Integer::sum);
					}
				}
			}
			acted += b.action().equals("ALLOW") ? 0 : 1;
		}
		assertThat(featureDifferences).isEmpty();
		assertThat(Reference.unexplained(inProcess, actions, split)).isEmpty();
		assertThat(acted).as("decisions other than ALLOW").isPositive();
		System.out.printf(
				"split vs in-process: %d transfers, %d reports, %d acted on, %d decisions differ (cross-account signals: %s)%n",
				feed.transfers().size(), feed.reports().size(), acted, differ, bySlot);
	}

}
