package org.fanzha.engine.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.fanzha.core.RegionCode;
import org.fanzha.engine.jurisdiction.JurisdictionAdvice.Candidate;

class JurisdictionPropertiesTest {

	private final JurisdictionAdvisor advisor = new JurisdictionAdvisor();

	@Provide
	Arbitrary<ConnectionPoint> points() {
		Arbitrary<String> region = Arbitraries.of(RegionCode.shaanxi()).map(RegionCode::value);
		Arbitrary<ConnectionKind> kind = Arbitraries.of(ConnectionKind.class);
		Arbitrary<Long> loss = Arbitraries.longs().between(0, 100_000_000L);
		return Combinators.combine(kind, region, loss)
			.as((k, r, l) -> k == ConnectionKind.VICTIM_LOCATION ? ConnectionPoint.victim(r, l, "证据", null)
					: ConnectionPoint.of(k, r, "证据"));
	}

	@Property(tries = 200)
	void recommendationIsAlwaysTheFirstCandidateWithoutAnAcceptingUnit(
			@ForAll @Size(min = 1, max = 30) List<@From("points") ConnectionPoint> points) {
		JurisdictionAdvice advice = advisor.advise(points);

		Candidate first = advice.candidates().get(0);
		assertThat(advice.recommendation().region()).contains(first.region());
		// the main location has at least the loss of every other crime location
		for (Candidate c : advice.candidates()) {
			if (c.isCrimeLocation()) {
				assertThat(first.victimLossFen()).isGreaterThanOrEqualTo(c.victimLossFen());
			}
		}
		assertThat(advice.candidates().stream().mapToInt(c -> c.points().size()).sum()).isEqualTo(points.size());
	}

	@Property(tries = 200)
	void theCommonSuperiorContainsEveryDivisionAndIsAboveIt(
			@ForAll @Size(min = 1, max = 30) List<@From("points") ConnectionPoint> points) {
		JurisdictionAdvice advice = advisor.advise(points, null, "争议", false);

		JurisdictionAdvice.Superior s = advice.designation().superior().orElseThrow();
		for (Candidate c : advice.candidates()) {
			s.region().ifPresent(r -> {
				assertThat(r.contains(c.region())).isTrue();
				assertThat(r).isNotEqualTo(c.region());
			});
		}
	}

}
