package org.fanzha.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIM monitoring keyed by handset against the engine's in-process {@code SimMonitor}, on
 * the calls and texts of a small simulated world with SIM-box gangs (seed fixed): every
 * record's handset features are the monitor's, the phones marked as SIM boxes are the
 * monitor's, and the handset stage on a MiniCluster (parallelism 2, keyed by IMEI) writes
 * exactly the messages of its logic without Flink.
 */
class HandsetEquivalenceTest {

	static List<Call> calls;

	static HandsetReference.Split split;

	@BeforeAll
	static void feed() {
		calls = SimFeed.simulateFraudulent(1_500, 2, 2, 6, 20_000).calls();
		split = HandsetReference.split(calls);
	}

	@Test
	void handsetFeaturesAndSimBoxesEqualTheInProcessMonitors() {
		HandsetReference.InProcess in = HandsetReference.inProcess(calls);
		assertThat(split.features()).hasSameSizeAs(in.features()).isNotEmpty();
		int featureDifferences = 0;
		int beyondTheRing = 0;
		for (int i = 0; i < in.features().size(); i++) {
			if (!Arrays.equals(in.features().get(i), split.features().get(i))) {
				// a handset with more SIMs than the ring remembers: a SIM coming back to
				// it
				// unremembered is counted again by the stage, not by the monitor (which
				// knows the SIM's last handset); documented in docs/stream.md
				if (in.features().get(i)[0] > HandsetLogic.REMEMBERED) {
					beyondTheRing++;
				}
				else {
					featureDifferences++;
				}
			}
		}
		// the job's SIM boxes: the handset stage's, and the phone stage's own
		// (BOX_TIMING)
		Set<Long> job = new HashSet<>();
		split.messages().forEach(k -> job.add(Long.parseLong(k.key)));
		int byHandset = job.size();
		SimReference.split(calls).forEach((phone, json) -> {
			if (json.contains("\"simBox\":true")) {
				job.add(Long.parseLong(phone));
			}
		});
		Set<Long> onlyInProcess = new TreeSet<>(in.boxPhones());
		onlyInProcess.removeAll(job);
		Set<Long> onlyJob = new TreeSet<>(job);
		onlyJob.removeAll(in.boxPhones());
		long multiSim = split.features().stream().filter(f -> f[0] >= 2).count();
		System.out.printf(
				"handsets: %d records with an IMEI (%d in a handset with 2+ SIMs), %d feature differences (%d more in handsets past the ring's %d SIMs); SIM-box phones: %d in process, %d in the job (%d by the handset stage), only in process %s, only in the job %s%n",
				in.features().size(), multiSim, featureDifferences, beyondTheRing, HandsetLogic.REMEMBERED,
				in.boxPhones().size(), job.size(), byHandset, onlyInProcess, onlyJob);
		assertThat(multiSim).as("records in multi-SIM handsets").isPositive();
		assertThat(byHandset).as("phones the handset stage marks").isPositive();
		assertThat(featureDifferences).as("records whose handset features differ from the monitor's").isZero();
		assertThat(onlyJob).as("SIM boxes the monitor does not mark").isEmpty();
		assertThat(onlyInProcess).as("SIM boxes the job misses").isEmpty();
	}

	@Test
	void theHandsetStageOnFlinkWritesExactlyItsLogicsMessages() throws Exception {
		StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, new Configuration());
		List<String> job = new ArrayList<>();
		try (var it = env.fromData(calls, Compact.CALL)
			.keyBy(c -> c.imei, Types.LONG)
			.process(new HandsetStage(), Compact.KEYED)
			.executeAndCollect()) {
			it.forEachRemaining(k -> job.add(k.key + " " + k.json));
		}
		List<String> expected = new ArrayList<>(split.messages().stream().map(k -> k.key + " " + k.json).toList());
		assertThat(job).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
	}

}
