package org.fanzha.engine.jurisdiction;

import static org.fanzha.engine.jurisdiction.LegalSource.ANTI_TELECOM_FRAUD_LAW_2022;
import static org.fanzha.engine.jurisdiction.LegalSource.CRIMINAL_PROCEDURE_LAW_2018;
import static org.fanzha.engine.jurisdiction.LegalSource.FRAUD_INTERPRETATION_2011;
import static org.fanzha.engine.jurisdiction.LegalSource.OPINION_2016;
import static org.fanzha.engine.jurisdiction.LegalSource.PUBLIC_SECURITY_PROCEDURE_RULES_2020;
import static org.fanzha.engine.jurisdiction.LegalSource.SYSTEM_RULE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.fanzha.core.Money;
import org.fanzha.core.RegionCode;
import org.fanzha.engine.jurisdiction.JurisdictionAdvice.Candidate;
import org.fanzha.engine.jurisdiction.JurisdictionAdvice.Designation;
import org.fanzha.engine.jurisdiction.JurisdictionAdvice.FollowOn;
import org.fanzha.engine.jurisdiction.JurisdictionAdvice.Ground;
import org.fanzha.engine.jurisdiction.JurisdictionAdvice.Recommendation;
import org.fanzha.engine.jurisdiction.JurisdictionAdvice.Superior;
import org.fanzha.engine.jurisdiction.JurisdictionAdvice.SuperiorLevel;

/*
 * Jurisdiction advice (管辖) for a telecom-fraud case or group, from its connection points.
 *
 * 1. Candidates. Every mainland point makes the police unit of its division competent (ConnectionKind: 2016
 *    Opinion 五、（一）, 2021 Opinion (II) 第一条); points are grouped by division at the level they were given
 *    (a county code ⇒ the county-level unit; a city code ⇒ the city bureau). A division with only a suspect's
 *    residence is competent only where that is more suitable, and ranks after every crime location.
 * 2. Recommendation (2016 Opinion 五、（五）; Public Security procedure rules 第二十一条): the first accepting unit
 *    keeps the case when its division is a candidate; otherwise the main crime location. "Main" is this
 *    system's transparent rule, not the law's words: the candidate with the largest recorded victim loss
 *    (VICTIM_LOCATION points), then the most victims, then the most crime-location points, then the lowest
 *    code (only so the answer is deterministic). With no mainland point there is nothing to recommend.
 * 3. Designation. A declared dispute (2016 Opinion 五、（五）; rules 第二十二条) and a multi-level cross-region chain
 *    (五、（四）) go to the lowest common superior of the divisions involved (the candidates, plus the accepting
 *    unit's division for a dispute): all in one prefecture ⇒ the city bureau, across prefectures ⇒ the
 *    province, across provinces ⇒ the Ministry; a superior is always above every unit involved, so a dispute
 *    between a city bureau and one of its counties goes to the province. Municipalities (11, 12, 31, 50) have no
 *    prefecture level. Any point outside the mainland ⇒ the Ministry (五、（六））.
 * 4. Follow-on (五、（七）): the procuratorate and court of the recommended unit's division; where the recorded
 *    losses reach the "especially huge" ¥500,000 (2011 interpretation 第一条, verified) a life sentence is
 *    possible and the prefecture's intermediate court tries it at first instance (CPL 第二十一条, recalled), so
 *    the prefecture's procuratorate and intermediate court are named too.
 *
 * Cost: O(n log n) in the number of points (grouping, sorting the candidates); at most MAX_POINTS points.
 * Stateless and thread-safe.
 */
public final class JurisdictionAdvisor {

	/** More points than any case group plausibly has; a bound on the work per call. */
	public static final int MAX_POINTS = 10_000;

	/** ¥500,000: 数额特别巨大 (2011 interpretation 第一条, verified). */
	public static final long ESPECIALLY_HUGE_FEN = 50_000_000L;

