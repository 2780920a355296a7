package org.fanzha.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A report with many payments is an ordinary report: its event (tens of kilobytes
 * serialized) fits the event publication registry on H2 as on PostgreSQL, and every
 * listener gets it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LargeReportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReportWithSixtyPaymentsIsAcceptedAndPublished() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<String> payments = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			payments
				.add("""
						{"payerAccount":"ABC:LARGE-PAYER","payeeName":"某某某%d","payeeAccount":"CCB:LARGE-%03d","payeeBank":"CCB",
						 "amountFen":%d,"paidAt":"%s"}"""
					.formatted(i, i, 100_000 + i, now.minusSeconds(3_600 - i * 30)));
		}
		String body = """
				{"victim":{"name":"多笔","idNumber":"11010519491231002X","regionCode":"610113"},"fraudType":"INVESTMENT",
				 "narrative":"%s","reportedAt":"%s","payments":[%s]}""".formatted("投资理财平台诱导多次转账。".repeat(40), now,
				String.join(",", payments));
		MvcResult r = mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/cases")
				.with(httpBasic("centre", DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		long longest = jdbc.sql("SELECT MAX(LENGTH(serialized_event)) FROM event_publication")
			.query(Long.class)
			.single();
		assertThat(longest).as("the serialized event is longer than the 4,000 characters Modulith's H2 script allows")
			.isGreaterThan(4_000);
	}

}
