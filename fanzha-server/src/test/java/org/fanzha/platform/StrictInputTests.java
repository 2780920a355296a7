package org.fanzha.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

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
 * Nothing in a request body is guessed: each bad value is a 400 naming its field, and
 * nothing is stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StrictInputTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	MvcResult post(String user, String path, String json) throws Exception {
		return mvc
			.perform(MockMvcRequestBuilders.post(path)
				.with(httpBasic(user, DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
	}

	static String report(String name, String amount, String reportedAt) {
		return """
				{"victim":{"name":%s,"idNumber":"11010519491231002X","regionCode":"610113"},"fraudType":"LOAN",
				 "narrative":"第一行\\n第二行\\t制表","reportedAt":%s,"payments":[{"payerAccount":"ABC:STRICT","payeeName":"某某",
				 "payeeAccount":"CCB:STRICT","payeeBank":"CCB","amountFen":%s,"paidAt":"%s"}]}""".formatted(name,
				reportedAt, amount, NOW.minusSeconds(600));
	}

	long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	@Test
	void badValuesAreRefusedByName() throws Exception {
		String now = "\"" + NOW + "\"";
		Map<String, String[]> bad = Map.of("fraction of a fen",
				new String[] { report("\"张三\"", "1.5", now), "payments[0].amountFen", "whole number" },
				"amount as text",
				new String[] { report("\"张三\"", "\"150\"", now), "payments[0].amountFen", "whole number" },
				"number as a name", new String[] { report("123", "150", now), "victim.name", "text" }, "NUL in a name",
				new String[] { report("\"张\\u0000三\"", "150", now), "victim.name", "control character" },
				"bidi override in a name",
				new String[] { report("\"张\\u202E三\"", "150", now), "victim.name", "control character" },
				"a report in 1900",
				new String[] { report("\"张三\"", "150", "\"1900-01-01T00:00:00Z\""), "reportedAt",
						"between 2000 and 2099" },
				"a time without offset",
				new String[] { report("\"张三\"", "150", "\"2026-12-05T09:00:00\""), "reportedAt", "offset" });
		long cases = count("case_report");
		for (var b : bad.entrySet()) {
			MvcResult r = post("centre", "/api/v1/cases", b.getValue()[0]);
			String body = r.getResponse().getContentAsString();
			assertThat(r.getResponse().getStatus()).as(b.getKey() + ": " + body).isEqualTo(400);
			assertThat(body).as(b.getKey()).contains(b.getValue()[1]).contains(b.getValue()[2]);
		}
		assertThat(count("case_report")).isEqualTo(cases);
		// a well-formed report with tabs and line breaks in its narrative is accepted
		MvcResult good = post("centre", "/api/v1/cases", report("\"张三\"", "150", now));
		assertThat(good.getResponse().getStatus()).as(good.getResponse().getContentAsString()).isEqualTo(201);

		MvcResult decision = post("bank", "/api/v1/transfers/decisions",
				"{\"transferId\":7,\"fromAccount\":\"ICBC:A\",\"toAccount\":\"ICBC:B\",\"amountFen\":100,\"time\":\""
						+ NOW + "\"}");
		assertThat(decision.getResponse().getStatus()).isEqualTo(400);
		assertThat(decision.getResponse().getContentAsString()).contains("transferId").contains("text");
	}

}