	private static final Comparator<Candidate> MAIN_FIRST = Comparator.comparing((Candidate c) -> !c.isCrimeLocation())
		.thenComparing(Comparator.comparingLong(Candidate::victimLossFen).reversed())
		.thenComparing(Comparator.comparingInt(Candidate::victimCount).reversed())
		.thenComparing(Comparator.comparingInt(Candidate::crimeLocationPoints).reversed())
		.thenComparing(c -> c.region().value());

	/**
	 * Same as {@link #advise(List, AcceptingUnit, String, boolean)} with no accepting
	 * unit, dispute or chain.
	 */
	public JurisdictionAdvice advise(List<ConnectionPoint> points) {
		return advise(points, null, null, false);
	}

	/**
	 * @param points the case's connection points; at least one, none null
	 * @param firstAccepting the unit that first accepted the case, or null
	 * @param dispute what the dispute between units is about, or null/blank when there is
	 * none
	 * @param multiLevelChain whether the case is part of a multi-level cross-region chain
	 * (多层级链条、跨区域)
	 * @throws IllegalArgumentException on no points, a null point, too many points, or
	 * losses that overflow
	 */
	public JurisdictionAdvice advise(List<ConnectionPoint> points, AcceptingUnit firstAccepting, String dispute,
			boolean multiLevelChain) {
		if (points == null || points.isEmpty()) {
			throw new IllegalArgumentException("no connection points: jurisdiction needs at least one");
		}
		if (points.size() > MAX_POINTS) {
			throw new IllegalArgumentException("too many connection points: " + points.size() + " > " + MAX_POINTS);
		}
		for (int i = 0; i < points.size(); i++) {
			if (points.get(i) == null) {
				throw new IllegalArgumentException("connection point #" + (i + 1) + " is null");
			}
		}
		Optional<String> disputeText = Optional.ofNullable(dispute).map(String::strip).filter(s -> !s.isEmpty());
		Optional<AcceptingUnit> accepting = Optional.ofNullable(firstAccepting);

		List<ConnectionPoint> overseas = points.stream().filter(ConnectionPoint::isOverseas).toList();
		List<Candidate> candidates = candidates(points);
		long totalLoss = totalLoss(points);

		Recommendation recommendation = recommend(candidates, overseas, accepting);
		Designation designation = designation(candidates, overseas, accepting, disputeText, multiLevelChain);
		Optional<FollowOn> followOn = recommendation.region().map(r -> followOn(r, totalLoss, designation.needed()));

		Set<Citation> sources = new LinkedHashSet<>();
		points.forEach(p -> sources.add(p.kind().citation()));
		sources.addAll(recommendation.citations());
		sources.addAll(designation.citations());
		followOn.ifPresent(f -> sources.addAll(f.citations()));
		return new JurisdictionAdvice(points, candidates, overseas, accepting, disputeText, multiLevelChain,
				recommendation, designation, followOn, List.copyOf(sources));
	}

	private static List<Candidate> candidates(List<ConnectionPoint> points) {
		Map<RegionCode, List<ConnectionPoint>> byRegion = new LinkedHashMap<>();
		for (ConnectionPoint p : points) {
			if (p.place() instanceof Place.Domestic d) {
				byRegion.computeIfAbsent(d.region(), k -> new ArrayList<>()).add(p);
			}
		}
		List<Candidate> out = new ArrayList<>(byRegion.size());
		byRegion.forEach((region, list) -> {
			long loss = 0;
			int victims = 0;
			int crime = 0;
			for (ConnectionPoint p : list) {
				loss = addLoss(loss, p.lossFen());
				if (p.kind() == ConnectionKind.VICTIM_LOCATION) {
					victims++;
				}
				if (p.kind().competence().isCrimeLocation()) {
					crime++;
				}
			}
			out.add(new Candidate(region, UnitNames.police(region), list, loss, victims, crime));
		});
		out.sort(MAIN_FIRST);
		return out;
	}

