package org.fanzha.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.fanzha.identity.NewUser;
import org.fanzha.identity.Role;
import org.fanzha.ledger.TransferLedger;
import org.fanzha.support.DemoLogins;
import org.fanzha.support.LedgerFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Report -> trace -> plan -> confirm -> instructions at two banks -> answers, through the
 * API, with the event publication registry between intake and fund control.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StopPaymentFlowTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TransferLedger ledger;

	@Autowired
	FundControl funds;

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

	String getJson(String user, String path) throws Exception {
		return mvc.perform(get(path).with(httpBasic(user, DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void fromReportToBankAnswers() throws Exception {
		if (directory.agency("CCB-SN").isEmpty()) {
			directory.createAgency("CCB-SN", "中国建设银行陕西省分行", AgencyType.BANK, "610000");
		}
		if (!directory.userExists("ccb")) {
			directory
				.register(new NewUser("ccb", DemoLogins.PASSWORD, "建行专员", null, "CCB-SN", Set.of(Role.BANK_OFFICER)));
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		LedgerFixture.account(ledger, "ICBC:V1", 1_000_000);
		LedgerFixture.account(ledger, "ICBC:M1", 0);
		LedgerFixture.account(ledger, "CCB:M2", 0);
		LedgerFixture.transfer(ledger, "T9100", now.minusSeconds(1_200).getEpochSecond(), "ICBC:V1", "ICBC:M1", 50_000,
				"MOBILE");
		LedgerFixture.transfer(ledger, "T9101", now.minusSeconds(600).getEpochSecond(), "ICBC:M1", "CCB:M2", 30_000,
				"MOBILE");

		MvcResult intake = post("centre", "/api/v1/cases",
				"""
						{"victim":{"name":"赵六","idNumber":"11010519491231002X","regionCode":"610113"},"fraudType":"CUSTOMER_SERVICE",
						 "reportedAt":"%s","payments":[{"payerAccount":"ICBC:V1","payeeName":"M1的户名","payeeAccount":"ICBC:M1",
						 "payeeBank":"ICBC","amountFen":50000,"paidAt":"%s","transferId":"T9100"}]}"""
					.formatted(now.minusSeconds(60), now.minusSeconds(1_200)));
		assertThat(intake.getResponse().getStatus()).as(intake.getResponse().getContentAsString()).isEqualTo(201);
		String number = intake.getResponse().getContentAsString().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");

		// the listener runs after the intake commits (event publication registry); wait
		// for the plan
		List<InstructionView> plan = List.of();
		for (int i = 0; i < 100 && plan.size() < 2; i++) {
			Thread.sleep(100);
			plan = funds.forCase(number);
		}
		assertThat(plan).hasSize(2);
		InstructionView m1 = plan.stream().filter(v -> v.accountId().equals("ICBC:M1")).findFirst().orElseThrow();
		InstructionView m2 = plan.stream().filter(v -> v.accountId().equals("CCB:M2")).findFirst().orElseThrow();
		// FIFO: M1 received 50,000 and passed 30,000 to M2
		assertThat(m1.amountFen()).isEqualTo(20_000);
		assertThat(m1.level()).isEqualTo(1);
		assertThat(m1.kind()).isEqualTo("EMERGENCY");
		assertThat(m1.institution()).isEqualTo("ICBC");
		// the payee's name as the victim reported it: the bank checks it
		assertThat(m1.payeeName()).isEqualTo("M1的户名");
		assertThat(m2.amountFen()).isEqualTo(30_000);
		assertThat(m2.level()).isEqualTo(2);
		assertThat(m2.kind()).isEqualTo("EXTENDED");
		assertThat(m2.parentAccount()).isEqualTo("ICBC:M1");
		assertThat(m2.transferId()).isEqualTo("T9101");
		assertThat(plan).allSatisfy(v -> assertThat(v.status().name()).isEqualTo("PROPOSED"));

		// banks see nothing until the centre confirms; a bank may not confirm
		assertThat(getJson("bank", "/api/v1/funds/bank/instructions")).doesNotContain(number);
		assertThat(
				post("bank", "/api/v1/funds/cases/" + number + "/instructions/confirm", "").getResponse().getStatus())
			.isEqualTo(403);
		MvcResult confirmed = post("centre", "/api/v1/funds/cases/" + number + "/instructions/confirm", "");
		assertThat(confirmed.getResponse().getContentAsString()).contains("\"status\":\"ISSUED\"")
			.doesNotContain("PROPOSED");

		// each bank sees only its own instruction
		assertThat(getJson("bank", "/api/v1/funds/bank/instructions")).contains("\"accountId\":\"ICBC:M1\"")
			.doesNotContain("\"accountId\":\"CCB:M2\"");
		assertThat(getJson("ccb", "/api/v1/funds/bank/instructions")).contains("\"accountId\":\"CCB:M2\"")
			.doesNotContain("\"accountId\":\"ICBC:M1\"");
		assertThat(post("bank", "/api/v1/funds/bank/instructions/" + m2.id() + "/answer",
				"{\"answerId\":\"x\",\"result\":\"EXECUTED\"}")
			.getResponse()
			.getStatus()).isEqualTo(404);

		// ICBC rejects (name mismatch) — a reason is required; CCB executes in part
		assertThat(post("bank", "/api/v1/funds/bank/instructions/" + m1.id() + "/answer",
				"{\"answerId\":\"icbc-1\",\"result\":\"REJECTED\"}")
			.getResponse()
			.getStatus()).isEqualTo(400);
		MvcResult rejected = post("bank", "/api/v1/funds/bank/instructions/" + m1.id() + "/answer",
				"{\"answerId\":\"icbc-1\",\"result\":\"REJECTED\",\"reason\":\"payee name does not match\"}");
		assertThat(rejected.getResponse().getContentAsString()).contains("\"status\":\"REJECTED\"")
			.contains("payee name does not match");
		// CCB stops part and reports where the rest went: an extended stop one level
		// deeper
		assertThat(post("ccb", "/api/v1/funds/bank/instructions/" + m2.id() + "/answer",
				"{\"answerId\":\"ccb-7\",\"result\":\"PARTIALLY_EXECUTED\",\"stoppedFen\":12000,\"onward\":[{\"toAccount\":\"ABC:M3\","
						+ "\"toBank\":\"abc\",\"amountFen\":-1}]}")
			.getResponse()
			.getContentAsString()).contains("onward[0].toBank")
			.contains("onward[0].amountFen")
			.contains("onward[0].time");
		MvcResult partial = post("ccb", "/api/v1/funds/bank/instructions/" + m2.id() + "/answer",
				"{\"answerId\":\"ccb-7\",\"result\":\"PARTIALLY_EXECUTED\",\"stoppedFen\":12000,\"onward\":[{\"transferId\":\"CCB-889\","
						+ "\"toAccount\":\"ABC:M3\",\"toBank\":\"ABC\",\"payeeName\":\"郑某\",\"amountFen\":18000,\"time\":\""
						+ now.minusSeconds(300) + "\"}]}");
		assertThat(partial.getResponse().getContentAsString()).contains("\"status\":\"PARTIALLY_EXECUTED\"")
			.contains("\"stoppedFen\":12000");
		// the same answer again changes nothing; the same id with other content, or a
		// second answer, is refused
		MvcResult replay = post("ccb", "/api/v1/funds/bank/instructions/" + m2.id() + "/answer",
				"{\"answerId\":\"ccb-7\",\"result\":\"PARTIALLY_EXECUTED\",\"stoppedFen\":12000,\"onward\":[{\"transferId\":\"CCB-889\","
						+ "\"toAccount\":\"ABC:M3\",\"toBank\":\"ABC\",\"payeeName\":\"郑某\",\"amountFen\":18000,\"time\":\""
						+ now.minusSeconds(300) + "\"}]}");
		assertThat(replay.getResponse().getStatus()).isEqualTo(200);
		MvcResult reused = post("ccb", "/api/v1/funds/bank/instructions/" + m2.id() + "/answer",
				"{\"answerId\":\"ccb-7\",\"result\":\"PARTIALLY_EXECUTED\",\"stoppedFen\":13000}");
		assertThat(reused.getResponse().getStatus()).isEqualTo(409);
		assertThat(reused.getResponse().getContentAsString()).contains("already used for another answer");
		assertThat(post("ccb", "/api/v1/funds/bank/instructions/" + m2.id() + "/answer",
				"{\"answerId\":\"ccb-8\",\"result\":\"EXECUTED\"}")
			.getResponse()
			.getStatus()).isEqualTo(409);
		InstructionView after = funds.forCase(number).stream().filter(v -> v.id() == m2.id()).findFirst().orElseThrow();
		assertThat(after.expiresAt()).isNotNull();
		assertThat(Duration.between(after.issuedAt(), after.expiresAt()).toHours()).isBetween(47L, 48L);
		assertThat(funds.history(m2.id())).extracting(h -> h[1])
			.containsExactly("PROPOSED", "ISSUED", "PARTIALLY_EXECUTED");
		InstructionView m3 = funds.forCase(number)
			.stream()
			.filter(v -> v.accountId().equals("ABC:M3"))
			.findFirst()
			.orElseThrow();
		assertThat(m3.level()).isEqualTo(3);
		assertThat(m3.kind()).isEqualTo("EXTENDED");
		assertThat(m3.parentAccount()).isEqualTo("CCB:M2");
		assertThat(m3.amountFen()).isEqualTo(18_000);
		assertThat(m3.status().name()).isEqualTo("PROPOSED");
	}

	@Test
	void aPaymentTheLedgerDoesNotKnowStillGetsAnEmergencyStop() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		MvcResult intake = post("centre", "/api/v1/cases", """
				{"victim":{"name":"钱七","idNumber":"11010519491231002X","regionCode":"610113"},"fraudType":"LOAN",
				 "reportedAt":"%s","payments":[{"payerAccount":"ABC:P1","payeeName":"某某","payeeAccount":"ABC:UNKNOWN1",
				 "payeeBank":"ABC","amountFen":88800,"paidAt":"%s"}]}""".formatted(now, now.minusSeconds(300)));
		String number = intake.getResponse().getContentAsString().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
		List<InstructionView> plan = List.of();
		for (int i = 0; i < 100 && plan.isEmpty(); i++) {
			Thread.sleep(100);
			plan = funds.forCase(number);
		}
		assertThat(plan).singleElement().satisfies(v -> {
			assertThat(v.accountId()).isEqualTo("ABC:UNKNOWN1");
			assertThat(v.institution()).isEqualTo("ABC");
			assertThat(v.amountFen()).isEqualTo(88_800);
			assertThat(v.payeeName()).isEqualTo("某某");
			assertThat(v.kind()).isEqualTo("EMERGENCY");
		});
	}

}
