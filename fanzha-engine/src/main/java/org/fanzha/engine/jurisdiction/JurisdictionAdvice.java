package org.fanzha.engine.jurisdiction;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fanzha.core.RegionCode;

/**
 * What {@link JurisdictionAdvisor#advise} found: the candidates, the recommendation,
 * whether a superior must designate, and the procuratorate and court that follow.
 * Immutable.
 *
 * @param points every connection point given, in input order
 * @param candidates the mainland units that the points make competent, main crime
 * location first (see {@link JurisdictionAdvisor} for the order)
 * @param overseasPoints the points outside the mainland
 * @param firstAccepting the first accepting unit, if one was given
 * @param dispute the declared dispute, if any
 * @param multiLevelChain whether the case was declared part of a multi-level cross-region
 * chain
 * @param recommendation the unit to investigate (or to propose to the designating
 * superior)
 * @param designation whether a common superior designates, which one and why
 * @param followOn procuratorate and court of the recommended unit; empty when nothing is
 * recommended
 * @param sources every citation used anywhere in the advice, in first-use order
 */
public record JurisdictionAdvice(List<ConnectionPoint> points, List<Candidate> candidates,
		List<ConnectionPoint> overseasPoints, Optional<AcceptingUnit> firstAccepting, Optional<String> dispute,
		boolean multiLevelChain, Recommendation recommendation, Designation designation, Optional<FollowOn> followOn,
		List<Citation> sources) {

	public JurisdictionAdvice {
		points = List.copyOf(points);
		candidates = List.copyOf(candidates);
		overseasPoints = List.copyOf(overseasPoints);
		sources = List.copyOf(sources);
	}

	/** The candidate for a division, if the points make its unit competent. */
	public Optional<Candidate> candidate(RegionCode region) {
		return candidates.stream().filter(c -> c.region().equals(region)).findFirst();
	}

	/**
	 * A mainland unit made competent by the points in its division.
	 *
	 * @param region the division, at the level the points gave it
	 * @param policeUnit the derived name of its police unit
	 * @param points the points there, input order
	 * @param victimLossFen the losses of the victims defrauded there (VICTIM_LOCATION
	 * points)
	 * @param victimCount how many VICTIM_LOCATION points are there
	 * @param crimeLocationPoints how many points there are crime locations (every kind
	 * but SUSPECT_RESIDENCE)
	 */
	public record Candidate(RegionCode region, String policeUnit, List<ConnectionPoint> points, long victimLossFen,
			int victimCount, int crimeLocationPoints) {

		public Candidate {
			points = List.copyOf(points);
		}

		/** A crime location (犯罪地); false when only a suspect's residence is there. */
		public boolean isCrimeLocation() {
			return crimeLocationPoints > 0;
		}

		/** The kinds found here, in first-seen order. */
		public Set<ConnectionKind> kinds() {
			Set<ConnectionKind> kinds = new LinkedHashSet<>();
			points.forEach(p -> kinds.add(p.kind()));
			return kinds;
		}

		/**
		 * The citations that make this unit competent, one per distinct source article.
		 */
		public List<Citation> bases() {
			Set<Citation> bases = new LinkedHashSet<>();
			points.forEach(p -> bases.add(p.kind().citation()));
			return List.copyOf(bases);
		}

		public String regionName() {
			return UnitNames.regionName(region);
		}
	}

	public enum Ground {

		/** The first accepting unit is competent: it keeps the case. */
		FIRST_ACCEPTING_UNIT("最初受理地"),
		/** No competent first accepting unit: the main crime location. */
		MAIN_CRIME_LOCATION("主要犯罪地"),
		/** No mainland unit is competent: only a designation can give the case a unit. */
		NONE("无境内管辖地，待指定");

		private final String label;

		Ground(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/**
	 * @param ground why this unit
	 * @param policeUnit the unit's name (the accepting unit's own name when it wins),
	 * empty for {@link Ground#NONE}
	 * @param region its division, empty for {@link Ground#NONE}
	 * @param reasoning the reasoning in Chinese, one sentence per step
	 * @param citations the rules applied
	 */
	public record Recommendation(Ground ground, Optional<String> policeUnit, Optional<RegionCode> region,
			List<String> reasoning, List<Citation> citations) {

		public Recommendation {
			reasoning = List.copyOf(reasoning);
			citations = List.copyOf(citations);
		}
	}

	public enum SuperiorLevel {

		CITY("地市级公安机关"), PROVINCE("省级公安机关"), MINISTRY("公安部");

		private final String label;

		SuperiorLevel(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/**
	 * The common superior that designates.
	 *
	 * @param region its division; empty for the Ministry
	 */
	public record Superior(SuperiorLevel level, Optional<RegionCode> region, String name) {
	}

	/**
	 * @param needed whether the case should go to a common superior for designation
	 * (指定管辖)
	 * @param superior who designates, when needed
	 * @param reasons why, in Chinese, one per trigger
	 * @param citations the rules behind the reasons
	 */
	public record Designation(boolean needed, Optional<Superior> superior, List<String> reasons,
			List<Citation> citations) {

		public Designation {
			reasons = List.copyOf(reasons);
			citations = List.copyOf(citations);
		}
	}

	/**
	 * The procuratorate and court that follow the recommended police unit.
	 *
	 * @param procuratorate same division as the police unit (basic level for a
	 * county-level unit)
	 * @param court same division (basic court for a county-level unit)
	 * @param intermediateCourt the prefecture's intermediate court, present when the
	 * recorded losses reach the "especially huge" amount, where a life sentence is
	 * possible and the intermediate court tries the case at first instance
	 * @param intermediateProcuratorate the prefecture's procuratorate, present with
	 * intermediateCourt
	 * @param notes the reasoning in Chinese
	 */
	public record FollowOn(String procuratorate, String court, Optional<String> intermediateCourt,
			Optional<String> intermediateProcuratorate, List<String> notes, List<Citation> citations) {

		public FollowOn {
			notes = List.copyOf(notes);
			citations = List.copyOf(citations);
		}
	}
}
