package org.fanzha.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.fanzha.audit.AuditQuery;
import org.fanzha.audit.AuditTrail;
import org.fanzha.core.BankCardNumber;
import org.fanzha.core.IdNumber;
import org.fanzha.identity.Directory;
import org.fanzha.ledger.TransferLedger;
import org.fanzha.support.DemoLogins;
import org.fanzha.support.LedgerFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Three reports: two paid into the same account (a merge ground), the third shares only a
 * caller's number with the second (a lead); all three paid through the same bank, which
 * must not link anything by itself. The group carries the evidence, its whole chain and
 * the jurisdiction advice with its sheet; the centre refers it once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LinkingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail audit;

	@Autowired
	Directory directory;

	@Autowired
	TransferLedger ledger;

	/** A console page as a signed-in user sees it. */
	String page(String user, String path) throws Exception {
		MvcResult r = mvc
			.perform(MockMvcRequestBuilders.get(path)
				.with(SecurityMockMvcRequestPostProcessors.user(directory.loadUserByUsername(user))))
			.andReturn();
		assertThat(r.getResponse().getStatus()).as(path + ": " + r.getResponse().getContentAsString()).isEqualTo(200);
		return r.getResponse().getContentAsString();
	}

	MvcResult post(String user, String path, String json) throws Exception {
		return mvc
			.perform(MockMvcRequestBuilders.post(path)
				.with(httpBasic(user, DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
	}

	MvcResult get(String user, String path) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.get(path).with(httpBasic(user, DemoLogins.PASSWORD))).andReturn();
	}

	String report(String id17, String region, String payee, long amount, String phone, String url) throws Exception {
		Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(900);
		String body = """
				{"victim":{"name":"被害人","idNumber":"%s","phone":"13800001111","regionCode":"%s"},"fraudType":"FAKE_POLICE",
				 "narrative":"串并测试","reportedAt":"%s","payments":[{"payerAccount":"%s","payeeName":"卡农甲",
				 "payeeAccount":"%s","payeeBank":"ICBC","amountFen":%d,"paidAt":"%s"}],
				 "suspects":{"phones":[%s],"urls":[%s]}}"""
			.formatted(IdNumber.withCheckDigit(id17), region, at,
					BankCardNumber.withLuhnDigit("622202000000000" + id17.substring(14)), payee, amount,
					at.minusSeconds(600), phone == null ? "" : "\"" + phone + "\"",
					url == null ? "" : "\"" + url + "\"");
		MvcResult r = post("centre", "/api/v1/cases", body);
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isBetween(200, 201);
		return r.getResponse().getContentAsString().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
	}

	@Test
	void casesSharingAnAccountAreMergedAPhoneIsALeadAndTheBankLinksNothing() throws Exception {
		String a = report("61011319800101111", "610113", "ICBC:LINKACC1", 2_000_000, null,
				"https://www.Gongan-check.top/login");
		String b = report("61011219800101222", "610112", "ICBC:LINKACC1", 4_000_000, "17055550001", null);
		String c = report("61050219800101333", "610502", "ICBC:LINKACC2", 1_000_000, "17055550001", null);
		String lone = report("61011319800101444", "610113", "ICBC:LINKACC9", 500_000, null, null);

		String list = get("procurator", "/api/v1/linking/groups").getResponse().getContentAsString();
		// A and B share an account (a merge ground); C hangs on the phone only, so the
		// group is not mergeable as a whole
		assertThat(list).contains("\"key\":\"" + a + "\"")
			.contains("\"cases\":3")
			.contains("使用同一资金账户")
			.contains("\"mergeable\":false")
			.doesNotContain("\"key\":\"" + lone + "\"");

		MvcResult r = get("procurator", "/api/v1/linking/groups/" + c);
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
		String g = r.getResponse().getContentAsString();
		assertThat(g).contains(a).contains(b).contains(c).doesNotContain(lone);
		assertThat(g).contains("\"identifier\":\"ICBC:LINKACC1\"")
			.contains("\"ground\":\"使用同一资金账户\"")
			.contains("\"identifier\":\"17055550001\"")
			.contains("\"kind\":\"PHONE\",\"kindLabel\":\"电话号码\"")
			.doesNotContain("\"kind\":\"BANK\"");
		// the whole chain: the caller, the website's builders, the card seller with the
		// money into the account
		assertThat(g).contains("\"role\":\"CALLER\"")
			.contains("\"role\":\"CARD_SELLER\"")
			.contains("\"role\":\"MULE\"")
			.contains("\"role\":\"TECHNICAL_HELP\"")
			.contains("gongan-check.top");
		assertThat(g).contains("数额巨大"); // 70,000 yuan over the group ≥ ¥30,000
		// jurisdiction: each victim's county is a candidate; the Xi'an city bureau that
		// took the reports in holds no
		// point of its own, so the main crime location (largest loss: Weiyang) is
		// recommended
		assertThat(g).contains("未央").contains("雁塔").contains("临渭");
		assertThat(g).contains("\"designation\":{\"needed\":false");
		String disputed = get("procurator", "/api/v1/linking/groups/" + c + "?dispute=渭南市局认为应由其管辖").getResponse()
			.getContentAsString();
		assertThat(disputed).contains("\"designation\":{\"needed\":true").contains("陕西省公安厅");
		String sheet = get("procurator", "/api/v1/linking/groups/" + a + "/sheet?dispute=<script>x</script>")
			.getResponse()
			.getContentAsString();
		assertThat(sheet).contains("管辖决策参考").contains("&lt;script&gt;").doesNotContain("<script>x");
		assertThat(audit.search(new AuditQuery(null, null, null, null, null, 500))
			.stream()
			.filter(e -> "case-group".equals(e.subjectType()) && a.equals(e.subjectRef()))).isNotEmpty();

		// the console pages: the list, the group with its evidence, chain, thresholds and
		// jurisdiction, the sheet
		assertThat(page("procurator", "/linking")).contains("id=\"groups\"").contains(a).contains("部分案件仅凭侦查线索关联");
		String html = page("procurator", "/linking/groups/" + b);
		assertThat(html).contains("id=\"group-evidence\"")
			.contains("LINKACC1")
			.contains("使用同一资金账户")
			.contains("id=\"group-chain\"")
			.contains("贩卖银行卡")
			.contains("id=\"recommendation\"")
			.contains("未央")
			.doesNotContain("id=\"referral-form\""); // only the centre refers
		assertThat(page("centre", "/linking/groups/" + b)).contains("id=\"referral-form\"");
		assertThat(page("procurator", "/linking/groups/" + b + "/sheet")).contains("管辖决策参考").contains("window.print()");

		// referral: the procurator receives, the centre refers, once
		assertThat(post("procurator", "/api/v1/linking/groups/" + b + "/referral", "{}").getResponse().getStatus())
			.isEqualTo(403);
		MvcResult ref = post("centre", "/api/v1/linking/groups/" + b + "/referral", "{\"note\":\"全链条移送\"}");
		assertThat(ref.getResponse().getStatus()).as(ref.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(ref.getResponse().getContentAsString()).contains("\"groupKey\":\"" + a + "\"")
			.contains("人民检察院")
			.contains("\"cases\":3");
		assertThat(post("centre", "/api/v1/linking/groups/" + c + "/referral", "{}").getResponse().getStatus())
			.isEqualTo(409);
		assertThat(get("procurator", "/api/v1/linking/groups/NO-SUCH-CASE").getResponse().getStatus()).isEqualTo(404);
		// bad input: a malformed body, an overlong note or dispute
		MvcResult malformed = post("centre", "/api/v1/linking/groups/" + lone + "/referral", "{\"note\":");
		assertThat(malformed.getResponse().getStatus()).isEqualTo(400);
		assertThat(malformed.getResponse().getContentType()).contains("problem+json");
		assertThat(
				post("centre", "/api/v1/linking/groups/" + lone + "/referral", "{\"note\":\"" + "很".repeat(401) + "\"}")
					.getResponse()
					.getContentAsString())
			.contains("note");
		assertThat(get("procurator", "/api/v1/linking/groups/" + lone + "?dispute=" + "x".repeat(401)).getResponse()
			.getStatus()).isEqualTo(400);
		assertThat(get("procurator", "/api/v1/linking/groups/" + lone).getResponse().getContentAsString())
			.contains("\"referral\":null"); // nothing referred half-way
		assertThat(get("bank", "/api/v1/linking/groups").getResponse().getStatus()).isEqualTo(403);
	}

	/**
	 * Where the money went after the level-1 account is part of the chain and of the
	 * jurisdiction: moved on from Weiyang, taken out in cash in Shenzhen. A point outside
	 * the province makes the Ministry the designating superior.
	 */
	@Test
	void moneyMovedAndWithdrawnAreConnectionPointsAndCashOutIsARole() throws Exception {
		long now = Instant.now().getEpochSecond();
		LedgerFixture.account(ledger, "ICBC:FLOW1", 0);
		LedgerFixture.account(ledger, "CCB:FLOW2", 0);
		String a = report("61011319900101555", "610113", "ICBC:FLOW1", 3_000_000, null, null);
		String b = report("61011219900101666", "610112", "ICBC:FLOW1", 2_000_000, null, null);
		// after the victims' payments (paid 25 minutes ago): on to another account from
		// Weiyang, cash in Shenzhen
		LedgerFixture.transfer(ledger, "TF-1", now - 600, "ICBC:FLOW1", "CCB:FLOW2", 2_500_000, "MOBILE", "610112");
		LedgerFixture.transfer(ledger, "TF-2", now - 300, "ICBC:FLOW1", null, 2_000_000, "ATM", "440305");
		String g = get("procurator", "/api/v1/linking/groups/" + b).getResponse().getContentAsString();
		assertThat(g).contains(a).contains("\"role\":\"CASH_OUT\"").contains("取现 ¥20,000.00");
		assertThat(g).contains("\"kind\":\"MONEY_WITHDRAWN\"").contains("\"kind\":\"MONEY_MOVED\"").contains("440305");
		// the Shenzhen police are competent too (where the money was withdrawn); a
		// dispute between units in two
		// provinces goes to the Ministry
		assertThat(g).contains("\"region\":\"440305\"");
		String disputed = get("procurator", "/api/v1/linking/groups/" + b + "?dispute=深圳警方认为应由其管辖").getResponse()
			.getContentAsString();
		assertThat(disputed).contains("\"designation\":{\"needed\":true").contains("公安部");
	}

	String reportWith(String id17, String payee, String suspects) throws Exception {
		Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(900);
		String body = """
				{"victim":{"name":"被害人","idNumber":"%s","phone":"13800001111","regionCode":"610113"},"fraudType":"TASK_REBATE",
				 "reportedAt":"%s","payments":[{"payerAccount":"%s","payeeName":"卡农乙",
				 "payeeAccount":"%s","payeeBank":"ICBC","amountFen":100000,"paidAt":"%s"}],"suspects":%s}"""
			.formatted(IdNumber.withCheckDigit(id17), at,
					BankCardNumber.withLuhnDigit("622202000000000" + id17.substring(14)), payee, at.minusSeconds(600),
					suspects);
		MvcResult r = post("centre", "/api/v1/cases", body);
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return r.getResponse().getContentAsString().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
	}

	@Test
	void aSharedChatGroupOrCashOutPointIsAMergeGroundASharedImAccountOnlyALead() throws Exception {
		String a = reportWith("61011319850101515", "ICBC:CHATACC1",
				"{\"chatGroups\":[{\"platform\":\"WECHAT\",\"groupId\":\"财富交流3群\"}]}");
		String b = reportWith("61011319850101626", "ICBC:CHATACC2",
				"{\"chatGroups\":[{\"platform\":\"WECHAT\",\"groupId\":\" 财富交流3群 \"}],"
						+ "\"cashOutPoints\":[{\"kind\":\"ATM\",\"identifier\":\"ATM 02931177\"}]}");
		String c = reportWith("61011319850101737", "ICBC:CHATACC3",
				"{\"cashOutPoints\":[{\"kind\":\"ATM\",\"identifier\":\"atm 02931177\"}]}");
		String d = reportWith("61011319850101848", "ICBC:CHATACC4",
				"{\"imContacts\":[{\"platform\":\"QQ\",\"account\":\"88776655\"}]}");
		String e = reportWith("61011319850101959", "ICBC:CHATACC5",
				"{\"imContacts\":[{\"platform\":\"QQ\",\"account\":\"88776655\"}]}");
		// the same group number on another platform is another group
		String f = reportWith("61011319850102062", "ICBC:CHATACC6",
				"{\"chatGroups\":[{\"platform\":\"QQ\",\"groupId\":\"财富交流3群\"}]}");

		String g = get("procurator", "/api/v1/linking/groups/" + a).getResponse().getContentAsString();
		assertThat(g).contains(a)
			.contains(b)
			.contains(c)
			.doesNotContain(d)
			.doesNotContain(f)
			.contains("\"kind\":\"CHAT_GROUP\"")
			.contains("使用同一聊天群组")
			.contains("\"kind\":\"CASH_OUT_POINT\"")
			.contains("\"mergeable\":true");
		String lead = get("procurator", "/api/v1/linking/groups/" + d).getResponse().getContentAsString();
		assertThat(lead).contains(d)
			.contains(e)
			.contains("\"kind\":\"IM_ACCOUNT\"")
			.contains("\"identifier\":\"QQ:88776655\"")
			.contains("\"mergeable\":false")
			.doesNotContain("使用同一");
	}

	@Test
	void aFundAccountTheVictimNamedLinksToAnotherCasesPayee() throws Exception {
		String a = reportWith("61011319850102173", "ICBC:NAMEDACC1", "{}");
		String b = reportWith("61011319850102284", "ICBC:NAMEDACC2",
				"{\"fundAccounts\":[{\"institution\":\"ICBC\",\"account\":\"NAMEDACC1\"}]}");
		String g = get("procurator", "/api/v1/linking/groups/" + a).getResponse().getContentAsString();
		assertThat(g).contains(a).contains(b).contains("\"identifier\":\"ICBC:NAMEDACC1\"").contains("使用同一资金账户");
	}

}
