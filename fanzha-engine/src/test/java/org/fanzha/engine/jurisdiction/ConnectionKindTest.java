package org.fanzha.engine.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.fanzha.core.RegionCode;
import org.fanzha.engine.jurisdiction.ConnectionKind.Competence;
import org.fanzha.engine.jurisdiction.JurisdictionAdvice.Ground;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ConnectionKindTest {

	private final JurisdictionAdvisor advisor = new JurisdictionAdvisor();

	// Every row: the kind, the document and article that makes its place competent, and
	// whether it is a crime
	// location (act / result) or only the suspect's residence.
	@ParameterizedTest(name = "{0} ⇐ {1} {2}")
	@CsvSource({
			// 2016 Opinion 五、（一）, 犯罪行为发生地
			"WEBSITE_SERVER,       OPINION_2016,    五、（一）,   CRIME_ACT",
			"WEBSITE_OPERATOR,     OPINION_2016,    五、（一）,   CRIME_ACT",
			"ATTACKED_SYSTEM,      OPINION_2016,    五、（一）,   CRIME_ACT",
			"SUSPECT_SYSTEM,       OPINION_2016,    五、（一）,   CRIME_ACT",
			"VICTIM_SYSTEM,        OPINION_2016,    五、（一）,   CRIME_ACT",
			"CALL_OR_SMS_SENT,     OPINION_2016,    五、（一）,   CRIME_ACT",
			"CALL_OR_SMS_RECEIVED, OPINION_2016,    五、（一）,   CRIME_ACT",
			"ACT_LOCATION,         OPINION_2016,    五、（一）,   CRIME_ACT",
			// 2016 Opinion 五、（一）, 犯罪结果发生地
			"VICTIM_LOCATION,      OPINION_2016,    五、（一）,   CRIME_RESULT",
			"MONEY_OBTAINED,       OPINION_2016,    五、（一）,   CRIME_RESULT",
			"MONEY_WITHDRAWN,      OPINION_2016,    五、（一）,   CRIME_RESULT",
			"MONEY_HIDDEN,         OPINION_2016,    五、（一）,   CRIME_RESULT",
			"MONEY_MOVED,          OPINION_2016,    五、（一）,   CRIME_RESULT",
			"MONEY_USED_OR_SOLD,   OPINION_2016,    五、（一）,   CRIME_RESULT",
			// 2021 Opinion (II) 第一条 additions
			"SIM_CARD,             OPINION_II_2021, 第一条（一）, CRIME_ACT",
			"BANK_CARD,            OPINION_II_2021, 第一条（二）, CRIME_ACT",
			"IM_OR_AD_MESSAGE,     OPINION_II_2021, 第一条（三）, CRIME_ACT",
			"SIM_BOX,              OPINION_II_2021, 第一条（四）, CRIME_ACT",
			"INTERNET_ACCOUNT,     OPINION_II_2021, 第一条（五）, CRIME_ACT",
			// 2016 Opinion 五、（一） first sentence: residence where more suitable
			"SUSPECT_RESIDENCE,    OPINION_2016,    五、（一）,   RESIDENCE" })
	void eachKindCitesItsSource(ConnectionKind kind, LegalSource source, String article, Competence competence) {
		assertThat(kind.citation()).isEqualTo(new Citation(source, article));
		assertThat(kind.competence()).isEqualTo(competence);
		assertThat(kind.label()).isNotBlank();
		assertThat(kind.basis()).isNotBlank();
	}

	@ParameterizedTest(name = "a {0} point in 雁塔区 makes 西安市公安局雁塔分局 competent")
	@EnumSource(ConnectionKind.class)
	void eachKindYieldsCompetence(ConnectionKind kind) {
		JurisdictionAdvice advice = advisor.advise(List.of(ConnectionPoint.of(kind, "610113", "测试证据")));

		assertThat(advice.candidates()).singleElement().satisfies(c -> {
			assertThat(c.region()).isEqualTo(RegionCode.of("610113"));
			assertThat(c.policeUnit()).isEqualTo("西安市公安局雁塔分局");
			assertThat(c.kinds()).containsExactly(kind);
			assertThat(c.bases()).containsExactly(kind.citation());
			assertThat(c.isCrimeLocation()).isEqualTo(kind != ConnectionKind.SUSPECT_RESIDENCE);
		});
		assertThat(advice.recommendation().ground()).isEqualTo(Ground.MAIN_CRIME_LOCATION);
		assertThat(advice.recommendation().policeUnit()).contains("西安市公安局雁塔分局");
		assertThat(advice.designation().needed()).isFalse();
		assertThat(advice.sources()).contains(kind.citation());
	}

	@ParameterizedTest
	@EnumSource(ConnectionKind.class)
	void theSameKindOverseasMakesNoMainlandUnitCompetent(ConnectionKind kind) {
		JurisdictionAdvice advice = advisor.advise(List.of(ConnectionPoint.overseas(kind, "MM", "境外")));

		assertThat(advice.candidates()).isEmpty();
		assertThat(advice.overseasPoints()).hasSize(1);
		assertThat(advice.recommendation().ground()).isEqualTo(Ground.NONE);
	}

}
