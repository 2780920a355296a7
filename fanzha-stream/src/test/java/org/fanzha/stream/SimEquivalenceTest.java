package org.fanzha.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIM monitoring in the job against the engine's in-process {@code SimMonitor}, on the
 * calls and texts of a small simulated world (seed fixed): the per-phone logic without
 * Flink ({@link SimReference#split}) gives the in-process monitor's measures except for
 * phones that saw a signal made of other numbers' state (documented in docs/stream.md),
 * and the SIM stage on a MiniCluster (parallelism 2, keyed by caller) gives exactly
 * {@link SimReference#split}'s.
 */
class SimEquivalenceTest {

	static List<Call> calls;

	static Map<String, String> split;

	@BeforeAll
	static void feed() {
		calls = SimFeed.simulateFraudulent(2_000, 3, 11, 20_000).calls();
		split = SimReference.split(calls);
	}

	@Test
	void thePerPhoneLogicGivesTheInProcessMeasuresOutsideCrossKeySignals() {
		SimReference.InProcess in = SimReference.inProcess(calls);
		long differ = 0;
		long unexplained = 0;
		for (String phone : union(in.measures(), split)) {
			if (!Objects.equals(in.measures().get(phone), split.get(phone))) {
				differ++;
				if (!in.crossKey().contains(phone)) {
					unexplained++;
					System.out.println("unexplained " + phone + ": in-process " + in.measures().get(phone) + " / split "
							+ split.get(phone));
				}
			}
		}
		System.out.printf(
				"sims: %d records, %d phones measured in process, %d by the per-phone logic, %d differ (all cross-key: %d phones saw such a signal)%n",
				calls.size(), in.measures().size(), split.size(), differ, in.crossKey().size());
		assertThat(split).as("phones restricted by the per-phone logic").isNotEmpty();
		assertThat(unexplained).as("differences not explained by a cross-key signal").isZero();
	}

	@Test
	void theSimStageOnFlinkWritesExactlyThePerPhoneMeasures() throws Exception {
		StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, new Configuration());
		Map<String, String> job = new HashMap<>();
		try (var it = env.fromData(calls, TypeInformation.of(Call.class))
			.keyBy(c -> c.caller, Types.LONG)
			.process(new SimStage(), TypeInformation.of(Keyed.class))
			.executeAndCollect()) {
			while (it.hasNext()) {
				Keyed k = it.next();
				assertThat(job.put(k.key, k.json)).as("one message per phone: " + k.key).isNull();
				assertThat(Messages.measuredPhone(k.json)).isEqualTo(k.key);
			}
		}
		assertThat(job).isEqualTo(split);
	}

	private static Set<String> union(Map<String, String> a, Map<String, String> b) {
		Set<String> s = new TreeSet<>(a.keySet());
		s.addAll(b.keySet());
		return s;
	}

}
