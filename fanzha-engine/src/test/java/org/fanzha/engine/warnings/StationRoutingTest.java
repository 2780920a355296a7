package org.fanzha.engine.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.fanzha.engine.warnings.StationRouting.Station;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StationRoutingTest {

	private static final Station XIAOZHAI = new Station("S-610113-01", "小寨派出所");

	private static final Station DAYANTA = new Station("S-610113-02", "大雁塔派出所");

	private static final Station YANGLING = new Station("S-610403-01", "杨陵派出所");

	private static final Station HAIDIAN = new Station("S-110108-01", "中关村派出所");

	private final StationRouting routing = new StationRouting(
			Map.of("610113", List.of(XIAOZHAI, DAYANTA), "610403", List.of(YANGLING), "110108", List.of(HAIDIAN)));

	@Test
	void fourLevelsWithShaanxiNames() {
		var r = routing.route("610113");
		assertThat(r.province().value()).isEqualTo("610000");
		assertThat(r.provinceName()).isEqualTo("陕西省");
		assertThat(r.city().value()).isEqualTo("610100");
		assertThat(r.cityName()).isEqualTo("西安市");
		assertThat(r.countyName()).isEqualTo("雁塔区");
		assertThat(r.station()).isEqualTo(XIAOZHAI);
		var y = routing.route("610403");
		assertThat(y.cityName()).isEqualTo("咸阳市");
		assertThat(y.station()).isEqualTo(YANGLING);
	}

	@Test
	void outsideShaanxiOnlyTheProvinceIsNamed() {
		var r = routing.route("110108");
		assertThat(r.provinceName()).isEqualTo("北京市");
		assertThat(r.cityName()).isNull();
		assertThat(r.countyName()).isNull();
		assertThat(r.station()).isEqualTo(HAIDIAN);
	}

	@Test
	void townshipsSpreadDeterministicallyOverTheCountysStations() {
		var chosen = IntStream.range(1, 20)
			.mapToObj(i -> routing.route("610113", String.format("610113%03d", i)).station())
			.toList();
		assertThat(chosen).containsOnly(XIAOZHAI, DAYANTA).contains(XIAOZHAI, DAYANTA);
		var again = IntStream.range(1, 20)
			.mapToObj(i -> routing.route("610113", String.format("610113%03d", i)).station())
			.toList();
		assertThat(again).isEqualTo(chosen);
		assertThat(routing.route("610113", "610113001").station())
			.isEqualTo(List.of(XIAOZHAI, DAYANTA).get(Math.floorMod("610113001".hashCode(), 2)));
		assertThat(routing.route("610113", "610113001000").station()).isIn(XIAOZHAI, DAYANTA);
	}

	@ParameterizedTest(name = "''{0}'' / ''{1}'' ⇒ {2}")
	@CsvSource(nullValues = "NULL",
			value = { "61011,   NULL,       must be 6 digits", "61011x,  NULL,       must be 6 digits",
					"NULL,    NULL,       missing", "990101,  NULL,       unknown province prefix",
					"610199,  NULL,       not a known Shaanxi", "610100,  NULL,       not a county-level",
					"610000,  NULL,       not a county-level", "610118,  NULL,       no police station on file",
					"610113,  610118001,  must be 9 or 12 digits under county",
					"610113,  61011300,   must be 9 or 12 digits under county",
					"610113,  61011300a,  must be 9 or 12 digits under county" })
	void errors(String county, String township, String message) {
		assertThatThrownBy(() -> routing.route(county, township)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(message);
	}

	@Test
	void badTablesAreRefused() {
		assertThatThrownBy(() -> new StationRouting(Map.of("610113", List.of()))).hasMessageContaining("no station");
		assertThatThrownBy(() -> new StationRouting(Map.of("610100", List.of(XIAOZHAI))))
			.hasMessageContaining("county-level");
		assertThatThrownBy(() -> new StationRouting(Map.of("610113", List.of(XIAOZHAI), "610403", List.of(XIAOZHAI))))
			.hasMessageContaining("listed twice");
	}

}
