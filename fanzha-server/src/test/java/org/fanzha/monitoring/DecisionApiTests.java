package org.fanzha.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.fanzha.identity.NewUser;
import org.fanzha.identity.Role;
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
 * The decision API for banks: a fan-in pattern is delayed with its reasons and appeal;
 * retries are idempotent.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DecisionApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	TransferScreening decisions;

	@Autowired
	JdbcClient jdbc;

	MvcResult post(String user, String path, String json) throws Exception {
		var req = MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json);
		if (user != null) {
			req = req.with(httpBasic(user, DemoLogins.PASSWORD));
		}
		return mvc.perform(req).andReturn();
	}

	static String t(String id, String from, String to, long fen, Instant at) {
		return "{\"transferId\":\"%s\",\"fromAccount\":\"%s\",\"toAccount\":\"%s\",\"amountFen\":%d,\"time\":\"%s\"}"
			.formatted(id, from, to, fen, at);
	}

	@Test
	void fanInWithMoneyPassedOnIsDelayedWithReasonsAndAppeal() throws Exception {
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
		String batch = "[" + t("D1", "ICBC:P1", "ICBC:MULE", 10_000, t0) + ","
				+ t("D2", "ICBC:P2", "ICBC:MULE", 10_000, t0.plusSeconds(60)) + ","
				+ t("D3", "ICBC:MULE", "CCB:X", 19_000, t0.plusSeconds(120)) + "]";
		MvcResult first = post("bank", "/api/v1/transfers/decisions/batch", batch);
		assertThat(first.getResponse().getStatus()).isEqualTo(200);
		assertThat(first.getResponse().getContentAsString()).contains("\"transferId\":\"D1\",\"decision\":\"ALLOW\"");
		MvcResult third = post("bank", "/api/v1/transfers/decisions",
				t("D4", "ICBC:P3", "ICBC:MULE", 10_000, t0.plusSeconds(180)));
		String json = third.getResponse().getContentAsString();
		assertThat(json).contains("\"decision\":\"DELAY\"")
			.contains("\"rule\":\"FAN_IN\"")
			.contains("资金随即转出")
			.contains("\"holdUntil\":\"" + t0.plusSeconds(180 + 86_400) + "\"")
			.contains("第三十二条")
			.contains("\"ruleVersion\":2");
		// the console: the bank sees its decisions and the top reason; the centre sees
		// the flagged account
		String page = mvc
			.perform(MockMvcRequestBuilders.get("/monitoring").with(httpBasic("bank", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"decisions\"").contains("D4").contains("FAN_IN");
		String centrePage = mvc
			.perform(MockMvcRequestBuilders.get("/monitoring").with(httpBasic("centre", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(centrePage).contains("id=\"flagged\"").contains("ICBC:MULE");
		// a retry of the same transfer gets the same answer and is not counted twice
		assertThat(post("bank", "/api/v1/transfers/decisions",
				t("D4", "ICBC:P3", "ICBC:MULE", 10_000, t0.plusSeconds(180)))
			.getResponse()
			.getContentAsString()).isEqualTo(json);
	}

	@Test
	void badInputAndWrongCallers() throws Exception {
		MvcResult bad = post("bank", "/api/v1/transfers/decisions",
				"{\"transferId\":\"\",\"fromAccount\":\"有 空格\",\"amountFen\":-5,\"time\":\"2099-01-01T00:00:00Z\"}");
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(bad.getResponse().getContentAsString()).contains("transferId")
			.contains("fromAccount")
			.contains("amountFen")
			.contains("time");
		assertThat(post("bank", "/api/v1/transfers/decisions", "{\"amountFen\":\"many\"}").getResponse().getStatus())
			.isEqualTo(400);
		assertThat(post("bank", "/api/v1/transfers/decisions/batch", "[]").getResponse().getStatus()).isEqualTo(400);
		assertThat(post("centre", "/api/v1/transfers/decisions", t("Z1", "A", "B", 1, Instant.now())).getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(post(null, "/api/v1/transfers/decisions", t("Z1", "A", "B", 1, Instant.now())).getResponse()
			.getStatus()).isEqualTo(401);
		// an unknown bank: a gateway token nobody issued
		MvcResult unknown = mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/transfers/decisions")
				.header("Authorization", "Bearer fz_0000000000000000000000000000")
				.contentType(MediaType.APPLICATION_JSON)
				.content(t("Z2", "A", "B", 1, Instant.now())))
			.andReturn();
		assertThat(unknown.getResponse().getStatus()).isEqualTo(401);
		assertThat(unknown.getResponse().getContentType()).contains("problem+json");
	}

	@Test
	void aTransferIsKnownByItsBankAndItsContent() throws Exception {
		if (directory.agency("BOC-SN").isEmpty()) {
			directory.createAgency("BOC-SN", "中国银行陕西省分行", AgencyType.BANK, "610000");
		}
		if (!directory.userExists("boc")) {
			directory
				.register(new NewUser("boc", DemoLogins.PASSWORD, "中行专员", null, "BOC-SN", Set.of(Role.BANK_OFFICER)));
		}
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(300);
		decisions.confirm("ICBC:KNOWN-MULE", t0.minusSeconds(60));
		// ICBC: a payment into a reported account is frozen
		String icbc = post("bank", "/api/v1/transfers/decisions",
				t("ID-1", "ICBC:PAYER", "ICBC:KNOWN-MULE", 50_000, t0))
			.getResponse()
			.getContentAsString();
		assertThat(icbc).contains("\"decision\":\"PROTECTIVE_FREEZE\"");
		// BOC uses the same serial number for its own, harmless transfer: it gets its own
		// answer, not ICBC's
		MvcResult boc = post("boc", "/api/v1/transfers/decisions", t("ID-1", "BOC:A", "BOC:B", 1_000, t0));
		assertThat(boc.getResponse().getStatus()).isEqualTo(200);
		assertThat(boc.getResponse().getContentAsString()).contains("\"decision\":\"ALLOW\"");
		// a harmless payment first, then the real one under the same id: refused, not
		// answered ALLOW
		post("boc", "/api/v1/transfers/decisions", t("ID-2", "BOC:A", "BOC:B", 1_000, t0));
		MvcResult reused = post("boc", "/api/v1/transfers/decisions",
				t("ID-2", "BOC:A", "ICBC:KNOWN-MULE", 50_000, t0));
		assertThat(reused.getResponse().getStatus()).isEqualTo(409);
		assertThat(reused.getResponse().getContentAsString()).contains("ID-2").contains("new transferId");
		// a batch that reuses an id inside itself is refused whole: nothing of it is
		// stored
		long before = jdbc.sql("SELECT COUNT(*) FROM monitoring_decision").query(Long.class).single();
		MvcResult batch = post("boc", "/api/v1/transfers/decisions/batch",
				"[" + t("ID-3", "BOC:A", "BOC:B", 1_000, t0) + "," + t("ID-3", "BOC:A", "BOC:C", 2_000, t0) + "]");
		assertThat(batch.getResponse().getStatus()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_decision").query(Long.class).single()).isEqualTo(before);
		// the same content again is the same answer, and what was decided is stored for a
		// restart
		assertThat(post("bank", "/api/v1/transfers/decisions", t("ID-1", "ICBC:PAYER", "ICBC:KNOWN-MULE", 50_000, t0))
			.getResponse()
			.getContentAsString()).isEqualTo(icbc);
		assertThat(jdbc.sql("SELECT decision FROM monitoring_decision WHERE bank = 'ICBC' AND transfer_id = 'ID-1'")
			.query(String.class)
			.single()).isEqualTo("PROTECTIVE_FREEZE");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_confirmation WHERE account_id = 'ICBC:KNOWN-MULE'")
			.query(Long.class)
			.single()).isEqualTo(1L);
	}

}
