package org.fanzha.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.fanzha.identity.NewUser;
import org.fanzha.identity.Role;
import org.fanzha.ledger.StatementRow;
import org.fanzha.ledger.TransferLedger;
import org.fanzha.support.DemoLogins;
import org.fanzha.support.LedgerFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** 资金查询 through the gateway: request, the bank's answer once, bad input refused. */
@SpringBootTest
@AutoConfigureMockMvc
class FundQueryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TransferLedger ledger;

	@Autowired
	Directory directory;

	MvcResult post(String user, String path, String json) throws Exception {
		return mvc
			.perform(MockMvcRequestBuilders.post(path)
				.with(httpBasic(user, DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
	}

	@Autowired
	JdbcClient jdbc;

	long jdbcCount(String caseNumber) {
		return jdbc.sql("SELECT COUNT(*) FROM funds_victim WHERE case_number = ?")
			.param(caseNumber)
			.query(Long.class)
			.single();
	}

	@Test
	void queryAnswerAndStatement() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant from = now.minus(2, ChronoUnit.DAYS);
		assertThat(post("centre", "/api/v1/funds/queries",
				"""
						{"caseNumber":"X","accountId":"ICBC:Q1","institution":"icbc","from":"%s","to":"%s"}"""
					.formatted(now, from))
			.getResponse()
			.getContentAsString()).contains("institution").contains("period");
		assertThat(post("bank", "/api/v1/funds/queries", "{}").getResponse().getStatus()).isEqualTo(403);
		// a query serves a case that exists
		assertThat(
				post("centre", "/api/v1/funds/queries",
						"""
								{"caseNumber":"XA-AFC-2099-999999","accountId":"ICBC:Q1","institution":"ICBC","from":"%s","to":"%s"}"""
							.formatted(from, now))
					.getResponse()
					.getContentAsString())
			.contains("no case XA-AFC-2099-999999");
		MvcResult intake = post("centre", "/api/v1/cases", """
				{"victim":{"name":"钱七","idNumber":"11010519491231002X","regionCode":"610113"},"fraudType":"FAKE_POLICE",
				 "reportedAt":"%s","payments":[{"payerAccount":"ICBC:QV","payeeName":"乙","payeeAccount":"ICBC:Q1",
				 "payeeBank":"ICBC","amountFen":50000,"paidAt":"%s"}]}""".formatted(now.minusSeconds(60),
				now.minusSeconds(86_400)));
		String caseNumber = intake.getResponse()
			.getContentAsString()
			.replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
		for (int i = 0; i < 100 && jdbcCount(caseNumber) == 0; i++) {
			Thread.sleep(100);
		}
		MvcResult q = post("centre", "/api/v1/funds/queries", """
				{"caseNumber":"%s","accountId":"ICBC:Q1","institution":"ICBC","from":"%s","to":"%s"}"""
			.formatted(caseNumber, from, now));
		assertThat(q.getResponse().getStatus()).isEqualTo(200);
		String id = q.getResponse().getContentAsString().replaceAll("^\\{\"id\":(\\d+),.*", "$1");
		assertThat(mvc.perform(get("/api/v1/funds/bank/queries").with(httpBasic("bank", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("\"id\":" + id);
		String answer = """
				{"answerId":"q-1","balanceFen":12345,"rows":[{"transferId":"T1","at":"%s","direction":"IN",
				 "counterpartyAccount":"ICBC:X","amountFen":50000},{"transferId":"T2","at":"%s","direction":"OUT","amountFen":37655}]}"""
			.formatted(now.minus(1, ChronoUnit.DAYS), now.minus(1, ChronoUnit.HOURS));
		// only the queried bank sees and answers it
		if (directory.agency("CCB-SN").isEmpty()) {
			directory.createAgency("CCB-SN", "中国建设银行陕西省分行", AgencyType.BANK, "610000");
		}
		if (!directory.userExists("ccb")) {
			directory
				.register(new NewUser("ccb", DemoLogins.PASSWORD, "建行专员", null, "CCB-SN", Set.of(Role.BANK_OFFICER)));
		}
		assertThat(mvc.perform(get("/api/v1/funds/bank/queries").with(httpBasic("ccb", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("\"id\":" + id + ",");
		assertThat(post("ccb", "/api/v1/funds/bank/queries/" + id + "/answer", answer).getResponse().getStatus())
			.isEqualTo(404);
		MvcResult answered = post("bank", "/api/v1/funds/bank/queries/" + id + "/answer", answer);
		assertThat(answered.getResponse().getContentAsString()).contains("\"status\":\"ANSWERED\"")
			.contains("\"balanceFen\":12345")
			.contains("\"direction\":\"OUT\"");
		assertThat(post("bank", "/api/v1/funds/bank/queries/" + id + "/answer", answer).getResponse().getStatus())
			.isEqualTo(200);
		assertThat(
				post("bank", "/api/v1/funds/bank/queries/" + id + "/answer", answer.replace("q-1", "q-2")).getResponse()
					.getStatus())
			.isEqualTo(409);
		assertThat(mvc.perform(get("/api/v1/funds/queries/" + id).with(httpBasic("centre", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("\"transferId\":\"T1\"");
		// the statement's rows are in the ledger now, from whichever side they came
		assertThat(ledger.transfer("T1")).hasValueSatisfying(t -> {
			assertThat(t.fromAccount()).isEqualTo("ICBC:X");
			assertThat(t.toAccount()).isEqualTo("ICBC:Q1");
		});
		assertThat(ledger.transfer("T2")).hasValueSatisfying(t -> assertThat(t.toAccount()).isNull());

		// the ledger gives a bank's statement for the simulated banks
		LedgerFixture.account(ledger, "ICBC:Q9", 100);
		LedgerFixture.account(ledger, "ICBC:Q8", 100);
		LedgerFixture.transfer(ledger, "T6601", now.minusSeconds(30).getEpochSecond(), "ICBC:Q8", "ICBC:Q9", 50,
				"MOBILE");
		assertThat(ledger.statement("ICBC:Q9", now.minusSeconds(60).getEpochSecond(), now.getEpochSecond()))
			.singleElement()
			.satisfies(r -> {
				assertThat(r.direction()).isEqualTo(StatementRow.Direction.IN);
				assertThat(r.amountFen()).isEqualTo(50);
			});
		assertThat(ledger.balance("ICBC:Q9")).isEqualTo(150);
	}

}
