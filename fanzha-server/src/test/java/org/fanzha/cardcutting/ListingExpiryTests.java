package org.fanzha.cardcutting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.fanzha.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Measures run out one by one with the (injected) time: after 3 years no new accounts is
 * over while non-counter business stays stopped; after 5 years the person is no longer
 * listed and the listing has expired. The appeal deadline of the notice is enforced.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ListingExpiryTests extends CardCuttingSupport {

	static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

	@TestConfiguration
	static class Config {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(NOW);
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Override
	MockMvc mvc() {
		return mvc;
	}

	@Test
	void measuresExpireOneByOneAndAnAppealAfterTheDeadlineIsRefused() throws Exception {
		String id = newId("610113");
		long listing = proposed(id, "610113", null);
		String base = "/api/v1/cardcutting/listings/" + listing;
		Instant decidedAt = clock.instant();
		ok(post("centre", base + "/decide", "{}"));
		ok(post("centre", base + "/notify", ""));
		Instant threeYears = decidedAt.atZone(ZoneId.of("Asia/Shanghai")).plusYears(3).toInstant();
		Instant fiveYears = decidedAt.atZone(ZoneId.of("Asia/Shanghai")).plusYears(5).toInstant();

		clock.advance(Duration.ofDays(61));
		var late = post("centre", base + "/appeal", "{\"statement\":\"补充申诉\",\"documents\":[\"身份证\"]}");
		assertThat(late.getResponse().getStatus()).isEqualTo(409);
		assertThat(late.getResponse().getContentAsString()).contains("deadline");

		clock.advance(Duration.between(clock.instant(), threeYears).minusSeconds(1));
		assertThat(ok(check("bank", id))).contains("NO_NEW_ACCOUNTS").contains("NON_COUNTER_BUSINESS_STOPPED");
		clock.advance(Duration.ofSeconds(1));
		assertThat(ok(check("bank", id))).doesNotContain("NO_NEW_ACCOUNTS")
			.contains("NON_COUNTER_BUSINESS_STOPPED")
			.contains("\"listed\":true");
		assertThat(ok(check("telecom", id))).contains("\"listed\":false");

		clock.advance(Duration.between(clock.instant(), fiveYears));
		assertThat(ok(check("bank", id))).contains("\"listed\":false");
		assertThat(ok(get("centre", base))).contains("\"status\":\"EXPIRED\"").contains("\"step\":\"EXPIRED\"");
		// after expiry the credit record can be repaired
		assertThat(ok(post("centre", base + "/credit-repair", "{\"note\":\"期满申请信用修复\"}")))
			.contains("\"status\":\"CREDIT_REPAIRED\"");
	}

}
