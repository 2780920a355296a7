package org.fanzha.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.fanzha.ledger.TransferLedger;
import org.fanzha.support.DemoLogins;
import org.fanzha.support.LedgerFixture;
import org.fanzha.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Stop -> freeze -> renewal reminder -> renewal -> unfreeze, with a clock the test moves.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FreezeTests {

	static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@TestConfiguration
	static class Config {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(START);
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	FundControl funds;

	@Autowired
	TransferLedger ledger;

	MvcResult post(String user, String path, String json) throws Exception {
		return mvc
			.perform(MockMvcRequestBuilders.post(path)
				.with(httpBasic(user, DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
	}

	String id(MvcResult r) throws Exception {
		return r.getResponse().getContentAsString().replaceAll("^\\{\"id\":(\\d+),.*", "$1");
	}

	@Test
	void fromExecutedStopToFreezeRenewalAndUnfreeze() throws Exception {
		LedgerFixture.account(ledger, "ICBC:FV", 1_000_000);
		LedgerFixture.account(ledger, "ICBC:FM", 0);
		LedgerFixture.transfer(ledger, "T7700", START.minusSeconds(900).getEpochSecond(), "ICBC:FV", "ICBC:FM", 40_000,
				"MOBILE");
		MvcResult intake = post("centre", "/api/v1/cases", """
				{"victim":{"name":"冯九","idNumber":"11010519491231002X","regionCode":"610113"},"fraudType":"FAKE_POLICE",
				 "reportedAt":"%s","payments":[{"payerAccount":"ICBC:FV","payeeName":"甲","payeeAccount":"ICBC:FM",
				 "payeeBank":"ICBC","amountFen":40000,"paidAt":"%s","transferId":"T7700"}]}"""
			.formatted(START.minusSeconds(60), START.minusSeconds(900)));
		String number = intake.getResponse().getContentAsString().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
		List<InstructionView> plan = List.of();
		for (int i = 0; i < 100 && plan.isEmpty(); i++) {
			Thread.sleep(100);
			plan = funds.forCase(number);
		}
		long stop = plan.get(0).id();
		post("centre", "/api/v1/funds/cases/" + number + "/instructions/confirm", "");
		// a freeze needs an executed stop
		assertThat(post("centre", "/api/v1/funds/instructions/" + stop + "/freeze",
				"{\"documentNumber\":\"陕公(反诈)冻字[2026]001号\",\"issuingUnit\":\"陕西省公安厅反诈中心\",\"officerOne\":\"王\",\"officerTwo\":\"李\"}")
			.getResponse()
			.getStatus()).isEqualTo(409);
		post("bank", "/api/v1/funds/bank/instructions/" + stop + "/answer",
				"{\"answerId\":\"f-1\",\"result\":\"EXECUTED\"}");

		MvcResult bad = post("centre", "/api/v1/funds/instructions/" + stop + "/freeze",
				"{\"documentNumber\":\"\",\"issuingUnit\":\"陕西省公安厅反诈中心\",\"officerOne\":\"王\",\"officerTwo\":\"王\"}");
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(bad.getResponse().getContentAsString()).contains("documentNumber")
			.contains("two different officers");
		MvcResult requested = post("centre", "/api/v1/funds/instructions/" + stop + "/freeze",
				"{\"documentNumber\":\"陕公(反诈)冻字[2026]001号\",\"issuingUnit\":\"陕西省公安厅反诈中心\",\"officerOne\":\"王\",\"officerTwo\":\"李\"}");
		assertThat(requested.getResponse().getContentAsString()).contains("\"status\":\"REQUESTED\"")
			.contains("\"amountFen\":40000");
		String freeze = id(requested);
		assertThat(mvc.perform(get("/api/v1/funds/bank/freezes").with(httpBasic("bank", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("\"id\":" + freeze);
		MvcResult frozen = post("bank", "/api/v1/funds/bank/freezes/" + freeze + "/answer",
				"{\"answerId\":\"fz-1\",\"result\":\"FROZEN\"}");
		assertThat(frozen.getResponse().getContentAsString()).contains("\"status\":\"FROZEN\"")
			.contains("\"frozenFen\":40000")
			.contains("\"expiresAt\":\"" + START.atOffset(ZoneOffset.ofHours(8)).plusMonths(6).toInstant() + "\"");

		// five months and three weeks later the freeze shows up among those to renew
		clock.advance(Duration.ofDays(172));
		String expiring = mvc
			.perform(get("/api/v1/funds/freezes/expiring?days=15").with(httpBasic("centre", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(expiring).contains("\"id\":" + freeze);
		MvcResult renewed = post("centre", "/api/v1/funds/freezes/" + freeze + "/renew",
				"{\"documentNumber\":\"续冻字002号\"}");
		assertThat(renewed.getResponse().getContentAsString()).contains("\"renewals\":1")
			.contains("\"expiresAt\":\"" + START.atOffset(ZoneOffset.ofHours(8)).plusMonths(12).toInstant() + "\"");
		assertThat(mvc
			.perform(get("/api/v1/funds/freezes/expiring?days=15").with(httpBasic("centre", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("\"id\":" + freeze + ",");

		MvcResult unfrozen = post("centre", "/api/v1/funds/freezes/" + freeze + "/unfreeze",
				"{\"documentNumber\":\"解冻字003号\",\"reason\":\"资金已全部返还\"}");
		assertThat(unfrozen.getResponse().getContentAsString()).contains("\"status\":\"UNFROZEN\"");
		assertThat(
				post("centre", "/api/v1/funds/freezes/" + freeze + "/renew", "{\"documentNumber\":\"x\"}").getResponse()
					.getStatus())
			.isEqualTo(409);
	}

}
