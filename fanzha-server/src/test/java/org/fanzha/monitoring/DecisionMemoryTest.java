package org.fanzha.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DecisionMemoryTest {

	static Decision decision(String id, String action, Instant hold) {
		return new Decision(id, action, hold, List.of(new Decision.Reason("R1", "原因")), List.of(), 2,
				hold == null ? null : "申诉");
	}

	@Test
	void aBankAndAnIdMakeTheKeyAndTheContentDigestTellsTransfersApart() {
		assertThat(DecisionMemory.key("ICBC", "T1")).isNotEqualTo(DecisionMemory.key("CCB", "T1"));
		assertThat(DecisionMemory.key("IC", "BCT1")).isNotEqualTo(DecisionMemory.key("ICB", "CT1"));
		Instant t = Instant.parse("2026-12-05T10:00:00Z");
		assertThat(DecisionMemory.digest("A", "B", 100, t)).isEqualTo(DecisionMemory.digest("A", "B", 100, t))
			.isNotEqualTo(DecisionMemory.digest("A", "B", 101, t))
			.isNotEqualTo(DecisionMemory.digest("A", "C", 100, t))
			.isNotEqualTo(DecisionMemory.digest("A", "B", 100, t.plusSeconds(1)))
			.isNotEqualTo(DecisionMemory.digest("A", null, 100, t));
	}

	@Test
	void aDecisionComesBackWithItsIdAndHoldAndTheOldestIsForgottenWhenFull() {
		DecisionMemory m = new DecisionMemory(4);
		Instant at = Instant.parse("2026-12-05T10:00:00Z");
		m.put(DecisionMemory.key("ICBC", "T1"), 7, at.getEpochSecond(), decision("T1", "DELAY", at.plusSeconds(7_200)));
		int slot = m.find(DecisionMemory.key("ICBC", "T1"));
		assertThat(m.digestAt(slot)).isEqualTo(7);
		assertThat(m.decisionAt(slot, "T1")).isEqualTo(decision("T1", "DELAY", at.plusSeconds(7_200)));
		for (int i = 2; i <= 5; i++) {
			m.put(DecisionMemory.key("ICBC", "T" + i), i, at.getEpochSecond(), decision("T" + i, "ALLOW", null));
		}
		assertThat(m.find(DecisionMemory.key("ICBC", "T1"))).isEqualTo(DecisionMemory.ABSENT);
		assertThat(m.size()).isEqualTo(4);
		m.forget(DecisionMemory.key("ICBC", "T3"));
		assertThat(m.find(DecisionMemory.key("ICBC", "T3"))).isEqualTo(DecisionMemory.ABSENT);
		assertThat(m.find(DecisionMemory.key("ICBC", "T4"))).isNotEqualTo(DecisionMemory.ABSENT);
	}

	/**
	 * Random puts, forgets and lookups against a plain map beside a ring of the same
	 * size: a new decision takes the next position of the ring and forgets whatever held
	 * it (the oldest position, not necessarily the oldest entry when others were
	 * forgotten or replaced meanwhile).
	 */
	@Test
	void behavesLikeABoundedMapUnderRandomOperations() {
		Random random = new Random(42);
		int capacity = 64;
		DecisionMemory m = new DecisionMemory(capacity);
		Map<Long, Long> model = new HashMap<>();
		Map<Long, Integer> position = new HashMap<>();
		Long[] ring = new Long[capacity];
		int next = 0;
		for (int step = 0; step < 200_000; step++) {
			long key = DecisionMemory.key("B" + random.nextInt(3), "T" + random.nextInt(200));
			int op = random.nextInt(10);
			if (op < 6) {
				long digest = random.nextLong();
				Integer old = position.remove(key);
				if (old != null) {
					ring[old] = null;
				}
				if (ring[next] != null) {
					model.remove(ring[next]);
					position.remove(ring[next]);
				}
				ring[next] = key;
				position.put(key, next);
				next = (next + 1) % capacity;
				m.put(key, digest, 0, decision("x", "ALLOW", null));
				model.put(key, digest);
			}
			else if (op < 7) {
				m.forget(key);
				model.remove(key);
				Integer old = position.remove(key);
				if (old != null) {
					ring[old] = null;
				}
			}
			int slot = m.find(key);
			if (model.containsKey(key)) {
				assertThat(slot).as("step " + step).isNotEqualTo(DecisionMemory.ABSENT);
				assertThat(m.digestAt(slot)).isEqualTo(model.get(key));
			}
			else {
				assertThat(slot).as("step " + step).isEqualTo(DecisionMemory.ABSENT);
			}
		}
		assertThat(m.size()).isEqualTo(model.size());
	}

}
