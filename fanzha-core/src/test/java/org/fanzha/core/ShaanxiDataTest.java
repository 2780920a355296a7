package org.fanzha.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ShaanxiDataTest {

	private final List<RegionCode> all = RegionCode.shaanxi();

	@Test
	void fileHasCommentHeaderAndUniqueCodes() throws IOException {
		List<String> lines;
		try (InputStream in = RegionCode.class.getResourceAsStream("regions-61.tsv")) {
			assertThat(in).isNotNull();
			lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
		}
		assertThat(lines.get(0)).startsWith("#");
		assertThat(lines).anyMatch(l -> l.startsWith("#") && l.contains("approximate 2020-census"));
		List<String> codes = lines.stream()
			.filter(l -> !l.startsWith("#") && !l.isBlank())
			.map(l -> l.split("\t")[0])
			.toList();
		assertThat(codes).doesNotHaveDuplicates().hasSize(all.size());
	}

	@Test
	void oneProvinceAndTenPrefectures() {
		assertThat(all.stream().filter(RegionCode::isProvince)).containsExactly(RegionCode.of("610000"));
		List<RegionCode> prefectures = all.stream().filter(RegionCode::isPrefecture).toList();
		assertThat(prefectures).hasSize(10);
		assertThat(prefectures.stream().map(r -> r.name().orElseThrow())).containsExactly("西安市", "铜川市", "宝鸡市", "咸阳市",
				"渭南市", "延安市", "汉中市", "榆林市", "安康市", "商洛市");
	}

	@Test
	void everyCountyHasItsPrefectureInTheData() {
		Set<RegionCode> known = Set.copyOf(all);
		List<RegionCode> counties = all.stream().filter(RegionCode::isCounty).toList();
		// 31 districts, 7 county-level cities and 69 counties since the 2021 changes
		assertThat(counties).hasSize(107);
		assertThat(counties).allSatisfy(c -> assertThat(known).contains(c.prefecture()));
	}

	@Test
	void everyCodeHasANameAndPopulation() {
		assertThat(all).allSatisfy(r -> {
			assertThat(r.name()).isPresent();
			assertThat(r.populationWeight()).isPresent();
			assertThat(r.populationWeight().getAsLong()).isPositive();
		});
	}

	@Test
	void prefecturePopulationsAddUpToTheProvince() {
		long province = RegionCode.of("610000").populationWeight().orElseThrow();
		long sum = all.stream()
			.filter(RegionCode::isPrefecture)
			.mapToLong(r -> r.populationWeight().orElseThrow())
			.sum();
		assertThat((double) Math.abs(sum - province) / province).isLessThan(0.05);
	}

	@Test
	void countyPopulationsAddUpToTheirPrefecture() {
		Map<RegionCode, Long> sums = all.stream()
			.filter(RegionCode::isCounty)
			.collect(Collectors.groupingBy(RegionCode::prefecture, HashMap::new,
					Collectors.summingLong(r -> r.populationWeight().orElseThrow())));
		assertThat(sums).hasSize(10);
		sums.forEach((prefecture, sum) -> {
			long expected = prefecture.populationWeight().orElseThrow();
			assertThat((double) Math.abs(sum - expected) / expected).as(prefecture.toString()).isLessThan(0.05);
		});
	}

}
