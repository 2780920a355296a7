package org.fanzha.engine.telecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentScoresTest {

	@ParameterizedTest(name = "{0} of {1} at z 1.96: {2}")
	@CsvSource({ "1, 2, 0.0945", "20, 200, 0.0657", "0, 100, 0", "0, 0, 0", "30, 100, 0.2189", "5, 5, 0.5655" })
	void wilsonLowerBound(long fraud, long sold, double expected) {
		assertThat(AgentScores.wilsonLower(fraud, sold, 1.96)).isCloseTo(expected, within(5e-4));
	}

	static AgentScores agents(String... soldFraud) {
		AgentScores a = new AgentScores();
		for (String s : soldFraud) {
			String[] f = s.split(":");
			a.sold(f[0], Long.parseLong(f[1]));
			for (int k = 0; k < Integer.parseInt(f[2]); k++) {
				a.fraud(f[0]);
			}
		}
		return a;
	}

	@Test
	void aFewUnluckySalesDoNotOutrankAnAgentWhoseShareIsProvenOnManyCards() {
		AgentScores a = agents("AG-LUCKLESS:2:1", "AG-DEALER:100:30", "AG-HALL:5000:2", "AG-NEW:0:0");
		assertThat(a.ranked()).extracting(AgentScores.Score::agentId)
			.containsExactly("AG-DEALER", "AG-LUCKLESS", "AG-HALL", "AG-NEW");
		AgentScores.Score luckless = a.score("AG-LUCKLESS");
		assertThat(luckless.share()).isEqualTo(0.5);
		assertThat(luckless.lowerBound()).isLessThan(a.score("AG-DEALER").lowerBound());
	}

	@Test
	void listedNeedsEnoughFraudCardsAndAHighEnoughLowerBound() {
		AgentScores a = agents("AG-A:20:3", "AG-B:3000:3", "AG-C:5:2", "AG-D:40:12");
		assertThat(a.listed()).extracting(AgentScores.Score::agentId).containsExactly("AG-D", "AG-A");
		assertThat(a.score("AG-B").listed()).as("3 in 3,000 is an ordinary agent's bad luck").isFalse();
		assertThat(a.score("AG-C").listed()).as("2 fraud cards are below the minimum of 3").isFalse();
	}

	@Test
	void fraudCardsWithoutRecordedSalesCountAsSold() {
		AgentScores a = agents("AG-X:0:4");
		assertThat(a.score("AG-X").sold()).isEqualTo(4);
		assertThat(a.score("AG-X").share()).isEqualTo(1.0);
		assertThat(a.score("AG-UNKNOWN").sold()).isZero();
		assertThat(a.score("AG-UNKNOWN").lowerBound()).isZero();
		// no fraud card: exactly 0, not a rounding error above it
		assertThat(AgentScores.wilsonLower(0, 22, 1.96)).isZero();
	}

	@Test
	void badInputIsRefused() {
		AgentScores a = new AgentScores();
		assertThatThrownBy(() -> a.sold(" ", 1)).hasMessageContaining("agentId");
		assertThatThrownBy(() -> a.sold("AG", -1)).hasMessageContaining("cards");
		assertThatThrownBy(() -> new AgentScores.Policy(0, 0.01, 3)).isInstanceOf(IllegalArgumentException.class);
	}

	@Property(tries = 300)
	void theBoundLiesBelowTheShareAndRisesWithEachFraudCard(@ForAll @IntRange(min = 1, max = 5_000) int sold,
			@ForAll @IntRange(min = 0, max = 5_000) int fraud) {
		int f = Math.min(fraud, sold);
		double lower = AgentScores.wilsonLower(f, sold, 1.96);
		assertThat(lower).isBetween(0.0, f / (double) sold);
		if (f < sold) {
			assertThat(AgentScores.wilsonLower(f + 1, sold, 1.96)).isGreaterThan(lower);
		}
		// the same share proven on more cards scores higher
		assertThat(AgentScores.wilsonLower(2L * f, 2L * sold, 1.96)).isGreaterThanOrEqualTo(lower);
	}

}