	private static long totalLoss(List<ConnectionPoint> points) {
		long total = 0;
		for (ConnectionPoint p : points) {
			total = addLoss(total, p.lossFen());
		}
		return total;
	}

	private static long addLoss(long a, long b) {
		try {
			return Math.addExact(a, b);
		}
		catch (ArithmeticException e) {
			throw new IllegalArgumentException("victim losses add up to more than a long of fen can hold");
		}
	}

	private static Recommendation recommend(List<Candidate> candidates, List<ConnectionPoint> overseas,
			Optional<AcceptingUnit> accepting) {
		List<String> why = new ArrayList<>();
		if (candidates.isEmpty()) {
			why.add("全部" + overseas.size() + "个连接点均在境外，境内没有犯罪地或居住地，无法按连接点确定管辖。");
			why.add("在境外实施的电信网络诈骗等犯罪案件，可由公安部按照有利于查清犯罪事实、有利于诉讼的原则，指定有关公安机关立案侦查。");
			accepting.ifPresent(a -> why.add("最初受理单位" + a.name() + "可报请公安部指定管辖。"));
			return new Recommendation(Ground.NONE, Optional.empty(), Optional.empty(), why,
					List.of(OPINION_2016.at("五、（六）")));
		}
		why.add("本案境内连接点涉及" + candidates.size() + "个管辖地："
				+ candidates.stream().map(c -> c.regionName() + "（" + c.region() + "）").collect(Collectors.joining("、"))
				+ "。");
		if (accepting.isPresent()) {
			AcceptingUnit a = accepting.get();
			Optional<Candidate> own = candidates.stream().filter(c -> c.region().equals(a.region())).findFirst();
			if (own.isPresent()) {
				Candidate c = own.get();
				why.add("最初受理单位" + a.name() + "所在地" + c.regionName() + "有连接点：" + kindLabels(c) + "，具有管辖权。");
				List<Citation> cites = new ArrayList<>(
						List.of(OPINION_2016.at("五、（五）"), PUBLIC_SECURITY_PROCEDURE_RULES_2020.at("第二十一条")));
				if (!c.isCrimeLocation()) {
					why.add("但该地仅为犯罪嫌疑人居住地，只有由居住地公安机关立案侦查更为适宜时才可管辖，否则应按主要犯罪地确定。");
					cites.add(0, ConnectionKind.SUSPECT_RESIDENCE.citation());
				}
				why.add(candidates.size() == 1 ? "本案仅此一个境内管辖地，建议由" + a.name() + "立案侦查。"
						: "多个公安机关都有权立案侦查的，由最初受理的公安机关或者主要犯罪地公安机关立案侦查；最初受理单位有管辖权，建议由" + a.name() + "立案侦查。");
				return new Recommendation(Ground.FIRST_ACCEPTING_UNIT, Optional.of(a.name()), Optional.of(a.region()),
						why, cites);
			}
			why.add("最初受理单位" + a.name() + "所在地" + UnitNames.regionName(a.region()) + "（" + a.region()
					+ "）不是本案任何连接点所在地，不能据最初受理确定管辖，应移送有管辖权的公安机关。");
		}
		else {
			why.add("未记载最初受理单位。");
		}
		Candidate main = candidates.get(0);
		why.add("主要犯罪地按本系统规则依次比较：被害人被骗时所在地记录的损失合计、被害人数、犯罪地连接点数，仍相同的取区划代码较小者；仅为犯罪嫌疑人居住地的排在所有犯罪地之后。");
		why.add(main.regionName() + "：" + figures(main) + "，居首。");
		if (candidates.size() > 1) {
			Candidate second = candidates.get(1);
			why.add("其次为" + second.regionName() + "：" + figures(second) + "。");
		}
		if (!main.isCrimeLocation()) {
			why.add("境内只有犯罪嫌疑人居住地，须由居住地公安机关立案侦查更为适宜时方可管辖。");
		}
		why.add("建议由主要犯罪地公安机关" + main.policeUnit() + "立案侦查。");
		List<Citation> cites = new ArrayList<>(List.of(OPINION_2016.at("五、（五）"),
				PUBLIC_SECURITY_PROCEDURE_RULES_2020.at("第二十一条"), SYSTEM_RULE.at("主要犯罪地的确定顺序")));
		return new Recommendation(Ground.MAIN_CRIME_LOCATION, Optional.of(main.policeUnit()),
				Optional.of(main.region()), why, cites);
	}

