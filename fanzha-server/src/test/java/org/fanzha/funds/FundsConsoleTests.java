package org.fanzha.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.fanzha.funds.Workflows.StopStatus;
import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.fanzha.identity.NewUser;
import org.fanzha.identity.Role;
import org.fanzha.ledger.TransferLedger;
import org.fanzha.support.DemoLogins;
import org.fanzha.support.LedgerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The bank's console answers through the same services as the gateway: another bank
 * neither sees nor answers an instruction (404), a centre form is closed to a bank (403),
 * and a bad answer (a negative amount, a malformed statement) is refused in Chinese with
 * nothing stored; the same form submitted twice is one answer.
 */
@SpringBootTest(properties = { "fanzha.simulation.enabled=false", "fanzha.funds.auto-issue=NONE" })
@AutoConfigureMockMvc
class FundsConsoleTests {

	static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.ofHours(8));

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	FundControl funds;

	@Autowired
	TransferLedger ledger;

	RequestPostProcessor bank;

	RequestPostProcessor ccb;

	@BeforeEach
	void users() {
		if (directory.agency("CCB-SN").isEmpty()) {
			directory.createAgency("CCB-SN", "中国建设银行陕西省分行", AgencyType.BANK, "610000");
		}
		if (!directory.userExists("ccb-console")) {
			directory.register(
					new NewUser("ccb-console", DemoLogins.PASSWORD, "建行专员", null, "CCB-SN", Set.of(Role.BANK_OFFICER)));
		}
		bank = user(directory.loadUserByUsername("bank"));
		ccb = user(directory.loadUserByUsername("ccb-console"));
	}

	/** A reported case whose first-level stop to ICBC is issued. */
	InstructionView issuedStop(String tag) throws Exception {
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3_600);
		LedgerFixture.account(ledger, "ICBC:CV" + tag, 1_000_000);
		LedgerFixture.account(ledger, "ICBC:CM" + tag, 0);
		LedgerFixture.transfer(ledger, "T-C" + tag, t0.getEpochSecond(), "ICBC:CV" + tag, "ICBC:CM" + tag, 50_000,
				"MOBILE");
		MvcResult r = mvc
			.perform(post("/api/v1/cases").with(httpBasic("centre", DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"victim":{"name":"测试人","idNumber":"11010519491231002X","regionCode":"610113"},"fraudType":"INVESTMENT",
								 "reportedAt":"%s","payments":[{"payerAccount":"ICBC:CV%s","payeeName":"某公司","payeeAccount":"ICBC:CM%s",
								 "payeeBank":"ICBC","amountFen":50000,"paidAt":"%s","transferId":"T-C%s"}]}"""
							.formatted(Instant.now().minusSeconds(60), tag, tag, t0, tag)))
			.andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		String number = r.getResponse().getContentAsString().replaceAll("(?s).*?\"caseNumber\":\"([^\"]+)\".*", "$1");
		List<InstructionView> plan = funds.forCase(number);
		for (int i = 0; i < 100 && plan.isEmpty(); i++) {
			Thread.sleep(100);
			plan = funds.forCase(number);
		}
		funds.confirm(number, "centre");
		InstructionView v = funds.forCase(number)
			.stream()
			.filter(i -> i.accountId().equals("ICBC:CM" + tag))
			.findFirst()
			.orElseThrow();
		assertThat(v.status()).isEqualTo(StopStatus.ISSUED);
		return v;
	}

	String page(RequestPostProcessor who, String path) throws Exception {
		return mvc.perform(get(path).with(who)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void anotherBankNeitherSeesNorAnswersAnInstructionAndACentreFormIsClosedToABank() throws Exception {
		InstructionView v = issuedStop("X1");
		assertThat(page(bank, "/funds?tab=stop")).contains("ICBC:CMX1").contains("stop-form-" + v.id());
		assertThat(page(bank, "/funds?tab=stop&lang=en")).contains("Submit answer")
			.contains("Partly executed")
			.doesNotContain("??");
		assertThat(page(ccb, "/funds?tab=stop")).doesNotContain("ICBC:CMX1").doesNotContain("stop-form-" + v.id());
		assertThat(mvc.perform(get("/funds/history/stop/" + v.id()).with(ccb)).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		MvcResult foreign = mvc
			.perform(multipart("/funds/stops/" + v.id() + "/answer").param("answerId", "ccb-1")
				.param("result", "EXECUTED")
				.with(ccb)
				.with(csrf()))
			.andReturn();
		assertThat(foreign.getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc
			.perform(post("/funds/stops/" + v.id() + "/freeze").param("documentNumber", "x").with(bank).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/funds/board").with(bank)).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(funds.byId(v.id()).orElseThrow().status()).isEqualTo(StopStatus.ISSUED);
		// the owner sees its history, in Chinese
		assertThat(page(bank, "/funds/history/stop/" + v.id())).contains("已下发")
			.contains("确认下发")
			.doesNotContain("ISSUED");
	}

	@Test
	void aNegativeAmountOrAMalformedStatementIsRefusedInChineseAndNothingIsStored() throws Exception {
		InstructionView v = issuedStop("X2");
		int transfers = ledger.transfers();
		int history = funds.history(v.id()).size();

		MvcResult negative = mvc
			.perform(multipart("/funds/stops/" + v.id() + "/answer").param("answerId", "neg-1")
				.param("result", "PARTIALLY_EXECUTED")
				.param("stopped", "-5")
				.with(bank)
				.with(csrf()))
			.andReturn();
		assertThat(negative.getResponse().getRedirectedUrl()).isEqualTo("/funds?tab=stop");
		String error = (String) negative.getFlashMap().get("error");
		assertThat(error).contains("未保存任何内容").contains("实际止付金额");
		String shown = mvc.perform(get("/funds?tab=stop").with(bank).flashAttrs(negative.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(shown).contains("id=\"flash-error\"").contains("实际止付金额").doesNotContain("stoppedFen");

		String csv = "交易时间,借贷标志,交易金额,对方账号,对方开户行,交易渠道\n" + BEIJING.format(Instant.now().minusSeconds(600))
				+ ",借,一百元,CCB:CNX2,CCB,网银\n";
		MvcResult malformed = mvc
			.perform(multipart("/funds/stops/" + v.id() + "/answer")
				.file(new MockMultipartFile("statement", "流水.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.param("answerId", "bad-csv-1")
				.param("result", "EXECUTED")
				.with(bank)
				.with(csrf()))
			.andReturn();
		assertThat((String) malformed.getFlashMap().get("error")).contains("流水第 2 行").contains("交易金额");

		MvcResult noHeader = mvc
			.perform(multipart("/funds/stops/" + v.id() + "/answer")
				.file(new MockMultipartFile("statement", "x.csv", "text/csv",
						"a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))
				.param("answerId", "bad-csv-2")
				.param("result", "EXECUTED")
				.with(bank)
				.with(csrf()))
			.andReturn();
		assertThat((String) noHeader.getFlashMap().get("error")).contains("流水缺少").doesNotContain("missing");

		MvcResult noReason = mvc
			.perform(multipart("/funds/stops/" + v.id() + "/answer").param("answerId", "rej-1")
				.param("result", "REJECTED")
				.with(bank)
				.with(csrf()))
			.andReturn();
		assertThat((String) noReason.getFlashMap().get("error")).contains("理由");

		InstructionView after = funds.byId(v.id()).orElseThrow();
		assertThat(after.status()).isEqualTo(StopStatus.ISSUED);
		assertThat(after.stoppedFen()).isNull();
		assertThat(ledger.transfers()).isEqualTo(transfers);
		assertThat(funds.history(v.id())).hasSize(history);

		// a good answer, submitted twice from the same form: one answer
		for (int i = 0; i < 2; i++) {
			MvcResult ok = mvc
				.perform(multipart("/funds/stops/" + v.id() + "/answer").param("answerId", "form-ok-1")
					.param("result", "PARTIALLY_EXECUTED")
					.param("stopped", "300.50")
					.with(bank)
					.with(csrf()))
				.andReturn();
			assertThat((String) ok.getFlashMap().get("notice")).contains("已提交答复").contains("部分执行");
		}
		InstructionView answered = funds.byId(v.id()).orElseThrow();
		assertThat(answered.status()).isEqualTo(StopStatus.PARTIALLY_EXECUTED);
		assertThat(answered.stoppedFen()).isEqualTo(30_050);
		assertThat(funds.history(v.id())).hasSize(history + 1);
		// another answer id for an answered instruction: refused, in Chinese
		MvcResult again = mvc
			.perform(multipart("/funds/stops/" + v.id() + "/answer").param("answerId", "form-ok-2")
				.param("result", "EXECUTED")
				.with(bank)
				.with(csrf()))
			.andReturn();
		assertThat((String) again.getFlashMap().get("error")).contains("已答复过");
	}

	@Autowired
	FreezeControl freezes;

	@Test
	void theCentreRenewsAndUnfreezesFromThePlanWithChineseRefusals() throws Exception {
		InstructionView v = issuedStop("X3");
		funds.answer("ICBC", v.id(), "x3-stop", FundControl.Result.EXECUTED, null, null, "bank");
		FreezeView f = freezes.request(v.id(), new FreezeControl.FreezeDocument("冻字[2026]301号", "西安市公安局反诈中心", "王", "李"),
				"centre");
		freezes.answer("ICBC", f.id(), "x3-freeze", FreezeControl.BankResult.FROZEN, null, null, "bank");
		RequestPostProcessor centre = user(directory.loadUserByUsername("centre"));
		String plan = page(centre, "/funds/cases/" + v.caseNumber());
		assertThat(plan).contains("renew-" + f.id())
			.contains("unfreeze-" + f.id())
			.contains("propose-" + f.id())
			.contains("id=\"victim-accounts\"")
			.contains("已冻结");
		assertThat(page(centre, "/funds/cases/" + v.caseNumber() + "/live")).contains("id=\"live\"")
			.doesNotContain("id=\"victim-accounts\"")
			.contains("hx-trigger=\"every 5s\"")
			.contains("ICBC:CMX3");

		MvcResult renewed = mvc
			.perform(post("/funds/freezes/" + f.id() + "/renew").param("caseNumber", v.caseNumber())
				.param("documentNumber", "续冻字[2026]302号")
				.with(centre)
				.with(csrf()))
			.andReturn();
		assertThat(renewed.getResponse().getRedirectedUrl()).isEqualTo("/funds/cases/" + v.caseNumber());
		assertThat((String) renewed.getFlashMap().get("notice")).contains("已续冻");
		assertThat(freezes.byId(f.id()).orElseThrow().renewals()).isEqualTo(1);

		MvcResult noReason = mvc
			.perform(post("/funds/freezes/" + f.id() + "/unfreeze").param("caseNumber", v.caseNumber())
				.param("documentNumber", "解冻字[2026]303号")
				.param("reason", "")
				.with(centre)
				.with(csrf()))
			.andReturn();
		assertThat((String) noReason.getFlashMap().get("error")).contains("理由");
		assertThat(freezes.byId(f.id()).orElseThrow().status()).isEqualTo(Workflows.FreezeStatus.FROZEN);
		MvcResult unfrozen = mvc
			.perform(post("/funds/freezes/" + f.id() + "/unfreeze").param("caseNumber", v.caseNumber())
				.param("documentNumber", "解冻字[2026]303号")
				.param("reason", "经查系正常经营资金")
				.with(centre)
				.with(csrf()))
			.andReturn();
		assertThat((String) unfrozen.getFlashMap().get("notice")).contains("已解冻");
		assertThat(freezes.byId(f.id()).orElseThrow().status()).isEqualTo(Workflows.FreezeStatus.UNFROZEN);
		// a return from a freeze no longer in force: refused in words, not codes
		MvcResult late = mvc
			.perform(post("/funds/freezes/" + f.id() + "/returns").param("caseNumber", v.caseNumber())
				.param("cases", v.caseNumber())
				.with(centre)
				.with(csrf()))
			.andReturn();
		assertThat((String) late.getFlashMap().get("error")).contains("提交未成功").doesNotContain("UNFROZEN");
		assertThat(page(centre, "/funds/history/freeze/" + f.id())).contains("已解冻")
			.contains("续冻：文书 续冻字[2026]302号")
			.contains("经查系正常经营资金");
	}

	@Autowired
	QueryControl queries;

	@Test
	void theBankAnswersAFundQueryWithABalanceAndAStatementFile() throws Exception {
		InstructionView v = issuedStop("X4");
		Instant to = Instant.now().minusSeconds(60);
		QueryControl.QueryView q = queries.request(v.caseNumber(), "ICBC:CMX4", "ICBC", to.minusSeconds(7_200), to,
				"centre");
		assertThat(page(bank, "/funds?tab=query")).contains("query-form-" + q.id()).contains("ICBC:CMX4");
		assertThat(page(ccb, "/funds?tab=query")).doesNotContain("query-form-" + q.id());
		String csv = "交易时间,借贷标志,交易金额,对方账号,对方开户行,交易渠道\n" + BEIJING.format(to.minusSeconds(1_800))
				+ ",借,88.00,CCB:CNX4,CCB,手机银行\n";
		MvcResult ok = mvc
			.perform(multipart("/funds/queries/" + q.id() + "/answer")
				.file(new MockMultipartFile("statement", "流水.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.param("answerId", "q-x4")
				.param("balance", "1,234.56")
				.with(bank)
				.with(csrf()))
			.andReturn();
		assertThat((String) ok.getFlashMap().get("notice")).contains("已提交查询答复").contains("流水 1 行");
		QueryControl.QueryView answered = queries.byId(q.id()).orElseThrow();
		assertThat(answered.status()).isEqualTo(Workflows.QueryStatus.ANSWERED);
		assertThat(answered.balanceFen()).isEqualTo(123_456);
		assertThat(answered.rows()).singleElement().satisfies(r -> assertThat(r.amountFen()).isEqualTo(8_800));
	}

}
