package org.fanzha.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionCodeTest {

	@Test
	void shaanxiCountyHierarchy() {
		RegionCode yangling = RegionCode.of("610403");
		assertThat(yangling.name()).contains("杨陵区");
		assertThat(yangling.isCounty()).isTrue();
		assertThat(yangling.isPrefecture()).isFalse();
		assertThat(yangling.prefecture()).isEqualTo(RegionCode.of("610400"));
		assertThat(yangling.prefecture().name()).contains("咸阳市");
		assertThat(yangling.province().name()).contains("陕西省");
		assertThat(yangling.parent()).contains(RegionCode.of("610400"));
		assertThat(RegionCode.of("610400").parent()).contains(RegionCode.of("610000"));
		assertThat(RegionCode.of("610000").parent()).isEmpty();
		assertThat(RegionCode.of("610000").isProvince()).isTrue();
		assertThat(RegionCode.of("610100").isPrefecture()).isTrue();
		assertThat(yangling.populationWeight()).isPresent();
		assertThat(RegionCode.of("610100").populationWeight()).hasValue(12_950_000);
		assertThat(yangling.value()).isEqualTo("610403");
		assertThat(yangling).hasToString("610403");
	}

	@Test
	void knownShaanxiNames() {
		assertThat(RegionCode.of("610118").name()).contains("鄠邑区");
		assertThat(RegionCode.of("610305").name()).contains("凤翔区");
		assertThat(RegionCode.of("610681").name()).contains("子长市");
		assertThat(RegionCode.of("610981").name()).contains("旬阳市");
		assertThat(RegionCode.of("611026").name()).contains("柞水县");
	}

	@Test
	void otherProvincesAreLenient() {
		RegionCode chaoyang = RegionCode.of("110105");
		assertThat(chaoyang.name()).isEmpty();
		assertThat(chaoyang.province().name()).contains("北京市");
		assertThat(chaoyang.populationWeight()).isEmpty();
		assertThat(RegionCode.of("820000").name()).contains("澳门特别行政区");
		assertThat(RegionCode.of("650000").name()).contains("新疆维吾尔自治区");
		assertThat(RegionCode.of("710000").name()).contains("台湾省");
	}

	@Test
	void containment() {
		RegionCode shaanxi = RegionCode.of("610000");
		RegionCode xian = RegionCode.of("610100");
		RegionCode yanta = RegionCode.of("610113");
		assertThat(shaanxi.contains(yanta)).isTrue();
		assertThat(xian.contains(yanta)).isTrue();
		assertThat(xian.contains(xian)).isTrue();
		assertThat(yanta.contains(yanta)).isTrue();
		assertThat(yanta.contains(xian)).isFalse();
		assertThat(xian.contains(RegionCode.of("610403"))).isFalse();
		assertThat(shaanxi.contains(RegionCode.of("110105"))).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "61010      | region code '61010' must be 6 digits", "6101021    | must be 6 digits",
					"61O102     | must be 6 digits", "990000     | region code 990000 has unknown province prefix 99",
					"700000     | unknown province prefix 70", "830000     | unknown province prefix 83",
					"610199     | region code 610199 is not a known Shaanxi (61) division",
					"610125     | is not a known Shaanxi (61) division",
					"611100     | is not a known Shaanxi (61) division", })
	void rejectsBadCodes(String code, String message) {
		assertThatThrownBy(() -> RegionCode.of(code)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(message);
		assertThat(RegionCode.isValid(code)).isFalse();
	}

	@Test
	void rejectsMissing() {
		assertThatThrownBy(() -> RegionCode.of(null)).hasMessage("region code is missing");
	}

}
