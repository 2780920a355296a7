package org.fanzha.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fanzha.core.RegionCode;
import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The map on /statistics: the outlines are served from /geo as plain GeoJSON, every
 * Shaanxi prefecture-level city of RegionCode has one feature named as the dashboard's
 * data names it, and the credit is under the map and in /geo/NOTICE.txt.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ShaanxiMapTests {

	@Autowired
	MockMvc mvc;

	MvcResult get(String path) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.get(path).with(httpBasic("oversight", DemoLogins.PASSWORD)))
			.andReturn();
	}

	@Test
	void everyShaanxiCityHasAFeatureWithItsNameAndCode() throws Exception {
		MvcResult r = get("/geo/shaanxi-cities.json");
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		JsonNode geo = JsonMapper.builder()
			.build()
			.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(geo.get("type").asString()).isEqualTo("FeatureCollection");
		Map<String, String> features = new HashMap<>();
		for (JsonNode f : geo.get("features")) {
			features.put(f.get("properties").get("name").asString(), f.get("properties").get("code").asString());
			assertThat(f.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
			// plain GeoJSON: numbers, longitude and latitude within Shaanxi
			JsonNode ring = f.get("geometry").get("type").asString().equals("Polygon")
					? f.get("geometry").get("coordinates").get(0) : f.get("geometry").get("coordinates").get(0).get(0);
			assertThat(ring.get(0).get(0).asDouble()).isBetween(105.0, 111.5);
			assertThat(ring.get(0).get(1).asDouble()).isBetween(31.5, 39.7);
		}
		List<RegionCode> cities = RegionCode.shaanxi().stream().filter(RegionCode::isPrefecture).toList();
		assertThat(cities).hasSize(10);
		for (RegionCode c : cities) {
			String name = c.name().orElseThrow();
			assertThat(features).as("feature for " + c + " " + name).containsEntry(name, c.value());
		}
	}

	@Test
	void theDashboardCarriesTheMapItsDataAndItsCredit() throws Exception {
		String html = get("/statistics").getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("id=\"chart-map\"")
			.contains("/geo/shaanxi-cities.json")
			.contains("id=\"map-credit\"")
			.contains("Apache ECharts 4.9.0")
			.contains("Apache-2.0")
			.contains("/geo/NOTICE.txt");
		// every city is in the map's data, by the feature's name, zero where nothing
		// happened
		for (RegionCode c : RegionCode.shaanxi().stream().filter(RegionCode::isPrefecture).toList()) {
			assertThat(html).contains("&quot;name&quot;:&quot;" + c.name().orElseThrow()
					+ "&quot;,&quot;code&quot;:&quot;" + c.value() + "&quot;");
		}
		// and each city's counties, for the bars a click on the map shows
		assertThat(html).contains("&quot;counties&quot;:{&quot;610100&quot;:[")
			.contains("&quot;name&quot;:&quot;雁塔区&quot;");
		String notice = get("/geo/NOTICE.txt").getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(notice).contains("echarts 4.9.0").contains("Apache License 2.0").contains("tools/geo/shaanxi.sh");
	}

}
