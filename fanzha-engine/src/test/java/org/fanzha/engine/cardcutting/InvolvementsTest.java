package org.fanzha.engine.cardcutting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.fanzha.engine.cardcutting.Involvements.Findings;
import org.fanzha.engine.cardcutting.Involvements.Involvement;
import org.fanzha.engine.cardcutting.Involvements.Kind;
import org.fanzha.engine.warnings.HelpingCrimeThresholds;
import org.fanzha.engine.warnings.HelpingCrimeThresholds.Consequences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvolvementsTest {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

	final Involvements involvements = new Involvements(new HelpingCrimeThresholds(), CHINA);

	static final Findings ESTABLISHED = new Findings(true, false, Consequences.NONE);

	static Involvement card(Kind kind, String ref, Instant at) {
		return new Involvement(kind, ref, 0, 0, 0, 0, at);
	}

	static Involvement settlement(long fen, Instant at) {
		return new Involvement(Kind.OTHER, null, 0, fen, 0, 0, at);
	}

	@Test
	void fiveDistinctBankCardsAreSeriousFourAreNot() {
		List<Involvement> list = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			list.add(card(i % 2 == 0 ? Kind.MULE_ACCOUNT : Kind.BANK_CARD_SOLD, "ICBC:62220000" + i,
					NOW.minusSeconds(i)));
		}
		// the same card twice counts once
		list.add(card(Kind.MULE_ACCOUNT, "ICBC:622200000", NOW));
		assertThat(involvements.facts(list, ESTABLISHED, NOW).bankCardsSoldOrRented()).isEqualTo(4);
		assertThat(involvements.assess(list, ESTABLISHED, NOW).serious()).isFalse();
		list.add(card(Kind.BANK_CARD_SOLD, "CCB:6217000", NOW));
		HelpingCrimeThresholds.Assessment a = involvements.assess(list, ESTABLISHED, NOW);
		assertThat(a.serious()).isTrue();
		assertThat(a.has("BANK_CARDS")).isTrue();
	}

	@Test
	void twentySimsAreSeriousNineteenAreNot() {
		List<Involvement> list = new ArrayList<>();
		for (int i = 0; i < 19; i++) {
			list.add(card(i < 10 ? Kind.FRAUD_SIM : Kind.SIM_SOLD, "1370000" + String.format("%04d", i), NOW));
		}
		assertThat(involvements.assess(list, ESTABLISHED, NOW).serious()).isFalse();
		list.add(card(Kind.SIM_SOLD, "13799999999", NOW));
		assertThat(involvements.assess(list, ESTABLISHED, NOW).has("SIM_CARDS")).isTrue();
	}

	@ParameterizedTest(name = "settlement {0} fen, helped crime established {1} ⇒ serious {2}")
	@CsvSource({ "20000000,  true,  true", "19999999,  true,  false",
			// unproven helped crime: five times the standard
			"100000000, false, true", "99999999,  false, false", "20000000,  false, false" })
	void settlementAtTheStandardAndFiveTimesIt(long fen, boolean established, boolean serious) {
		// split over two records: amounts are added up
		List<Involvement> list = List.of(settlement(fen / 2, NOW.minusSeconds(3600)), settlement(fen - fen / 2, NOW));
		Findings f = new Findings(established, false, Consequences.NONE);
		assertThat(involvements.assess(list, f, NOW).serious()).isEqualTo(serious);
	}

	@Test
	void threeTargetsHelpedAreSerious() {
		List<Involvement> two = List.of(new Involvement(Kind.OTHER, null, 2, 0, 0, 0, NOW));
		assertThat(involvements.assess(two, ESTABLISHED, NOW).serious()).isFalse();
		List<Involvement> three = List.of(two.get(0), new Involvement(Kind.OTHER, null, 1, 0, 0, 0, NOW));
		assertThat(involvements.assess(three, ESTABLISHED, NOW).has("TARGETS")).isTrue();
		// counts of cards and targets do not fall under the 5× rule
		assertThat(involvements.assess(three, Findings.NONE, NOW).serious()).isFalse();
	}

	@Test
	void onlyTheLastTwoYearsCount() {
		Instant twoYearsAgo = NOW.atZone(CHINA).minusYears(2).toInstant();
		List<Involvement> atEdge = List.of(settlement(20_000_000, twoYearsAgo));
		assertThat(involvements.facts(atEdge, ESTABLISHED, NOW).settlementFen()).isEqualTo(20_000_000);
		assertThat(involvements.assess(atEdge, ESTABLISHED, NOW).serious()).isTrue();
		List<Involvement> older = List.of(settlement(20_000_000, twoYearsAgo.minusSeconds(1)));
		assertThat(involvements.facts(older, ESTABLISHED, NOW).settlementFen()).isZero();
		// nor does anything recorded after "now"
		assertThat(involvements.facts(List.of(settlement(5, NOW.plusSeconds(1))), ESTABLISHED, NOW).settlementFen())
			.isZero();
	}

	@Test
	void findingsReachTheAssessment() {
		Findings prior = new Findings(true, true, Consequences.NONE);
		assertThat(involvements.assess(List.of(), prior, NOW).has("PRIOR_PENALTY")).isTrue();
		Findings grave = new Findings(false, false, Consequences.ESPECIALLY_SERIOUS);
		assertThat(involvements.assess(List.of(), grave, NOW).has("ESPECIALLY_SERIOUS_CONSEQUENCES")).isTrue();
	}

	@Test
	void amountsSaturateAndBadInputIsRefused() {
		List<Involvement> huge = List.of(settlement(Long.MAX_VALUE, NOW), settlement(Long.MAX_VALUE, NOW));
		assertThat(involvements.facts(huge, ESTABLISHED, NOW).settlementFen()).isEqualTo(Long.MAX_VALUE);
		assertThatThrownBy(() -> new Involvement(Kind.MULE_ACCOUNT, " ", 0, 0, 0, 0, NOW))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Involvement(Kind.OTHER, null, -1, 0, 0, 0, NOW))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> involvements.facts(null, ESTABLISHED, NOW))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
