package org.fanzha.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.fanzha.identity.NewUser;
import org.fanzha.identity.Role;
import org.fanzha.ledger.TransferLedger;
import org.fanzha.support.DemoLogins;
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
 * The whole fund chain as a platform without the simulator sees it: two banks post their
 * transfers (ICBC through the decision API, CCB as a bulk feed), the victims report, the
 * plan is traced across three banks, the banks answer the stops with statements (one of
 * which extends the trace to a fourth bank), stops are joined rather than duplicated,
 * three freezes are returned — a single deposit directly, a mixed account pro rata after
 * the notice, and a second freeze that would pay a victim more than they lost — and every
 * fen adds up per victim.
 */
@SpringBootTest(properties = { "fanzha.simulation.enabled=false", "fanzha.funds.auto-issue=NONE" })
@AutoConfigureMockMvc
class FundChainTests {

	static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	static final Instant T0 = START.minus(2, ChronoUnit.HOURS);

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

	String body(MvcResult r) throws Exception {
		return r.getResponse().getContentAsString();
	}

	String getJson(String user, String path) throws Exception {
		return mvc.perform(get(path).with(httpBasic(user, DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static String field(String json, String name) {
		return json.replaceAll("(?s).*?\"" + name + "\":\"?([^\",}]+)\"?[,}].*", "$1");
	}

	void bankUser(String user, String bank) {
		if (directory.agency(bank + "-SN").isEmpty()) {
			directory.createAgency(bank + "-SN", bank + " 陕西省分行", AgencyType.BANK, "610000");
		}
		if (!directory.userExists(user)) {
			directory.register(
					new NewUser(user, DemoLogins.PASSWORD, bank + "专员", null, bank + "-SN", Set.of(Role.BANK_OFFICER)));
		}
	}

	static String t(String id, String from, String to, long fen, Instant at) {
		return "{\"transferId\":\"%s\",\"fromAccount\":\"%s\",\"toAccount\":%s,\"amountFen\":%d,\"time\":\"%s\"}"
			.formatted(id, from, to == null ? "null" : "\"" + to + "\"", fen, at);
	}

	String report(String name, String payer, String payee, String bank, long fen, Instant paid, String transferId)
			throws Exception {
		MvcResult r = post("centre", "/api/v1/cases", """
				{"victim":{"name":"%s","idNumber":"11010519491231002X","regionCode":"610113"},"fraudType":"INVESTMENT",
				 "reportedAt":"%s","payments":[{"payerAccount":"%s","payeeName":"某商贸公司","payeeAccount":"%s",
				 "payeeBank":"%s","amountFen":%d,"paidAt":"%s"%s}]}""".formatted(name, START.minusSeconds(60), payer,
				payee, bank, fen, paid, transferId == null ? "" : ",\"transferId\":\"" + transferId + "\""));
		assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(201);
		return field(body(r), "caseNumber");
	}

	List<InstructionView> waitFor(String caseNumber, Predicate<List<InstructionView>> done) throws Exception {
		List<InstructionView> plan = funds.forCase(caseNumber);
		for (int i = 0; i < 150 && !done.test(plan); i++) {
			Thread.sleep(100);
			plan = funds.forCase(caseNumber);
		}
		assertThat(done.test(plan)).as("plan of %s: %s", caseNumber, plan).isTrue();
		return plan;
	}

	static InstructionView on(List<InstructionView> plan, String account) {
		return plan.stream().filter(v -> v.accountId().equals(account)).findFirst().orElseThrow();
	}

	String answer(String user, long id, String json) throws Exception {
		MvcResult r = post(user, "/api/v1/funds/bank/instructions/" + id + "/answer", json);
		assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(200);
		return body(r);
	}

	String freeze(long stop, String document) throws Exception {
		MvcResult r = post("centre", "/api/v1/funds/instructions/" + stop + "/freeze", """
				{"documentNumber":"%s","issuingUnit":"陕西省公安厅反诈中心","officerOne":"王警官","officerTwo":"李警官"}"""
			.formatted(document));
		assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(200);
		return field(body(r), "id");
	}

	@Test
	void feedsStatementsStopsFreezesAndReturnsAddUpPerVictim() throws Exception {
		bankUser("ccb", "CCB");
		bankUser("abc", "ABC");
		bankUser("boc", "BOC");

		// ICBC asks for decisions on its transfers; CCB sends its day as a feed (arriving
		// later, older rows: the ledger
		// rebuilds in time order)
		MvcResult icbc = post("bank", "/api/v1/transfers/decisions/batch",
				"[" + String.join(",", t("TA1", "ICBC:VA", "ICBC:M1", 600_000, T0),
						t("TB1", "ICBC:VB", "ICBC:M1", 300_000, T0.plusSeconds(60)),
						t("TM13", "ICBC:M1", "ABC:M3", 300_000, T0.plusSeconds(90)),
						t("TM12", "ICBC:M1", "CCB:M2", 600_000, T0.plusSeconds(120)),
						t("TF1", "ICBC:VF", "CCB:M2", 50_000, T0.plusSeconds(3_000))) + "]");
		assertThat(icbc.getResponse().getStatus()).as(body(icbc)).isEqualTo(200);
		MvcResult ccb = post("ccb", "/api/v1/transfers/feeds",
				"[" + String.join(",", t("TD1", "BOC:VD", "CCB:M5", 250_000, T0.plusSeconds(300))) + "]");
		assertThat(ccb.getResponse().getStatus()).isEqualTo(202);
		for (int i = 0; i < 100 && !getJson("ccb", ccb.getResponse().getHeader("Location")).contains("\"DONE\""); i++) {
			Thread.sleep(50);
		}
		assertThat(ledger.transfer("TD1")).isPresent();
		assertThat(ledger.transfer("TA1")).isPresent();

		String a = report("甲", "ICBC:VA", "ICBC:M1", "ICBC", 600_000, T0, "TA1");
		String b = report("乙", "ICBC:VB", "ICBC:M1", "ICBC", 300_000, T0.plusSeconds(60), null);
		// C paid into an ABC account no bank has told the platform about
		String c = report("丙", "ABC:VC", "ABC:M6", "ABC", 200_000, T0.plusSeconds(600), null);
		String d = report("丁", "BOC:VD", "CCB:M5", "CCB", 250_000, T0.plusSeconds(300), "TD1");

		// traced across three banks (FIFO at ICBC:M1): A's money sits at ABC:M3 (300,000)
		// and CCB:M2 (300,000), B's at
		// CCB:M2 (300,000)
		List<InstructionView> planA = waitFor(a, p -> p.size() >= 2);
		InstructionView m2 = on(planA, "CCB:M2");
		InstructionView m3 = on(planA, "ABC:M3");
		assertThat(m2.level()).isEqualTo(2);
		assertThat(m3.level()).isEqualTo(2);
		assertThat(m3.institution()).isEqualTo("ABC");
		// B joins the instruction to M2 that is on its way: one instruction, its amount
		// extended
		waitFor(b, p -> !p.isEmpty());
		m2 = on(funds.forCase(a), "CCB:M2");
		assertThat(m2.cases()).containsExactlyInAnyOrder(a, b);
		assertThat(m2.amountFen()).isEqualTo(600_000);
		assertThat(funds.forCase(b)).extracting(InstructionView::id).containsExactly(m2.id());
		// C's payment is unknown to the ledger: an emergency stop for the amount paid
		assertThat(waitFor(c, p -> !p.isEmpty())).singleElement().satisfies(v -> {
			assertThat(v.accountId()).isEqualTo("ABC:M6");
			assertThat(v.amountFen()).isEqualTo(200_000);
		});
		InstructionView m5 = on(waitFor(d, p -> !p.isEmpty()), "CCB:M5");

		for (String n : List.of(a, c, d)) {
			post("centre", "/api/v1/funds/cases/" + n + "/instructions/confirm", "");
		}
		// the bank's inbox, every type, with deadlines; kept by the gateway's events
		String inbox = "";
		for (int i = 0; i < 100 && !inbox.contains("\"instructionId\":" + m5.id()); i++) {
			Thread.sleep(50);
			inbox = getJson("ccb", "/api/v1/funds/bank/inbox");
		}
		assertThat(inbox).contains("\"type\":\"STOP\"")
			.contains("\"instructionId\":" + m2.id())
			.contains("\"deadline\":\"");

		// CCB stops M2 and sends the statement: both rows are transfers the ledger has
		// (one under another id)
		answer("ccb", m2.id(),
				"""
						{"answerId":"ccb-1","result":"EXECUTED","statement":[
						 {"at":"%s","direction":"IN","counterpartyAccount":"ICBC:M1","counterpartyBank":"ICBC","amountFen":600000},
						 {"transferId":"TF1","at":"%s","direction":"IN","counterpartyAccount":"ICBC:VF","counterpartyBank":"ICBC",
						  "counterpartyName":"戊","amountFen":50000}]}"""
					.formatted(T0.plusSeconds(120), T0.plusSeconds(3_000)));
		int transfers = ledger.transfers();
		// ABC's statement shows money moved on to a fourth bank: the ledger and the plan
		// grow at once
		answer("abc", m3.id(),
				"""
						{"answerId":"abc-1","result":"PARTIALLY_EXECUTED","stoppedFen":270000,"statement":[
						 {"transferId":"ABC-77","at":"%s","direction":"OUT","counterpartyAccount":"BOC:M7","counterpartyBank":"BOC",
						  "counterpartyName":"赵某","amountFen":30000,"channel":"THIRD_PARTY"}]}"""
					.formatted(T0.plusSeconds(400)));
		assertThat(ledger.transfers()).isEqualTo(transfers + 1);
		InstructionView m7 = on(waitFor(a, p -> p.stream().anyMatch(v -> v.accountId().equals("BOC:M7"))), "BOC:M7");
		assertThat(m7.level()).isEqualTo(3);
		assertThat(m7.institution()).isEqualTo("BOC");
		assertThat(m7.payeeName()).isEqualTo("赵某");
		answer("ccb", m5.id(), "{\"answerId\":\"ccb-2\",\"result\":\"EXECUTED\"}");

		// F paid into M2 after the stop: F's case is served by the stop in force, not by
		// a second stop
		String f = report("戊", "ICBC:VF", "CCB:M2", "CCB", 50_000, T0.plusSeconds(3_000), "TF1");
		waitFor(f, p -> !p.isEmpty());
		assertThat(funds.forCase(f)).extracting(InstructionView::id).containsExactly(m2.id());
		assertThat(funds.board(null, "CCB", null, 100)).filteredOn(v -> v.accountId().equals("CCB:M2")).hasSize(1);

		// freezes: M2 (A, B and F mixed), M5 (D's single deposit), M3 (A only)
		String fz2 = freeze(m2.id(), "陕公冻字[2026]101号");
		String fz5 = freeze(m5.id(), "陕公冻字[2026]102号");
		String fz3 = freeze(m3.id(), "陕公冻字[2026]103号");
		assertThat(body(post("ccb", "/api/v1/funds/bank/freezes/" + fz2 + "/answer",
				"{\"answerId\":\"ccb-f2\",\"result\":\"FROZEN\"}")))
			.contains("\"frozenFen\":600000");
		post("ccb", "/api/v1/funds/bank/freezes/" + fz5 + "/answer", "{\"answerId\":\"ccb-f5\",\"result\":\"FROZEN\"}");
		assertThat(body(post("abc", "/api/v1/funds/bank/freezes/" + fz3 + "/answer",
				"{\"answerId\":\"abc-f3\",\"result\":\"FROZEN\"}")))
			.contains("\"frozenFen\":270000");

		// D's money came in one deposit: returned directly, no notice, decided at once
		MvcResult single = post("centre", "/api/v1/funds/freezes/" + fz5 + "/returns",
				"{\"caseNumbers\":[\"" + d + "\"]}");
		assertThat(body(single)).contains("\"basis\":\"SINGLE_DEPOSIT\"")
			.contains("\"status\":\"PROPOSED\"")
			.contains("\"noticeUntil\":null")
			.contains("\"amountFen\":250000");
		String r5 = field(body(single), "id");
		assertThat(body(post("centre", "/api/v1/funds/returns/" + r5 + "/decide", "{}")))
			.contains("\"status\":\"DECIDED\"");
		assertThat(body(post("ccb", "/api/v1/funds/bank/returns/" + r5 + "/executed", "{\"answerId\":\"ccb-r5\"}")))
			.contains("\"status\":\"EXECUTED\"");

		// C's money never reached M2: refused, with the reason, and nothing stored
		MvcResult refused = post("centre", "/api/v1/funds/freezes/" + fz2 + "/returns",
				"{\"caseNumbers\":[\"" + a + "\",\"" + b + "\",\"" + c + "\"]}");
		assertThat(refused.getResponse().getStatus()).isEqualTo(409);
		assertThat(body(refused)).contains(c).contains("never reached account CCB:M2");
		assertThat(getJson("centre", "/api/v1/funds/freezes/" + fz2 + "/returns")).isEqualTo("[]");

		// A, B and F share M2 pro rata by loss (one deposit mixes A and B): 600,000 x
		// 600/950, 300/950, 50/950
		// = 378,947.37 / 189,473.68 / 31,578.95 -> floors 599,998, the 2 fen to .95 (F)
		// and .68 (B); 30-day notice
		MvcResult pro = post("centre", "/api/v1/funds/freezes/" + fz2 + "/returns",
				"{\"caseNumbers\":[\"" + f + "\",\"" + b + "\",\"" + a + "\"]}");
		assertThat(body(pro)).contains("\"basis\":\"PRO_RATA\"")
			.contains("\"status\":\"NOTICE\"")
			.contains("\"remainderFen\":0")
			.contains("\"caseNumber\":\"" + a + "\",\"lossFen\":600000,\"returnedBeforeFen\":0,\"amountFen\":378947")
			.contains("\"caseNumber\":\"" + b + "\",\"lossFen\":300000,\"returnedBeforeFen\":0,\"amountFen\":189474")
			.contains("\"caseNumber\":\"" + f + "\",\"lossFen\":50000,\"returnedBeforeFen\":0,\"amountFen\":31579");
		String r2 = field(body(pro), "id");
		assertThat(post("centre", "/api/v1/funds/returns/" + r2 + "/decide", "{}").getResponse().getStatus())
			.isEqualTo(409);

		// A's money in M3 came in one deposit; A is owed 600,000 - 378,947 = 221,053 over
		// every freeze: capped there,
		// the rest of M3 stays frozen
		MvcResult capped = post("centre", "/api/v1/funds/freezes/" + fz3 + "/returns",
				"{\"caseNumbers\":[\"" + a + "\"]}");
		assertThat(body(capped)).contains("\"basis\":\"SINGLE_DEPOSIT\"")
			.contains("\"noticeUntil\":null")
			.contains("\"returnedBeforeFen\":378947,\"amountFen\":221053")
			.contains("\"remainderFen\":48947");
		String r3 = field(body(capped), "id");
		post("centre", "/api/v1/funds/returns/" + r3 + "/decide", "{}");
		post("abc", "/api/v1/funds/bank/returns/" + r3 + "/executed", "{\"answerId\":\"abc-r3\"}");

		// 48 hours after it was executed a stop is EXPIRED by itself and no freeze can
		// come from it
		clock.advance(Duration.ofHours(49));
		post("centre", "/api/v1/funds/cases/" + a + "/instructions/confirm", "");
		answer("boc", m7.id(), "{\"answerId\":\"boc-1\",\"result\":\"EXECUTED\"}");
		clock.advance(Duration.ofHours(49));
		funds.expireStops(); // also on a schedule
		assertThat(funds.byId(m7.id()).orElseThrow().status()).isEqualTo(Workflows.StopStatus.EXPIRED);
		assertThat(funds.history(m7.id())).extracting(h -> h[1])
			.containsExactly("PROPOSED", "ISSUED", "EXECUTED", "EXPIRED");
		MvcResult late = post("centre", "/api/v1/funds/instructions/" + m7.id() + "/freeze",
				"{\"documentNumber\":\"x\",\"issuingUnit\":\"y\",\"officerOne\":\"王\",\"officerTwo\":\"李\"}");
		assertThat(late.getResponse().getStatus()).isEqualTo(409);
		assertThat(body(late)).contains("EXPIRED");

		// after the notice the pro-rata round is decided and paid
		clock.advance(Duration.ofDays(30));
		assertThat(body(post("centre", "/api/v1/funds/returns/" + r2 + "/decide", "{}")))
			.contains("\"status\":\"DECIDED\"");
		post("ccb", "/api/v1/funds/bank/returns/" + r2 + "/executed", "{\"answerId\":\"ccb-r2\"}");

		// every fen, per victim, across every freeze and round
		assertThat(getJson("centre", "/api/v1/funds/cases/" + a + "/victim")).contains("\"lossFen\":600000")
			.contains("\"allottedFen\":600000")
			.contains("\"returnedFen\":600000");
		assertThat(getJson("centre", "/api/v1/funds/cases/" + b + "/victim")).contains("\"returnedFen\":189474");
		assertThat(getJson("centre", "/api/v1/funds/cases/" + d + "/victim")).contains("\"returnedFen\":250000");
		assertThat(getJson("centre", "/api/v1/funds/cases/" + f + "/victim")).contains("\"returnedFen\":31579");
		assertThat(getJson("centre", "/api/v1/funds/cases/" + c + "/victim")).contains("\"returnedFen\":0");
		// A is owed nothing more: a further round for A alone opens nothing
		assertThat(post("centre", "/api/v1/funds/freezes/" + fz3 + "/returns", "{\"caseNumbers\":[\"" + a + "\"]}")
			.getResponse()
			.getStatus()).isEqualTo(409);
	}

}
