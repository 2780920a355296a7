package org.fanzha.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.fanzha.core.BankCardNumber;
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
 * The bulk feed: stored whole, acknowledged with 202, scored in the background by the
 * same monitor; flagged accounts reach the funds module as stop/freeze candidates; a
 * victim's report confirms the account it names.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TransferFeedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FeedIntake feeds;

	MvcResult post(String user, String path, String json) throws Exception {
		return mvc
			.perform(MockMvcRequestBuilders.post(path)
				.with(httpBasic(user, DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
	}

	String get(String user, String path) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.get(path).with(httpBasic(user, DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static String t(String id, String from, String to, long fen, Instant at, String device) {
		return "{\"transferId\":\"%s\",\"fromAccount\":\"%s\",\"toAccount\":\"%s\",\"amountFen\":%d,\"time\":\"%s\"%s}"
			.formatted(id, from, to, fen, at, device == null ? "" : ",\"deviceId\":\"" + device + "\"");
	}

	long feedsStored() {
		return jdbc.sql("SELECT COUNT(*) FROM monitoring_feed").query(Long.class).single();
	}

	String until(String user, String path, String expected) throws Exception {
		String body = "";
		for (int i = 0; i < 200 && !body.contains(expected); i++) {
			body = get(user, path);
			if (!body.contains(expected)) {
				Thread.sleep(50);
			}
		}
		return body;
	}

	@Test
	void aFeedIsScoredInTheBackgroundAndItsMulesBecomeCandidates() throws Exception {
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(900);
		String feed = "[" + t("F1", "ICBC:FP1", "ICBC:FMULE", 300_000, t0, "IMEI,1") + ","
				+ t("F2", "ICBC:FMULE", "CCB:FX", 290_000, t0.plusSeconds(60), null) + ","
				+ t("F3", "ICBC:FP2", "ICBC:FMULE", 300_000, t0.plusSeconds(120), null) + ","
				+ t("F4", "ICBC:FMULE", "CCB:FX", 290_000, t0.plusSeconds(150), null) + ","
				+ t("F5", "ICBC:FP3", "ICBC:FMULE", 300_000, t0.plusSeconds(180), null) + "]";
		MvcResult accepted = post("bank", "/api/v1/transfers/feeds", feed);
		assertThat(accepted.getResponse().getStatus()).as(accepted.getResponse().getContentAsString()).isEqualTo(202);
		String location = accepted.getResponse().getHeader("Location");
		assertThat(location).startsWith("/api/v1/transfers/feeds/");
		String done = until("bank", location, "\"status\":\"DONE\"");
		assertThat(done).contains("\"status\":\"DONE\"")
			.contains("\"processed\":5")
			.contains("\"DELAY\":1")
			.contains("\"ALLOW\":4");
		assertThat(get("bank", location + "/restricted")).contains("\"transferId\":\"F5\"")
			.contains("FAN_IN")
			.doesNotContain("\"transferId\":\"F1\"");
		// a retry through the synchronous API gets the feed's answer
		assertThat(post("bank", "/api/v1/transfers/decisions",
				t("F5", "ICBC:FP3", "ICBC:FMULE", 300_000, t0.plusSeconds(180), null))
			.getResponse()
			.getContentAsString()).contains("\"decision\":\"DELAY\"");
		// other agencies do not see it; the centre does
		assertThat(mvc.perform(MockMvcRequestBuilders.get(location).with(httpBasic("telecom", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isIn(403, 404);
		assertThat(get("centre", location)).contains("\"status\":\"DONE\"");
		// the flagged account reaches funds as a candidate (through the outbox)
		String candidates = until("centre", "/api/v1/funds/candidates", "ICBC:FMULE");
		assertThat(candidates).contains("\"accountId\":\"ICBC:FMULE\"")
			.contains("\"institution\":\"ICBC\"")
			.contains("FAN_IN");
		assertThat(get("centre", "/funds")).contains("id=\"candidates\"").contains("ICBC:FMULE");
		MvcResult dismissed = post("centre", "/api/v1/funds/candidates/ICBC:FMULE/close",
				"{\"verdict\":\"DISMISSED\"}");
		assertThat(dismissed.getResponse().getStatus()).isEqualTo(200);
		assertThat(get("centre", "/api/v1/funds/candidates")).doesNotContain("ICBC:FMULE");
		assertThat(
				post("centre", "/api/v1/funds/candidates/ICBC:FMULE/close", "{\"verdict\":\"DISMISSED\"}").getResponse()
					.getStatus())
			.isEqualTo(404);
		assertThat(post("centre", "/api/v1/funds/candidates/ICBC:FMULE/close", "{\"verdict\":\"MAYBE\"}").getResponse()
			.getStatus()).isEqualTo(400);
	}

	@Test
	void aBadFeedIsRefusedWholeAndNothingIsStored() throws Exception {
		long before = feedsStored();
		Instant at = Instant.now().minusSeconds(60);
		MvcResult bad = post("bank", "/api/v1/transfers/feeds", "[" + t("G1", "ICBC:A", "ICBC:B", 100, at, null) + ","
				+ t("G2", "ICBC:A", "ICBC:B", -5, at, null) + "]");
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(bad.getResponse().getContentAsString()).contains("[1].amountFen");
		assertThat(post("bank", "/api/v1/transfers/feeds", "[{\"transferId\":").getResponse().getStatus())
			.isEqualTo(400);
		assertThat(post("bank", "/api/v1/transfers/feeds", "[]").getResponse().getStatus()).isEqualTo(400);
		assertThat(post("centre", "/api/v1/transfers/feeds", "[" + t("G3", "A", "B", 1, at, null) + "]").getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(feedsStored()).isEqualTo(before);
	}

	@Test
	void aFeedStoredButNotFinishedIsScoredAtTheNextStart() throws Exception {
		long id = jdbc.sql("""
				INSERT INTO monitoring_feed (bank, received_at, transfers, payload, status, processed)
				VALUES ('ICBC', CURRENT_TIMESTAMP, 2, ?, 'RUNNING', 0)""")
			.param("H1,ICBC:H,ICBC:I,100,,\nH2,ICBC:I,,100," + (Instant.now().getEpochSecond() - 5) + ",dev%2C1\n")
			.update() * 0L;
		id = jdbc.sql("SELECT MAX(id) FROM monitoring_feed").query(Long.class).single();
		feeds.resume();
		String done = until("bank", "/api/v1/transfers/feeds/" + id, "\"status\":\"DONE\"");
		assertThat(done).contains("\"processed\":2").contains("\"ALLOW\":2");
	}

	@Test
	void aVictimsReportConfirmsTheAccountItNames() throws Exception {
		String payee = BankCardNumber.withLuhnDigit("621700000000077777");
		Instant at = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		String intake = """
				{"victim":{"name":"李华","idNumber":"11010519491231002X","phone":"13912345678","regionCode":"610113"},
				 "fraudType":"FAKE_POLICE","narrative":"自称公安民警来电","reportedAt":"%s",
				 "payments":[{"payerAccount":"%s","payeeName":"王某","payeeAccount":"%s","payeeBank":"CCB",
				   "amountFen":500000,"paidAt":"%s","transferId":"T9"}]}""".formatted(at,
				BankCardNumber.withLuhnDigit("622202000000000000"), payee, at.minus(20, ChronoUnit.MINUTES));
		assertThat(post("centre", "/api/v1/cases", intake).getResponse().getStatus()).isEqualTo(201);
		String d = "";
		for (int i = 0; i < 200 && !d.contains("PROTECTIVE_FREEZE"); i++) {
			d = post("bank", "/api/v1/transfers/decisions",
					t("V" + i, "ICBC:NEXTVICTIM", payee, 200_000,
							Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1), null))
				.getResponse()
				.getContentAsString();
			if (!d.contains("PROTECTIVE_FREEZE")) {
				Thread.sleep(50);
			}
		}
		assertThat(d).contains("\"decision\":\"PROTECTIVE_FREEZE\"")
			.contains("TO_CONFIRMED")
			.contains("第三十二条")
			.contains("\"holdUntil\":");
	}

}
