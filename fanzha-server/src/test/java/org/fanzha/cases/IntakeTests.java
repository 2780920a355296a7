package org.fanzha.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.fanzha.audit.AuditQuery;
import org.fanzha.audit.AuditTrail;
import org.fanzha.core.BankCardNumber;
import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Intake: validation field by field, nothing stored on failure, the 30-minute clock,
 * scope, audit, event.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IntakeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	Reported reported;

	@TestConfiguration
	static class Config {

		@Bean
		Reported reported() {
			return new Reported();
		}

	}

	static class Reported {

		final List<CaseReported> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(CaseReported e) {
			events.add(e);
		}

	}

	static String intake(Instant reportedAt, String payments) {
		return """
				{"victim":{"name":"李华","idNumber":"11010519491231002X","phone":"13912345678","regionCode":"610113"},
				 "fraudType":"FAKE_POLICE","narrative":"自称公安民警来电，称涉嫌洗钱，要求转入安全账户",
				 "reportedAt":"%s","payments":%s,
				 "suspects":{"phones":["17050001234","+639171234567"],"urls":["https://xinhui88.top"]}}"""
			.formatted(reportedAt, payments);
	}

	static final String PAYER = BankCardNumber.withLuhnDigit("622202000000000000");

	static final String PAYEE = BankCardNumber.withLuhnDigit("621700000000000000");

	static String payment(Instant paidAt, long fen, String payeeAccount) {
		return """
				{"payerAccount":"%s","payeeName":"王某","payeeAccount":"%s","payeeBank":"CCB",
				 "amountFen":%d,"paidAt":"%s","transferId":"T123"}""".formatted(PAYER, payeeAccount, fen, paidAt);
	}

	MvcResult post(String user, String path, String json) throws Exception {
		return mvc
			.perform(MockMvcRequestBuilders.post(path)
				.with(httpBasic(user, DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
	}

	long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	@Test
	void aValidReportIsStoredWithItsDeadlineAuditedAndAnnounced() throws Exception {
		Instant at = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		String body = intake(at, "[" + payment(at.minus(20, ChronoUnit.MINUTES), 5_000_000, PAYEE) + "]");
		MvcResult r = post("centre", "/api/v1/cases", body);
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		String json = r.getResponse().getContentAsString();
		assertThat(json).containsPattern("\"caseNumber\":\"XA-AFC-20\\d\\d-\\d{6}\"")
			.contains("\"lossFen\":5000000")
			.contains("\"overdue\":false")
			.contains("\"victimMasked\":\"李*\"")
			.doesNotContain("11010519491231002X");
		String number = json.replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
		assertThat(json).contains("\"firstLevelDeadline\":\"" + at.plus(30, ChronoUnit.MINUTES) + "\"");
		assertThat(reported.events).anySatisfy(e -> {
			assertThat(e.caseNumber()).isEqualTo(number);
			assertThat(e.payments()).singleElement().satisfies(p -> {
				assertThat(p.payeeAccount()).isEqualTo(PAYEE);
				assertThat(p.amountFen()).isEqualTo(5_000_000);
			});
		});
		assertThat(audit.search(new AuditQuery(null, null, null, number, null, 10))).singleElement()
			.satisfies(a -> assertThat(a.subjectRef()).isEqualTo("110***********002X"));

		MvcResult detail = mvc.perform(get("/api/v1/cases/" + number).with(httpBasic("centre", DemoLogins.PASSWORD)))
			.andReturn();
		assertThat(detail.getResponse().getContentAsString()).contains("11010519491231002X")
			.contains("17050001234")
			.contains("+639171234567");
		assertThat(audit.search(new AuditQuery(null, null, null, number, null, 10))).hasSize(2);
	}

	@Test
	void badReportsAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
		long cases = count("case_report");
		long payments = count("case_payment");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String bad = """
				{"victim":{"name":"","idNumber":"110105194912310021","phone":"02988886666","regionCode":"999999"},
				 "fraudType":"LOTTERY","reportedAt":"%s",
				 "payments":[{"payerAccount":"%s","payeeName":"王某","payeeAccount":"6217000000000000003",
				   "payeeBank":"ccb","amountFen":-5,"paidAt":"%s"}],
				 "suspects":{"phones":["12345"]}}""".formatted(now.plus(1, ChronoUnit.DAYS), PAYER,
				now.plus(2, ChronoUnit.DAYS));
		MvcResult r = post("centre", "/api/v1/cases", bad);
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		String json = r.getResponse().getContentAsString();
		assertThat(json).contains("\"errors\"")
			.contains("victim.name")
			.contains("victim.idNumber")
			.contains("check digit")
			.contains("victim.phone")
			.contains("victim.regionCode")
			.contains("fraudType")
			.contains("reportedAt")
			.contains("payments[0].payeeAccount")
			.contains("Luhn")
			.contains("payments[0].payeeBank")
			.contains("payments[0].amountFen")
			.contains("payments[0].paidAt")
			.contains("suspects.phones[0]");
		assertThat(post("centre", "/api/v1/cases", "{\"victim\":").getResponse().getStatus()).isEqualTo(400);
		assertThat(count("case_report")).isEqualTo(cases);
		assertThat(count("case_payment")).isEqualTo(payments);
	}

	@Test
	void theThirtyMinuteClock() throws Exception {
		Instant fortyAgo = Instant.now().minus(40, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		MvcResult late = post("station", "/api/v1/cases", intake(fortyAgo, "[]"));
		assertThat(late.getResponse().getContentAsString()).contains("\"overdue\":true")
			.contains("\"firstLevelEnteredAt\":null");
		String number = late.getResponse().getContentAsString().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
		MvcResult added = post("station", "/api/v1/cases/" + number + "/payments",
				"[" + payment(fortyAgo.minus(5, ChronoUnit.MINUTES), 10_000, "ALIPAY:2088123412341234") + "]");
		assertThat(added.getResponse().getStatus()).isEqualTo(200);
		// entered now, ten minutes after the deadline: still overdue, and the clock has
		// stopped
		assertThat(added.getResponse().getContentAsString()).contains("\"overdue\":true")
			.contains("\"lossFen\":10000")
			.doesNotContain("\"firstLevelEnteredAt\":null");

		Instant tenAgo = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		assertThat(post("station", "/api/v1/cases", intake(tenAgo, "[]")).getResponse().getContentAsString())
			.contains("\"overdue\":false");
	}

	@Test
	void stationsSeeTheirOwnCasesTheCentreSeesAllBanksNone() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String number = post("station", "/api/v1/cases", intake(now, "[]")).getResponse()
			.getContentAsString()
			.replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
		String centres = post("centre", "/api/v1/cases", intake(now, "[]")).getResponse()
			.getContentAsString()
			.replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
		String stationList = mvc.perform(get("/api/v1/cases").with(httpBasic("station", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stationList).contains(number).doesNotContain(centres);
		assertThat(mvc.perform(get("/api/v1/cases/" + centres).with(httpBasic("station", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/api/v1/cases").with(httpBasic("centre", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains(number).contains(centres);
		assertThat(mvc.perform(get("/api/v1/cases").with(httpBasic("bank", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(post("procurator", "/api/v1/cases", intake(now, "[]")).getResponse().getStatus()).isEqualTo(403);
	}

	static final String LINKS = """
			{"phones":["17050001234"],"urls":["xinhui88.top"],"apps":["鑫汇"],
			 "chatGroups":[{"platform":"WECHAT","groupId":"鑫汇VIP投资群"}],
			 "imContacts":[{"platform":"TELEGRAM","account":"@xinhui_teacher"}],
			 "fundAccounts":[{"institution":"ALIPAY","account":"2088123412341234"}],
			 "cashOutPoints":[{"kind":"GOLD_CRYPTO_MERCHANT","identifier":"西安市雁塔区某金店"},
			   {"kind":"COURIER_ADDRESS","identifier":"广西东兴市某路 18 号"}]}""";

	@Test
	void theIdentifiersThatLinkCasesAreStoredAndShown() throws Exception {
		Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String body = intake(at, "[]").replaceAll("\"suspects\":\\{.*\\}\\}$", "\"suspects\":" + LINKS.strip() + "}");
		MvcResult r = post("station", "/api/v1/cases", body);
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		String number = r.getResponse().getContentAsString().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
		String detail = mvc.perform(get("/api/v1/cases/" + number).with(httpBasic("station", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(detail).contains("{\"kind\":\"CHAT_GROUP\",\"value\":\"鑫汇VIP投资群\",\"platform\":\"WECHAT\"}")
			.contains("{\"kind\":\"IM\",\"value\":\"@xinhui_teacher\",\"platform\":\"TELEGRAM\"}")
			.contains("{\"kind\":\"ACCOUNT\",\"value\":\"2088123412341234\",\"platform\":\"ALIPAY\"}")
			.contains("{\"kind\":\"CASH_OUT\",\"value\":\"西安市雁塔区某金店\",\"platform\":\"GOLD_CRYPTO_MERCHANT\"}")
			.contains("广西东兴市某路 18 号")
			.contains("\"value\":\"xinhui88.top\"");
	}

	@Test
	void badLinkingIdentifiersAreRefusedByFieldAndNothingIsStored() throws Exception {
		long cases = count("case_report");
		long suspects = count("case_suspect");
		Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String bad = """
				{"urls":["not a site"],"chatGroups":[{"platform":"MSN","groupId":"x"},{"platform":"QQ","groupId":" "}],
				 "imContacts":[{"platform":"QQ","account":"has space"}],
				 "fundAccounts":[{"institution":"alipay","account":"6217000000000000003"}],
				 "cashOutPoints":[{"kind":"BANK","identifier":"%s"}, null]}""".formatted("x".repeat(201));
		String body = intake(at, "[]").replaceAll("\"suspects\":\\{.*\\}\\}$", "\"suspects\":" + bad.strip() + "}");
		MvcResult r = post("station", "/api/v1/cases", body);
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(400);
		assertThat(r.getResponse().getContentType()).contains("application/problem+json");
		assertThat(r.getResponse().getContentAsString()).contains("suspects.urls[0]")
			.contains("suspects.chatGroups[0].platform")
			.contains("suspects.chatGroups[1].groupId")
			.contains("suspects.imContacts[0].account")
			.contains("suspects.fundAccounts[0].institution")
			.contains("suspects.fundAccounts[0].account")
			.contains("Luhn")
			.contains("suspects.cashOutPoints[0].kind")
			.contains("suspects.cashOutPoints[0].identifier")
			.contains("suspects.cashOutPoints[1]");
		assertThat(count("case_report")).isEqualTo(cases);
		assertThat(count("case_suspect")).isEqualTo(suspects);
	}

	@Test
	void olderClientsWithoutTheNewListsStillReport() throws Exception {
		String body = """
				{"victim":{"name":"李华","idNumber":"11010519491231002X","regionCode":"610113"},"fraudType":"LOAN",
				 "suspects":{"phones":["17050001234"]}}""";
		assertThat(post("station", "/api/v1/cases", body).getResponse().getStatus()).isEqualTo(201);
		String bare = """
				{"victim":{"name":"李华","idNumber":"11010519491231002X","regionCode":"610113"},"fraudType":"LOAN"}""";
		assertThat(post("station", "/api/v1/cases", bare).getResponse().getStatus()).isEqualTo(201);
	}

	@Test
	void paymentsAfterIntakeAreAuditedAndProcuratorsMayNotAddThem() throws Exception {
		Instant at = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		String number = post("station", "/api/v1/cases", intake(at, "[]")).getResponse()
			.getContentAsString()
			.replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
		String pay = "[" + payment(at.minus(10, ChronoUnit.MINUTES), 20_000, PAYEE) + "]";
		assertThat(post("procurator", "/api/v1/cases/" + number + "/payments", pay).getResponse().getStatus())
			.isEqualTo(403);
		assertThat(
				count("case_payment WHERE case_id = (SELECT id FROM case_report WHERE case_number = '" + number + "')"))
			.isZero();
		MvcResult ok = post("station", "/api/v1/cases/" + number + "/payments", pay);
		assertThat(ok.getResponse().getStatus()).isEqualTo(200);
		assertThat(ok.getResponse().getContentAsString()).contains("\"overdue\":false").contains("\"payments\":1");
		assertThat(audit.search(new AuditQuery(null, null, null, number, null, 10)))
			.anySatisfy(a -> assertThat(a.purpose()).isEqualTo("first-level payments added"));
	}

}
