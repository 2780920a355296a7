package org.fanzha.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.fanzha.engine.returns.WorkingCalendar;
import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.fanzha.identity.NewUser;
import org.fanzha.identity.Role;
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
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Three victims' money mixed in one account, stopped, frozen and returned pro rata after
 * the 30-day notice with an objection, the bank paying within 3 working days; every
 * amount adds up to the fen.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReturnFlowTests {

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

	static String field(MvcResult r, String name) throws Exception {
		return r.getResponse().getContentAsString().replaceAll("(?s).*?\"" + name + "\":\"?([^\",}]+)\"?[,}].*", "$1");
	}

	String report(String name, String victim, String transfer, long fen, Instant paid) throws Exception {
		MvcResult r = post("centre", "/api/v1/cases", """
				{"victim":{"name":"%s","idNumber":"11010519491231002X","regionCode":"610113"},"fraudType":"INVESTMENT",
				 "reportedAt":"%s","payments":[{"payerAccount":"%s","payeeName":"某公司","payeeAccount":"ICBC:RM1",
				 "payeeBank":"ICBC","amountFen":%d,"paidAt":"%s","transferId":"%s"}]}""".formatted(name,
				START.minusSeconds(60), victim, fen, paid, transfer));
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return field(r, "caseNumber");
	}

	List<InstructionView> waitForPlan(String number) throws Exception {
		List<InstructionView> plan = List.of();
		for (int i = 0; i < 100 && plan.isEmpty(); i++) {
			Thread.sleep(100);
			plan = funds.forCase(number);
		}
		return plan;
	}

	@Test
	void threeVictimsProRataAfterTheNotice() throws Exception {
		Instant t0 = START.minusSeconds(3_600);
		for (String a : List.of("ICBC:RV1", "ICBC:RV2", "ICBC:RV3")) {
			LedgerFixture.account(ledger, a, 1_000_000);
		}
		LedgerFixture.account(ledger, "ICBC:RM1", 0);
		LedgerFixture.account(ledger, "ICBC:RM2", 0);
		LedgerFixture.transfer(ledger, "T8801", t0.getEpochSecond(), "ICBC:RV1", "ICBC:RM1", 30_000, "MOBILE");
		LedgerFixture.transfer(ledger, "T8802", t0.getEpochSecond() + 60, "ICBC:RV2", "ICBC:RM1", 20_000, "MOBILE");
		LedgerFixture.transfer(ledger, "T8803", t0.getEpochSecond() + 120, "ICBC:RV3", "ICBC:RM1", 10_001, "MOBILE");
		LedgerFixture.transfer(ledger, "T8804", t0.getEpochSecond() + 180, "ICBC:RM1", "ICBC:RM2", 60_001, "MOBILE");
		LedgerFixture.transfer(ledger, "T8805", t0.getEpochSecond() + 240, "ICBC:RM2", null, 10_000, "ATM");

		String c1 = report("甲", "ICBC:RV1", "T8801", 30_000, t0);
		List<InstructionView> plan1 = waitForPlan(c1);
		String c2 = report("乙", "ICBC:RV2", "T8802", 20_000, t0.plusSeconds(60));
		String c3 = report("丙", "ICBC:RV3", "T8803", 10_001, t0.plusSeconds(120));
		waitForPlan(c2);
		waitForPlan(c3);

		// victim 1's money: 30,000 into RM1, all passed to RM2, 10,000 withdrawn first
		// (FIFO): 20,000 held at RM2;
		// victim 2 joins that instruction (still proposed) with the 10,000 of theirs
		// still there (the ATM withdrawal took
		// their money first within T8804); victim 3 has 1 fen left there, below the
		// trace's minimum: one stop, 30,000
		InstructionView rm2 = funds.forCase(c1)
			.stream()
			.filter(v -> v.accountId().equals("ICBC:RM2"))
			.findFirst()
			.orElseThrow();
		assertThat(rm2.amountFen()).isEqualTo(30_000);
		assertThat(rm2.cases()).containsExactlyInAnyOrder(c1, c2);
		assertThat(funds.forCase(c2)).extracting(InstructionView::id).contains(rm2.id());
		post("centre", "/api/v1/funds/cases/" + c1 + "/instructions/confirm", "");
		post("bank", "/api/v1/funds/bank/instructions/" + rm2.id() + "/answer",
				"{\"answerId\":\"r-stop\",\"result\":\"EXECUTED\"}");
		MvcResult freeze = post("centre", "/api/v1/funds/instructions/" + rm2.id() + "/freeze",
				"{\"documentNumber\":\"冻字[2026]010号\",\"issuingUnit\":\"西安市公安局反诈中心\",\"officerOne\":\"王\",\"officerTwo\":\"李\"}");
		String freezeId = field(freeze, "id");
		// another bank can neither see nor answer ICBC's freeze
		if (directory.agency("CCB-SN").isEmpty()) {
			directory.createAgency("CCB-SN", "中国建设银行陕西省分行", AgencyType.BANK, "610000");
		}
		if (!directory.userExists("ccb")) {
			directory
				.register(new NewUser("ccb", DemoLogins.PASSWORD, "建行专员", null, "CCB-SN", Set.of(Role.BANK_OFFICER)));
		}
		assertThat(post("ccb", "/api/v1/funds/bank/freezes/" + freezeId + "/answer",
				"{\"answerId\":\"x\",\"result\":\"FROZEN\"}")
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/api/v1/funds/bank/freezes").with(httpBasic("ccb", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString()).isEqualTo("[]");
		post("bank", "/api/v1/funds/bank/freezes/" + freezeId + "/answer",
				"{\"answerId\":\"r-freeze\",\"result\":\"FROZEN\"}");

		MvcResult round = post("centre", "/api/v1/funds/freezes/" + freezeId + "/returns",
				"{\"caseNumbers\":[\"" + c1 + "\",\"" + c2 + "\",\"" + c3 + "\"]}");
		assertThat(round.getResponse().getStatus()).as(round.getResponse().getContentAsString()).isEqualTo(200);
		String json = round.getResponse().getContentAsString();
		// one deposit (T8804) mixes all three victims' money: pro rata by loss 30,000 :
		// 20,000 : 10,001 of 30,000
		// = 14,999.75 / 9,999.83 / 5,000.41 -> floors 14,999 / 9,999 / 5,000 (29,998),
		// the 2 fen to .83 and .75
		assertThat(json).contains("\"basis\":\"PRO_RATA\"")
			.contains("\"frozenFen\":30000")
			.contains("\"remainderFen\":0")
			.contains("\"status\":\"NOTICE\"");
		assertThat(json)
			.contains("\"caseNumber\":\"" + c1 + "\",\"lossFen\":30000,\"returnedBeforeFen\":0,\"amountFen\":15000")
			.contains("\"caseNumber\":\"" + c2 + "\",\"lossFen\":20000,\"returnedBeforeFen\":0,\"amountFen\":10000")
			.contains("\"caseNumber\":\"" + c3 + "\",\"lossFen\":10001,\"returnedBeforeFen\":0,\"amountFen\":5000");
		String roundId = field(round, "id");

		// the four documents, printable, with the allocation
		var centre = SecurityMockMvcRequestPostProcessors.user(directory.loadUserByUsername("centre"));
		String application = mvc.perform(get("/funds/returns/" + roundId + "/documents/application").with(centre))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(application).contains("返还申请表")
			.contains("甲")
			.contains("乙")
			.contains("丙")
			.contains("女")
			.contains("11010519491231002X")
			.contains("ICBC:RV1");
		String reportDoc = mvc.perform(get("/funds/returns/" + roundId + "/documents/report").with(centre))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(reportDoc).contains("呈请返还资金报告书")
			.contains("第八条第（三）项")
			.contains("¥300.00")
			.contains("¥150.00")
			.contains("¥100.00")
			.contains("¥50.00");
		assertThat(mvc.perform(get("/funds/returns/" + roundId + "/documents/decision").with(centre))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("返还决定书").contains("冻字[2026]010号-返1").contains("¥300.00");
		assertThat(mvc.perform(get("/funds/returns/" + roundId + "/documents/notice").with(centre))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("协助返还通知书").contains("中国工商银行：");
		assertThat(mvc
			.perform(get("/funds/returns/" + roundId + "/documents/notice")
				.with(SecurityMockMvcRequestPostProcessors.user(directory.loadUserByUsername("bank"))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/funds/returns/" + roundId + "/documents/poem").with(centre))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		String planPage = mvc.perform(get("/funds/cases/" + c1).with(centre))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(planPage).contains("id=\"freezes\"")
			.contains("冻字[2026]010号")
			.contains("返还申请表")
			.contains("/funds/returns/" + roundId + "/documents/decision.pdf");
		MvcResult pdf = mvc.perform(get("/funds/returns/" + roundId + "/documents/decision.pdf").with(centre))
			.andReturn();
		boolean font = Files.isRegularFile(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"));
		if (font || "true".equals(System.getenv("CI"))) {
			assertThat(pdf.getResponse().getStatus()).as("PDF needs fonts-wqy-microhei (.ci/run installs it)")
				.isEqualTo(200);
			assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
			byte[] bytes = pdf.getResponse().getContentAsByteArray();
			assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
			// the Chinese font is embedded (a subset named after WenQuanYi)
			assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("WenQuanYi");
		}
		else {
			assertThat(pdf.getResponse().getStatus()).isEqualTo(503);
		}

		assertThat(post("centre", "/api/v1/funds/returns/" + roundId + "/objections",
				"{\"raisedBy\":\"丙\",\"content\":\"我另有一笔损失未计入\"}")
			.getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(post("centre", "/api/v1/funds/returns/" + roundId + "/decide", "{}").getResponse().getStatus())
			.isEqualTo(409);
		clock.advance(Duration.ofDays(31));
		assertThat(post("centre", "/api/v1/funds/returns/" + roundId + "/objections",
				"{\"raisedBy\":\"丁\",\"content\":\"晚了\"}")
			.getResponse()
			.getStatus()).isEqualTo(409);
		assertThat(post("centre", "/api/v1/funds/returns/" + roundId + "/decide", "{}").getResponse().getStatus())
			.isEqualTo(400);
		MvcResult decided = post("centre", "/api/v1/funds/returns/" + roundId + "/decide",
				"{\"resolution\":\"丙的另一笔转账未进入该冻结账户，不予计入\"}");
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(8));
		LocalDate by = new WorkingCalendar(Set.of(), Set.of()).plusWorkingDays(today, 3);
		assertThat(decided.getResponse().getContentAsString()).contains("\"status\":\"DECIDED\"")
			.contains("\"executeBy\":\"" + by + "\"");

		assertThat(mvc.perform(get("/api/v1/funds/bank/returns").with(httpBasic("bank", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("\"id\":" + roundId);
		assertThat(
				post("ccb", "/api/v1/funds/bank/returns/" + roundId + "/executed", "{\"answerId\":\"x\"}").getResponse()
					.getStatus())
			.isEqualTo(404);
		assertThat(post("bank", "/api/v1/funds/bank/returns/" + roundId + "/executed", "{\"answerId\":\"ret-1\"}")
			.getResponse()
			.getContentAsString()).contains("\"status\":\"EXECUTED\"");
		assertThat(post("bank", "/api/v1/funds/bank/returns/" + roundId + "/executed", "{\"answerId\":\"ret-1\"}")
			.getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(post("bank", "/api/v1/funds/bank/returns/" + roundId + "/executed", "{\"answerId\":\"ret-2\"}")
			.getResponse()
			.getStatus()).isEqualTo(409);

		// a new round counts what was returned: nothing is left to share, so no round
		// (and no notice) is opened
		MvcResult second = post("centre", "/api/v1/funds/freezes/" + freezeId + "/returns",
				"{\"caseNumbers\":[\"" + c1 + "\",\"" + c2 + "\",\"" + c3 + "\"]}");
		assertThat(second.getResponse().getStatus()).isEqualTo(409);
		assertThat(second.getResponse().getContentAsString()).contains("Nothing to return");
		assertThat(mvc
			.perform(get("/api/v1/funds/freezes/" + freezeId + "/returns")
				.with(httpBasic("centre", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("\"round\":2");
	}

}