	private static String kindLabels(Candidate c) {
		return c.kinds().stream().map(ConnectionKind::label).collect(Collectors.joining("、"));
	}

	private static String figures(Candidate c) {
		return "被害人损失" + Money.ofFen(c.victimLossFen()) + "，被害人" + c.victimCount() + "名，犯罪地连接点"
				+ c.crimeLocationPoints() + "个";
	}

	private static Designation designation(List<Candidate> candidates, List<ConnectionPoint> overseas,
			Optional<AcceptingUnit> accepting, Optional<String> dispute, boolean chain) {
		List<String> reasons = new ArrayList<>();
		List<Citation> cites = new ArrayList<>();
		Set<RegionCode> involved = new TreeSet<>(Comparator.comparing(RegionCode::value));
		candidates.forEach(c -> involved.add(c.region()));
		if (dispute.isPresent()) {
			accepting.ifPresent(a -> involved.add(a.region()));
		}
		Superior superior = null;
		if ((dispute.isPresent() || chain) && !involved.isEmpty()) {
			superior = commonSuperior(involved);
		}
		if (dispute.isPresent()) {
			reasons.add("管辖存在争议（" + dispute.get() + "）：有关公安机关应按照有利于查清犯罪事实、有利于诉讼的原则协商解决；协商不成的，由共同上级公安机关"
					+ (superior == null ? "" : superior.name()) + "指定管辖。"
					+ (superior == null ? "" : superiorWhy(involved, superior)));
			cites.add(OPINION_2016.at("五、（五）"));
			cites.add(PUBLIC_SECURITY_PROCEDURE_RULES_2020.at("第二十二条"));
		}
		if (chain) {
			reasons.add("本案属因网络交易、技术支持、资金支付结算等关系形成的多层级链条、跨区域案件：可由共同上级公安机关" + (superior == null ? "" : superior.name())
					+ "按照有利于查清犯罪事实、有利于诉讼的原则指定有关公安机关立案侦查。" + (superior == null ? "" : superiorWhy(involved, superior)));
			cites.add(OPINION_2016.at("五、（四）"));
		}
		if (!overseas.isEmpty()) {
			String instead = superior != null && superior.level() != SuperiorLevel.MINISTRY
					? "因涉境外，由公安部指定，而不是上述" + superior.name() + "。" : "";
			superior = ministry();
			reasons.add("本案有境外连接点（"
					+ overseas.stream().map(p -> p.place().label()).distinct().collect(Collectors.joining("、"))
					+ "）：在境外实施的电信网络诈骗等犯罪案件，可由公安部指定有关公安机关立案侦查。境外组织、个人针对境内实施电信网络诈骗活动的，依照反电信网络诈骗法追究责任。" + instead);
			cites.add(OPINION_2016.at("五、（六）"));
			cites.add(ANTI_TELECOM_FRAUD_LAW_2022.at("第三条"));
		}
		return new Designation(!reasons.isEmpty(), Optional.ofNullable(superior), reasons, cites);
	}

	private static String superiorWhy(Collection<RegionCode> involved, Superior s) {
		String list = involved.stream()
			.map(r -> UnitNames.regionName(r) + "（" + r + "）")
			.collect(Collectors.joining("、"));
		String scope = switch (s.level()) {
			case CITY -> "均在" + UnitNames.regionName(s.region().orElseThrow()) + "辖区内";
			case PROVINCE ->
				involved.stream().map(r -> r.prefecture().value()).distinct().count() > 1 ? "跨地市" : "含地市级单位本身";
			case MINISTRY ->
				involved.stream().map(r -> r.province().value()).distinct().count() > 1 ? "跨省级行政区" : "含省级单位本身";
		};
		return "涉及" + list + "，" + scope + "，最低共同上级为" + s.name() + "。";
	}

