package org.fanzha.engine.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.fanzha.core.RegionCode;
import org.fanzha.engine.jurisdiction.JurisdictionAdvice.Ground;
import org.fanzha.engine.jurisdiction.JurisdictionAdvice.Superior;
import org.fanzha.engine.jurisdiction.JurisdictionAdvice.SuperiorLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class JurisdictionAdvisorTest {

	private static final Instant T = Instant.parse("2026-03-01T02:00:00Z");

	private final JurisdictionAdvisor advisor = new JurisdictionAdvisor();

	/**
	 * Points as "KIND@place[=lossYuan]" separated by ';' — place is a GB/T 2260 code or
	 * an ISO country code.
	 */
	static List<ConnectionPoint> points(String spec) {
		List<ConnectionPoint> out = new ArrayList<>();
		for (String item : spec.split(";")) {
			String[] kindRest = item.strip().split("@");
			ConnectionKind kind = ConnectionKind.valueOf(kindRest[0]);
			String[] placeLoss = kindRest[1].split("=");
			Place place = placeLoss[0].matches("[A-Z]{2}") ? Place.overseas(placeLoss[0]) : Place.region(placeLoss[0]);
			long loss = placeLoss.length > 1 ? Long.parseLong(placeLoss[1]) * 100 : 0;
			out.add(new ConnectionPoint(kind, place, kind.label() + "（测试）", T, loss));
		}
		return out;
	}

	private static AcceptingUnit unit(String region) {
		return region == null ? null
				: new AcceptingUnit(UnitNames.police(RegionCode.of(region)), RegionCode.of(region));
	}

	// ---- recommendation: first accepting unit or main crime location (2016 Opinion
	// 五、（五）; PS rules 第二十一条)

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', value = {
			// 2016 Opinion 五、（五）: the first accepting unit keeps the case when it is
			// competent, even where it is not the main location
			"accepting unit at the victim's location wins | 610113 | VICTIM_LOCATION@610113=5000;MONEY_WITHDRAWN@610302;VICTIM_LOCATION@610116=90000 | FIRST_ACCEPTING_UNIT | 610113",
			"accepting unit where only the money was withdrawn wins | 610302 | VICTIM_LOCATION@610113=5000;MONEY_WITHDRAWN@610302 | FIRST_ACCEPTING_UNIT | 610302",
			"accepting unit where a SIM card was sold wins (2021 Opinion II 第一条（一）) | 610581 | VICTIM_LOCATION@610113=5000;SIM_CARD@610581 | FIRST_ACCEPTING_UNIT | 610581",
			"accepting unit in another province where the server is | 440305 | VICTIM_LOCATION@610113=5000;WEBSITE_SERVER@440305 | FIRST_ACCEPTING_UNIT | 440305",
			// not competent ⇒ main crime location (2016 Opinion 五、（五）; system rule:
			// largest victim loss first)
			"accepting unit without a point ⇒ main crime location | 610122 | VICTIM_LOCATION@610113=5000;VICTIM_LOCATION@610116=90000 | MAIN_CRIME_LOCATION | 610116",
			"city bureau is not the county's unit (exact division) | 610100 | VICTIM_LOCATION@610113=5000 | MAIN_CRIME_LOCATION | 610113",
			"no accepting unit ⇒ main crime location by loss | | VICTIM_LOCATION@610113=5000;VICTIM_LOCATION@610116=90000;MONEY_MOVED@610302 | MAIN_CRIME_LOCATION | 610116",
			"losses in one county add up | | VICTIM_LOCATION@610113=5000;VICTIM_LOCATION@610113=5000;VICTIM_LOCATION@610116=9999 | MAIN_CRIME_LOCATION | 610113",
			"equal loss ⇒ more victims | | VICTIM_LOCATION@610113=6000;VICTIM_LOCATION@610116=3000;VICTIM_LOCATION@610116=3000 | MAIN_CRIME_LOCATION | 610116",
			"no loss recorded ⇒ more victims | | VICTIM_LOCATION@610113;MONEY_MOVED@610302;MONEY_MOVED@610302;VICTIM_LOCATION@610116;VICTIM_LOCATION@610116 | MAIN_CRIME_LOCATION | 610116",
			"no victims ⇒ more crime-location points | | MONEY_MOVED@610302;SIM_CARD@610113;BANK_CARD@610113 | MAIN_CRIME_LOCATION | 610113",
			"full tie ⇒ lower code (determinism only) | | MONEY_MOVED@610302;MONEY_MOVED@610113 | MAIN_CRIME_LOCATION | 610113",
			// 2016 Opinion 五、（一）: residence is not a crime location, it ranks after all
			// of them
			"many residences do not beat one crime location | | SUSPECT_RESIDENCE@610302;SUSPECT_RESIDENCE@610302;MONEY_MOVED@610113 | MAIN_CRIME_LOCATION | 610113",
			"only a residence ⇒ residence, with the caveat | | SUSPECT_RESIDENCE@610302 | MAIN_CRIME_LOCATION | 610302",
			"accepting unit at the suspect's residence is competent (where more suitable) | 610302 | VICTIM_LOCATION@610113=5000;SUSPECT_RESIDENCE@610302 | FIRST_ACCEPTING_UNIT | 610302",
			// 2016 Opinion 五、（六）: nothing in the mainland ⇒ nothing to recommend
			"only overseas points ⇒ none | 610113 | CALL_OR_SMS_SENT@MM;WEBSITE_SERVER@KH | NONE | ",
			// overseas points do not take competence from mainland ones
			"overseas caller, mainland victim ⇒ the victim's unit | | CALL_OR_SMS_SENT@MM;VICTIM_LOCATION@610113=5000 | MAIN_CRIME_LOCATION | 610113" })
	void recommendation(String rule, String accepting, String spec, Ground ground, String region) {
		JurisdictionAdvice advice = advisor.advise(points(spec), unit(accepting), null, false);

		assertThat(advice.recommendation().ground()).as(rule).isEqualTo(ground);
		if (region == null) {
			assertThat(advice.recommendation().region()).isEmpty();
			assertThat(advice.recommendation().policeUnit()).isEmpty();
			assertThat(advice.followOn()).isEmpty();
		}
		else {
			assertThat(advice.recommendation().region()).as(rule).contains(RegionCode.of(region));
			assertThat(advice.candidate(RegionCode.of(region))).as("the recommended unit is a candidate").isPresent();
			assertThat(advice.followOn()).isPresent();
		}
		assertThat(advice.recommendation().reasoning()).isNotEmpty();
		assertThat(advice.recommendation().citations()).isNotEmpty();
	}

	@Test
	void mainCrimeLocationIsFirstAndTheReasoningGivesTheFigures() {
		// 2016 Opinion 五、（五） with the system's order for "main"
		JurisdictionAdvice advice = advisor.advise(
				points("VICTIM_LOCATION@610113=5000;VICTIM_LOCATION@610116=90000;MONEY_WITHDRAWN@610302"),
				unit("610122"), null, false);

		assertThat(advice.candidates()).extracting(c -> c.region().value())
			.containsExactly("610116", "610113", "610302");
		assertThat(advice.candidates().get(0).victimLossFen()).isEqualTo(9_000_000L);
		assertThat(advice.recommendation().policeUnit()).contains("西安市公安局长安分局");
		assertThat(String.join("", advice.recommendation().reasoning())).contains("蓝田县公安局")
			.contains("不是本案任何连接点所在地")
			.contains("¥90,000.00")
			.contains("其次为西安市雁塔区");
		assertThat(advice.recommendation().citations()).contains(LegalSource.OPINION_2016.at("五、（五）"),
				LegalSource.PUBLIC_SECURITY_PROCEDURE_RULES_2020.at("第二十一条"), LegalSource.SYSTEM_RULE.at("主要犯罪地的确定顺序"));
	}

	@Test
	void acceptingUnitKeepsItsOwnName() {
		JurisdictionAdvice advice = advisor.advise(points("VICTIM_LOCATION@610113=5000"),
				new AcceptingUnit("雁塔分局反诈大队", RegionCode.of("610113")), null, false);

		assertThat(advice.recommendation().policeUnit()).contains("雁塔分局反诈大队");
		assertThat(String.join("", advice.recommendation().reasoning())).contains("本案仅此一个境内管辖地");
	}

	@Test
	void residenceOnlyAcceptingUnitCarriesTheCaveat() {
		// 2016 Opinion 五、（一）: residence only where more suitable
		JurisdictionAdvice advice = advisor.advise(points("VICTIM_LOCATION@610113=5000;SUSPECT_RESIDENCE@610302"),
				unit("610302"), null, false);

		assertThat(String.join("", advice.recommendation().reasoning())).contains("更为适宜");
		assertThat(advice.recommendation().citations()).contains(ConnectionKind.SUSPECT_RESIDENCE.citation());
	}

	// ---- designation: dispute, chain, overseas (2016 Opinion 五、（四）（五）（六）; PS rules
	// 第二十二条)

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', value = {
			// 2016 Opinion 五、（五） + PS rules 第二十二条: dispute ⇒ lowest common superior
			"dispute inside Xi'an ⇒ 西安市公安局 | 610113 | 长安分局认为应由其管辖 | false | VICTIM_LOCATION@610113=5000;MONEY_MOVED@610116 | CITY | 610100 | 西安市公安局",
			"dispute Xi'an vs Baoji ⇒ 陕西省公安厅 | 610113 | 宝鸡渭滨分局主张管辖 | false | VICTIM_LOCATION@610113=5000;MONEY_MOVED@610302 | PROVINCE | 610000 | 陕西省公安厅",
			"dispute Shaanxi vs Guangdong ⇒ 公安部 | 610113 | 深圳警方主张管辖 | false | VICTIM_LOCATION@610113=5000;WEBSITE_SERVER@440305 | MINISTRY | | 公安部",
			"dispute brings in a non-competent accepting unit (Baoji) ⇒ province | 610302 | 受理单位与被害人所在地争议 | false | VICTIM_LOCATION@610113=5000;MONEY_MOVED@610116 | PROVINCE | 610000 | 陕西省公安厅",
			"dispute between the city bureau and its county ⇒ province (superior above both) | | 市局与分局争议 | false | VICTIM_LOCATION@610113=5000;MONEY_MOVED@610100 | PROVINCE | 610000 | 陕西省公安厅",
			"dispute with one county only ⇒ its city | | 对是否立案有争议 | false | VICTIM_LOCATION@610581=5000 | CITY | 610500 | 渭南市公安局",
			"dispute in a municipality ⇒ the municipal bureau | | 两区争议 | false | VICTIM_LOCATION@110105=5000;MONEY_MOVED@110108 | PROVINCE | 110000 | 北京市公安局",
			// 2016 Opinion 五、（四）: multi-level cross-region chain ⇒ common superior may
			// designate
			"chain inside Xi'an ⇒ 西安市公安局 | | | true | VICTIM_LOCATION@610113=5000;BANK_CARD@610116;SIM_CARD@610122 | CITY | 610100 | 西安市公安局",
			"chain across Shaanxi cities ⇒ 陕西省公安厅 | | | true | VICTIM_LOCATION@610113=5000;BANK_CARD@610802;SIM_CARD@610403 | PROVINCE | 610000 | 陕西省公安厅",
			"chain across provinces ⇒ 公安部 | | | true | VICTIM_LOCATION@610113=5000;BANK_CARD@350203 | MINISTRY | | 公安部",
			// 2016 Opinion 五、（六）: overseas ⇒ the Ministry, whatever the mainland points
			"overseas point inside one county ⇒ 公安部 | | | false | VICTIM_LOCATION@610113=5000;CALL_OR_SMS_SENT@MM | MINISTRY | | 公安部",
			"overseas beats a city-level dispute ⇒ 公安部 | 610113 | 争议 | false | VICTIM_LOCATION@610113=5000;MONEY_MOVED@610116;WEBSITE_SERVER@KH | MINISTRY | | 公安部",
			"all overseas ⇒ 公安部 | | | false | WEBSITE_SERVER@KH;CALL_OR_SMS_SENT@MM | MINISTRY | | 公安部" })
	void designation(String rule, String accepting, String dispute, boolean chain, String spec, SuperiorLevel level,
			String region, String name) {
		JurisdictionAdvice advice = advisor.advise(points(spec), unit(accepting), dispute, chain);

		assertThat(advice.designation().needed()).as(rule).isTrue();
		Superior s = advice.designation().superior().orElseThrow();
		assertThat(s.level()).as(rule).isEqualTo(level);
		assertThat(s.name()).isEqualTo(name);
		assertThat(s.region().map(RegionCode::value)).isEqualTo(Optional.ofNullable(region));
		assertThat(advice.designation().reasons()).isNotEmpty();
		assertThat(advice.designation().citations()).isNotEmpty();
	}

	@Test
	void noDisputeNoChainNoOverseasNeedsNoDesignation() {
		JurisdictionAdvice advice = advisor.advise(
				points("VICTIM_LOCATION@610113=5000;MONEY_MOVED@610302;WEBSITE_SERVER@440305"), unit("610113"), "  ",
				false);

		assertThat(advice.dispute()).isEmpty();
		assertThat(advice.designation().needed()).isFalse();
		assertThat(advice.designation().superior()).isEmpty();
		assertThat(advice.designation().reasons()).isEmpty();
	}

	@Test
	void eachTriggerGivesItsOwnReasonAndCitation() {
		JurisdictionAdvice advice = advisor.advise(
				points("VICTIM_LOCATION@610113=5000;MONEY_MOVED@610116;CALL_OR_SMS_SENT@MM"), unit("610113"),
				"长安分局主张管辖", true);

		assertThat(advice.designation().reasons()).hasSize(3);
		assertThat(advice.designation().reasons().get(0)).contains("长安分局主张管辖").contains("协商");
		assertThat(advice.designation().reasons().get(1)).contains("多层级链条");
		assertThat(advice.designation().reasons().get(0)).contains("均在西安市辖区内，最低共同上级为西安市公安局");
		assertThat(advice.designation().reasons().get(2)).contains("境外：缅甸（MM）").contains("公安部").contains("而不是上述西安市公安局");
		assertThat(advice.designation().citations()).containsExactly(LegalSource.OPINION_2016.at("五、（五）"),
				LegalSource.PUBLIC_SECURITY_PROCEDURE_RULES_2020.at("第二十二条"), LegalSource.OPINION_2016.at("五、（四）"),
				LegalSource.OPINION_2016.at("五、（六）"), LegalSource.ANTI_TELECOM_FRAUD_LAW_2022.at("第三条"));
		// the recommendation stands as the proposal to the superior
		assertThat(advice.recommendation().policeUnit()).contains("西安市公安局雁塔分局");
		assertThat(advice.followOn().orElseThrow().notes()).anyMatch(n -> n.contains("指定管辖"));
	}

	@ParameterizedTest(name = "common superior of {0} ⇒ {1} {3}")
	@CsvSource(delimiter = '|',
			value = { "610113 610116 | CITY     | 610100 | 西安市公安局", "610113        | CITY     | 610100 | 西安市公安局",
					"610581 610502 | CITY     | 610500 | 渭南市公安局", "610113 610302 | PROVINCE | 610000 | 陕西省公安厅",
					"610100 610113 | PROVINCE | 610000 | 陕西省公安厅", "610100        | PROVINCE | 610000 | 陕西省公安厅",
					"610000        | MINISTRY |        | 公安部", "610113 440305 | MINISTRY |        | 公安部",
					"440305 440306 | CITY     | 440300 | 广东省（区划440300）地市级公安机关",
					"440305 440106 | PROVINCE | 440000 | 广东省公安厅", "310104 310115 | PROVINCE | 310000 | 上海市公安局" })
	void commonSuperior(String regions, SuperiorLevel level, String region, String name) {
		Superior s = JurisdictionAdvisor
			.commonSuperior(Arrays.stream(regions.split(" +")).map(RegionCode::of).toList());

		assertThat(s.level()).isEqualTo(level);
		assertThat(s.region().map(RegionCode::value).orElse(null)).isEqualTo(region);
		assertThat(s.name()).isEqualTo(name);
	}

	// ---- follow-on: procuratorate and court of the recommended unit (2016 Opinion
	// 五、（七）; CPL 第二十五条)

	@ParameterizedTest(name = "{0} ⇒ {1} / {2} / {3}")
	@CsvSource(delimiter = '|',
			value = { "610113 | 西安市公安局雁塔分局 | 西安市雁塔区人民检察院 | 西安市雁塔区人民法院", "610122 | 蓝田县公安局 | 蓝田县人民检察院 | 蓝田县人民法院",
					"610581 | 韩城市公安局 | 韩城市人民检察院 | 韩城市人民法院", "610403 | 咸阳市公安局杨陵分局 | 咸阳市杨陵区人民检察院 | 咸阳市杨陵区人民法院",
					"610100 | 西安市公安局 | 西安市人民检察院 | 西安市中级人民法院", "610000 | 陕西省公安厅 | 陕西省人民检察院 | 陕西省高级人民法院",
					"440305 | 广东省（区划440305）县级公安机关 | 广东省（区划440305）人民检察院 | 广东省（区划440305）人民法院" })
	void procuratorateAndCourtFollowThePoliceUnit(String region, String police, String procuratorate, String court) {
		JurisdictionAdvice advice = advisor.advise(points("MONEY_MOVED@" + region));

		assertThat(advice.recommendation().policeUnit()).contains(police);
		JurisdictionAdvice.FollowOn f = advice.followOn().orElseThrow();
		assertThat(f.procuratorate()).isEqualTo(procuratorate);
		assertThat(f.court()).isEqualTo(court);
		assertThat(f.citations()).contains(LegalSource.OPINION_2016.at("五、（七）"));
		assertThat(f.intermediateCourt()).isEmpty();
	}

	@ParameterizedTest(name = "loss {0} fen ⇒ intermediate court {1}")
	@CsvSource({
			// 2011 interpretation 第一条 (verified): 50万元以上 = 数额特别巨大; CPL 第二十一条 (recalled):
			// life sentence ⇒ intermediate court
			"49999999, false", "50000000, true" })
	void especiallyHugeLossNamesTheIntermediateCourt(long lossFen, boolean intermediate) {
		JurisdictionAdvice advice = advisor.advise(List.of(ConnectionPoint.victim("610113", lossFen, "报案笔录", T)));

		JurisdictionAdvice.FollowOn f = advice.followOn().orElseThrow();
		assertThat(f.court()).isEqualTo("西安市雁塔区人民法院");
		assertThat(f.intermediateCourt().isPresent()).isEqualTo(intermediate);
		if (intermediate) {
			assertThat(f.intermediateCourt()).contains("西安市中级人民法院");
			assertThat(f.intermediateProcuratorate()).contains("西安市人民检察院");
			assertThat(f.citations()).contains(LegalSource.FRAUD_INTERPRETATION_2011.at("第一条"));
		}
	}

	@Test
	void sourcesListEveryCitationOnceWithItsStatus() {
		JurisdictionAdvice advice = advisor
			.advise(points("VICTIM_LOCATION@610113=5000;SIM_CARD@610116;VICTIM_LOCATION@610113=1"));

		assertThat(advice.sources()).doesNotHaveDuplicates()
			.contains(ConnectionKind.VICTIM_LOCATION.citation(), ConnectionKind.SIM_CARD.citation(),
					LegalSource.OPINION_2016.at("五、（七）"));
		assertThat(ConnectionKind.SIM_CARD.citation().display()).contains("法发〔2021〕22号").contains("凭记忆引用");
		assertThat(LegalSource.FRAUD_INTERPRETATION_2011.at("第一条").display()).contains("已核对原文");
	}

	// ---- bad input ⇒ IllegalArgumentException with a clear message

	static Stream<Arguments> badInput() {
		JurisdictionAdvisor a = new JurisdictionAdvisor();
		List<ConnectionPoint> withNull = new ArrayList<>(points("MONEY_MOVED@610113"));
		withNull.add(null);
		List<ConnectionPoint> tooMany = new ArrayList<>();
		for (int i = 0; i <= JurisdictionAdvisor.MAX_POINTS; i++) {
			tooMany.add(ConnectionPoint.of(ConnectionKind.MONEY_MOVED, "610113", "x"));
		}
		return Stream.of(
				Arguments.of("empty points", (ThrowingCallable) () -> a.advise(List.of()), "no connection points"),
				Arguments.of("null points", (ThrowingCallable) () -> a.advise(null), "no connection points"),
				Arguments.of("a null point", (ThrowingCallable) () -> a.advise(withNull),
						"connection point #2 is null"),
				Arguments.of("too many points", (ThrowingCallable) () -> a.advise(tooMany),
						"too many connection points"),
				Arguments.of("unknown Shaanxi code",
						(ThrowingCallable) () -> ConnectionPoint.of(ConnectionKind.VICTIM_LOCATION, "619999", "x"),
						"619999 is not a known Shaanxi"),
				Arguments.of("code of the wrong shape",
						(ThrowingCallable) () -> ConnectionPoint.of(ConnectionKind.VICTIM_LOCATION, "6101", "x"),
						"must be 6 digits"),
				Arguments.of("unknown province prefix",
						(ThrowingCallable) () -> ConnectionPoint.of(ConnectionKind.VICTIM_LOCATION, "990101", "x"),
						"unknown province prefix 99"),
				Arguments.of("Hong Kong as a mainland code",
						(ThrowingCallable) () -> ConnectionPoint.of(ConnectionKind.WEBSITE_SERVER, "810000", "x"),
						"Place.overseas(\"HK\")"),
				Arguments.of("CN as overseas",
						(ThrowingCallable) () -> ConnectionPoint.overseas(ConnectionKind.WEBSITE_SERVER, "CN", "x"),
						"CN is not overseas"),
				Arguments.of("lower-case country",
						(ThrowingCallable) () -> ConnectionPoint.overseas(ConnectionKind.WEBSITE_SERVER, "mm", "x"),
						"ISO 3166-1 alpha-2"),
				Arguments.of("blank evidence",
						(ThrowingCallable) () -> ConnectionPoint.of(ConnectionKind.MONEY_MOVED, "610113", " "),
						"has no evidence text"),
				Arguments.of("loss on a money-moved point",
						(ThrowingCallable) () -> new ConnectionPoint(ConnectionKind.MONEY_MOVED, Place.region("610113"),
								"x", null, 100),
						"only a VICTIM_LOCATION point carries a loss"),
				Arguments.of("negative loss", (ThrowingCallable) () -> ConnectionPoint.victim("610113", -1, "x", T),
						"loss must be >= 0"),
				Arguments.of("losses overflow",
						(ThrowingCallable) () -> a
							.advise(List.of(ConnectionPoint.victim("610113", Long.MAX_VALUE, "x", T),
									ConnectionPoint.victim("610116", 1, "x", T))),
						"more than a long"),
				Arguments.of("accepting unit with unknown code",
						(ThrowingCallable) () -> AcceptingUnit.of("某分局", "610199"), "610199 is not a known Shaanxi"),
				Arguments.of("accepting unit without a name", (ThrowingCallable) () -> AcceptingUnit.of(" ", "610113"),
						"has no name"),
				Arguments.of("common superior of nothing",
						(ThrowingCallable) () -> JurisdictionAdvisor.commonSuperior(List.of()), "at least one region"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInput")
	void badInputIsRefusedWithAClearMessage(String what, ThrowingCallable call, String message) {
		assertThatThrownBy(call).as(what).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
	}

}
