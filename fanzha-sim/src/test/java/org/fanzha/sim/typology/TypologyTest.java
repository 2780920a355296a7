package org.fanzha.sim.typology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.fanzha.sim.world.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypologyTest {

	List<Typology.Payment> layout(Typology t, int k) {
		return t.layout(k, new Rng(3));
	}

	@Test
	void fanInAndFanOutMeetAtTheMainAccount() {
		assertThat(layout(Typology.FAN_IN, 6)).hasSize(5).allMatch(p -> p.to() == 0 && p.from() != 0);
		assertThat(layout(Typology.FAN_OUT, 6)).hasSize(5).allMatch(p -> p.from() == 0 && p.to() != 0);
	}

	@Test
	void aCycleVisitsEveryMemberInOrderAndCloses() {
		List<Typology.Payment> c = layout(Typology.CYCLE, 5);
		assertThat(c).hasSize(5);
		for (int i = 0; i < 5; i++) {
			assertThat(c.get(i).from()).isEqualTo(i);
			assertThat(c.get(i).to()).isEqualTo((i + 1) % 5);
			assertThat(i == 0 || c.get(i).phase() >= c.get(i - 1).phase()).isTrue();
		}
	}

	@Test
	void scatterGatherScattersBeforeItGathers() {
		List<Typology.Payment> s = layout(Typology.SCATTER_GATHER, 7);
		assertThat(s).hasSize(10);
		assertThat(s).filteredOn(p -> p.from() == 0).hasSize(5).allMatch(p -> p.phase() < 0.5);
		assertThat(s).filteredOn(p -> p.to() == 1).hasSize(5).allMatch(p -> p.phase() >= 0.5);
	}

	@Test
	void gatherScatterGathersBeforeItScatters() {
		List<Typology.Payment> s = layout(Typology.GATHER_SCATTER, 11);
		assertThat(s).filteredOn(p -> p.to() == 0).hasSize(5).allMatch(p -> p.phase() < 0.5);
		assertThat(s).filteredOn(p -> p.from() == 0).hasSize(5).allMatch(p -> p.phase() >= 0.5);
	}

	@Test
	void stackAndBipartiteJoinEveryPairOfAdjacentLayers() {
		// 9 members: thirds of 3, 3 x 3 + 3 x 3 payments
		assertThat(layout(Typology.STACK, 9)).hasSize(18).allMatch(p -> p.to() / 3 == p.from() / 3 + 1);
		// 8 members: halves of 4, 4 x 4 payments
		assertThat(layout(Typology.BIPARTITE, 8)).hasSize(16).allMatch(p -> p.from() < 4 && p.to() >= 4);
	}

	@Test
	void aRandomWalkNeverPaysItself() {
		assertThat(layout(Typology.RANDOM, 6)).hasSize(6).allMatch(p -> p.from() != p.to());
	}

	@Test
	void namesParseInEitherSpelling() {
		assertThat(Typology.parse("fan-in")).isEqualTo(Typology.FAN_IN);
		assertThat(Typology.parse("SCATTER_GATHER")).isEqualTo(Typology.SCATTER_GATHER);
		assertThat(Typology.parseList("all")).isEqualTo(EnumSet.allOf(Typology.class));
	}

	@Test
	void theGeneratorIsDeterministicForASeed(@TempDir Path tmp) throws IOException {
		var o = new AmlSimFormatGenerator.Options(500, 40, 2, EnumSet.allOf(Typology.class), 9);
		var s = AmlSimFormatGenerator.write(o, tmp.resolve("a"));
		AmlSimFormatGenerator.write(o, tmp.resolve("b"));
		for (String f : List.of("nodes.csv", "transactions.csv", "alert_accounts.csv", "metadata.txt")) {
			assertThat(Files.readString(tmp.resolve("b").resolve(f))).as(f)
				.isEqualTo(Files.readString(tmp.resolve("a").resolve(f)));
		}
		assertThat(s.alerts()).isEqualTo(16);
		assertThat(Files.readAllLines(tmp.resolve("a/alert_accounts.csv"))).hasSize(s.muleAccounts() + 1);
	}

}