	private static Superior ministry() {
		return new Superior(SuperiorLevel.MINISTRY, Optional.empty(), "公安部");
	}

	/**
	 * The lowest police authority above every division given: the city bureau when all
	 * are counties of one prefecture, the province when all lie in one province, else the
	 * Ministry. A superior is strictly above the units involved, so a set that holds the
	 * prefecture (or province) itself goes one level up. In the four municipalities the
	 * city is the province level.
	 * @throws IllegalArgumentException on an empty or null collection
	 */
	public static Superior commonSuperior(Collection<RegionCode> regions) {
		if (regions == null || regions.isEmpty()) {
			throw new IllegalArgumentException("a common superior needs at least one region");
		}
		Set<String> provinces = new TreeSet<>();
		Set<String> prefectures = new TreeSet<>();
		boolean hasProvinceItself = false;
		boolean hasPrefectureItself = false;
		for (RegionCode r : regions) {
			if (r == null) {
				throw new IllegalArgumentException("a region for the common superior is null");
			}
			provinces.add(r.province().value());
			prefectures.add(r.prefecture().value());
			hasProvinceItself |= r.isProvince();
			hasPrefectureItself |= r.isPrefecture();
		}
		if (provinces.size() > 1 || hasProvinceItself) {
			return ministry();
		}
		RegionCode province = RegionCode.of(provinces.iterator().next());
		if (prefectures.size() == 1 && !hasPrefectureItself && !UnitNames.isMunicipality(province)) {
			RegionCode city = RegionCode.of(prefectures.iterator().next());
			return new Superior(SuperiorLevel.CITY, Optional.of(city), UnitNames.police(city));
		}
		return new Superior(SuperiorLevel.PROVINCE, Optional.of(province), UnitNames.police(province));
	}

	private static FollowOn followOn(RegionCode region, long totalLoss, boolean designated) {
		List<String> notes = new ArrayList<>();
		List<Citation> cites = new ArrayList<>();
		String procuratorate = UnitNames.procuratorate(region);
		String court = UnitNames.court(region);
		notes.add("公安机关立案侦查的案件，需要提请批准逮捕、移送审查起诉、提起公诉的，由该公安机关所在地的人民检察院、人民法院受理：" + procuratorate + "、" + court + "。");
		cites.add(OPINION_2016.at("五、（七）"));
		cites.add(CRIMINAL_PROCEDURE_LAW_2018.at("第二十五条"));
		Optional<String> midCourt = Optional.empty();
		Optional<String> midProc = Optional.empty();
		if (totalLoss >= ESPECIALLY_HUGE_FEN && region.isCounty()) {
			RegionCode city = region.prefecture();
			if (UnitNames.isMunicipality(city)) {
				city = region.province();
			}
			midCourt = Optional.of(UnitNames.regionName(city) + "中级人民法院");
			midProc = Optional.of(UnitNames.procuratorate(city));
			notes.add("记录的被害人损失合计" + Money.ofFen(totalLoss) + "，达到诈骗“数额特别巨大”（五十万元）；可能判处无期徒刑的，第一审由中级人民法院管辖："
					+ midProc.get() + "、" + midCourt.get() + "。");
			cites.add(FRAUD_INTERPRETATION_2011.at("第一条"));
			cites.add(CRIMINAL_PROCEDURE_LAW_2018.at("第二十一条"));
		}
		if (designated) {
			notes.add("如经上级指定管辖，由被指定的公安机关所在地的人民检察院、人民法院受理，以上仅对应建议单位。");
		}
		return new FollowOn(procuratorate, court, midCourt, midProc, notes, cites);
	}

}
