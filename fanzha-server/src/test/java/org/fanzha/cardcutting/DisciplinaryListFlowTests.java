package org.fanzha.cardcutting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.fanzha.core.Masking;
import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.fanzha.identity.NewUser;
import org.fanzha.identity.Role;
import org.fanzha.monitoring.MuleAccountFlagged;
import org.fanzha.support.DemoLogins;
import org.fanzha.telecom.SimRestricted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The disciplinary list end to end: the system proposes, a station and a county-level
 * centre are refused the decision (403), the prefecture's centre decides, a bank's query
 * shows the banking measures (an operator's the SIM limit), the notice states the reason,
 * channel, documents and deadline, the person appeals, the appeal is lifted at once and
 * the bank's query shows the person no longer listed. Bad input, scoping, masking and the
 * audit of reads too.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DisciplinaryListFlowTests extends CardCuttingSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Override
	MockMvc mvc() {
		return mvc;
	}

	@Test
	void proposeDecideQueryAppealLiftAndQueryAgain() throws Exception {
		String id = newId("610113");
		long listing = proposed(id, "610113", null);
		String base = "/api/v1/cardcutting/listings/" + listing;
		String proposal = ok(get("centre", base));
		assertThat(proposal).contains("\"status\":\"PROPOSED\"")
			.contains("以300元出售银行卡")
			.contains("\"actor\":\"system\"");
		// not listed while only proposed
		assertThat(ok(check("bank", id))).contains("\"listed\":false");

		// a station is refused the decision, and so is a county-level centre
		MvcResult station = post("station", base + "/decide", "{}");
		assertThat(station.getResponse().getStatus()).isEqualTo(403);
		assertThat(station.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(station.getResponse().getContentAsString()).contains("prefecture-level");
		if (directory.agency("XA-YT-AFC").isEmpty()) {
			directory.createAgency("XA-YT-AFC", "雁塔分局反诈中心", AgencyType.ANTI_FRAUD_CENTRE, "610113");
			directory.register(new NewUser("yanta-centre", DemoLogins.PASSWORD, "雁塔反诈民警", null, "XA-YT-AFC",
					Set.of(Role.CENTRE_OFFICER)));
		}
		assertThat(post("yanta-centre", base + "/decide", "{}").getResponse().getStatus()).isEqualTo(403);
		assertThat(post("bank", base + "/decide", "{}").getResponse().getStatus()).isEqualTo(403);

		// the prefecture's centre decides
		String decided = ok(post("centre", base + "/decide", "{\"note\":\"出售银行卡，证据确实\"}"));
		assertThat(decided).contains("\"status\":\"DECIDED\"")
			.contains("\"decidedBy\":\"centre\"")
			.contains("\"decidingUnit\":\"610100\"")
			.contains("NON_COUNTER_BUSINESS_STOPPED")
			.contains("SIM_LIMIT");
		assertThat(post("centre", base + "/decide", "{}").getResponse().getStatus()).isEqualTo(409);

		// the bank sees the banking measures, with a masked ID; the operator the SIM
		// limit
		String bank = ok(check("bank", id));
		assertThat(bank).contains("\"listed\":true")
			.contains("NON_COUNTER_BUSINESS_STOPPED")
			.contains("NO_NEW_ACCOUNTS")
			.doesNotContain("SIM_LIMIT")
			.contains("\"idNumber\":\"" + Masking.mask(id, 3, 4) + "\"")
			.doesNotContain(id)
			.contains("\"until\":");
		String operator = ok(check("telecom", id));
		assertThat(operator).contains("\"listed\":true").contains("SIM_LIMIT").doesNotContain("NON_COUNTER");

		// the notice (art. 32)
		String notified = ok(post("centre", base + "/notify", ""));
		assertThat(notified).contains("\"status\":\"NOTIFIED\"")
			.contains("第三十一条")
			.contains("申诉")
			.contains("本人有效身份证件")
			.contains("\"appealDeadline\":")
			.contains("即时解除");

		// the person appeals through the centre; the measures stay while it is checked
		assertThat(post("centre", base + "/appeal", "{\"statement\":\"卡已挂失\"}").getResponse().getStatus())
			.isEqualTo(400);
		String appealed = ok(post("centre", base + "/appeal",
				"{\"statement\":\"银行卡被他人盗用，已挂失报案\",\"documents\":[\"本人有效身份证件\",\"挂失证明\"]}"));
		assertThat(appealed).contains("\"status\":\"APPEALED\"").contains("挂失证明");
		assertThat(ok(check("bank", id))).contains("\"listed\":true");

		// a verified appeal lifts at once
		assertThat(post("station", base + "/lift", "{}").getResponse().getStatus()).isEqualTo(403);
		String lifted = ok(post("centre", base + "/lift", "{\"note\":\"核查属实：系被盗用\"}"));
		assertThat(lifted).contains("\"status\":\"LIFTED\"")
			.contains("\"closedBy\":\"centre\"")
			.contains("\"inForce\":false")
			.doesNotContain("\"inForce\":true");
		assertThat(ok(check("bank", id))).contains("\"listed\":false").contains("\"measures\":[]");
		assertThat(post("centre", base + "/lift", "{}").getResponse().getStatus()).isEqualTo(409);
		// credit repair after lifting; every step is on record with who did it
		String repaired = ok(post("centre", base + "/credit-repair", "{\"note\":\"信用修复\"}"));
		assertThat(repaired).contains("\"status\":\"CREDIT_REPAIRED\"");
		assertThat(repaired.indexOf("\"step\":\"PROPOSED\"")).isLessThan(repaired.indexOf("\"step\":\"DECIDED\""));
		assertThat(repaired).contains("\"step\":\"NOTIFIED\"")
			.contains("\"step\":\"APPEALED\"")
			.contains("\"step\":\"LIFTED\"");
	}

	@Test
	void aRejectedAppealKeepsThePersonListedAndADismissedProposalListsNothing() throws Exception {
		String id = newId("610113");
		long listing = proposed(id, "610113", null);
		String base = "/api/v1/cardcutting/listings/" + listing;
		ok(post("centre", base + "/decide", "{\"measures\":[\"NO_NEW_ACCOUNTS\"]}"));
		ok(post("centre", base + "/notify", "{\"appealChannel\":\"西安市公安局反诈中心\",\"documents\":[\"身份证\"]}"));
		ok(post("centre", base + "/appeal", "{\"statement\":\"不知情\",\"documents\":[\"身份证\"]}"));
		assertThat(post("centre", base + "/reject-appeal", "{}").getResponse().getStatus()).isEqualTo(400);
		String rejected = ok(post("centre", base + "/reject-appeal", "{\"note\":\"交易记录显示本人操作\"}"));
		assertThat(rejected).contains("\"status\":\"NOTIFIED\"").contains("\"appealsRejected\":1");
		assertThat(ok(check("bank", id))).contains("\"listed\":true")
			.contains("NO_NEW_ACCOUNTS")
			.doesNotContain("NON_COUNTER")
			.contains("西安市公安局反诈中心");

		String other = newId("610113");
		long second = proposed(other, "610113", null);
		assertThat(
				post("centre", "/api/v1/cardcutting/listings/" + second + "/dismiss", "{}").getResponse().getStatus())
			.isEqualTo(400);
		assertThat(ok(post("centre", "/api/v1/cardcutting/listings/" + second + "/dismiss", "{\"note\":\"证据不足\"}")))
			.contains("\"status\":\"DISMISSED\"");
		assertThat(ok(check("bank", other))).contains("\"listed\":false");
		assertThat(post("centre", "/api/v1/cardcutting/listings/" + second + "/decide", "{}").getResponse().getStatus())
			.isEqualTo(409);
	}

	@Test
	void fiveCardsSoldWithTheHelpedCrimeEstablishedAreSeriousAndProposedAtOnce() throws Exception {
		String id = newId("610113");
		ok(post("centre", "/api/v1/cardcutting/persons", """
				{"idNumber":"%s","name":"钱某","regionCode":"610113"}""".formatted(id)));
		ok(put("centre", personPath(id) + "/findings",
				"{\"helpedCrimeEstablished\":true,\"priorPenaltyWithinTwoYears\":false}"));
		String person = "";
		for (int i = 0; i < 4; i++) {
			person = ok(post("centre", personPath(id) + "/involvements", """
					{"kind":"BANK_CARD_SOLD","reference":"CARD-%d","detail":"出售银行卡"}""".formatted(i)));
		}
		// four cards: not serious (the proposal came from the involvement count)
		assertThat(person).contains("\"serious\":false").contains("\"bankCardsSoldOrRented\":4");
		person = ok(post("centre", personPath(id) + "/involvements",
				"{\"kind\":\"BANK_CARD_SOLD\",\"reference\":\"CARD-4\",\"detail\":\"出售银行卡\"}"));
		assertThat(person).contains("\"serious\":true")
			.contains("\"code\":\"BANK_CARDS\"")
			.contains("\"bankCardsSoldOrRented\":5");
	}

	@Test
	void badInputIsAnsweredWithProblemDetails() throws Exception {
		String id = newId("610113");
		String wrongCheck = id.substring(0, 17) + (id.charAt(17) == '0' ? "1" : "0");
		MvcResult q = check("bank", wrongCheck);
		assertThat(q.getResponse().getStatus()).isEqualTo(400);
		assertThat(q.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(q.getResponse().getContentAsString()).contains("check digit").contains("\"errors\"");
		MvcResult search = post("centre", "/api/v1/cardcutting/persons/search",
				"{\"idNumber\":\"" + wrongCheck + "\"}");
		assertThat(search.getResponse().getStatus()).isEqualTo(400);
		assertThat(search.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(search.getResponse().getContentAsString()).contains("check digit").contains("\"errors\"");
		MvcResult malformed = post("centre", "/api/v1/cardcutting/persons", "{\"idNumber\":");
		assertThat(malformed.getResponse().getStatus()).isEqualTo(400);
		assertThat(malformed.getResponse().getContentAsString()).contains("malformed-request");
		MvcResult fields = post("centre", "/api/v1/cardcutting/persons", "{\"idNumber\":\"" + wrongCheck
				+ "\",\"name\":\"\",\"phone\":\"123\",\"regionCode\":\"999999\",\"school\":\"NOPE\"}");
		assertThat(fields.getResponse().getStatus()).isEqualTo(400);
		assertThat(fields.getResponse().getContentAsString()).contains("\"idNumber\"")
			.contains("\"name\"")
			.contains("\"phone\"")
			.contains("\"regionCode\"")
			.contains("\"school\"");
		ok(post("centre", "/api/v1/cardcutting/persons",
				"{\"idNumber\":\"" + id + "\",\"name\":\"孙某\",\"regionCode\":\"610113\"}"));
		assertThat(post("centre", "/api/v1/cardcutting/persons",
				"{\"idNumber\":\"" + id + "\",\"name\":\"孙某\",\"regionCode\":\"610113\"}")
			.getResponse()
			.getStatus()).isEqualTo(409);
		MvcResult card = post("centre", personPath(id) + "/accounts",
				"{\"bank\":\"ICBC\",\"cardNumber\":\"6222021234567890123\"}");
		assertThat(card.getResponse().getStatus()).isEqualTo(400);
		assertThat(card.getResponse().getContentAsString()).contains("Luhn");
		MvcResult kind = post("centre", personPath(id) + "/involvements",
				"{\"kind\":\"STOLEN\",\"settlementFen\":-1,\"detail\":\"x\"}");
		assertThat(kind.getResponse().getContentAsString()).contains("\"kind\"").contains("\"settlementFen\"");
		assertThat(post("centre", "/api/v1/cardcutting/listings/999999/decide", "{}").getResponse().getStatus())
			.isEqualTo(404);
		assertThat(post("centre", "/api/v1/cardcutting/listings/1/decide", "{\"measures\":[\"JAIL\"]}").getResponse()
			.getStatus()).isEqualTo(400);
		// banks do not register persons
		assertThat(post("bank", "/api/v1/cardcutting/persons", "{}").getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void aStationSeesItsRegionOnlyAndPoliceSeeWholeNumbersWhileReadsAreAudited() throws Exception {
		String local = newId("610113");
		String elsewhere = newId("610103");
		ok(post("centre", "/api/v1/cardcutting/persons",
				"{\"idNumber\":\"%s\",\"name\":\"周某\",\"phone\":\"13822223333\",\"regionCode\":\"610113\"}"
					.formatted(local)));
		ok(post("centre", "/api/v1/cardcutting/persons",
				"{\"idNumber\":\"%s\",\"name\":\"吴某\",\"regionCode\":\"610103\"}".formatted(elsewhere)));
		assertThat(ok(get("station", personPath(local)))).contains("\"idNumber\":\"" + local + "\"")
			.contains("13822223333");
		assertThat(get("station", personPath(elsewhere)).getResponse().getStatus()).isEqualTo(404);
		assertThat(post("station", "/api/v1/cardcutting/persons/search", "{\"idNumber\":\"" + elsewhere + "\"}")
			.getResponse()
			.getStatus()).isEqualTo(404);
		String list = ok(get("station", "/api/v1/cardcutting/persons"));
		assertThat(list).contains(local).doesNotContain(elsewhere);
		assertThat(ok(get("centre", "/api/v1/cardcutting/persons"))).contains(local).contains(elsewhere);
		// banks and operators only query the list
		assertThat(get("bank", personPath(local)).getResponse().getStatus()).isEqualTo(403);
		int reads = jdbc
			.sql("""
					SELECT COUNT(*) FROM audit_entry WHERE action = 'READ' AND subject_type = 'CARDCUTTING_PERSON' AND actor = 'station'
					AND subject_ref LIKE ?""")
			.param(Masking.mask(local, 3, 4) + " #%")
			.query(Integer.class)
			.single();
		assertThat(reads).isGreaterThanOrEqualTo(1);
		check("bank", local);
		int queries = jdbc
			.sql("""
					SELECT COUNT(*) FROM audit_entry WHERE action = 'READ' AND subject_type = 'DISCIPLINARY_LIST' AND actor = 'bank'
					AND subject_ref = ? AND agency_code = 'ICBC-SN'""")
			.param(Masking.mask(local, 3, 4))
			.query(Integer.class)
			.single();
		assertThat(queries).isEqualTo(1);
	}

	@Test
	void flaggedMuleAccountsAndRestrictedSimsBecomeInvolvement() throws Exception {
		String id = newId("610113");
		String card = newCard();
		String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
		ok(post("centre", "/api/v1/cardcutting/persons",
				"{\"idNumber\":\"%s\",\"name\":\"郑某\",\"regionCode\":\"610113\"}".formatted(id)));
		ok(post("centre", personPath(id) + "/accounts", "{\"bank\":\"ICBC\",\"cardNumber\":\"" + card + "\"}"));
		ok(post("centre", personPath(id) + "/sims", "{\"phone\":\"" + phone + "\"}"));
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(s -> {
			events.publishEvent(new MuleAccountFlagged("ICBC:" + card, "ICBC", "DELAY", List.of("FAN_IN"), "多人转入后快速转出",
					Instant.now().minusSeconds(60)));
			events.publishEvent(new SimRestricted(phone, "CHINA_MOBILE", "SUSPEND", false, List.of("CONFIRMED 被害人报案"),
					Instant.now().minusSeconds(30)));
		});
		String person = "";
		for (int i = 0; i < 200 && !(person.contains("FRAUD_SIM") && person.contains("MULE_ACCOUNT")
				&& person.contains("PROPOSED")); i++) {
			Thread.sleep(50);
			person = ok(get("centre", personPath(id)));
		}
		assertThat(person).contains("\"kind\":\"MULE_ACCOUNT\"")
			.contains("\"source\":\"MONITORING\"")
			.contains("多人转入后快速转出")
			.contains("\"kind\":\"FRAUD_SIM\"")
			.contains("\"source\":\"TELECOM\"")
			.contains("\"status\":\"PROPOSED\"");
	}

	@Test
	void theConsoleShowsTheListAndTheBankQuery() throws Exception {
		String id = newId("610113");
		long listing = proposed(id, "610113", null);
		assertThat(ok(get("centre", "/cardcutting"))).contains("id=\"listing-" + listing + "\"")
			.contains("cc-register")
			.contains("<select id=\"cc-city\"")
			.contains("<select name=\"regionCode\" id=\"cc-region\"");
		assertThat(ok(get("centre", "/cardcutting/listings/" + listing))).contains("class=\"decide\"")
			.contains("data-confirm=\"确定不予列入惩戒名单？\"");
		assertThat(ok(get("station", "/cardcutting/listings/" + listing))).doesNotContain("class=\"decide\"");
		assertThat(ok(get("centre", "/cardcutting/persons/" + personId(id)))).contains("cc-involvement").contains(id);
		MvcResult decided = mvc
			.perform(MockMvcRequestBuilders.post("/cardcutting/listings/" + listing + "/decide")
				.with(httpBasic("centre", DemoLogins.PASSWORD))
				.with(csrf())
				.param("measures", "NON_COUNTER_BUSINESS_STOPPED"))
			.andReturn();
		assertThat(decided.getResponse().getRedirectedUrl()).isEqualTo("/cardcutting/listings/" + listing);
		// the query form is a POST: the ID number stays out of the URL
		String bankPage = ok(mvc
			.perform(MockMvcRequestBuilders.post("/cardcutting/query")
				.with(httpBasic("bank", DemoLogins.PASSWORD))
				.with(csrf())
				.param("idNumber", id))
			.andReturn());
		assertThat(bankPage).contains("停止非柜面业务")
			.contains(Masking.mask(id, 3, 4))
			.doesNotContain(id)
			.doesNotContain("cc-register");
		assertThat(ok(get("centre", "/cardcutting?lang=en"))).contains("Disciplinary list")
			.contains("Proposed (awaiting decision)");
	}

	@Test
	void theDemoShowsAListedDealerAProposedMuleAndAStudentCaseAtNwu() throws Exception {
		assertThat(ok(check("bank", "610113199503150310"))).contains("\"listed\":true")
			.contains("NON_COUNTER_BUSINESS_STOPPED");
		String mule = ok(get("centre", personPath("610113198807220424")));
		assertThat(mule).contains("\"name\":\"王某\"").contains("\"status\":\"PROPOSED\"").contains("MULE_ACCOUNT");
		String dealer = ok(get("centre", personPath("610113199503150310")));
		assertThat(dealer).contains("\"withinLimits\":false").contains("CARDS_PER_BANK").contains("\"serious\":true");
		assertThat(ok(get("school", "/api/v1/schools/cases"))).contains("\"name\":\"李某\"")
			.contains("610***********0520");
	}

}
